/**
 * Property tests against brute force: every statistic recomputed the slow, obvious way on small
 * random samples (fast-check), including the exact permutation distribution by enumeration.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fisherExact } from './fisher-exact';
import { makeContrasts } from './make-contrasts';
import { mannWhitneyU } from './mann-whitney';
import { permutationTest } from './permutation-test';
import { welchTTest } from './welch-t-test';

/** Every way of choosing k of n indices. */
function* subsets(n: number, k: number, start = 0, chosen: number[] = []): Generator<number[]> {
	if (chosen.length === k) return yield chosen;
	for (let i = start; i <= n - (k - chosen.length); i++) yield* subsets(n, k, i + 1, [...chosen, i]);
}

/** U by counting pairs: x above y scores 1, a tie ½ (Mann and Whitney 1947). */
function pairCountU(x: number[], y: number[]): number {
	let u = 0;
	for (const a of x) for (const b of y) u += a > b ? 1 : a === b ? 0.5 : 0;
	return u;
}

const sample = (min: number, max: number) => fc.array(fc.integer({ min: 0, max: 6 }), { minLength: min, maxLength: max });

describe('mannWhitneyU', () => {
	it('equals pair counting, with ties, and its rank-biserial is 2U/(nx·ny) − 1', () => {
		fc.assert(
			fc.property(sample(1, 12), sample(1, 12), (x, y) => {
				const r = mannWhitneyU(x, y);
				expect(r.u).toBeCloseTo(pairCountU(x, y), 9);
				expect(r.rankBiserial).toBeCloseTo((2 * pairCountU(x, y)) / (x.length * y.length) - 1, 9);
			})
		);
	});

	it('uses the exact permutation variance of U (the tie-corrected formula) in its z', () => {
		fc.assert(
			fc.property(sample(2, 5), sample(2, 5), (x, y) => {
				const pooled = [...x, ...y];
				const us: number[] = [];
				for (const idx of subsets(pooled.length, x.length)) {
					const inX = new Set(idx);
					us.push(pairCountU(idx.map((i) => pooled[i]), pooled.filter((_, i) => !inX.has(i))));
				}
				const mean = us.reduce((s, u) => s + u, 0) / us.length;
				const variance = us.reduce((s, u) => s + (u - mean) ** 2, 0) / us.length;
				const r = mannWhitneyU(x, y, { correct: false });
				if (variance === 0) {
					expect(Number.isNaN(r.z)).toBe(true);
					return;
				}
				expect(r.z).toBeCloseTo((pairCountU(x, y) - mean) / Math.sqrt(variance), 9);
			}),
			{ numRuns: 500 }
		);
	});
});

describe('permutationTest', () => {
	it('approaches the exact permutation p-value found by enumerating every split', () => {
		fc.assert(
			fc.property(sample(3, 6), sample(3, 6), fc.integer({ min: 1, max: 1e6 }), (x, y, seed) => {
				const pooled = [...x, ...y];
				const total = pooled.reduce((s, v) => s + v, 0);
				const diff = (idx: number[]) => {
					const sx = idx.reduce((s, i) => s + pooled[i], 0);
					return sx / x.length - (total - sx) / y.length;
				};
				const observed = Math.abs(diff(x.map((_, i) => i)));
				let extreme = 0;
				let count = 0;
				for (const idx of subsets(pooled.length, x.length)) {
					count++;
					if (Math.abs(diff(idx)) >= observed - 1e-12) extreme++;
				}
				const exact = extreme / count;
				const r = permutationTest(x, y, { permutations: 4000, seed });
				// 4,000 draws: the Monte Carlo standard error is at most 0.008; 0.035 is over four of them.
				expect(Math.abs(r.p - exact)).toBeLessThan(0.035);
			}),
			// A Monte Carlo tolerance: a fixed seed keeps the (1-in-10⁵) chance of a false alarm out of CI.
			{ numRuns: 40, seed: 20021001 }
		);
	});

	it('is reproducible for a seed and never gives p = 0', () => {
		const x = [10, 11, 12, 13, 14, 15];
		const y = [0, 1, 2, 3, 4, 5];
		const a = permutationTest(x, y, { permutations: 999, seed: 3 });
		expect(permutationTest(x, y, { permutations: 999, seed: 3 })).toEqual(a);
		// Only the observed split and its mirror image are this extreme: exact p = 2/924.
		expect(a.p).toBeGreaterThanOrEqual(1 / 1000);
		expect(a.p).toBeLessThan(0.01);
		expect(a.observed).toBe(10);
	});
});

