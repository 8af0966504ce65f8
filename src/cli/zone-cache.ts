import { createHash, type Hash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { ZoneParts } from '../lib/core/classify';
import type { ZoneProblem } from '../lib/core/geo';
import type { Zone } from '../lib/core/model';
import { digestAfter, readEntry, writeEntry, type EntryLimits } from './cache-files';

/** Zones as `readZones` gives them (the checked and repaired zones, what was done to them) and their parts. */
export interface CheckedZones {
	zones: Zone[];
	problems: ZoneProblem[];
	parts: ZoneParts;
}

/**
 * Checked zones kept for the next run with the same zones file. Parsing and checking 2,000
 * zones takes about 0.18 s, a file of full-resolution municipal boundaries seconds, at every run,
 * while a researcher runs many firm lists and buffers against one zones file. An entry is found
 * by the SHA-256 of the file's bytes (so a changed file is read afresh, whatever its date) and
 * holds exactly what checking gave — the zones' coordinates as 64-bit floats, the rest as JSON —
 * and the zone index's edge tables (`zoneParts`), another 0.06 s; a checksum keeps a damaged entry out.
 *
 * Entries live beside the command's bundle (node_modules/.cache/cluster-map/cli-…/zones), so a
 * new version of the code, whose checks may differ, starts with none, and a rebuilt bundle or
 * removing node_modules clears them. `CLUSTER_MAP_ZONE_CACHE=off` turns the cache off; a folder
 * puts it there, in a subfolder named after the bundle for the same reason. Run from the
 * TypeScript sources (no bundle) there is none. An entry that cannot be read is read afresh; one
 * that cannot be written is not kept: the cache never stops a run.
 */
export function zoneCache(): ZoneCache | null {
	const setting = process.env.CLUSTER_MAP_ZONE_CACHE;
	const bundle = /[\\/]node_modules[\\/]\.cache[\\/]cluster-map[\\/](cli-[^\\/]+)[\\/][^\\/]+\.mjs$/.exec(fileURLToPath(import.meta.url));
	if (setting === 'off' || bundle === null) return null;
	return new ZoneCache(setting ? join(setting, bundle[1]) : fileURLToPath(new URL('./zones', import.meta.url)));
}

/** Bumped whenever the layout below changes. */
const FORMAT = 1;
const MAGIC = 0x435a_4d43; // "CMZC", little-endian
/** Magic, format, JSON bytes, 0, then the SHA-256 of everything after the header. */
const HEADER_BYTES = 48;
/** Entries kept: the most recently used, up to eight and 1 GiB together. */
const LIMITS: EntryLimits = { ending: '.zones', entries: 8, bytes: 1 << 30 };

export class ZoneCache {
	constructor(readonly dir: string) {}

	/** The key of a zones file: its bytes, and how they are read (`kind`: GeoJSON or a zipped Shapefile). */
	key(bytes: Uint8Array, kind: string): string {
		return keyHash(kind).update(bytes).digest('hex');
	}

	/**
	 * {@link key} of the file at `path`, read through one small buffer: when the entry is found the
	 * file is not needed whole, and the memory of a fresh copy (written page by page) would cost
	 * more than the hash.
	 *
	 * @throws when the file cannot be read, or is not a regular file
	 */
	keyOfFile(path: string, kind: string): string {
		const hash = keyHash(kind);
		const buffer = new Uint8Array(1 << 18);
		const fd = openSync(path, 'r');
		try {
			// A pipe would be used up here: only a regular file is read twice.
			if (!fstatSync(fd).isFile()) throw new Error(`${path} is not a regular file`);
			for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0; ) hash.update(buffer.subarray(0, n));
		} finally {
			closeSync(fd);
		}
		return hash.digest('hex');
	}

	/** The checked zones kept under `key`, or null. */
	get(key: string): CheckedZones | null {
		return readEntry(join(this.dir, `${key}.zones`), decode);
	}

	/** Keeps `checked` under `key`, unless its positions carry more than longitude and latitude. */
	put(key: string, checked: CheckedZones): void {
		const bytes = encode(checked);
		if (bytes !== null) writeEntry(join(this.dir, `${key}.zones`), bytes, LIMITS);
	}
}

