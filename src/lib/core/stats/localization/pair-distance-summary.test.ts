import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { haversineKm } from '../../geo/haversine';
import { createRandom } from '../../sample/random';
import { pairDistanceSummary } from './pair-distance-summary';
import { arcOfChord, chordOfArc, sitePoints } from './pair-histogram';

/** `n` sites over about `spanDeg` degrees round (137, 35), and their sorted haversine pair distances. */
function sites(n: number, spanDeg: number, seed: number) {
	const rng = createRandom(seed);
	const lons = Float64Array.from({ length: n }, () => 137 + (rng.next() - 0.5) * spanDeg);
	const lats = Float64Array.from({ length: n }, () => 35 + (rng.next() - 0.5) * spanDeg);
	const d: number[] = [];
	for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) d.push(haversineKm(lons[i], lats[i], lons[j], lats[j]));
	d.sort((a, b) => a - b);
	return { points: sitePoints(lons, lats, Uint32Array.from({ length: n }, (_, i) => i)), d };
}

describe('pairDistanceSummary', () => {
	it('gives the mean, sd and quartiles of all pair distances (brute force, haversine)', () => {
		const { points, d } = sites(300, 1.5, 1);
		const s = pairDistanceSummary(points);
		const mean = d.reduce((a, b) => a + b) / d.length;
		const sd = Math.sqrt(d.reduce((a, b) => a + (b - mean) ** 2, 0) / (d.length - 1));
		expect(s.sampled).toBe(false);
		expect(s.pairs).toBe(d.length);
		expect(s.mean).toBeCloseTo(mean, 6);
		expect(s.sd).toBeCloseTo(sd, 6);
		expect(s.max).toBeCloseTo(d.at(-1)!, 6);
		const within = 2 * (s.max / 65536) + 1e-6;
		expect(Math.abs(s.q1 - d[Math.floor(d.length / 4)])).toBeLessThan(within);
		expect(Math.abs(s.median - d[Math.floor(d.length / 2)])).toBeLessThan(within);
		expect(Math.abs(s.q3 - d[Math.floor((3 * d.length) / 4)])).toBeLessThan(within);
	});

	it('estimates the median from a seeded sample of pairs when there are more than maxPairs', () => {
		const { points, d } = sites(900, 2, 2);
		const a = pairDistanceSummary(points, { maxPairs: 100_000, seed: 3 });
		expect(a.sampled).toBe(true);
		expect(a.pairs).toBe(100_000);
		expect(pairDistanceSummary(points, { maxPairs: 100_000, seed: 3 }).median).toBe(a.median);
		expect(Math.abs(a.median / d[Math.floor(d.length / 2)] - 1)).toBeLessThan(0.01);
	});
});

describe('arcOfChord', () => {
	it('inverts chordOfArc from metres to across Japan', () => {
		fc.assert(
			fc.property(fc.double({ min: 0.001, max: 3000, noNaN: true }), (km) => {
				expect(Math.abs(arcOfChord(chordOfArc(km)) - km)).toBeLessThanOrEqual(1e-9 * km);
			})
		);
	});
});
