import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import { buildZoneIndex, classifyPoints, zoneParts } from '../lib/core/classify';
import { readZones } from '../lib/core/io';
import { ZoneCache, type CheckedZones } from './zone-cache';

const IN = join(import.meta.dirname, 'test/in');
const BIN = join(import.meta.dirname, '../../bin/cluster-map.js');

/** Zones with everything an entry must keep: holes, multipolygons, a repair, an id made up, Japanese names, -0. */
function checked(): CheckedZones {
	const square = (x: number, y: number, size: number) => [
		[x, y],
		[x + size, y],
		[x + size, y + size],
		[x, y + size],
		[x, y]
	];
	const collection: FeatureCollection = {
		type: 'FeatureCollection',
		features: [
			{ type: 'Feature', id: 'ota', properties: { name: '大田区' }, geometry: { type: 'Polygon', coordinates: [square(139.6, 35.5, 0.2), square(139.65, 35.55, 0.05).reverse()] } },
			{ type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: [[square(135.5, 34.6, 0.1)], [square(-0, 34.8, 0.1)]] } },
			{ type: 'Feature', id: 'point', properties: {}, geometry: { type: 'Point', coordinates: [139, 35] } },
			{ type: 'Feature', id: 'spiky', properties: { name: 'とげ' }, geometry: { type: 'Polygon', coordinates: [[[137, 35], [137.1, 35], [137.1, 35], [137.1, 35.1], [137, 35.1]]] } }
		]
	};
	const read = readZones(collection, { file: 'zones.geojson' });
	return { ...read, parts: zoneParts(read.zones) };
}

const temporary = () => mkdtempSync(join(tmpdir(), 'cluster-map-zone-cache-'));

