/**
 * The map's firms as Mapbox Vector Tiles, cut on request from typed arrays (in
 * firm-tiles.worker.ts). A GeoJSON source of a million firms made MapLibre's worker parse a
 * million objects and index them at every zoom, which crashed the page's renderer; tiles cut
 * from a k-d tree hold only what is in view. No `$app` imports here, so the worker can load it.
 */
import KDBush from 'kdbush';
import { PbfWriter } from 'pbf';
import { cellAt } from '$lib/core/io/packed-rows';
import type { FirmTable } from '$lib/core/firm-table';

/** The firms for {@link FirmTiles}: positions and industry codes by number, cheap to send to a worker. */
export interface FirmPoints {
	lon: Float64Array;
	lat: Float64Array;
	/** Per firm: index into `codes`. */
	industry: Uint16Array;
	codes: string[];
	/**
	 * Per firm, 1 when its address was found only to the municipality or prefecture and it sits at
	 * that area's representative point (absent: none is). Tiles mark such firms `a`.
	 */
	approximate?: Uint8Array;
}

/** Geocode levels whose point stands for a whole area, not a town. */
const AREA_LEVELS = new Set(['municipality', 'prefecture']);

/** Name of the tiles' one layer (the firm layer's `source-layer`). */
export const FIRM_TILE_LAYER = 'firms';
/** Tile coordinates per tile side, as MapLibre expects of vector tiles. */
export const TILE_EXTENT = 4096;
/**
 * A tile with more firms than this keeps one firm per pixel (the lowest row index): at such
 * zooms the points' circles cover each other anyway, and a million circles in one tile would
 * take MapLibre's worker seconds and hundreds of megabytes.
 */
export const THIN_ABOVE = 50_000;
/** Pixel size in tile units: a vector tile is drawn 512 pixels wide. */
const PIXEL = TILE_EXTENT / 512;

/**
 * Copies of the firms' positions and industry codes as {@link FirmPoints}, to transfer to the worker.
 *
 * @example
 * const points = firmPoints(sample); // post it to the tiles worker
 */
export function firmPoints(sample: Pick<FirmTable, 'lon' | 'lat' | 'industry'> & Partial<Pick<FirmTable, 'columns' | 'rows'>>): FirmPoints {
	const points: FirmPoints = { lon: sample.lon.slice(), lat: sample.lat.slice(), industry: sample.industry.index.slice(), codes: sample.industry.codes };
	const approximate = areaPlaced(sample);
	if (approximate) points.approximate = approximate;
	return points;
}

/**
 * Per firm, 1 when it was located by address only to its municipality or prefecture (its
 * `geocode_level` column); undefined when no firm was.
 *
 * @example
 * areaPlaced(sample)?.reduce((n, a) => n + a, 0); // firms drawn as rings
 */
export function areaPlaced(sample: Partial<Pick<FirmTable, 'columns' | 'rows'>>): Uint8Array | undefined {
	const level = sample.columns?.indexOf('geocode_level') ?? -1;
	if (level < 0 || !sample.rows) return undefined;
	const flags = new Uint8Array(sample.rows.count);
	let any = false;
	for (let i = 0; i < flags.length; i++) {
		if (AREA_LEVELS.has(cellAt(sample.rows, i, level))) {
			flags[i] = 1;
			any = true;
		}
	}
	return any ? flags : undefined;
}

/** Web Mercator x of a longitude, 0..1 west to east. */
export function mercatorX(lon: number): number {
	return (lon + 180) / 360;
}

/** Web Mercator y of a latitude, 0..1 north to south (clamped to the Mercator limit). */
export function mercatorY(lat: number): number {
	const sin = Math.sin((Math.max(-85.0511287798, Math.min(85.0511287798, lat)) * Math.PI) / 180);
	return 0.5 - (0.25 * Math.log((1 + sin) / (1 - sin))) / Math.PI;
}

/**
 * A k-d tree of the firms in Web Mercator and the vector tiles cut from it. Features carry the
 * row index as their id (feature state and popups use it) and the industry code as `c`.
 *
 * @example
 * const tiles = new FirmTiles(firmPoints(sample));
 * const bytes = tiles.tile(14, 14549, 6454); // Uint8Array, a Mapbox Vector Tile
 */
export class FirmTiles {
	readonly count: number;
	readonly #x: Float64Array;
	readonly #y: Float64Array;
	readonly #industry: Uint16Array;
	readonly #codes: string[];
	readonly #approximate: Uint8Array | undefined;
	readonly #index: KDBush;
	readonly #taken = new Uint8Array(512 * 512);

