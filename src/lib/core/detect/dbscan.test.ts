import { describe, expect, it } from 'vitest';
import { haversineKm } from '../geo/haversine';
import { createRandom } from '../sample/random';
import { dbscan, dbscanEachMinPts, NOISE, NOT_CONSIDERED } from './dbscan';
import { bruteForceDbscan as bruteForce } from './dbscan-brute-force';

function randomFirms(n: number, seed: number, spreadDeg: number) {
	const rng = createRandom(seed);
	const lons = new Float64Array(n);
	const lats = new Float64Array(n);
	const centres = Array.from({ length: 6 }, () => [137 + rng.next() * spreadDeg, 35 + rng.next() * spreadDeg]);
	for (let i = 0; i < n; i++) {
		if (rng.next() < 0.3) {
			lons[i] = 137 + rng.next() * spreadDeg;
			lats[i] = 35 + rng.next() * spreadDeg;
		} else {
			const [lon, lat] = centres[rng.int(0, centres.length - 1)];
			lons[i] = lon + rng.normal(0, 0.01);
			lats[i] = lat + rng.normal(0, 0.008);
		}
	}
	return { lons, lats };
}

describe('dbscan', () => {
	it.each([
		[1, 300, 4],
		[2, 500, 8],
		[3, 800, 15],
		[4, 150, 2],
		[5, 1200, 1]
	])('equals a brute-force O(n²) DBSCAN on seeded data (seed %i, eps %i m, minPts %i)', (seed, eps, minPts) => {
		const { lons, lats } = randomFirms(1500, seed, 0.4);
		const result = dbscan(lons, lats, { epsMetres: eps, minPts });
		const reference = bruteForce(lons, lats, eps, minPts);
		expect(Array.from(result.labels)).toEqual(Array.from(reference));
		expect(result.clusterCount).toBe(Math.max(-1, ...reference) + 1);
		expect(result.clusterCount).toBeGreaterThan(0);
	});

	it('gives the same labels when neighbour lists exceed their memory budget and are queried again', () => {
		const { lons, lats } = randomFirms(1500, 2, 0.4);
		const stored = dbscan(lons, lats, { epsMetres: 500, minPts: 8 });
		const requeried = dbscan(lons, lats, { epsMetres: 500, minPts: 8, neighbourBudget: 1000 });
		expect(requeried).toEqual(stored);
	});

	it('is exact across a country-wide extent, where the projection stretches distances most', () => {
		// Firms spread over ~1,500 km: pairs just inside and just outside eps at both ends.
		const lons: number[] = [];
		const lats: number[] = [];
		for (const [lon, lat] of [[129.9, 32.8], [141.3, 43.0], [136.9, 35.2]]) {
			for (let k = 0; k < 5; k++) {
				lons.push(lon + k * 0.004);
				lats.push(lat);
			}
		}
		const L = Float64Array.from(lons);
		const P = Float64Array.from(lats);
		const gap = haversineKm(L[0], P[0], L[1], P[1]) * 1000;
		for (const eps of [gap * 0.999, gap * 1.001]) {
			expect(Array.from(dbscan(L, P, { epsMetres: eps, minPts: 2 }).labels)).toEqual(Array.from(bruteForce(L, P, eps, 2)));
		}
	});

	it('labels firms left out by the filter or without coordinates as not considered', () => {
		const { lons, lats } = randomFirms(300, 9, 0.2);
		lons[3] = NaN;
		const result = dbscan(lons, lats, { epsMetres: 400, minPts: 3, filter: (i) => i % 2 === 0 });
		expect(result.labels[1]).toBe(NOT_CONSIDERED);
		expect(result.labels[3]).toBe(NOT_CONSIDERED);
		expect(result.withoutCoordinates).toBe(0); // firm 3 was filtered out first
		const even = Array.from({ length: 150 }, (_, k) => 2 * k);
		const reference = bruteForce(Float64Array.from(even, (i) => lons[i]), Float64Array.from(even, (i) => lats[i]), 400, 3);
		expect(even.map((i) => result.labels[i])).toEqual(Array.from(reference));
	});

	it('marks core firms and numbers clusters by their lowest-index core firm', () => {
		// Two tight pairs and a loner; the second pair comes first in the input.
		const lons = Float64Array.of(140.0, 139.0, 139.0001, 140.0001, 141);
		const lats = Float64Array.of(35, 35, 35, 35, 35);
		const result = dbscan(lons, lats, { epsMetres: 50, minPts: 2 });
		expect(Array.from(result.labels)).toEqual([0, 1, 1, 0, NOISE]);
		expect(Array.from(result.core)).toEqual([1, 1, 1, 1, 0]);
	});

	it('explains bad parameters', () => {
		expect(() => dbscan([1], [1], { epsMetres: 0, minPts: 2 })).toThrow(/epsMetres must be a positive/);
		expect(() => dbscan([1], [1], { epsMetres: 10, minPts: 0 })).toThrow(/minPts must be a whole number/);
		expect(() => dbscan([1], [1], { epsMetres: 10, minPts: 2.5 })).toThrow(/minPts must be a whole number/);
	});
});

describe('dbscanEachMinPts', () => {
	it('labels every minPts exactly as a separate dbscan run, from one neighbour search', () => {
		const { lons, lats } = randomFirms(1500, 6, 0.4);
		const minPts = [2, 5, 12, 40];
		const runs = dbscanEachMinPts(lons, lats, { epsMetres: 600, minPts });
		minPts.forEach((m, k) => expect(runs[k]).toEqual(dbscan(lons, lats, { epsMetres: 600, minPts: m })));
		const requeried = dbscanEachMinPts(lons, lats, { epsMetres: 600, minPts, neighbourBudget: 500 });
		expect(requeried).toEqual(runs);
	});
});
