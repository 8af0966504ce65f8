import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coordinateFromBytes, parseCoordinate } from './parse-coordinate';

const bytesOf = (text: string) => new TextEncoder().encode(text);

describe('parseCoordinate', () => {
	it.each([
		['35.681', 35.681],
		[' 139.767 ', 139.767],
		['-33.9', -33.9],
		['+35', 35],
		['.5', 0.5],
		['35.', 35],
		['1e1', 10],
		['３５．６８１', 35.681],
		['－３３．９', -33.9]
	])('%j is %d', (text, value) => {
		expect(parseCoordinate(text)).toBe(value);
	});

	it.each(['', ' ', '35,681', 'abc', 'N35.6', '35°40′N', '0x23', 'Infinity', '1.2.3', '--1'])('%j is not a number', (text) => {
		expect(parseCoordinate(text)).toBeNaN();
	});
});

describe('coordinateFromBytes', () => {
	it('gives exactly Number(text) for plain decimals it accepts, NaN otherwise (property)', () => {
		const decimal = fc
			.tuple(fc.constantFrom('', '-', '+'), fc.stringMatching(/^\d{0,9}$/), fc.constantFrom('', '.'), fc.stringMatching(/^\d{0,12}$/))
			.map(([sign, whole, dot, fraction]) => sign + whole + dot + fraction);
		fc.assert(
			fc.property(fc.oneof(decimal, fc.double({ noNaN: true, noDefaultInfinity: true }).map(String), fc.string()), (text) => {
				const bytes = bytesOf(`,${text},`);
				const value = coordinateFromBytes(bytes, 1, bytes.length - 1);
				if (!Number.isNaN(value)) expect(Object.is(value, parseCoordinate(text))).toBe(true);
				else if (/^[+-]?\d{0,9}\.?\d{0,6}$/.test(text) && /\d/.test(text)) expect.fail(`${text} should take the fast path`);
			}),
			{ numRuns: 5000 }
		);
	});
});
