import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thousands } from './thousands';

describe('thousands', () => {
	it("writes what toLocaleString('en') writes, for any number (property)", () => {
		fc.assert(
			fc.property(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.constantFrom(0, -0, 999, 1000, -1000, 1e15, 0.5, 1234.5678, NaN, Infinity)), (n) => {
				expect(thousands(n)).toBe(n.toLocaleString('en'));
			}),
			{ numRuns: 2000 }
		);
	});
});
