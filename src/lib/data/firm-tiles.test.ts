import { VectorTile } from '@mapbox/vector-tile';
import fc from 'fast-check';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { firmTableFromCsvText } from './read-firm-table';
import { codeColumn } from '$lib/core/firm-table';
import { FIRM_TILE_LAYER, FirmTiles, THIN_ABOVE, TILE_EXTENT, firmPoints, mercatorX, mercatorY } from './firm-tiles';

interface Decoded {
	id: number;
	c: string;
	x: number;
	y: number;
}

function decode(bytes: Uint8Array): Decoded[] {
	if (bytes.length === 0) return [];
	const layer = new VectorTile(new PbfReader(bytes)).layers[FIRM_TILE_LAYER];
	expect(layer.extent).toBe(TILE_EXTENT);
	return Array.from({ length: layer.length }, (_, k) => {
		const feature = layer.feature(k);
		expect(feature.type).toBe(1);
		const [[point]] = feature.loadGeometry();
		return { id: Number(feature.id), c: String(feature.properties.c), x: point.x, y: point.y };
	});
}

/** Brute force: the tile of every firm at zoom z and its position there, from the Mercator formulas. */
function expectedTiles(lon: number[], lat: number[], codes: string[], z: number): Map<string, Decoded[]> {
	const tiles = new Map<string, Decoded[]>();
	for (let i = 0; i < lon.length; i++) {
		const mx = mercatorX(lon[i]) * 2 ** z;
		const my = mercatorY(lat[i]) * 2 ** z;
		const key = `${Math.floor(mx)}/${Math.floor(my)}`;
		if (!tiles.has(key)) tiles.set(key, []);
		tiles.get(key)!.push({ id: i, c: codes[i], x: Math.floor((mx - Math.floor(mx)) * TILE_EXTENT), y: Math.floor((my - Math.floor(my)) * TILE_EXTENT) });
	}
	return tiles;
}

function tilesOf(lon: number[], lat: number[], codes: string[]): FirmTiles {
	return new FirmTiles(firmPoints({ lon: Float64Array.from(lon), lat: Float64Array.from(lat), industry: codeColumn(codes) }));
}

describe('firm vector tiles', () => {
	it('hold every firm once per zoom, in its own tile, with its row index, industry and position', () => {
		// Positions on a grid of tile edges are common: a firm on an edge must go to one tile only.
		const coordinate = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 8 }).map((k) => k / 8));
		fc.assert(
			fc.property(
				fc.array(fc.record({ u: coordinate, v: coordinate, code: fc.constantFrom('24', '26', '', '09') }), { minLength: 1, maxLength: 60 }),
				fc.integer({ min: 0, max: 14 }),
				(firms, z) => {
					// Round Japan, where edges at zoom ≤ 3 fall on round longitudes.
					const lon = firms.map((f) => 135 + f.u * 11.25);
					const lat = firms.map((f) => 30 + f.v * 15);
					const codes = firms.map((f) => f.code);
					const tiles = tilesOf(lon, lat, codes);
					for (const [key, expected] of expectedTiles(lon, lat, codes, z)) {
						const [x, y] = key.split('/').map(Number);
						expect(decode(tiles.tile(z, x, y))).toEqual(expected);
					}
				}
			),
			{ numRuns: 300 }
		);
	});

	it('are empty where there are no firms, and for no firms at all', () => {
		expect(tilesOf([139.7], [35.6], ['24']).tile(10, 0, 0)).toHaveLength(0);
		expect(tilesOf([], [], []).tile(0, 0, 0)).toHaveLength(0);
	});

	it('keep the lowest row index of each pixel in a tile of more than THIN_ABOVE firms', () => {
		let seed = 7;
		const next = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
		const n = THIN_ABOVE + 20_000;
		// Crowded in a small square so that many firms share pixels, plus a sparse spread.
		const lon = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 139.5 + next() * 1.5 : 139.7 + next() * 0.05));
		const lat = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 35 + next() * 1.5 : 35.6 + next() * 0.05));
		const codes = lon.map((_, i) => String(i % 5));
		const z = 7;
		const all = [...expectedTiles(lon, lat, codes, z)].sort((a, b) => b[1].length - a[1].length);
		const [key, firms] = all[0];
		expect(firms.length).toBeGreaterThan(THIN_ABOVE);
		const firstOfPixel = new Map<number, Decoded>();
		for (const firm of firms) {
			const pixel = Math.floor(firm.y / 8) * 512 + Math.floor(firm.x / 8);
			if (!firstOfPixel.has(pixel)) firstOfPixel.set(pixel, firm);
		}
		const [x, y] = key.split('/').map(Number);
		const decoded = decode(tilesOf(lon, lat, codes).tile(z, x, y));
		expect(decoded).toEqual([...firstOfPixel.values()].sort((a, b) => a.id - b.id));
		expect(decoded.length).toBeLessThan(firms.length);
	});

	it('carry the industry codes by number, as few as there are', async () => {
		const sample = await firmTableFromCsvText('id,lat,lon,jsic_medium\nA,35,139,24\nB,35,139,26\nC,35,139,24\n', { file: 'f.csv' });
		const points = firmPoints(sample);
		expect(points.codes).toEqual(['24', '26']);
		expect([...points.industry]).toEqual([0, 1, 0]);
	});
});

describe('firms placed at an area point', () => {
	it('are marked `a` in the tiles exactly when their geocode level is municipality or prefecture', async () => {
		const sample = await firmTableFromCsvText(
			'id,lat,lon,jsic_medium,geocode_level\nT,35.57,139.70,24,town\nM,35.56,139.71,24,municipality\nK,35.58,139.72,26,koaza\nP,35.59,139.73,26,prefecture\n',
			{ file: 'geocoded.csv' }
		);
		const points = firmPoints(sample);
		expect(Array.from(points.approximate!)).toEqual([0, 1, 0, 1]);
		const z = 10;
		const x = Math.floor(mercatorX(139.7) * 2 ** z);
		const y = Math.floor(mercatorY(35.57) * 2 ** z);
		const layer = new VectorTile(new PbfReader(new FirmTiles(points).tile(z, x, y))).layers[FIRM_TILE_LAYER];
		const marked = Array.from({ length: layer.length }, (_, k) => layer.feature(k)).map((f) => [Number(f.id), f.properties.c, f.properties.a ?? null]);
		expect(marked).toEqual([
			[0, '24', null],
			[1, '24', 'area'],
			[2, '26', null],
			[3, '26', 'area']
		]);
	});

	it('are absent from firms that were not geocoded', async () => {
		expect(firmPoints(await firmTableFromCsvText('id,lat,lon\nA,35.5,139.7\n', { file: 'a.csv' })).approximate).toBeUndefined();
	});
});
