import { describe, expect, it } from 'vitest';
import { giStarBins } from './gi-star-bins';

describe('giStarBins', () => {
	it('bins by two-sided confidence 1 − 2p: 99 % (p ≤ 0.005), 95 % (≤ 0.025), 90 % (≤ 0.05), signed by z', () => {
		const z = Float64Array.of(4, 2.5, 1.8, 1.2, -4, -2.5, -1.8, 0, 3, 2);
		const p = Float64Array.of(0.005, 0.025, 0.05, 0.0501, 0.001, 0.02, 0.04, 0.001, NaN, 0.0051);
		expect(Array.from(giStarBins(z, p))).toEqual([3, 2, 1, 0, -3, -2, -1, 0, 0, 2]);
	});
});
