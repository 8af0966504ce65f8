/**
 * The Monte Carlo draws split into parts (as two workers run them) and put back together, and the
 * counterfactual curves against a brute-force reference: the same seeded draws, each pair's
 * haversine distance put through the reflected Gaussian one by one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { haversineKm } from '../../geo/haversine';
import { createRandom } from '../../sample/random';
import { confidenceBands } from './bands';
import { splitDraws, joinDraws } from './draw-parts';
import { durantonOverman, durantonOvermanPart, mergeDurantonOverman } from './duranton-overman';
import { mergeRipley, ripleyKL, ripleyPart } from './ripley';

const KM_PER_DEG = 111.195;
const kmLon = KM_PER_DEG * Math.cos((35 * Math.PI) / 180);

/** `size` sites over a 60 km square, a third in five towns; the industry keeps to two towns. */
function region(seed: number, size: number, industry: number) {
	const rng = createRandom(seed);
	const towns = Array.from({ length: 5 }, () => [(rng.next() - 0.5) * 50, (rng.next() - 0.5) * 50]);
	const lons = new Float64Array(size);
	const lats = new Float64Array(size);
	const mask = new Uint8Array(size);
	for (let i = 0; i < size; i++) {
		let x = (rng.next() - 0.5) * 60;
		let y = (rng.next() - 0.5) * 60;
		if (i < industry || rng.next() < 0.3) {
			const [cx, cy] = towns[i < industry ? i % 2 : Math.floor(rng.next() * 5)];
			x = cx + rng.normal(0, 2);
			y = cy + rng.normal(0, 2);
		}
		if (i < industry) mask[i] = 1;
		lons[i] = 137 + x / kmLon;
		lats[i] = 35 + y / KM_PER_DEG;
	}
	return { lons, lats, mask };
}

describe('splitDraws and joinDraws', () => {
	it('split the draws into contiguous ranges and join rows back in draw order', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 8 }), (draws, parts) => {
				const ranges = splitDraws(draws, parts);
				expect(ranges.length).toBe(Math.min(parts, draws));
				expect(ranges[0].from).toBe(0);
				expect(ranges.at(-1)!.to).toBe(draws);
				ranges.forEach((r, k) => {
					expect(r.to).toBeGreaterThan(r.from);
					if (k > 0) expect(r.from).toBe(ranges[k - 1].to);
				});
				const points = 3;
				const whole = Float64Array.from({ length: draws * points }, (_, i) => i);
				const pieces = ranges.map((range) => ({ range, curves: whole.slice(range.from * points, range.to * points) })).reverse();
				expect(joinDraws(pieces, draws, points)).toEqual(whole);
			})
		);
	});

	it('refuse parts that leave draws out or repeat them', () => {
		const part = (from: number, to: number) => ({ range: { from, to }, curves: new Float64Array((to - from) * 2) });
		expect(() => joinDraws([part(0, 5), part(6, 10)], 10, 2)).toThrow(/draws 5–6 are missing or repeated/);
		expect(() => joinDraws([part(0, 5), part(3, 10)], 10, 2)).toThrow(/missing or repeated/);
		expect(() => joinDraws([part(0, 5)], 10, 2)).toThrow(/cover draws 0–5 of 10/);
	});
});

