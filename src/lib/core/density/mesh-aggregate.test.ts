import { describe, expect, it } from 'vitest';
import { createRandom } from '../sample/random';
import { MESH_LEVELS, meshCode, type MeshLevel } from './jis-mesh';
import { meshAggregate } from './mesh-aggregate';

const LEVELS = Object.keys(MESH_LEVELS) as MeshLevel[];

/** Firms clumped round two centres, a few on exact mesh edges and a few unplaceable. */
function firms(n: number, seed: number) {
	const rng = createRandom(seed);
	const lons = new Float64Array(n);
	const lats = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		const [lon, lat] = rng.next() < 0.5 ? [139.767, 35.681] : [135.6, 34.68];
		lons[i] = lon + rng.normal(0, 0.05);
		lats[i] = lat + rng.normal(0, 0.04);
	}
	lons[0] = 139.0125; // a 3rd-mesh column edge
	lats[0] = 35.5;
	lons[1] = NaN;
	lats[2] = 70; // north of the mesh system
	lons[3] = 99; // west of it
	return { lons, lats };
}

/** Brute-force reference: string codes in a Map. */
function reference(lons: Float64Array, lats: Float64Array, level: MeshLevel, keep: (i: number) => boolean) {
	const counts = new Map<string, number>();
	let unplaced = 0;
	for (let i = 0; i < lons.length; i++) {
		if (!keep(i)) continue;
		const code = meshCode(lons[i], lats[i], level);
		if (code === null) unplaced++;
		else counts.set(code, (counts.get(code) ?? 0) + 1);
	}
	return { counts, unplaced };
}

describe('meshAggregate', () => {
	const { lons, lats } = firms(20_000, 7);

	it.each(LEVELS)('counts every firm in its %s mesh cell, sorted by code, as a string-keyed Map does', (level) => {
		const result = meshAggregate(lons, lats, { level });
		const ref = reference(lons, lats, level, () => true);
		const codes = Array.from(result.codes, (c) => String(c).padStart(MESH_LEVELS[level], '0'));
		expect(codes).toEqual([...ref.counts.keys()].sort());
		expect(Array.from(result.counts)).toEqual(codes.map((c) => ref.counts.get(c)));
		expect(result.unplaced).toBe(3);
		expect(result.counts.reduce((a, b) => a + b, 0) + result.unplaced).toBe(lons.length);
	});

	it('applies a Uint8Array mask and a predicate the same way', () => {
		const mask = new Uint8Array(lons.length);
		for (let i = 0; i < mask.length; i += 3) mask[i] = 1;
		const byMask = meshAggregate(lons, lats, { level: 'half', filter: mask });
		const byPredicate = meshAggregate(lons, lats, { level: 'half', filter: (i) => i % 3 === 0 });
		const ref = reference(lons, lats, 'half', (i) => i % 3 === 0);
		expect(byMask).toEqual(byPredicate);
		expect(Array.from(byMask.counts).reduce((a, b) => a + b, 0)).toBe([...ref.counts.values()].reduce((a, b) => a + b, 0));
		expect(byMask.unplaced).toBe(ref.unplaced);
	});

	it('puts a firm on an edge in the cell to its east', () => {
		const result = meshAggregate([139.0125], [35.5], { level: 'third' });
		expect(Array.from(result.codes)).toEqual([53392001]);
	});

	it('gives cell areas matching published 3rd-mesh areas within 0.5 % (sphere vs ellipsoid)', () => {
		// Source: qiita.com/nkuchiii/items/a3a83d5a2cdd5d8d630c — a standard mesh in Sapporo is
		// 943,000 m², one in Naha 1,153,000 m².
		const result = meshAggregate([141.35, 127.68], [43.06, 26.21], { level: 'third' });
		const [naha, sapporo] = result.codes[0] < result.codes[1] ? [0, 1] : [1, 0];
		expect(Math.abs(result.areaKm2[sapporo] / 0.943 - 1)).toBeLessThan(0.005);
		expect(Math.abs(result.areaKm2[naha] / 1.153 - 1)).toBeLessThan(0.005);
		expect(result.density[sapporo]).toBeCloseTo(1 / result.areaKm2[sapporo], 12);
	});

	it('areas of the 64 2nd-order cells add up to their 1st-order cell', () => {
		const lonsGrid: number[] = [];
		const latsGrid: number[] = [];
		for (let r = 0; r < 8; r++) for (let c = 0; c < 8; c++) {
			lonsGrid.push(139 + (c + 0.5) / 8);
			latsGrid.push(35 + 20 / 60 + ((r + 0.5) * 5) / 60);
		}
		const second = meshAggregate(lonsGrid, latsGrid, { level: 'second' });
		const first = meshAggregate(lonsGrid, latsGrid, { level: 'first' });
		expect(second.codes.length).toBe(64);
		expect(Array.from(first.counts)).toEqual([64]);
		expect(second.areaKm2.reduce((a, b) => a + b, 0)).toBeCloseTo(first.areaKm2[0], 6);
	});

	it('explains bad input', () => {
		expect(() => meshAggregate([1, 2], [1])).toThrow(/2 longitudes but 1 latitudes/);
		expect(() => meshAggregate([1, 2], [1, 2], { filter: new Uint8Array(1) })).toThrow(/mask has 1 entries for 2 firms/);
		expect(() => meshAggregate([1], [1], { level: 'fifth' as MeshLevel })).toThrow(/unknown mesh level "fifth"/);
	});
});
