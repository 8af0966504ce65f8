import type { Polygon } from 'geojson';
import { bboxCentre, selectFirms, type FirmFilter } from './select-firms';
import { createLocalProjection } from './local-projection';
import { radixSort } from './radix-sort';

/** Where a hexagon grid lies: regular pointy-top hexagons in a local equal-area projection. */
export interface HexGrid {
	/** Projection centre [lon, lat]; hexagon (0, 0) is centred on it. */
	centre: [number, number];
	/** Side (= circumradius) of every hexagon, metres. */
	sizeMetres: number;
}

/** Firm counts per non-empty hexagon, in axial coordinates (q, r), sorted by r then q. */
export interface HexCounts extends HexGrid {
	q: Int32Array;
	r: Int32Array;
	counts: Uint32Array;
	/** Area of every hexagon on the ground: 3√3/2 · size², km². */
	hexAreaKm2: number;
	/** counts / hexAreaKm2, firms per km². */
	density: Float64Array;
	/** Firms that passed the filter but had no coordinates. */
	withoutCoordinates: number;
}

const SQRT3 = Math.sqrt(3);
/** Axial coordinates are packed as 16-bit offsets from −32,768. */
const OFFSET = 32768;

/**
 * Counts firms per hexagon of a regular grid. Each firm is binned in O(1) by axial rounding in a
 * local equal-area projection, so every hexagon has the same area on the ground. Hand-written:
 * @turf/hex-grid draws hexagons over a lon/lat box (stretched with latitude) and does no binning,
 * which would cost a point-in-polygon test per firm; H3 would add a large WebAssembly dependency.
 *
 * @param lons firm longitudes, degrees
 * @param lats firm latitudes, degrees
 * @param options.sizeMetres hexagon side, metres (default 1000: about 2.6 km² per hexagon)
 * @param options.centre projection centre and grid origin, default the centre of the firms' extent;
 *   pass the same centre to compare grids of different data
 * @param options.filter firms to count (mask or predicate), default all
 * @example
 * const hex = hexBin(lons, lats, { sizeMetres: 500 });
 * hexPolygon(hex, hex.q[0], hex.r[0]); // the first hexagon as a GeoJSON polygon
 */
export function hexBin(
	lons: ArrayLike<number>,
	lats: ArrayLike<number>,
	options: { sizeMetres?: number; centre?: [number, number]; filter?: FirmFilter } = {}
): HexCounts {
	const size = options.sizeMetres ?? 1000;
	if (!(size > 0) || !Number.isFinite(size)) throw new Error(`hexBin: sizeMetres must be a positive number of metres, got ${size}.`);
	const firms = selectFirms(lons, lats, options.filter);
	const m = firms.lons.length;
	const centre = options.centre ?? (m > 0 ? bboxCentre(firms.lons, firms.lats) : ([0, 0] as [number, number]));
	const projection = createLocalProjection(centre);
	const xy: [number, number] = [0, 0];
	const keys = new Uint32Array(m);
	for (let k = 0; k < m; k++) {
		projection.forward(firms.lons[k], firms.lats[k], xy);
		// Fractional axial coordinates, then cube rounding (the rounded coordinate with the largest
		// change is recomputed from the other two so q + r + s = 0 holds).
		const qf = ((SQRT3 / 3) * xy[0] - xy[1] / 3) / size;
		const rf = ((2 / 3) * xy[1]) / size;
		const sf = -qf - rf;
		let q = Math.round(qf);
		let r = Math.round(rf);
		const s = Math.round(sf);
		const dq = Math.abs(q - qf);
		const dr = Math.abs(r - rf);
		const ds = Math.abs(s - sf);
		if (dq > dr && dq > ds) q = -r - s;
		else if (dr > ds) r = -q - s;
		if (Math.abs(q) >= OFFSET || Math.abs(r) >= OFFSET) {
			throw new Error(`hexBin: firms lie more than 32,767 hexagons from the centre; use a larger sizeMetres than ${size}.`);
		}
		keys[k] = (((r + OFFSET) << 16) | (q + OFFSET)) >>> 0;
	}
	const sorted = radixSort(keys);
	let cells = 0;
	for (let k = 0; k < m; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) cells++;
	const hexAreaKm2 = ((3 * SQRT3) / 2) * (size / 1000) ** 2;
	const out: HexCounts = {
		centre: [centre[0], centre[1]],
		sizeMetres: size,
		q: new Int32Array(cells),
		r: new Int32Array(cells),
		counts: new Uint32Array(cells),
		hexAreaKm2,
		density: new Float64Array(cells),
		withoutCoordinates: firms.withoutCoordinates
	};
	for (let k = 0, c = -1; k < m; k++) {
		if (k > 0 && sorted[k] === sorted[k - 1]) {
			out.counts[c]++;
			continue;
		}
		c++;
		out.q[c] = (sorted[k] & 0xffff) - OFFSET;
		out.r[c] = (sorted[k] >>> 16) - OFFSET;
		out.counts[c] = 1;
	}
	for (let c = 0; c < cells; c++) out.density[c] = out.counts[c] / hexAreaKm2;
	return out;
}

/**
 * The hexagon (q, r) of a grid as a GeoJSON polygon, counter-clockwise, vertices taken back to
 * lon/lat from the projection.
 *
 * @param grid a HexCounts (or any { centre, sizeMetres })
 * @param q axial column
 * @param r axial row
 * @example
 * hexPolygon({ centre: [139.7, 35.7], sizeMetres: 1000 }, 0, 0).coordinates[0].length; // 7
 */
export function hexPolygon(grid: HexGrid, q: number, r: number): Polygon {
	const projection = createLocalProjection(grid.centre);
	const s = grid.sizeMetres;
	const cx = s * SQRT3 * (q + r / 2);
	const cy = s * 1.5 * r;
	const ring = Array.from({ length: 6 }, (_, k) => {
		const angle = (Math.PI / 180) * (60 * k + 30);
		return projection.inverse(cx + s * Math.cos(angle), cy + s * Math.sin(angle));
	});
	ring.push([ring[0][0], ring[0][1]]);
	return { type: 'Polygon', coordinates: [ring] };
}
