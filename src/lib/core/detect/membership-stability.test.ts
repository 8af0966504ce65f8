import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../sample/random';
import { membershipStability, membershipStabilitySteps, StabilityCancelled, type StabilityGrid } from './membership-stability';
import { bruteForceStability } from './membership-stability-brute-force';
import { insideOutsideBand, stabilityGroups } from './stability-groups';

/** A dense cluster round (139.70, 35.60), a looser one, scattered firms, and one firm far away (last). */
function districtFirms(seed: number, n = 600) {
	const rng = createRandom(seed);
	const lons = new Float64Array(n);
	const lats = new Float64Array(n);
	for (let i = 0; i < n - 1; i++) {
		const u = rng.next();
		const [lon, lat, sd] = u < 0.5 ? [139.7, 35.6, 0.003] : u < 0.75 ? [139.75, 35.63, 0.008] : [139.72 + (rng.next() - 0.5) * 0.2, 35.6 + (rng.next() - 0.5) * 0.15, 0];
		lons[i] = lon + rng.normal(0, sd);
		lats[i] = lat + rng.normal(0, sd * 0.8);
	}
	lons[n - 1] = 139.95;
	lats[n - 1] = 35.4;
	return { lons, lats };
}

/** The firm nearest the dense cluster's centre. */
function centreFirm(lons: Float64Array, lats: Float64Array): number {
	let best = 0;
	for (let i = 1; i < lons.length; i++) if (Math.hypot(lons[i] - 139.7, lats[i] - 35.6) < Math.hypot(lons[best] - 139.7, lats[best] - 35.6)) best = i;
	return best;
}

const DBSCAN: StabilityGrid = { method: 'dbscan', epsMetres: [150, 250, 400], minPts: [5, 10, 20] };
// Levels above one lone firm's peak (3 / πh² ≈ 3.8 firms/km² at h = 500 m): a percentile of the
// non-zero cells can fall below it, and then every isolated firm is a "cluster" of its own.
const THRESHOLD: StabilityGrid = { method: 'kde-threshold', bandwidthMetres: [500, 800, 1200], thresholdBy: 'level', thresholds: [20, 50, 100], kde: { cellMetres: 100 } };

describe('membershipStability', () => {
	it.each([
		['DBSCAN', DBSCAN],
		['the density threshold', THRESHOLD]
	])('gives 1 to a firm deep inside a dense cluster and 0 to an isolated one (%s)', (_, grid) => {
		const { lons, lats } = districtFirms(3);
		const { stability } = membershipStability(lons, lats, grid);
		expect(stability[centreFirm(lons, lats)]).toBe(1);
		expect(stability[lons.length - 1]).toBe(0);
		// And the label does depend on the setting for some firms, or the check above proves little.
		expect(stability.some((s) => s > 0 && s < 1)).toBe(true);
	});

	it('equals running every setting on its own and counting (DBSCAN, random firms and grids)', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 1e6 }),
				fc.uniqueArray(fc.integer({ min: 60, max: 600 }), { minLength: 1, maxLength: 3 }),
				fc.uniqueArray(fc.integer({ min: 2, max: 25 }), { minLength: 1, maxLength: 4 }),
				fc.constantFrom<'convex' | 'concave'>('convex', 'concave'),
				(seed, epsMetres, minPts, hull) => {
					const { lons, lats } = districtFirms(seed, 300);
					const grid: StabilityGrid = { method: 'dbscan', epsMetres, minPts, hull };
					expect(Array.from(membershipStability(lons, lats, grid).stability)).toEqual(Array.from(bruteForceStability(lons, lats, grid)));
				}
			),
			{ numRuns: 12 }
		);
	});

	it('equals running every setting on its own and counting (density threshold by level or percentile)', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 1e6 }),
				fc.uniqueArray(fc.integer({ min: 300, max: 1500 }), { minLength: 1, maxLength: 3 }),
				fc.constantFrom<'level' | 'percentile'>('level', 'percentile'),
				fc.uniqueArray(fc.integer({ min: 5, max: 99 }), { minLength: 1, maxLength: 3 }),
				(seed, bandwidthMetres, thresholdBy, thresholds) => {
					const { lons, lats } = districtFirms(seed, 300);
					const grid: StabilityGrid = { method: 'kde-threshold', bandwidthMetres, thresholdBy, thresholds, kde: { cellMetres: 150 } };
					expect(Array.from(membershipStability(lons, lats, grid).stability)).toEqual(Array.from(bruteForceStability(lons, lats, grid)));
				}
			),
			{ numRuns: 8 }
		);
	});

	it('leaves firms out of the filter, or without coordinates, as NaN and equals the brute force on the rest', () => {
		const { lons, lats } = districtFirms(5, 400);
		lons[7] = NaN;
		const filter = Uint8Array.from(lons, (_, i) => (i % 3 === 0 ? 0 : 1));
		const run = membershipStability(lons, lats, DBSCAN, { filter });
		expect(Number.isNaN(run.stability[0])).toBe(true);
		expect(Number.isNaN(run.stability[7])).toBe(true);
		expect(run.considered[0]).toBe(0);
		expect(Array.from(run.stability)).toEqual(Array.from(bruteForceStability(lons, lats, DBSCAN, filter)));
	});

	it('reports progress after each setting and stops when its signal is aborted', () => {
		const { lons, lats } = districtFirms(4, 300);
		const seen: [number, number][] = [];
		membershipStability(lons, lats, DBSCAN, { onProgress: (done, total) => seen.push([done, total]) });
		expect(seen).toEqual(Array.from({ length: 9 }, (_, k) => [k + 1, 9]));

		const signal = { aborted: false };
		let calls = 0;
		const run = () =>
			membershipStability(lons, lats, DBSCAN, {
				signal,
				onProgress: (done) => {
					calls++;
					if (done === 2) signal.aborted = true;
				}
			});
		expect(run).toThrow(StabilityCancelled);
		expect(calls).toBe(2);
	});

	it('runs one setting per step when driven as a generator', () => {
		const { lons, lats } = districtFirms(4, 300);
		const steps = membershipStabilitySteps(lons, lats, THRESHOLD);
		let step = steps.next();
		let count = 0;
		while (!step.done) {
			count++;
			step = steps.next();
		}
		expect(count).toBe(9);
		expect(step.value.stability).toEqual(membershipStability(lons, lats, THRESHOLD).stability);
	});

	it('says what is wrong with a grid', () => {
		const lons = Float64Array.of(139.7);
		const lats = Float64Array.of(35.6);
		expect(() => membershipStability(lons, lats, { method: 'dbscan', epsMetres: [], minPts: [5] })).toThrow(/at least one eps/);
		expect(() => membershipStability(lons, lats, { method: 'dbscan', epsMetres: [100], minPts: [0] })).toThrow(/minPts must be a positive number, got 0/);
		expect(() => membershipStability(lons, lats, { method: 'kde-threshold', bandwidthMetres: [500], thresholdBy: 'percentile', thresholds: [120] })).toThrow(/at most 100/);
	});
});