describe('ZoneCache', () => {
	it('gives back exactly the zones and problems it kept', () => {
		const cache = new ZoneCache(temporary());
		const zones = checked();
		expect(zones.problems.map((p) => p.severity)).toEqual(expect.arrayContaining(['repaired', 'invalid']));
		const key = cache.key(new TextEncoder().encode('some file'), 'geojson');
		expect(cache.get(key)).toBeNull();
		cache.put(key, zones);
		// The rings are built when first read, also by a structured clone (as sent to a worker thread).
		expect(structuredClone(cache.get(key))).toEqual(zones);
		const again = cache.get(key)!;
		expect(again).toEqual(zones);
		const written = cache.get(key)!;
		written.zones[0].geometry.coordinates = [];
		expect(written.zones[0].geometry.coordinates).toEqual([]);
		// The kept edge tables answer as freshly built ones, boundaries and holes included.
		const box = (zone: number) => {
			const ring = JSON.stringify(zones.zones[zone].geometry.coordinates).match(/-?[\d.]+,-?[\d.]+/g)!.map((pair) => pair.split(',').map(Number));
			return [Math.min(...ring.map((p) => p[0])), Math.min(...ring.map((p) => p[1])), Math.max(...ring.map((p) => p[0])), Math.max(...ring.map((p) => p[1]))];
		};
		// A 40 × 40 grid over each zone's box and a little beyond: inside, outside, in holes, on edges.
		const grid = zones.zones.flatMap((_, z) => {
			const [x0, y0, x1, y1] = box(z);
			return Array.from({ length: 1600 }, (_, i) => [x0 + ((i % 40) / 36 - 0.05) * (x1 - x0), y0 + (Math.floor(i / 40) / 36 - 0.05) * (y1 - y0)]);
		});
		const lons = Float64Array.from(grid, (p) => p[0]);
		const lats = Float64Array.from(grid, (p) => p[1]);
		const fresh = classifyPoints(buildZoneIndex(zones.zones), lons, lats);
		expect(classifyPoints(buildZoneIndex(again.zones, again.parts), lons, lats)).toEqual(fresh);
		expect(fresh.zoneIndices.length).toBeGreaterThan(grid.length / 2);
		const firstLon = (checked: CheckedZones) => (checked.zones[1].geometry as MultiPolygon).coordinates[1][0][0][0];
		expect(Object.is(firstLon(zones), -0)).toBe(true);
		expect(Object.is(firstLon(again), -0)).toBe(true);
	});

	it('keys an entry by the bytes and how they are read', () => {
		const cache = new ZoneCache(temporary());
		const bytes = new TextEncoder().encode('{"type":"FeatureCollection","features":[]}');
		const other = bytes.slice();
		other[other.length - 2] = 0x20;
		expect(new Set([cache.key(bytes, 'geojson'), cache.key(other, 'geojson'), cache.key(bytes, 'zip')]).size).toBe(3);
		expect(cache.key(bytes.slice(), 'geojson')).toBe(cache.key(bytes, 'geojson'));
		// Read from the file through a small buffer: the same key, for a file longer than the buffer too.
		const dir = temporary();
		const long = new TextEncoder().encode(`{"type":"FeatureCollection","features":[]${' '.repeat(600_000)}}`);
		for (const [name, content] of [['small.geojson', bytes], ['long.geojson', long]] as const) {
			writeFileSync(join(dir, name), content);
			expect(cache.keyOfFile(join(dir, name), 'geojson')).toBe(cache.key(content, 'geojson'));
		}
		expect(() => cache.keyOfFile(dir, 'geojson')).toThrow();
	});

	it('reads a damaged entry as none, and removes it', () => {
		const dir = temporary();
		const cache = new ZoneCache(dir);
		const zones = checked();
		// Changes the entry's bytes, then signs them again as the cache does (header: 16 bytes, then the SHA-256 of the rest).
		const edit = (path: string, change: (bytes: Buffer) => void) => {
			const bytes = readFileSync(path);
			change(bytes);
			createHash('sha256').update(bytes.subarray(48)).digest().copy(bytes, 16);
			writeFileSync(path, bytes);
		};
		const damages: [string, (path: string) => void][] = [
			['truncated', (path) => truncateSync(path, statSync(path).size - 8)],
			['not an entry', (path) => writeFileSync(path, 'hello')],
			['another format', (path) => edit(path, (bytes) => bytes.writeUInt32LE(99, 4))],
			['one bit of a coordinate flipped', (path) => {
				const bytes = readFileSync(path);
				bytes[bytes.length - 3] ^= 1;
				writeFileSync(path, bytes);
			}],
			['a ring longer than its coordinates', (path) =>
				edit(path, (bytes) => {
					const jsonBytes = bytes.readUInt32LE(8);
					bytes.writeUInt32LE(1_000_000, Math.ceil((48 + jsonBytes) / 8) * 8 + 4); // the first ring's length
				})],
			['an array longer than the file', (path) => edit(path, (bytes) => {
				const jsonBytes = bytes.readUInt32LE(8);
				const json = bytes.subarray(48, 48 + jsonBytes).toString('utf8');
				const longer = json.replace(/"arrays":\[\["u32",(\d+)\]/, (_, n) => `"arrays":[["u32",${String(Number(n) + 2).padStart(n.length, '0')}]`);
				expect(longer).not.toBe(json);
				bytes.write(longer.length === json.length ? longer : json, 48, 'utf8');
			})]
		];
		for (const [what, damage] of damages) {
			const key = cache.key(new TextEncoder().encode(what), 'geojson');
			cache.put(key, zones);
			damage(join(dir, `${key}.zones`));
			expect(cache.get(key), what).toBeNull();
			expect(existsSync(join(dir, `${key}.zones`)), what).toBe(false);
		}
	});

	it('keeps nothing for positions with a third value, which it could not give back', () => {
		const dir = temporary();
		const cache = new ZoneCache(dir);
		const zones = checked();
		zones.zones[0].geometry.coordinates[0][0] = [139.6, 35.5, 12];
		cache.put('k', zones);
		expect(readdirSync(dir)).toEqual([]);
	});

	it('keeps the eight most recently used entries', () => {
		const dir = temporary();
		const cache = new ZoneCache(dir);
		const zones = checked();
		for (let i = 0; i < 10; i++) {
			cache.put(`k${i}`, zones);
			const when = new Date(Date.UTC(2026, 0, 1, 0, 0, i));
			utimesSync(join(dir, `k${i}.zones`), when, when);
		}
		expect(readdirSync(dir).sort()).toEqual(['k2', 'k3', 'k4', 'k5', 'k6', 'k7', 'k8', 'k9'].map((k) => `${k}.zones`));
		// k2, the oldest, used again: k3 goes next.
		expect(cache.get('k2')).not.toBeNull();
		cache.put('k10', zones);
		expect(readdirSync(dir)).not.toContain('k3.zones');
		expect(readdirSync(dir)).toContain('k2.zones');
	});

	it('removes an entry half written by a run stopped an hour ago, not one being written now', () => {
		const dir = temporary();
		const cache = new ZoneCache(dir);
		const hourAgo = new Date(Date.now() - 3700_000);
		writeFileSync(join(dir, 'old.zones.partial-1'), 'half');
		utimesSync(join(dir, 'old.zones.partial-1'), hourAgo, hourAgo);
		writeFileSync(join(dir, 'new.zones.partial-2'), 'half');
		cache.put('k', checked());
		expect(readdirSync(dir).sort()).toEqual(['k.zones', 'new.zones.partial-2']);
	});

	it('is not in the way of a folder it cannot write', () => {
		const file = join(temporary(), 'a file');
		writeFileSync(file, '');
		const cache = new ZoneCache(join(file, 'zones'));
		cache.put('k', checked());
		expect(cache.get('k')).toBeNull();
	});
});

describe('classify with the zone cache', () => {
	function classify(env: Record<string, string>, zones: string, out: string): Promise<{ status: number; stderr: string }> {
		const args = [BIN, 'classify', '--firms', join(IN, 'firms.csv'), '--zones', zones, '--institutions', join(IN, 'institutions.csv'), '--buffer-km', '2', '--verbose', '--out', out];
		return new Promise((resolve) => {
			execFile(process.execPath, args, { encoding: 'utf8', env: { ...process.env, ...env } }, (error, _stdout, stderr) => {
				resolve({ status: error ? ((error as { code?: number }).code ?? 1) : 0, stderr: stderr.replace(/^wrote .*$/m, 'wrote') });
			});
		});
	}

	it('writes the same file and says the same, zones read afresh or from the cache with the cells built before; a changed file is read afresh', async () => {
		const dir = temporary();
		const cacheDir = join(dir, 'cache');
		const zones = join(dir, 'zones.geojson');
		copyFileSync(join(IN, 'zones.geojson'), zones);
		const afresh = await classify({ CLUSTER_MAP_ZONE_CACHE: 'off' }, zones, join(dir, 'afresh.csv'));
		const first = await classify({ CLUSTER_MAP_ZONE_CACHE: cacheDir }, zones, join(dir, 'first.csv'));
		// One folder for this version of the command's bundle, one entry in it, and the cells the
		// zone and institution indexes built (src/cli/cell-cache.ts), which the next run starts from.
		const [bundle] = readdirSync(cacheDir);
		expect(bundle).toMatch(/^cli-/);
		const entries = (ending: string) => readdirSync(join(cacheDir, bundle)).filter((name) => name.endsWith(ending));
		expect(entries('.zones')).toHaveLength(1);
		expect(entries('.cells')).toHaveLength(2);
		const cached = await classify({ CLUSTER_MAP_ZONE_CACHE: cacheDir }, zones, join(dir, 'cached.csv'));
		expect(afresh.status).toBe(0);
		expect(afresh.stderr).toContain('the polygon crosses itself'); // a repair, said again from the cache
		for (const run of [first, cached]) expect(run.stderr.replaceAll(dir, '')).toBe(afresh.stderr.replaceAll(dir, ''));
		const expected = readFileSync(join(dir, 'afresh.csv'));
		expect(readFileSync(join(dir, 'first.csv')).equals(expected)).toBe(true);
		expect(readFileSync(join(dir, 'cached.csv')).equals(expected)).toBe(true);

		// Every zone moved far away, the file's size and date kept: no firm is in one any more.
		const text = readFileSync(zones, 'utf8');
		const { mtime } = statSync(zones);
		const moved = text.replace(/(?<![\d.])3(\d\.\d)/g, '2$1'); // latitudes 30–39° to 20–29°
		expect(moved.length).toBe(text.length);
		writeFileSync(zones, moved);
		utimesSync(zones, mtime, mtime);
		const changed = await classify({ CLUSTER_MAP_ZONE_CACHE: cacheDir }, zones, join(dir, 'changed.csv'));
		const changedAfresh = await classify({ CLUSTER_MAP_ZONE_CACHE: 'off' }, zones, join(dir, 'changed-afresh.csv'));
		expect(changed.status).toBe(0);
		expect(entries('.zones')).toHaveLength(2);
		expect(entries('.cells')).toHaveLength(3); // the institutions' cells are the same
		expect(readFileSync(join(dir, 'changed.csv')).equals(readFileSync(join(dir, 'changed-afresh.csv')))).toBe(true);
		expect(readFileSync(join(dir, 'changed.csv')).equals(expected)).toBe(false);
	});

	it('keeps the cells an engine thread built, and the next run on a thread starts from them', async () => {
		const dir = temporary();
		const cacheDir = join(dir, 'cache');
		const zones = join(dir, 'zones.geojson');
		copyFileSync(join(IN, 'zones.geojson'), zones);
		const afresh = await classify({ CLUSTER_MAP_ZONE_CACHE: 'off', CLUSTER_MAP_WORKERS: '0' }, zones, join(dir, 'afresh.csv'));
		const threaded = { CLUSTER_MAP_ZONE_CACHE: cacheDir, CLUSTER_MAP_WORKERS: '1', CLUSTER_MAP_DEBUG: '1' };
		const first = await classify(threaded, zones, join(dir, 'first.csv'));
		const [bundle] = readdirSync(cacheDir);
		const cells = () => readdirSync(join(cacheDir, bundle)).filter((name) => name.endsWith('.cells'));
		expect(cells()).toHaveLength(2);
		const kept = cells().map((name) => readFileSync(join(cacheDir, bundle, name)));
		const second = await classify(threaded, zones, join(dir, 'second.csv'));
		for (const run of [afresh, first, second]) expect(run.status, run.stderr).toBe(0);
		expect(`${first.stderr}${second.stderr}`).not.toContain('worker unavailable');
		const expected = readFileSync(join(dir, 'afresh.csv'));
		expect(readFileSync(join(dir, 'first.csv')).equals(expected)).toBe(true);
		expect(readFileSync(join(dir, 'second.csv')).equals(expected)).toBe(true);
		// The same firms again build no new cells: the entries are as the first run left them.
		expect(cells().map((name) => readFileSync(join(cacheDir, bundle, name)))).toEqual(kept);
	});
});