	constructor(points: FirmPoints) {
		const n = points.lon.length;
		this.count = n;
		this.#x = new Float64Array(n);
		this.#y = new Float64Array(n);
		this.#industry = points.industry;
		this.#codes = points.codes;
		this.#approximate = points.approximate;
		this.#index = new KDBush(Math.max(1, n), 64, Float64Array);
		for (let i = 0; i < n; i++) {
			this.#x[i] = mercatorX(points.lon[i]);
			this.#y[i] = mercatorY(points.lat[i]);
			this.#index.add(this.#x[i], this.#y[i]);
		}
		if (n === 0) this.#index.add(-1, -1); // KDBush needs an item; it lies outside every tile
		this.#index.finish();
	}

	/** Row indices of the firms drawn in tile z/x/y, ascending (thinned above {@link THIN_ABOVE}). */
	ids(z: number, x: number, y: number): Uint32Array {
		const scale = 2 ** z;
		const found = this.#index.range(x / scale, y / scale, (x + 1) / scale, (y + 1) / scale);
		// The range is closed; a firm on a tile edge belongs to the tile east or south of it only.
		const ids = new Uint32Array(found.length);
		let kept = 0;
		for (const i of found) {
			if (this.#x[i] * scale < x + 1 && this.#y[i] * scale < y + 1 && this.#x[i] * scale >= x && this.#y[i] * scale >= y) ids[kept++] = i;
		}
		const sorted = ids.subarray(0, kept).sort();
		return kept > THIN_ABOVE ? this.#thin(sorted, z, x, y) : sorted;
	}

	/** The Mapbox Vector Tile z/x/y of the firms, with one layer named {@link FIRM_TILE_LAYER}. */
	tile(z: number, x: number, y: number): Uint8Array {
		const ids = this.ids(z, x, y);
		if (ids.length === 0) return new Uint8Array(0);
		const scale = 2 ** z;
		const values: string[] = [];
		const valueOf = new Map<number, number>();
		const pbf = new PbfWriter();
		// Written by hand rather than with vt-pbf, which wants an object per feature: a low-zoom
		// tile can hold hundreds of thousands of firms.
		pbf.writeMessage(
			3,
			(_: null, layer: PbfWriter) => {
				layer.writeVarintField(15, 2);
				layer.writeStringField(1, FIRM_TILE_LAYER);
				const geometry = [9, 0, 0]; // MoveTo, one point
				const tags = [0, 0];
				// Key 1 `a` with one value, only on firms placed at an area's representative point.
				let areaValue = -1;
				const areaTags = [0, 0, 1, 0];
				for (const i of ids) {
					let value = valueOf.get(this.#industry[i]);
					if (value === undefined) valueOf.set(this.#industry[i], (value = values.push(this.#codes[this.#industry[i]]) - 1));
					geometry[1] = zigzag(Math.floor((this.#x[i] * scale - x) * TILE_EXTENT));
					geometry[2] = zigzag(Math.floor((this.#y[i] * scale - y) * TILE_EXTENT));
					if (this.#approximate?.[i]) {
						if (areaValue < 0) areaValue = values.push('area') - 1;
						areaTags[1] = value;
						areaTags[3] = areaValue;
						layer.writeMessage(2, writeFeature, { id: i, tags: areaTags, geometry });
						continue;
					}
					tags[1] = value;
					layer.writeMessage(2, writeFeature, { id: i, tags, geometry });
				}
				layer.writeStringField(3, 'c');
				layer.writeStringField(3, 'a');
				for (const value of values) layer.writeMessage(4, (text: string, message: PbfWriter) => message.writeStringField(1, text), value);
				layer.writeVarintField(5, TILE_EXTENT);
			},
			null
		);
		return pbf.finish();
	}

	#thin(ids: Uint32Array, z: number, x: number, y: number): Uint32Array {
		const scale = 2 ** z;
		const taken = this.#taken;
		taken.fill(0);
		let kept = 0;
		for (const i of ids) {
			const px = Math.floor(((this.#x[i] * scale - x) * TILE_EXTENT) / PIXEL);
			const py = Math.floor(((this.#y[i] * scale - y) * TILE_EXTENT) / PIXEL);
			const cell = py * 512 + px;
			if (taken[cell]) continue;
			taken[cell] = 1;
			ids[kept++] = i;
		}
		return ids.subarray(0, kept);
	}
}

function writeFeature(feature: { id: number; tags: number[]; geometry: number[] }, pbf: PbfWriter): void {
	pbf.writeVarintField(1, feature.id);
	pbf.writePackedVarint(2, feature.tags);
	pbf.writeVarintField(3, 1); // point
	pbf.writePackedVarint(4, feature.geometry);
}

function zigzag(n: number): number {
	return (n << 1) ^ (n >> 31);
}
