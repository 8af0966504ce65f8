import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { ZoneProblem } from '../lib/core/geo';
import type { Zone } from '../lib/core/model';

/** Zones as `readZones` gives them: the checked and repaired zones, and what was done to them. */
export interface CheckedZones {
	zones: Zone[];
	problems: ZoneProblem[];
}

/**
 * Checked zones kept for the next run with the same zones file. Parsing and checking 2,000
 * zones takes about 0.18 s, a file of full-resolution municipal boundaries seconds, at every run,
 * while a researcher runs many firm lists and buffers against one zones file. An entry is found
 * by the SHA-256 of the file's bytes (so a changed file is read afresh, whatever its date) and
 * holds exactly what checking gave: the zones' coordinates as 64-bit floats, the rest as JSON.
 *
 * Entries live beside the command's bundle (node_modules/.cache/cluster-map/cli-…/zones), so a
 * new version of the code, whose checks may differ, starts with none, and `npm install` or
 * removing node_modules clears them. `CLUSTER_MAP_ZONE_CACHE=off` turns the cache off; a path
 * puts it there. Run from the TypeScript sources (no bundle) there is none. An entry that cannot
 * be read is read afresh; one that cannot be written is not kept: the cache never stops a run.
 */
export function zoneCache(): ZoneCache | null {
	const setting = process.env.CLUSTER_MAP_ZONE_CACHE;
	if (setting === 'off') return null;
	if (setting) return new ZoneCache(setting);
	const here = fileURLToPath(import.meta.url);
	return /[\\/]node_modules[\\/]\.cache[\\/]cluster-map[\\/]cli-[^\\/]+[\\/][^\\/]+\.mjs$/.test(here) ? new ZoneCache(fileURLToPath(new URL('./zones', import.meta.url))) : null;
}

/** Bumped whenever the layout below changes. */
const FORMAT = 1;
const MAGIC = 0x435a_4d43; // "CMZC", little-endian
const HEADER_BYTES = 24;
/** Entries kept: the most recently used. */
const MAX_ENTRIES = 8;

export class ZoneCache {
	constructor(readonly dir: string) {}

	/** The key of a zones file: its bytes, and how they are read (`kind`: GeoJSON or a zipped Shapefile). */
	key(bytes: Uint8Array, kind: string): string {
		return createHash('sha256').update(`cluster-map zones ${FORMAT} ${kind}\0`).update(bytes).digest('hex');
	}

	/** The checked zones kept under `key`, or null. */
	get(key: string): CheckedZones | null {
		const path = join(this.dir, `${key}.zones`);
		let bytes: Buffer;
		try {
			bytes = readFileSync(path);
		} catch {
			return null;
		}
		const found = decode(bytes);
		if (found === null) {
			forget(path);
			return null;
		}
		try {
			const now = new Date();
			utimesSync(path, now, now); // most recently used: the last to be pruned
		} catch {
			// read-only: kept as it is
		}
		return found;
	}

	/** Keeps `checked` under `key`, unless its positions carry more than longitude and latitude. */
	put(key: string, checked: CheckedZones): void {
		const bytes = encode(checked);
		if (bytes === null) return;
		const path = join(this.dir, `${key}.zones`);
		const partial = `${path}.partial-${process.pid}`;
		try {
			mkdirSync(this.dir, { recursive: true });
			writeFileSync(partial, bytes);
			renameSync(partial, path); // atomic: a run started meanwhile never reads half an entry
			this.prune();
		} catch {
			forget(partial);
		}
	}

	private prune(): void {
		const entries = readdirSync(this.dir)
			.filter((name) => name.endsWith('.zones'))
			.map((name) => ({ path: join(this.dir, name), used: statSync(join(this.dir, name)).mtimeMs }))
			.sort((a, b) => b.used - a.used);
		for (const { path } of entries.slice(MAX_ENTRIES)) forget(path);
	}
}

/** Removes a file of the cache if it can. */
function forget(path: string): void {
	try {
		rmSync(path, { force: true });
	} catch {
		// not ours to remove, or already gone with its folder
	}
}

/**
 * Layout: header (magic, format, JSON bytes, shape count, coordinate count, 0), the JSON of the
 * zones without their coordinates and the problems, padded to 8 bytes; the shape (per zone: for a
 * Polygon its ring count then each ring's length, for a MultiPolygon its polygon count then each
 * polygon as a Polygon) as 32-bit integers, padded to 8 bytes; the coordinates, longitude and
 * latitude of every position in order, as 64-bit floats.
 */
