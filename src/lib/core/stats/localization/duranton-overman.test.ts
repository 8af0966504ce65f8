import { describe, expect, it } from 'vitest';
import { haversineKm } from '../../geo/haversine';
import { createRandom } from '../../sample/random';
import { confidenceBands } from './bands';
import { durantonOverman } from './duranton-overman';
import { addPairHistogram, COUNT_COPIES, sitePoints } from './pair-histogram';
import { addMatrixHistogram, buildPoolMatrix } from './pool-matrix';

const KM_PER_DEG = 111.195;

/** A broad uniform population over ~100 × 100 km round (137, 35). */
function uniformSites(n: number, rng: ReturnType<typeof createRandom>) {
	const kmLon = KM_PER_DEG * Math.cos((35 * Math.PI) / 180);
	return {
		lons: Array.from({ length: n }, () => 137 + ((rng.next() - 0.5) * 100) / kmLon),
		lats: Array.from({ length: n }, () => 35 + ((rng.next() - 0.5) * 100) / KM_PER_DEG)
	};
}

/** Uniform pool plus an industry of `clumps` tight clumps (σ = 0.8 km) placed at random in it. */
function plantedIndustry(seed: number, background: number, industry: number, clumps: number) {
	const rng = createRandom(seed);
	const { lons, lats } = uniformSites(background, rng);
	const kmLon = KM_PER_DEG * Math.cos((35 * Math.PI) / 180);
	const centres = Array.from({ length: clumps }, () => [137 + ((rng.next() - 0.5) * 80) / kmLon, 35 + ((rng.next() - 0.5) * 80) / KM_PER_DEG]);
	const mask = new Uint8Array(background + industry);
	for (let i = 0; i < industry; i++) {
		const [lon, lat] = centres[i % clumps];
		lons.push(lon + rng.normal(0, 0.8) / kmLon);
		lats.push(lat + rng.normal(0, 0.8) / KM_PER_DEG);
		mask[background + i] = 1;
	}
	return { lons: Float64Array.from(lons), lats: Float64Array.from(lats), mask };
}