describe('stabilityGroups', () => {
	it('puts ≥ 0.9 inside, ≤ 0.1 outside, the rest and firms not in the run aside', () => {
		const { group, ...counts } = stabilityGroups(Float64Array.of(1, 0.9, 8 / 9, 0.5, 1 / 9, 0.1, 0, NaN));
		expect(Array.from(group)).toEqual([1, 1, -1, -1, -1, 0, 0, -1]);
		expect(counts).toEqual({ inside: 2, outside: 2, uncertain: 3, notConsidered: 1 });
	});

	it('counts 9 of 10 settings as stably inside although 9/10 is not exactly 0.9 in floating point', () => {
		expect(stabilityGroups([27 / 30, 3 / 30]).group).toEqual(Int8Array.of(1, 0));
	});
});

describe('insideOutsideBand', () => {
	it('gives each setting its difference of means inside − outside, and their range', () => {
		// Three firms, two settings: A inside both, B inside the first only, C never; D not in the run.
		const run = {
			stability: Float64Array.of(1, 0.5, 0, NaN),
			settings: [
				{ epsMetres: 100, minPts: 5 },
				{ epsMetres: 200, minPts: 5 }
			],
			inside: Uint8Array.of(1, 1, 0, 1, 1, 0, 0, 1),
			considered: Uint8Array.of(1, 1, 1, 0)
		};
		const band = insideOutsideBand(run, Float64Array.of(10, 4, 1, 1000));
		expect(Array.from(band.differences)).toEqual([7 - 1, 10 - 2.5]);
		expect([band.min, band.max]).toEqual([6, 7.5]);
	});

	it('equals the difference computed from each setting run on its own', () => {
		const { lons, lats } = districtFirms(8, 400);
		const rng = createRandom(1);
		const outcome = Float64Array.from(lons, () => (rng.next() < 0.1 ? NaN : rng.int(0, 5)));
		const run = membershipStability(lons, lats, DBSCAN);
		const band = insideOutsideBand(run, outcome);
		run.settings.forEach((setting, s) => {
			const grid: StabilityGrid = { method: 'dbscan', epsMetres: [(setting as { epsMetres: number }).epsMetres], minPts: [(setting as { minPts: number }).minPts] };
			const alone = bruteForceStability(lons, lats, grid);
			const mean = (flag: number) => {
				const values = Array.from(outcome).filter((y, i) => alone[i] === flag && Number.isFinite(y));
				return values.reduce((a, b) => a + b, 0) / values.length;
			};
			expect(band.differences[s]).toBeCloseTo(mean(1) - mean(0), 10);
		});
		expect(band.min).toBe(Math.min(...band.differences));
		expect(band.max).toBe(Math.max(...band.differences));
		expect(band.max).toBeGreaterThan(band.min);
	});
});