describe('Duranton–Overman and Ripley in parts', () => {
	it('two halves (any order) merge into exactly the one-run result with the same seed', () => {
		const { lons, lats, mask } = region(3, 700, 120);
		const options = { draws: 60, seed: 17, maxDistanceKm: 'median' as const };
		const whole = durantonOverman(lons, lats, mask, options);
		const [first, second] = splitDraws(60, 2);
		const progress: number[] = [];
		const parts = [second, first].map((range) => durantonOvermanPart(lons, lats, mask, { ...options, range, onProgress: (done) => progress.push(done) }));
		expect(parts[0].curves.length).toBe(30 * whole.distancesKm.length);
		expect(progress.at(-1)).toBe(30);
		expect(mergeDurantonOverman(parts)).toEqual(whole);
		// Three uneven parts too.
		const thirds = splitDraws(60, 3).map((range) => durantonOvermanPart(lons, lats, mask, { ...options, range }));
		expect(mergeDurantonOverman(thirds).globalUpper).toEqual(whole.globalUpper);

		const ripleyOptions = { draws: 39, seed: 4, maxDistanceKm: 20, stepKm: 1 };
		const ripley = ripleyKL(lons, lats, mask, ripleyOptions);
		expect(mergeRipley(splitDraws(39, 2).map((range) => ripleyPart(lons, lats, mask, { ...ripleyOptions, range })))).toEqual(ripley);
	});

	it('refuses parts of different runs', () => {
		const { lons, lats, mask } = region(4, 300, 40);
		const a = durantonOvermanPart(lons, lats, mask, { draws: 20, seed: 1, range: { from: 0, to: 10 } });
		const b = durantonOvermanPart(lons, lats, mask, { draws: 20, seed: 2, range: { from: 10, to: 20 } });
		expect(() => mergeDurantonOverman([a, b])).toThrow(/different runs/);
		expect(() => durantonOvermanPart(lons, lats, mask, { draws: 20, range: { from: 10, to: 30 } })).toThrow(/draw range 10–30/);
	});

	it('counterfactual bands equal a brute-force run: same seeded draws, per-pair reflected Gaussian (property)', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 20, max: 60 }), (seed, industry) => {
				const size = 240;
				const { lons, lats, mask } = region(seed, size, industry);
				const draws = 20;
				const result = durantonOverman(lons, lats, mask, { draws, seed, maxDistanceKm: 40 });
				const h = result.bandwidthKm;
				const points = result.distancesKm.length;
				const pairs = (industry * (industry - 1)) / 2;
				const phi = (u: number) => Math.exp((-u * u) / 2) / Math.sqrt(2 * Math.PI);
				const curveOf = (sample: ArrayLike<number>) => {
					const d: number[] = [];
					for (let a = 0; a < sample.length; a++)
						for (let b = a + 1; b < sample.length; b++) d.push(haversineKm(lons[sample[a]], lats[sample[a]], lons[sample[b]], lats[sample[b]]));
					return Array.from(result.distancesKm, (x) => d.reduce((sum, dij) => sum + phi((x - dij) / h) + phi((x + dij) / h), 0) / (pairs * h));
				};
				// The draws as documented: partial Fisher–Yates on one createRandom stream over the pool.
				const rng = createRandom(seed);
				const order = Array.from({ length: size }, (_, k) => k);
				const curves = new Float64Array(draws * points);
				for (let r = 0; r < draws; r++) {
					for (let k = 0; k < industry; k++) {
						const j = k + Math.floor(rng.next() * (size - k));
						[order[k], order[j]] = [order[j], order[k]];
					}
					curves.set(curveOf(order.slice(0, industry)), r * points);
				}
				const observed = Float64Array.from(curveOf(Array.from(mask.keys()).filter((i) => mask[i] === 1)));
				const bands = confidenceBands(curves, draws, points, observed);
				// Binning moves each pair by at most half a bin (h / 20): with 190–1,770 pairs the
				// curves may differ from the per-pair sums by up to about 0.5 % of their peak.
				const peak = Math.max(...observed, ...bands.globalUpper);
				const tolerance = 0.01 * peak;
				for (let k = 0; k < points; k++) {
					expect(Math.abs(result.density[k] - observed[k])).toBeLessThan(tolerance);
					expect(Math.abs(result.localUpper[k] - bands.localUpper[k])).toBeLessThan(tolerance);
					expect(Math.abs(result.localLower[k] - bands.localLower[k])).toBeLessThan(tolerance);
				}
				// The global band is the envelope of the curves (draws and observed) but the most
				// extreme one: which one that is can change with a tiny difference between two
				// nearly as extreme curves, so the band is not within the tolerance of the per-pair
				// one in every run (seed 12, 20 firms: 1.4 % of the peak). It is the envelope of the
				// per-pair curves with one of them set aside.
				expect(Math.floor(0.05 * (draws + 1))).toBe(1);
				const all = [...Array.from({ length: draws }, (_, r) => curves.subarray(r * points, (r + 1) * points)), observed];
				const envelopeWithout = (aside: number) => Array.from({ length: points }, (_, k) => Math.max(...all.filter((_, c) => c !== aside).map((curve) => curve[k])));
				const matches = all.map((_, aside) => envelopeWithout(aside).every((v, k) => Math.abs(result.globalUpper[k] - v) < tolerance));
				expect(matches).toContain(true);
			}),
			{ numRuns: 6 }
		);
	});
});