/** The hash of a key, before the file's bytes: what they are and how they are read. */
function keyHash(kind: string): Hash {
	return createHash('sha256').update(`cluster-map zones ${FORMAT} ${kind}\0`);
}

/**
 * Layout: the header; the JSON of the zones without their coordinates, the problems, the part
 * count and the kinds and lengths of the arrays, padded to 8 bytes; then each array, padded to 8
 * bytes: the shape of the zones' coordinates (per zone: for a Polygon its ring count then each
 * ring's length, for a MultiPolygon its polygon count then each polygon as a Polygon), their
 * longitudes and latitudes in order, then the arrays of the zone parts.
 */
interface Described {
	zones: Zone[];
	problems: ZoneProblem[];
	partCount: number;
	arrays: ['f64' | 'u32', number][];
}

function encode({ zones, problems, parts }: CheckedZones): Uint8Array | null {
	const shape: number[] = [];
	const lonLats: number[] = [];
	for (const zone of zones) {
		const polygons = zone.geometry.type === 'Polygon' ? [zone.geometry.coordinates] : zone.geometry.coordinates;
		if (zone.geometry.type === 'MultiPolygon') shape.push(polygons.length);
		for (const rings of polygons) {
			shape.push(rings.length);
			for (const ring of rings) {
				shape.push(ring.length);
				for (const position of ring) {
					if (position.length !== 2) return null;
					lonLats.push(position[0], position[1]);
				}
			}
		}
	}
	const coordinates = Float64Array.from(lonLats);
	const arrays = [Uint32Array.from(shape), coordinates, ...partArrays(parts)];
	const described: Described = {
		zones: zones.map((zone) => ({ ...zone, geometry: { ...zone.geometry, coordinates: null } }) as unknown as Zone),
		problems,
		partCount: parts.parts.partCount,
		arrays: arrays.map((array) => [array instanceof Float64Array ? 'f64' : 'u32', array.length])
	};
	const json = Buffer.from(JSON.stringify(described), 'utf8');
	let size = pad8(HEADER_BYTES + json.length);
	const offsets = arrays.map((array) => {
		const offset = size;
		size = pad8(size + array.byteLength);
		return offset;
	});
	const bytes = new Uint8Array(size);
	bytes.set(json, HEADER_BYTES);
	arrays.forEach((array, i) => bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), offsets[i]));
	const header = new DataView(bytes.buffer);
	[MAGIC, FORMAT, json.length, 0].forEach((value, i) => header.setUint32(i * 4, value, true));
	bytes.set(digest(bytes), 16);
	return bytes;
}

/** The zone parts' arrays, in the order {@link decode} reads them. */
function partArrays({ parts, partZone }: ZoneParts): (Float64Array | Uint32Array)[] {
	return [parts.coords, parts.bbox, parts.bandBase, parts.bandCount, parts.bandScale, parts.bandStart, parts.bandEdges, partZone];
}

