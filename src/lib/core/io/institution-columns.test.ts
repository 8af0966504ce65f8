import { describe, expect, it } from 'vitest';
import { INSTITUTION_TYPES } from '../model';
import { guessInstitutionColumns, institutionType } from './institution-columns';

describe('guessInstitutionColumns', () => {
	it.each([
		[['機関名', '種別', '緯度', '経度'], { lat: 2, lon: 3, id: -1, name: 0, type: 1 }],
		[['id', 'name', 'type', 'lat', 'lon'], { lat: 3, lon: 4, id: 0, name: 1, type: 2 }],
		[['名称', '区分', 'latitude', 'longitude'], { lat: 2, lon: 3, id: -1, name: 0, type: 1 }],
		[['Institution', 'Category', 'LAT', 'LNG'], { lat: 2, lon: 3, id: -1, name: 0, type: 1 }],
		[['住所', 'x', 'y'], { lat: -1, lon: -1, id: -1, name: -1, type: -1 }]
	])('%j', (header, expected) => {
		expect(guessInstitutionColumns(header)).toEqual(expected);
	});
});

describe('institutionType', () => {
	it('takes the type names themselves, whatever their case and spacing', () => {
		for (const type of INSTITUTION_TYPES) {
			expect(institutionType(type)).toBe(type);
			expect(institutionType(` ${type.toUpperCase().replace(/-/g, ' ')} `)).toBe(type);
		}
	});

	it.each([
		['国立大学', 'national-university'],
		['国立大学法人', 'national-university'],
		['National University', 'national-university'],
		['公立大学', 'public-university'],
		['県立大学', 'public-university'],
		['私立大学', 'private-university'],
		['private university', 'private-university'],
		['公設試験研究機関', 'public-research-institute'],
		['public research institute (kosetsushi)', 'public-research-institute'],
		['工業技術センター', 'public-research-institute'],
		['国立研究開発法人', 'national-research-institute'],
		['national research institute', 'national-research-institute'],
		['高等専門学校', 'other'],
		['national college of technology', 'other'],
		['ｏｔｈｅｒ', 'other']
	])('%s → %s', (text, type) => {
		expect(institutionType(text)).toBe(type);
	});

	it('says null for what it does not know, and for an empty cell', () => {
		expect(institutionType('museum')).toBeNull();
		expect(institutionType('  ')).toBeNull();
	});

	it('reads every bundled institution type detail as its type', async () => {
		const { readFileSync } = await import('node:fs');
		const bundled = JSON.parse(readFileSync(new URL('../../../../geodata/institutions.geo.json', import.meta.url), 'utf8')) as {
			features: { properties: { type: string; type_detail: string } }[];
		};
		for (const { properties } of bundled.features) expect(institutionType(properties.type_detail), properties.type_detail).toBe(properties.type);
	});
});
