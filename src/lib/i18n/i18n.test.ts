import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ja } from './ja';
import { formatNumber, languageFromNavigator, pluralise, translate, type MessageKey } from './index';
import { displayValue } from './values';
import { JSIC_MEDIUM, jsicMajorName, jsicMediumCode, jsicMediumName } from './jsic';

/** Names a message fills: `{name}` and `{name, plural, …}`. */
const PLURAL_BLOCK = /\{(\w+), plural,(?:\s*[\w=]+\s*\{[^{}]*\})+\s*\}/g;
const placeholders = (message: string) =>
	[...new Set([...[...message.matchAll(PLURAL_BLOCK)].map((m) => m[1]), ...[...message.replace(PLURAL_BLOCK, '').matchAll(/\{(\w+)\}/g)].map((m) => m[1])])].sort();

describe('dictionaries', () => {
	it('English and Japanese have the same keys', () => {
		expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
	});

	it('every message is non-empty and uses the same placeholders in both languages', () => {
		for (const key of Object.keys(en) as (keyof typeof en)[]) {
			expect(en[key].trim(), key).not.toBe('');
			expect(ja[key].trim(), key).not.toBe('');
			expect(placeholders(ja[key]), key).toEqual(placeholders(en[key]));
		}
	});

	it('the synthetic-sample label says so in both languages', () => {
		expect(en['synthetic.badge']).toBe('Synthetic sample — not real firms');
		expect(ja['synthetic.badge']).toBe('合成サンプル（実在の企業ではありません）');
	});
});

describe('translate', () => {
	it('fills placeholders and groups digits per language', () => {
		expect(translate('en', 'firms.count', { count: 21650 })).toBe('21,650 firms');
		expect(translate('ja', 'firms.count', { count: 21650 })).toBe('21,650 社');
		expect(translate('en', 'search.noMatch', { query: 'xyz' })).toBe('No match for “xyz”');
	});

	it('leaves an unfilled placeholder visible instead of printing "undefined"', () => {
		expect(translate('en', 'firms.count', {})).toBe('{count} firms');
	});

	it('formats decimals with at most two digits', () => {
		expect(formatNumber('en', 59.4612)).toBe('59.46');
	});
});

describe('languageFromNavigator', () => {
	it('picks Japanese only when the first browser language is Japanese', () => {
		expect(languageFromNavigator(['ja-JP', 'en-US'])).toBe('ja');
		expect(languageFromNavigator(['ja'])).toBe('ja');
		expect(languageFromNavigator(['en-GB', 'ja'])).toBe('en');
		expect(languageFromNavigator([])).toBe('en');
	});
});

describe('JSIC names', () => {
	it('covers every manufacturing medium division 09–32', () => {
		for (let code = 9; code <= 32; code++) {
			expect(JSIC_MEDIUM[String(code).padStart(2, '0')], String(code)).toBeDefined();
		}
	});

	it('reads the code out of common spellings and falls back to the code', () => {
		expect(jsicMediumCode('E24')).toBe('24');
		expect(jsicMediumCode('9')).toBe('09');
		expect(jsicMediumCode('none')).toBeNull();
		expect(jsicMediumName('24', 'ja')).toBe('金属製品製造業');
		expect(jsicMediumName('26', 'en')).toBe('Production machinery and equipment');
		expect(jsicMediumName('98', 'en')).toBe('JSIC 98');
		expect(jsicMajorName('e', 'en')).toBe('Manufacturing');
		expect(jsicMajorName('Z', 'ja')).toBe('JSIC Z');
	});
});

describe('plurals', () => {
	it('chooses the form by Intl.PluralRules and writes # as the number', () => {
		const message = '{count, plural, =0 {no firm} one {# firm} other {# firms}} inside';
		expect(pluralise('en', message, { count: 0 })).toBe('no firm inside');
		expect(pluralise('en', message, { count: 1 })).toBe('1 firm inside');
		expect(pluralise('en', message, { count: 1200 })).toBe('1,200 firms inside');
		expect(translate('en', 'zones.firms', { count: 1 })).toBe('1 firm inside');
		expect(translate('en', 'zones.firms', { count: 2 })).toBe('2 firms inside');
		expect(translate('ja', 'zones.firms', { count: 1 })).toBe(translate('ja', 'zones.firms', { count: 1 }).replace('{count}', ''));
	});

	// Every count message with every number 1: none may read "1 firms", "1 rows have"…
	it('no English message says "1" with a plural noun or verb', () => {
		const plural = /(?<![\d.,])1 (?:more |added |significant |other )?(?:firms|rows|zones|industries|institutions|cells|values|polygons|points|features|lines|columns|municipalities|sites|draws|permutations|zones|ids|files)\b(?!\/)|\b1 \w+ (?:have|are)\b/;
		const wrong = (Object.keys(en) as MessageKey[])
			.map((key) => translate('en', key, Object.fromEntries(placeholders(en[key]).map((name) => [name, 1]))))
			.filter((text) => plural.test(text));
		expect(wrong).toEqual([]);
	});
});

describe('display values', () => {
	it('shows answer words in Japanese in the Japanese UI and leaves others and English alone', () => {
		expect(['yes', 'No', 'none', 'yearly', 'monthly', 'weekly'].map((v) => displayValue('ja', v))).toEqual(['はい', 'いいえ', 'なし', '年単位', '月単位', '週単位']);
		expect(displayValue('en', 'weekly')).toBe('weekly');
		expect(displayValue('ja', '平万重工業株式会社')).toBe('平万重工業株式会社');
		expect(displayValue('ja', '24')).toBe('24');
	});
});

describe('one Japanese word for a zone', () => {
	it('says 区域 everywhere, never ゾーン', () => {
		expect(Object.entries(ja).filter(([, message]) => message.includes('ゾーン'))).toEqual([]);
	});
});