describe('durantonOverman', () => {
	it('K-density equals the per-pair reflected Gaussian sum (brute force) within 0.5 % of its peak', () => {
		const { lons, lats, mask } = plantedIndustry(1, 400, 150, 3);
		const result = durantonOverman(lons, lats, mask, { draws: 20, maxDistanceKm: 120 });
		const idx = Array.from(mask.keys()).filter((i) => mask[i] === 1);
		const h = result.bandwidthKm;
		const pairs = (idx.length * (idx.length - 1)) / 2;
		const phi = (u: number) => Math.exp(-u * u / 2) / Math.sqrt(2 * Math.PI);
		const exact = Array.from(result.distancesKm, (d) => {
			let sum = 0;
			for (let a = 0; a < idx.length; a++)
				for (let b = a + 1; b < idx.length; b++) {
					const dij = haversineKm(lons[idx[a]], lats[idx[a]], lons[idx[b]], lats[idx[b]]);
					sum += phi((d - dij) / h) + phi((d + dij) / h);
				}
			return sum / (pairs * h);
		});
		const peak = Math.max(...exact);
		for (let k = 0; k < exact.length; k++) expect(Math.abs(result.density[k] - exact[k])).toBeLessThan(0.005 * peak);
		// A density over distance: most of its mass lies within the range examined.
		let mass = 0;
		for (let k = 1; k < result.density.length; k++) mass += ((result.density[k - 1] + result.density[k]) / 2) * result.stepKm;
		expect(mass).toBeGreaterThan(0.9);
		expect(mass).toBeLessThan(1.02);
	});

	it('recovers a planted localised industry: tight clumps in a broad uniform population', () => {
		const { lons, lats, mask } = plantedIndustry(2, 2700, 300, 6);
		const result = durantonOverman(lons, lats, mask, { draws: 200, seed: 11 });
		expect(result.globallyLocalised).toBe(true);
		expect(result.globallyDispersed).toBe(false);
		expect(result.localised[0].fromKm).toBe(0);
		expect(result.localised[0].toKm).toBeGreaterThanOrEqual(3);
		expect(result.localisationIndex).toBeGreaterThan(0);
		expect(result.firms).toBe(300);
		expect(result.poolSize).toBe(3000);
		expect(result.method).toBe('matrix');
	});

	it('does not flag industries placed uniformly at random (a random subset of all sites) beyond the test level', () => {
		let flagged = 0;
		const replicates = 20;
		for (let r = 0; r < replicates; r++) {
			const rng = createRandom(100 + r);
			const { lons, lats } = uniformSites(1500, rng);
			const mask = new Uint8Array(1500);
			for (let i = 0; i < 1500; i++) if (rng.next() < 0.08) mask[i] = 1;
			const result = durantonOverman(Float64Array.from(lons), Float64Array.from(lats), mask, { draws: 100, seed: r });
			if (result.globallyLocalised) flagged++;
			expect(result.globalUpperCrossed).toBeLessThanOrEqual(0.05);
			expect(result.globalLowerCrossed).toBeLessThanOrEqual(0.05);
		}
		// The global band is a 5 % test per side; 20 replicates flag at most 3 with probability > 98 %.
		expect(flagged).toBeLessThanOrEqual(3);
	});

	it('is reproducible for a seed, reports progress, and takes the median pool distance on request', () => {
		const { lons, lats, mask } = plantedIndustry(3, 300, 60, 2);
		const seen: [number, number][] = [];
		const a = durantonOverman(lons, lats, mask, { draws: 50, seed: 5, maxDistanceKm: 'median', onProgress: (d, t) => seen.push([d, t]) });
		const b = durantonOverman(lons, lats, mask, { draws: 50, seed: 5, maxDistanceKm: 'median' });
		const c = durantonOverman(lons, lats, mask, { draws: 50, seed: 6, maxDistanceKm: 'median' });
		expect(a.globalUpper).toEqual(b.globalUpper);
		expect(a.localUpper).not.toEqual(c.localUpper);
		expect(seen[0]).toEqual([0, 50]);
		expect(seen[seen.length - 1]).toEqual([50, 50]);
		expect(seen.every(([d], k) => k === 0 || d > seen[k - 1][0])).toBe(true);
		const d: number[] = [];
		for (let i = 0; i < lons.length; i++) for (let j = i + 1; j < lons.length; j++) d.push(haversineKm(lons[i], lats[i], lons[j], lats[j]));
		d.sort((x, y) => x - y);
		expect(Math.abs(a.maxDistanceKm - d[Math.floor(d.length / 2)])).toBeLessThan(0.05);
	});

	it('counts the pairs of a draw the same through the pool matrix and directly', () => {
		const rng = createRandom(8);
		const { lons, lats } = uniformSites(800, rng);
		const pool = sitePoints(lons, lats, Uint32Array.from({ length: 800 }, (_, i) => i));
		const bins = 700;
		const matrix = buildPoolMatrix(pool, 0.1, bins);
		const sample = Uint32Array.from({ length: 800 }, (_, i) => i).filter(() => rng.next() < 0.3);
		const viaMatrix = new Int32Array(COUNT_COPIES * (bins + 1));
		addMatrixHistogram(matrix, sample, viaMatrix);
		const direct = new Int32Array(COUNT_COPIES * (bins + 1));
		addPairHistogram(sitePoints(lons, lats, sample), sample.length, 0.1, bins, direct);
		const sum = (c: Int32Array) => Array.from({ length: bins }, (_, b) => Array.from({ length: COUNT_COPIES }, (_, copy) => c[copy * (bins + 1) + b]).reduce((x, y) => x + y));
		expect(sum(viaMatrix)).toEqual(sum(direct));
		// And against haversine distances, bin by bin.
		const reference = new Array(bins).fill(0);
		for (let a = 0; a < sample.length; a++)
			for (let b = a + 1; b < sample.length; b++) {
				const bin = Math.floor(haversineKm(lons[sample[a]], lats[sample[a]], lons[sample[b]], lats[sample[b]]) / 0.1);
				if (bin < bins) reference[bin]++;
			}
		const got = sum(direct);
		const differing = got.filter((v, b) => v !== reference[b]).length;
		expect(differing).toBeLessThanOrEqual(2); // only pairs within rounding of a bin edge may differ
	});

	it('explains unusable input', () => {
		const { lons, lats, mask } = plantedIndustry(4, 50, 10, 1);
		expect(() => durantonOverman(lons, lats, (i) => i < 2)).toThrow(/has 2 firms with coordinates; at least 3/);
		expect(() => durantonOverman(lons, lats, mask, { pool: (i) => i < 5 })).toThrow(/pool has 5 sites for an industry of 10/);
		expect(() => durantonOverman(lons, lats, mask, { draws: 5 })).toThrow(/draws must be a whole number ≥ 20/);
		expect(() => durantonOverman(lons, lats, mask, { maxDistanceKm: -1 })).toThrow(/maxDistanceKm must be a positive/);
	});
});

