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

	it.each(['', ' ', '35,681', 'abc', 'N35.6', '0x23', `35°60'`, `35°33'60"`, `N35°33'S`, `-35°S`, '35.5°30\'', '1:2:3:4', '35度33分36.5秒X', 'Infinity', '1.2.3', '--1'])('%j is not a number', (text) => {
		expect(parseCoordinate(text)).toBeNaN();
	});
});

describe('parseCoordinate: degrees, minutes, seconds', () => {
	it.each([
		[`35°33'36"N`, 35 + 33 / 60 + 36 / 3600],
		[`35°33′36.5″N`, 35 + 33 / 60 + 36.5 / 3600],
		[`35° 33' 36.5" S`, -(35 + 33 / 60 + 36.5 / 3600)],
		[`N35°33'36.5"`, 35 + 33 / 60 + 36.5 / 3600],
		['35度33分36.5秒', 35 + 33 / 60 + 36.5 / 3600],
		['北緯35度33分36.5秒', 35 + 33 / 60 + 36.5 / 3600],
		['東経１３９度４２分３０秒', 139 + 42 / 60 + 30 / 3600],
		['西経70度', -70],
		['139:42:30', 139 + 42 / 60 + 30 / 3600],
		['-35:30', -35.5],
		[`139°42.5'E`, 139 + 42.5 / 60],
		['35°40′N', 35 + 40 / 60],
		['35.5°', 35.5]
	])('%j is %d', (text, value) => {
		expect(parseCoordinate(text)).toBeCloseTo(value, 12);
	});

	it('reads back degrees, minutes and seconds written from a decimal (property)', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 179 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 5999 }), fc.boolean(), (d, m, cs, south) => {
				const s = (cs / 100).toFixed(2);
				const expected = (d + m / 60 + Number(s) / 3600) * (south ? -1 : 1);
				expect(parseCoordinate(`${d}°${m}'${s}"${south ? 'S' : 'N'}`)).toBeCloseTo(expected, 10);
				expect(parseCoordinate(`${south ? '-' : ''}${d}:${m}:${s}`)).toBeCloseTo(expected, 10);
				expect(parseCoordinate(`${south ? '南緯' : '北緯'}${d}度${m}分${s}秒`)).toBeCloseTo(expected, 10);
			})
		);
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
