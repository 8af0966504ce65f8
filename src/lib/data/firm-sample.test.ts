import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseFirmSample } from './firm-sample';
import { codeAt, codeColumn, codeCounts } from '$lib/core/firm-table';
import { unpackRows } from '$lib/core/io/packed-rows';

const header = 'id,name,lat,lon,jsic_medium';

describe('parseFirmSample', () => {
	it('keeps every row verbatim with its position and industry code', () => {
		const text = `\uFEFF${header}\nF1,"Ota Seiki, Ltd.",35.5614,139.7161,26\nF2,東大阪製作所,34.6794,135.6008,E24\n`;
		const sample = parseFirmSample(text, { file: 'firms.csv' });
		expect(sample.columns).toEqual(['id', 'name', 'lat', 'lon', 'jsic_medium']);
		expect(unpackRows(sample.rows)).toEqual([
			['F1', 'Ota Seiki, Ltd.', '35.5614', '139.7161', '26'],
			['F2', '東大阪製作所', '34.6794', '135.6008', 'E24']
		]);
		expect([...sample.lon]).toEqual([139.7161, 135.6008]);
		expect([...sample.lat]).toEqual([35.5614, 34.6794]);
		expect(sample.industry).toEqual({ codes: ['26', '24'], index: Uint16Array.of(0, 1) });
		expect(sample.problems).toEqual([]);
	});

	it('counts firms per industry, largest first', () => {
		const lines = ['26', '24', '26', '', '26'].map((code, i) => `F${i},n,35,139,${code}`);
		const sample = parseFirmSample([header, ...lines].join('\n'), { file: 'f.csv' });
		expect(sample.industryCounts).toEqual([
			['26', 3],
			['', 1],
			['24', 1]
		]);
	});

	it('reports unplaceable rows by file, line and column instead of dropping them silently', () => {
		const text = [header, 'F1,a,35.1,139.1,26', 'F2,b,,139.2,26', 'F3,c,35.3,east,26', 'F4,d,95,139,26', 'F5,e,35'].join(
			'\n'
		);
		const sample = parseFirmSample(text, { file: 'firms.csv' });
		expect(unpackRows(sample.rows).map((row) => row[0])).toEqual(['F1']);
		expect(sample.problems.map((p) => [p.line, p.column])).toEqual([
			[3, 'lat'],
			[4, 'lon'],
			[5, 'lat'],
			[6, '']
		]);
		expect(sample.problems[1].message).toBe(
			'firms.csv: line 4, column "lon": "east" is not a decimal degree; write it like 35.5614 (WGS84).'
		);
		expect(sample.problems[3].message).toContain('line 6 has 3 fields but the header has 5');
	});

	it('names the file and the missing column when the header lacks coordinates', () => {
		expect(() => parseFirmSample('id,name,latitude\nF1,a,35', { file: 'mine.csv' })).toThrow(
			'mine.csv: line 1 has no column "lat", "lon"'
		);
	});
});

describe('code columns', () => {
	it('give back every value, and count each code as often as it occurs', () => {
		fc.assert(
			fc.property(fc.array(fc.constantFrom('', '24', '26', '09', '製造')), (values) => {
				const column = codeColumn(values);
				expect(values.map((_, i) => codeAt(column, i))).toEqual(values);
				expect(new Set(column.codes).size).toBe(column.codes.length);
				const counts = new Map<string, number>();
				for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
				expect(new Map(codeCounts(column))).toEqual(counts);
			})
		);
	});
});