describe('confidenceBands', () => {
	function lines(seed: number, draws: number, points: number) {
		// Straight lines with random intercepts and slopes: each curve's extremes are at its ends.
		const rng = createRandom(seed);
		const curves = new Float64Array(draws * points);
		for (let c = 0; c < draws; c++) {
			const a = rng.normal();
			const b = rng.normal();
			for (let k = 0; k < points; k++) curves[c * points + k] = a + (b * k) / points;
		}
		return curves;
	}

	it('sets local bands at the percentiles and global bands that about 5 % of the curves cross', () => {
		const draws = 1000;
		const points = 50;
		const curves = lines(12, draws, points);
		const bands = confidenceBands(curves, draws, points, new Float64Array(points));
		expect(bands.globalUpperCrossed).toBeLessThanOrEqual(0.05);
		expect(bands.globalUpperCrossed).toBeGreaterThanOrEqual(0.03);
		expect(bands.globalLowerCrossed).toBeLessThanOrEqual(0.05);
		expect(bands.globalLowerCrossed).toBeGreaterThanOrEqual(0.03);
		for (let k = 0; k < points; k++) {
			const column = Array.from({ length: draws }, (_, c) => curves[c * points + k]).sort((x, y) => x - y);
			expect(bands.localUpper[k]).toBeCloseTo(column[949] + (column[950] - column[949]) * 0.05, 10);
			expect(bands.globalUpper[k]).toBeGreaterThanOrEqual(bands.localUpper[k]);
			expect(bands.globalUpper[k]).toBeLessThanOrEqual(column[draws - 1]);
		}
		// A flat observed curve in the middle is not extreme.
		expect(bands.pAbove).toBeGreaterThan(0.3);
		expect(bands.pBelow).toBeGreaterThan(0.3);
	});

	it('gives an exchangeable observed curve a uniform p-value, and an extreme one the smallest', () => {
		// Noisy curves with many effectively independent distances, where a pointwise-percentile
		// band would be crossed far more often than 5 %.
		const draws = 99;
		const points = 120;
		let significant = 0;
		const replicates = 200;
		for (let r = 0; r < replicates; r++) {
			const rng = createRandom(1000 + r);
			const all = Float64Array.from({ length: (draws + 1) * points }, () => rng.normal());
			const observed = all.slice(draws * points);
			const bands = confidenceBands(all.subarray(0, draws * points), draws, points, observed);
			const crosses = observed.some((v, k) => v > bands.globalUpper[k]);
			expect(crosses).toBe(bands.pAbove <= 0.05);
			if (crosses) significant++;
		}
		// Expected 5 of 100 per replicate: 10 of 200; allow sampling noise.
		expect(significant).toBeGreaterThanOrEqual(3);
		expect(significant).toBeLessThanOrEqual(20);
		const curves = lines(3, 200, 30);
		const extreme = Float64Array.from({ length: 30 }, () => 10);
		expect(confidenceBands(curves, 200, 30, extreme).pAbove).toBeCloseTo(1 / 201, 12);
	});
});
