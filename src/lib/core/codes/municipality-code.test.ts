import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { District } from '../geodata-types';
import { checkDigit, parseMunicipalityCode } from './municipality-code';

const districts = JSON.parse(readFileSync(new URL('../../../../geodata/districts.json', import.meta.url), 'utf8')) as District[];

describe('checkDigit', () => {
	it('gives the sixth digit of every municipality code in the bundled districts', () => {
		const members = districts.flatMap((d) => d.municipalities);
		expect(members.length).toBeGreaterThan(10);
		for (const m of members) expect(m.code5 + checkDigit(m.code5), m.name_en).toBe(m.code6);
	});

	it('gives the published prefecture codes (Tokyo 130001, Osaka 270008)', () => {
		expect('13000' + checkDigit('13000')).toBe('130001');
		expect('27000' + checkDigit('27000')).toBe('270008');
	});
});

describe('parseMunicipalityCode', () => {
	it.each([
		['13111', { ok: true, code5: '13111', code6: '131113' }],
		['131113', { ok: true, code5: '13111', code6: '131113' }],
		['１３１１１', { ok: true, code5: '13111', code6: '131113' }],
		[' 27227 ', { ok: true, code5: '27227', code6: '272272' }],
		['131112', { ok: false, reason: 'check-digit', text: '131112', expected: '131113' }],
		['1311', { ok: false, reason: 'format', text: '1311' }],
		['13a11', { ok: false, reason: 'format', text: '13a11' }],
		['1311134', { ok: false, reason: 'format', text: '1311134' }],
		['48101', { ok: false, reason: 'prefecture', text: '48101' }],
		['00101', { ok: false, reason: 'prefecture', text: '00101' }],
		['13000', { ok: false, reason: 'prefecture-only', text: '13000' }]
	])('%s', (text, expected) => {
		expect(parseMunicipalityCode(text)).toEqual(expected);
	});

	it('accepts exactly one check digit per code, the one the rule gives', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 47 }), fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 9 }), (pref, number, digit) => {
				const code5 = String(pref).padStart(2, '0') + String(number).padStart(3, '0');
				const d = code5.split('').map(Number);
				const rule = (11 - ((d[0] * 6 + d[1] * 5 + d[2] * 4 + d[3] * 3 + d[4] * 2) % 11)) % 10;
				expect(parseMunicipalityCode(code5 + digit).ok).toBe(digit === rule);
			})
		);
	});
});