describe('fisherExact', () => {
	it('equals the sum of hypergeometric probabilities no larger than the observed one, enumerated with binomials', () => {
		const choose = (n: number, k: number) => {
			let c = 1;
			for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
			return c;
		};
		fc.assert(
			fc.property(fc.nat(12), fc.nat(12), fc.nat(12), fc.nat(12), (a, b, c, d) => {
				fc.pre(a + b > 0 && c + d > 0 && a + c > 0 && b + d > 0);
				const [r1, r2, c1] = [a + b, c + d, a + c];
				const prob = (k: number) => (choose(r1, k) * choose(r2, c1 - k)) / choose(r1 + r2, c1);
				let p = 0;
				for (let k = Math.max(0, c1 - r2); k <= Math.min(r1, c1); k++) if (prob(k) <= prob(a) * (1 + 1e-7)) p += prob(k);
				expect(fisherExact([[a, b], [c, d]]).p).toBeCloseTo(Math.min(1, p), 10);
			})
		);
	});

	it('stays finite and exact in the tails for large tables', () => {
		const r = fisherExact([[900, 100], [100, 900]]);
		expect(r.p).toBeGreaterThan(0);
		expect(r.p).toBeLessThan(1e-200);
		expect(fisherExact([[500, 500], [500, 500]]).p).toBeCloseTo(1, 12);
	});
});

describe('welchTTest', () => {
	it('is antisymmetric in its groups and its interval holds the difference', () => {
		fc.assert(
			fc.property(sample(2, 15), sample(2, 15), (x, y) => {
				const a = welchTTest(x, y);
				const b = welchTTest(y, x);
				fc.pre(Number.isFinite(a.t));
				expect(a.t).toBeCloseTo(-b.t, 9);
				expect(a.p).toBeCloseTo(b.p, 12);
				expect(a.difference.low).toBeLessThanOrEqual(a.difference.estimate);
				expect(a.difference.high).toBeGreaterThanOrEqual(a.difference.estimate);
			})
		);
	});
});

describe('makeContrasts', () => {
	it('gives each zone its firms (1), the firms outside every zone (0) and no one else, as a direct reading of the zone lists', () => {
		const firm = fc.record({ zones: fc.uniqueArray(fc.nat(3), { maxLength: 3 }), excluded: fc.boolean() });
		fc.assert(
			fc.property(fc.array(firm, { maxLength: 30 }), (firms) => {
				const offsets = new Uint32Array(firms.length + 1);
				const zoneIndices: number[] = [];
				firms.forEach((f, i) => {
					zoneIndices.push(...[...f.zones].sort());
					offsets[i + 1] = zoneIndices.length;
				});
				const membership = { inside: Uint8Array.from(firms, (f) => (f.zones.length > 0 ? 1 : 0)), offsets, zoneIndices: Uint32Array.from(zoneIndices), zoneIds: ['a', 'b', 'c', 'd'] };
				const exclude = Uint8Array.from(firms, (f) => (f.excluded ? 1 : 0));
				const each = makeContrasts(membership, { kind: 'each-zone' }, { exclude });
				each.forEach((contrast, z) => {
					expect([...contrast.group]).toEqual(firms.map((f) => (f.excluded ? -1 : f.zones.includes(z) ? 1 : f.zones.length > 0 ? -1 : 0)));
				});
				const [rest] = makeContrasts(membership, { kind: 'zone-vs-rest', zoneId: 'c' }, { exclude });
				expect([...rest.group]).toEqual(firms.map((f) => (f.excluded ? -1 : f.zones.includes(2) ? 1 : 0)));
			})
		);
	});
});