function encode({ zones, problems }: CheckedZones): Uint8Array | null {
	const shape: number[] = [];
	let positions = 0;
	for (const zone of zones) {
		const polygons = zone.geometry.type === 'Polygon' ? [zone.geometry.coordinates] : zone.geometry.coordinates;
		if (zone.geometry.type === 'MultiPolygon') shape.push(polygons.length);
		for (const rings of polygons) {
			shape.push(rings.length);
			for (const ring of rings) {
				shape.push(ring.length);
				for (const position of ring) if (position.length !== 2) return null;
				positions += ring.length;
			}
		}
	}
	const coordinates = new Float64Array(positions * 2);
	let at = 0;
	for (const zone of zones) {
		const polygons = zone.geometry.type === 'Polygon' ? [zone.geometry.coordinates] : zone.geometry.coordinates;
		for (const rings of polygons) {
			for (const ring of rings) {
				for (const [lon, lat] of ring) {
					coordinates[at++] = lon;
					coordinates[at++] = lat;
				}
			}
		}
	}
	const described = zones.map((zone) => ({ ...zone, geometry: { ...zone.geometry, coordinates: null } }));
	const json = Buffer.from(JSON.stringify({ zones: described, problems }), 'utf8');
	const jsonEnd = pad8(HEADER_BYTES + json.length);
	const shapeEnd = pad8(jsonEnd + shape.length * 4);
	const bytes = new Uint8Array(shapeEnd + coordinates.byteLength);
	const header = new DataView(bytes.buffer);
	[MAGIC, FORMAT, json.length, shape.length, positions * 2, 0].forEach((value, i) => header.setUint32(i * 4, value, true));
	bytes.set(json, HEADER_BYTES);
	new Uint32Array(bytes.buffer, jsonEnd, shape.length).set(shape);
	bytes.set(new Uint8Array(coordinates.buffer), shapeEnd);
	return bytes;
}

function decode(bytes: Uint8Array): CheckedZones | null {
	if (bytes.length < HEADER_BYTES) return null;
	// A copy at offset 0: typed-array views need their alignment, which a read buffer need not have.
	const own = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
	const header = new DataView(own.buffer, own.byteOffset, HEADER_BYTES);
	const [magic, format, jsonBytes, shapeCount, coordinateCount] = [0, 1, 2, 3, 4].map((i) => header.getUint32(i * 4, true));
	if (magic !== MAGIC || format !== FORMAT) return null;
	const jsonEnd = pad8(HEADER_BYTES + jsonBytes);
	const shapeEnd = pad8(jsonEnd + shapeCount * 4);
	if (own.length !== shapeEnd + coordinateCount * 8) return null;
	try {
		const { zones, problems } = JSON.parse(Buffer.from(own.buffer, own.byteOffset + HEADER_BYTES, jsonBytes).toString('utf8')) as { zones: Zone[]; problems: ZoneProblem[] };
		const shape = new Uint32Array(own.buffer, own.byteOffset + jsonEnd, shapeCount);
		const coordinates = new Float64Array(own.buffer, own.byteOffset + shapeEnd, coordinateCount);
		const read = { shape: 0, coordinate: 0 };
		for (const zone of zones) {
			const geometry = zone.geometry as Polygon | MultiPolygon;
			if (geometry.type === 'Polygon') geometry.coordinates = polygonAt(shape, coordinates, read);
			else geometry.coordinates = Array.from({ length: count(shape, read) }, () => polygonAt(shape, coordinates, read));
		}
		if (read.shape !== shapeCount || read.coordinate !== coordinateCount) return null;
		return { zones, problems };
	} catch {
		return null; // not JSON, or a shape that runs past its arrays
	}
}

/** One polygon's rings, read from `read` on; throws past the end of the arrays. */
function polygonAt(shape: Uint32Array, coordinates: Float64Array, read: { shape: number; coordinate: number }): Position[][] {
	const rings: Position[][] = new Array(count(shape, read));
	for (let r = 0; r < rings.length; r++) {
		const length = count(shape, read);
		if (read.coordinate + length * 2 > coordinates.length) throw new RangeError('coordinates past the end');
		const ring: Position[] = new Array(length);
		for (let i = 0; i < length; i++, read.coordinate += 2) ring[i] = [coordinates[read.coordinate], coordinates[read.coordinate + 1]];
		rings[r] = ring;
	}
	return rings;
}

/** The next count of the shape; throws past its end. */
function count(shape: Uint32Array, read: { shape: number }): number {
	if (read.shape >= shape.length) throw new RangeError('shape past the end');
	return shape[read.shape++];
}

const pad8 = (n: number) => Math.ceil(n / 8) * 8;
