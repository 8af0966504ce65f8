import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { District } from '$lib/core/geodata-types';
import { buildSearchIndex, normaliseName, searchKeys, searchPlaces, type PrefectureSearchInput } from './search';

const muni = (code5: string, name_en: string, name_ja: string, kana: string) => ({
	code5,
	code6: `${code5}0`,
	name_en,
	name_ja,
	kana,
	office: [0, 0] as [number, number],
	area_km2: 1,
	area_note: '',
	boundary_codes: [code5]
});

const districts: District[] = [
	{
		id: 'ota',
		name_en: 'Ota',
		name_ja: '大田',
		pref_code: '13',
		pref_en: 'Tokyo',
		pref_ja: '東京都',
		center: [139.716, 35.561],
		bbox: [139.67, 35.52, 139.77, 35.61],
		municipalities: [muni('13111', 'Ota City (Ōta-ku)', '大田区', 'おおたく')],
		industries: [],
		sources: []
	},
	{
		id: 'higashiosaka',
		name_en: 'Higashi-Osaka',
		name_ja: '東大阪',
		pref_code: '27',
		pref_en: 'Osaka',
		pref_ja: '大阪府',
		center: [135.6, 34.68],
		bbox: [135.5, 34.58, 135.66, 34.72],
		municipalities: [
			muni('27227', 'Higashiosaka City', '東大阪市', 'ひがしおおさかし'),
			muni('27212', 'Yao City', '八尾市', 'やおし'),
			muni('27115', 'Higashinari Ward, Osaka City', '大阪市東成区', 'おおさかしひがしなりく')
		],
		industries: [],
		sources: []
	},
	{
		id: 'hamamatsu',
		name_en: 'Hamamatsu',
		name_ja: '浜松',
		pref_code: '22',
		pref_en: 'Shizuoka',
		pref_ja: '静岡県',
		center: [137.73, 34.71],
		bbox: [137.5, 34.6, 138.0, 35.3],
		municipalities: [muni('22130', 'Hamamatsu City', '浜松市', 'はままつし')],
		industries: [],
		sources: []
	}
];

const prefectures: PrefectureSearchInput[] = [
	{ code: '13', name_en: 'Tokyo', name_ja: '東京都', bbox: [138.9, 35.5, 139.9, 35.9] },
	{ code: '26', name_en: 'Kyoto', name_ja: '京都府', bbox: [134.8, 34.7, 136.1, 35.8] },
	{ code: '27', name_en: 'Osaka', name_ja: '大阪府', bbox: [135.1, 34.3, 135.8, 35.1] },
	{ code: '22', name_en: 'Shizuoka', name_ja: '静岡県', bbox: [137.5, 34.6, 139.2, 35.6] }
];

const index = buildSearchIndex(districts, prefectures);
const first = (query: string) => searchPlaces(index, query)[0];

describe('normaliseName', () => {
	it('folds case, width, hyphens, spaces, macrons and long vowels', () => {
		expect(normaliseName('Higashi-Ōsaka')).toBe('higashiosaka');
		expect(normaliseName('HIGASHI OSAKA')).toBe('higashiosaka');
		expect(normaliseName('Higashioosaka')).toBe('higashiosaka');
		expect(normaliseName('Ｏｈｔａ')).toBe('ota');
		expect(normaliseName('Outa')).toBe('ota');
		expect(normaliseName('オオタク')).toBe('おおたく');
	});
});

describe('searchKeys', () => {
	it('keeps the parts of a parenthesised name and drops the context after a comma', () => {
		expect(searchKeys('Ota City (Ōta-ku)')).toEqual(['otacityotaku', 'otacity', 'ota', 'otaku']);
		expect(searchKeys('Higashinari Ward, Osaka City')).not.toContain('osaka');
		expect(searchKeys('大田区')).toEqual(['大田区', '大田']);
	});
});

describe('searchPlaces', () => {
	it.each([
		['Ota', 'district', 'ota'],
		['ota', 'district', 'ota'],
		['大田区', 'district', 'ota'],
		['Ōta-ku', 'district', 'ota'],
		['おおた', 'municipality', '13111'],
		['Higashi-Osaka', 'district', 'higashiosaka'],
		['higashiosaka', 'district', 'higashiosaka'],
		['東大阪', 'district', 'higashiosaka'],
		['東大阪市', 'district', 'higashiosaka'],
		['Hamamatsu', 'district', 'hamamatsu'],
		['浜松', 'district', 'hamamatsu'],
		['hamamatsu-shi', 'district', 'hamamatsu'],
		['Yao', 'municipality', '27212'],
		['八尾市', 'municipality', '27212'],
		['Osaka', 'prefecture', '27'],
		['大阪府', 'prefecture', '27'],
		['Kyoto', 'prefecture', '26'],
		['京都', 'prefecture', '26'],
		['Tokyo', 'prefecture', '13'],
		['Shizuoka Prefecture', 'prefecture', '22']
	])('"%s" finds the %s %s first', (query, kind, id) => {
		expect(first(query)).toMatchObject({ kind, id });
	});

	it('a municipality flies to its district', () => {
		expect(first('Higashinari')).toMatchObject({ kind: 'municipality', districtId: 'higashiosaka' });
		expect(first('Higashinari')?.bbox).toEqual(districts[1].bbox);
	});

	it('finds partial names, ranks exact before prefix before substring', () => {
		const results = searchPlaces(index, 'osaka').map((e) => `${e.kind}:${e.id}`);
		expect(results[0]).toBe('prefecture:27');
		expect(results).toContain('district:higashiosaka');
		expect(first('hama')).toMatchObject({ id: 'hamamatsu' });
	});

	it('returns nothing for an empty query or one unknown name', () => {
		expect(searchPlaces(index, '')).toEqual([]);
		expect(searchPlaces(index, '  - ')).toEqual([]);
		expect(searchPlaces(index, 'Sapporo')).toEqual([]);
	});

	it('respects the limit', () => {
		expect(searchPlaces(index, 'a', { limit: 2 }).length).toBeLessThanOrEqual(2);
	});

	it('finds every district by its names written with any case, spaces and hyphens', () => {
		const spelling = fc.record({
			district: fc.constantFrom(...districts),
			useJa: fc.boolean(),
			upper: fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }),
			breaks: fc.array(fc.constantFrom('', ' ', '-'), { minLength: 20, maxLength: 20 })
		});
		fc.assert(
			fc.property(spelling, ({ district, useJa, upper, breaks }) => {
				const name = useJa ? district.name_ja : district.name_en;
				const query = [...name]
					.map((c, i) => (upper[i % 20] ? c.toUpperCase() : c.toLowerCase()) + breaks[i % 20])
					.join('');
				expect(first(query)).toMatchObject({ kind: 'district', id: district.id });
			})
		);
	});
});
