import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom } from './random';

const draws = (seed: number, n: number, f: (r: ReturnType<typeof createRandom>) => number) => {
	const rng = createRandom(seed);
	return Array.from({ length: n }, () => f(rng));
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const variance = (xs: number[]) => {
	const m = mean(xs);
	return mean(xs.map((x) => (x - m) ** 2));
};

describe('createRandom', () => {
	it('repeats its stream for a seed and stays in [0, 1)', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 0xffffffff }), (seed) => {
				const a = draws(seed, 50, (r) => r.next());
				expect(draws(seed, 50, (r) => r.next())).toEqual(a);
				expect(a.every((x) => x >= 0 && x < 1)).toBe(true);
			})
		);
	});

	it('draws normals, Poisson counts and logistic noise with the right moments', () => {
		const z = draws(1, 40000, (r) => r.normal(3, 2));
		expect(mean(z)).toBeCloseTo(3, 1);
		expect(Math.sqrt(variance(z))).toBeCloseTo(2, 1);
		for (const lambda of [0.3, 4, 45]) {
			const k = draws(2, 40000, (r) => r.poisson(lambda));
			expect(Math.abs(mean(k) - lambda) / Math.max(lambda, 1)).toBeLessThan(0.03);
			expect(k.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
		}
		// Standard logistic: variance π²/3.
		const l = draws(3, 40000, (r) => r.logistic());
		expect(Math.abs(mean(l))).toBeLessThan(0.05);
		expect(variance(l)).toBeCloseTo(Math.PI ** 2 / 3, 0);
	});

	it('picks indices in proportion to their weights and ints within bounds', () => {
		const counts = [0, 0, 0];
		const rng = createRandom(4);
		for (let i = 0; i < 30000; i++) counts[rng.pick([1, 2, 7])]++;
		expect(counts.map((c) => Math.round((c / 30000) * 10))).toEqual([1, 2, 7]);
		const ints = draws(5, 5000, (r) => r.int(-2, 3));
		expect(new Set(ints)).toEqual(new Set([-2, -1, 0, 1, 2, 3]));
	});

	it('refuses a negative Poisson mean', () => {
		expect(() => createRandom(1).poisson(-1)).toThrow(/lambda must be ≥ 0/);
	});
});