function decode(bytes: Uint8Array): CheckedZones | null {
	if (bytes.length < HEADER_BYTES) return null;
	// A copy at offset 0: typed-array views need their alignment, which a read buffer need not have.
	const own = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
	const header = new DataView(own.buffer, own.byteOffset, HEADER_BYTES);
	const [magic, format, jsonBytes] = [0, 1, 2].map((i) => header.getUint32(i * 4, true));
	if (magic !== MAGIC || format !== FORMAT || HEADER_BYTES + jsonBytes > own.length) return null;
	if (!Buffer.from(digest(own)).equals(own.subarray(16, HEADER_BYTES))) return null; // damaged on disk
	try {
		const described = JSON.parse(Buffer.from(own.buffer, own.byteOffset + HEADER_BYTES, jsonBytes).toString('utf8')) as Described;
		let at = pad8(HEADER_BYTES + jsonBytes);
		const arrays = described.arrays.map(([kind, length]) => {
			const array = kind === 'f64' ? new Float64Array(own.buffer, own.byteOffset + at, length) : new Uint32Array(own.buffer, own.byteOffset + at, length);
			at = pad8(at + array.byteLength);
			return array;
		});
		if (at !== own.length || arrays.length !== 10) return null;
		const [shape, coordinates, coords, bbox, bandBase, bandCount, bandScale, bandStart, bandEdges, partZone] = arrays as [Uint32Array, Float64Array, Float64Array, Float64Array, Uint32Array, Uint32Array, Float64Array, Uint32Array, Uint32Array, Uint32Array];
		const { zones, problems, partCount } = described;
		// The shape is checked through now; each zone's rings are built when first read.
		const read = { shape: 0, coordinate: 0 };
		for (const zone of zones) {
			const geometry = zone.geometry as Polygon | MultiPolygon;
			const start = { ...read };
			const polygons = geometry.type === 'Polygon' ? 1 : count(shape, read);
			for (let p = 0; p < polygons; p++) skipPolygon(shape, coordinates, read);
			lazyCoordinates(geometry, () => {
				const at = { ...start };
				return geometry.type === 'Polygon' ? polygonAt(shape, coordinates, at) : Array.from({ length: shape[at.shape++] }, () => polygonAt(shape, coordinates, at));
			});
		}
		if (read.shape !== shape.length || read.coordinate !== coordinates.length) return null;
		return { zones, problems, parts: { parts: { partCount, coords, bbox, bandBase, bandCount, bandScale, bandStart, bandEdges }, partZone } };
	} catch {
		return null; // a shape that runs past its arrays
	}
}

/** SHA-256 of an entry's bytes after its header. */
function digest(bytes: Uint8Array): Uint8Array {
	return digestAfter(bytes, HEADER_BYTES);
}

/** One polygon's rings, read from `read` on (within the arrays: {@link skipPolygon} checked it). */
function polygonAt(shape: Uint32Array, coordinates: Float64Array, read: { shape: number; coordinate: number }): Position[][] {
	const rings: Position[][] = new Array(shape[read.shape++]);
	for (let r = 0; r < rings.length; r++) {
		const length = shape[read.shape++];
		const ring: Position[] = new Array(length);
		for (let i = 0; i < length; i++, read.coordinate += 2) ring[i] = [coordinates[read.coordinate], coordinates[read.coordinate + 1]];
		rings[r] = ring;
	}
	return rings;
}

/** Moves `read` past one polygon, as {@link polygonAt} would; throws past the end of the arrays. */
function skipPolygon(shape: Uint32Array, coordinates: Float64Array, read: { shape: number; coordinate: number }): void {
	const rings = count(shape, read);
	for (let r = 0; r < rings; r++) {
		read.coordinate += count(shape, read) * 2;
		if (read.coordinate > coordinates.length) throw new RangeError('coordinates past the end');
	}
}

/**
 * Makes `geometry.coordinates` built by `build` when first read (or replaced when first written).
 * A run that classifies with the kept edge tables never reads the rings: building 80,000
 * positions and collecting them afterwards cost about 50 ms of a 100,000-firm run.
 */
function lazyCoordinates(geometry: Polygon | MultiPolygon, build: () => Position[][] | Position[][][]): void {
	const settle = (value: unknown) => Object.defineProperty(geometry, 'coordinates', { value, writable: true, enumerable: true, configurable: true });
	Object.defineProperty(geometry, 'coordinates', {
		enumerable: true,
		configurable: true,
		get: () => {
			const value = build();
			settle(value);
			return value;
		},
		set: settle
	});
}

/** The next count of the shape; throws past its end. */
function count(shape: Uint32Array, read: { shape: number }): number {
	if (read.shape >= shape.length) throw new RangeError('shape past the end');
	return shape[read.shape++];
}

const pad8 = (n: number) => Math.ceil(n / 8) * 8;
