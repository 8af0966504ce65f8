import { describe, expect, it } from 'vitest';
import { guessColumns, normalizeHeader } from './guess-columns';

describe('guessColumns', () => {
	it.each([
		[['lat', 'lon'], { lat: 0, lon: 1 }],
		[['Latitude', 'Longitude'], { lat: 0, lon: 1 }],
		[['LAT', 'LNG'], { lat: 0, lon: 1 }],
		[['y', 'long', 'latitude '], { lat: 2, lon: 1 }],
		[['会社名', '緯度', '経度'], { lat: 1, lon: 2 }],
		[['ＬＡＴ', 'ＬＯＮ'], { lat: 0, lon: 1 }],
		[[' 緯度 ', '　経度　'], { lat: 0, lon: 1 }],
		[['lat', 'latitude', 'lon'], { lat: 0, lon: 2 }],
		[['x', 'y'], { lat: -1, lon: -1 }],
		[['latitude_deg', 'lon'], { lat: -1, lon: 1 }]
	])('%j → %j', (header, expected) => {
		expect(guessColumns(header)).toMatchObject(expected);
	});

	it('finds id and name columns', () => {
		expect(guessColumns(['名称', 'ID', 'lat', 'lon'])).toEqual({ lat: 2, lon: 3, id: 1, name: 0, industry: -1, address: -1 });
		expect(guessColumns(['会社名', 'lat', 'lon'])).toEqual({ lat: 1, lon: 2, id: -1, name: 0, industry: -1, address: -1 });
		expect(guessColumns(['企業ID', '会社名', '住所', '業種', '緯度', '経度'])).toEqual({ lat: 4, lon: 5, id: 0, name: 1, industry: 3, address: 2 });
	});

	it('takes extra names', () => {
		expect(guessColumns(['y座標', 'x座標'], { names: { lat: ['Y座標'], lon: ['X座標'] } })).toMatchObject({ lat: 0, lon: 1 });
	});

	it('normalizes full-width, spacing and case', () => {
		expect(normalizeHeader(' Ｌａｔｉｔｕｄｅ ')).toBe('latitude');
	});
});
