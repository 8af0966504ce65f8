import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { dictionaries, type MessageKey, type MessageParams } from '$lib/i18n';
import { geocodeReason } from './geocode-reason';

const translator = (lang: 'en' | 'ja') => (key: MessageKey, params: MessageParams = {}) =>
	dictionaries[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));

// Every reason the command wrote for the bad-rows fixture (its golden output) is worded in
// Japanese, and unchanged in English.
const goldens = ['bad-rows.expected.csv', 'firms-addresses-sjis.expected.csv'].map(
	(name) => Papa.parse<string[]>(readFileSync(join(import.meta.dirname, '../../cli/test/geocode', name), 'utf8').replace(/^\ufeff/, ''), { skipEmptyLines: true }).data
);
const reasons = [...new Set(goldens.flatMap((golden) => golden.slice(1).map((row) => row.at(-1)!)).filter((r) => r !== '' && !/^(row has|the quotes)/.test(r)))];

describe('geocodeReason', () => {
	it('has reasons to check', () => expect(reasons.length).toBeGreaterThan(4));

	it.each(reasons)('words %j in Japanese and keeps it in English', (reason) => {
		expect(geocodeReason(reason, translator('en'))).toBe(reason);
		const ja = geocodeReason(reason, translator('ja'));
		expect(ja).not.toBe(reason);
		expect(ja).toMatch(/[ぁ-ん]/);
	});

	it('names the places of the reason in the Japanese wording', () => {
		expect(geocodeReason('only the municipality 大田区 was found: 池上9丁目 is not a town of 大田区', translator('ja'))).toBe('大田区 までしか見つかりません：池上9丁目 は 大田区 の町丁目にありません');
	});
});
