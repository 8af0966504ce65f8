import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell } from '$lib/core/io';
import { jsicMediumCode } from '$lib/i18n/jsic';
import { INDUSTRY_CODE_TEXT, NO_INDUSTRY, industryCodeOfBytes, industryCodeOfText } from './industry-codes';

const asText = (n: number) => (n === NO_INDUSTRY ? null : INDUSTRY_CODE_TEXT[n]);

describe('industry codes', () => {
	it('read from a cell’s raw bytes, quoted or not, agree with jsicMediumCode on its text (property)', () => {
		const cell = fc.string({ unit: fc.constantFrom('E', '2', '4', '0', '9', ' ', '大', '"', ',', '５', '😀'), maxLength: 6 });
		fc.assert(
			fc.property(cell, (text) => {
				const raw = new TextEncoder().encode(csvCell(text, { guard: false }));
				expect(asText(industryCodeOfBytes(raw, 0, raw.length))).toBe(jsicMediumCode(text));
				expect(asText(industryCodeOfText(text))).toBe(jsicMediumCode(text));
			})
		);
	});

	it('take the first run of at most two digits', () => {
		const bytes = (text: string) => new TextEncoder().encode(text);
		expect(['E24', '5', '245', 'x', ''].map((t) => asText(industryCodeOfBytes(bytes(t), 0, bytes(t).length)))).toEqual(['24', '05', '24', null, null]);
	});
});
