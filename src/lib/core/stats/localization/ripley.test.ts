import { describe, expect, it } from 'vitest';
import { haversineKm } from '../../geo/haversine';
import { createRandom } from '../../sample/random';
import { ripleyKL } from './ripley';

const KM_PER_DEG = 111.195;
const kmLon = KM_PER_DEG * Math.cos((35 * Math.PI) / 180);

function square(n: number, sideKm: number, rng: ReturnType<typeof createRandom>) {
	return {
		lons: Array.from({ length: n }, () => 137 + ((rng.next() - 0.5) * sideKm) / kmLon),
		lats: Array.from({ length: n }, () => 35 + ((rng.next() - 0.5) * sideKm) / KM_PER_DEG)
	};
}

describe('ripleyKL', () => {
	it('counts pairs exactly: K(r) = A · 2 · #{d < r} / (n (n − 1)) with haversine distances', () => {
		const rng = createRandom(1);
		const { lons, lats } = square(400, 30, rng);
		const mask = Uint8Array.from({ length: 400 }, (_, i) => (i % 4 === 0 ? 1 : 0));
		const result = ripleyKL(lons, lats, mask, { draws: 19, maxDistanceKm: 10, stepKm: 0.5, areaKm2: 900 });
		const idx = Array.from(mask.keys()).filter((i) => mask[i] === 1);
		const d: number[] = [];
		for (let a = 0; a < idx.length; a++) for (let b = a + 1; b < idx.length; b++) d.push(haversineKm(lons[idx[a]], lats[idx[a]], lons[idx[b]], lats[idx[b]]));
		const n = idx.length;
		result.distancesKm.forEach((r, k) => {
			const expected = (900 * 2 * d.filter((x) => x < r).length) / (n * (n - 1));
			expect(result.k[k]).toBeCloseTo(expected, 6);
			expect(result.l[k]).toBeCloseTo(Math.sqrt(expected / Math.PI), 9);
		});
	});

	it('gives L(r) ≈ r for a uniform pattern, with the convex hull as the default area', () => {
		const rng = createRandom(2);
		const { lons, lats } = square(3000, 50, rng);
		const result = ripleyKL(lons, lats, (i) => i < 1500, { draws: 19, maxDistanceKm: 3, stepKm: 0.5 });
		expect(Math.abs(result.areaKm2 / 2500 - 1)).toBeLessThan(0.02);
		for (let k = 2; k < result.distancesKm.length; k++) expect(Math.abs(result.l[k] / result.distancesKm[k] - 1)).toBeLessThan(0.06);
	});

	it('finds a clumped industry clustered at short distances and leaves a random subset alone', () => {
		const rng = createRandom(3);
		const { lons, lats } = square(2000, 60, rng);
		const centres = Array.from({ length: 5 }, () => [137 + ((rng.next() - 0.5) * 50) / kmLon, 35 + ((rng.next() - 0.5) * 50) / KM_PER_DEG]);
		const mask = new Uint8Array(2200);
		for (let i = 0; i < 200; i++) {
			const [lon, lat] = centres[i % 5];
			lons.push(lon + rng.normal(0, 0.5) / kmLon);
			lats.push(lat + rng.normal(0, 0.5) / KM_PER_DEG);
			mask[2000 + i] = 1;
		}
		const clumped = ripleyKL(lons, lats, mask, { draws: 99, maxDistanceKm: 20 });
		expect(clumped.clustered.length).toBeGreaterThan(0);
		expect(clumped.clustered[0].fromKm).toBeLessThanOrEqual(1);
		expect(clumped.pAbove).toBeLessThanOrEqual(0.01);
		const random = ripleyKL(lons, lats, (i) => i < 2000 && i % 10 === 3, { draws: 99, maxDistanceKm: 20 });
		expect(random.clustered).toEqual([]);
		expect(random.pAbove).toBeGreaterThan(0.05);
	});

	it('explains unusable input', () => {
		expect(() => ripleyKL([137, 137.1], [35, 35], () => true)).toThrow(/at least 3/);
		expect(() => ripleyKL([137, 137.1, 137.2], [35, 35, 35], () => true, { draws: 5 })).toThrow(/draws must be a whole number ≥ 19/);
		expect(() => ripleyKL([137, 137.1, 137.2], [35, 35.1, 35], () => true, { stepKm: 0 })).toThrow(/stepKm must be positive/);
	});
});
