import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { benjaminiHochberg, bonferroni } from './multiple-testing';

/** BH by its definition: q of p is the smallest m·p₍ⱼ₎/j over sorted positions j holding a p-value ≥ p. */
function bruteBH(p: number[]): number[] {
	const sorted = [...p].sort((a, b) => a - b);
	const m = p.length;
	return p.map((v) => Math.min(1, ...sorted.map((s, j) => (s >= v ? (m / (j + 1)) * s : Infinity))));
}

const pValues = fc.array(fc.double({ min: 1e-6, max: 1, noNaN: true }), { minLength: 1, maxLength: 60 });

describe('benjaminiHochberg', () => {
	it('worked by hand: p = 0.01, 0.04, 0.03, 0.2 (m = 4) → 0.04, 4·0.04/3, 4·0.04/3, 0.2', () => {
		const q = benjaminiHochberg(Float64Array.of(0.01, 0.04, 0.03, 0.2));
		expect(q[0]).toBeCloseTo(0.04, 15);
		expect(q[1]).toBeCloseTo(0.16 / 3, 15);
		expect(q[2]).toBeCloseTo(0.16 / 3, 15); // 4·0.03/2 = 0.06 is above the step after it
		expect(q[3]).toBeCloseTo(0.2, 15);
	});

	it('equals the definition, is at least p, at most 1, and keeps the order of the p-values', () => {
		fc.assert(
			fc.property(pValues, (p) => {
				const q = benjaminiHochberg(Float64Array.from(p));
				const brute = bruteBH(p);
				for (let i = 0; i < p.length; i++) {
					expect(q[i]).toBeCloseTo(brute[i], 12);
					expect(q[i]).toBeGreaterThanOrEqual(p[i]);
					expect(q[i]).toBeLessThanOrEqual(1);
					for (let j = 0; j < p.length; j++) if (p[i] <= p[j]) expect(q[i]).toBeLessThanOrEqual(q[j]);
				}
			})
		);
	});

	it('leaves NaN out of m and keeps it NaN', () => {
		const q = benjaminiHochberg(Float64Array.of(0.01, NaN, 0.02));
		expect(q[1]).toBeNaN();
		expect(q[0]).toBeCloseTo(0.02, 15); // m = 2
	});
});

describe('bonferroni', () => {
	it('is min(1, p·m)', () => {
		fc.assert(
			fc.property(pValues, (p) => {
				const adjusted = bonferroni(Float64Array.from(p));
				p.forEach((v, i) => expect(adjusted[i]).toBe(Math.min(1, v * p.length)));
			})
		);
		expect(Array.from(bonferroni(Float64Array.of(0.01, NaN, 0.6)))).toEqual([0.02, NaN, 1]);
	});
});
