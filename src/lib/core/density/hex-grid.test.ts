import { area, booleanPointInPolygon } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../sample/random';
import { hexBin, hexPolygon } from './hex-grid';

const feature = (geometry: Polygon): Feature<Polygon> => ({ type: 'Feature', properties: {}, geometry });

function firms(n: number, seed: number) {
	const rng = createRandom(seed);
	return {
		lons: Float64Array.from({ length: n }, () => 139.7 + rng.normal(0, 0.15)),
		lats: Float64Array.from({ length: n }, () => 35.7 + rng.normal(0, 0.12))
	};
}

describe('hexBin', () => {
	const { lons, lats } = firms(5000, 1);
	const hex = hexBin(lons, lats, { sizeMetres: 2000 });

	it('counts every firm once', () => {
		expect(hex.counts.reduce((a, b) => a + b, 0)).toBe(5000);
		expect(new Set(Array.from(hex.q, (q, c) => `${q},${hex.r[c]}`)).size).toBe(hex.q.length);
	});

	it('counts as a brute-force search for the hexagon polygon containing each firm', () => {
		const small = firms(600, 2);
		const grid = hexBin(small.lons, small.lats, { sizeMetres: 3000, centre: [139.7, 35.7] });
		const counts = new Map<string, number>();
		const polygons: [number, number, Feature<Polygon>][] = [];
		for (let q = -16; q <= 16; q++) for (let r = -16; r <= 16; r++) polygons.push([q, r, feature(hexPolygon(grid, q, r))]);
		for (let i = 0; i < small.lons.length; i++) {
			const inside = polygons.find(([, , polygon]) => booleanPointInPolygon([small.lons[i], small.lats[i]], polygon));
			const key = `${inside![0]},${inside![1]}`;
			counts.set(key, (counts.get(key) ?? 0) + 1);
		}
		const got = new Map(Array.from(grid.q, (q, c) => [`${q},${grid.r[c]}`, grid.counts[c]]));
		expect(got).toEqual(counts);
	});

	it('hexagons have the stated equal area on the ground', () => {
		for (const c of [0, Math.floor(hex.q.length / 2), hex.q.length - 1]) {
			expect(Math.abs(area(hexPolygon(hex, hex.q[c], hex.r[c])) / 1e6 / hex.hexAreaKm2 - 1)).toBeLessThan(1e-3);
		}
		expect(hex.hexAreaKm2).toBeCloseTo(((3 * Math.sqrt(3)) / 2) * 4, 10);
		expect(hex.density[0]).toBeCloseTo(hex.counts[0] / hex.hexAreaKm2, 12);
	});

	it('filters firms, reports those without coordinates, and explains bad sizes', () => {
		const L = Float64Array.from(lons);
		L[0] = NaN;
		const even = hexBin(L, lats, { sizeMetres: 2000, filter: (i) => i % 2 === 0 });
		expect(even.counts.reduce((a, b) => a + b, 0)).toBe(2499);
		expect(even.withoutCoordinates).toBe(1);
		expect(() => hexBin(lons, lats, { sizeMetres: 0 })).toThrow(/sizeMetres must be a positive/);
		expect(() => hexBin([130, 145], [31, 45], { sizeMetres: 10 })).toThrow(/larger sizeMetres/);
	});
});
