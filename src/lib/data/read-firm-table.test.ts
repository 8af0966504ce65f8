import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { firmTableFromCsvText } from './read-firm-table';
import { datasetHash } from './persist';
import { codeAt, codeColumn, codeCounts } from '$lib/core/firm-table';
import { InputError } from '$lib/core/io/input-error';
import { unpackRows } from '$lib/core/io/packed-rows';
import { DEFAULT_SEED, firmCsvHeader, firmCsvLines, generateFirms } from '$lib/core/sample';
import { readSampleGeodata } from '../../../geodata/scripts/generate-firms';
import { papaFirmTable } from '../../../bench/lib/papa-firm-table';

const header = 'id,name,lat,lon,jsic_medium';

describe('firmTableFromCsvText', () => {
	it('keeps every row verbatim with its position and industry code', async () => {
		const text = `\uFEFF${header}\nF1,"Ota Seiki, Ltd.",35.5614,139.7161,26\nF2,東大阪製作所,34.6794,135.6008,E24\n`;
		const sample = await firmTableFromCsvText(text, { file: 'firms.csv' });
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

	it('counts firms per industry, largest first', async () => {
		const lines = ['26', '24', '26', '', '26'].map((code, i) => `F${i},n,35,139,${code}`);
		const sample = await firmTableFromCsvText([header, ...lines].join('\n'), { file: 'f.csv' });
		expect(sample.industryCounts).toEqual([
			['26', 3],
			['', 1],
			['24', 1]
		]);
	});

	it('reports unplaceable rows by file, line and column instead of dropping them silently', async () => {
		const text = [header, 'F1,a,35.1,139.1,26', 'F2,b,,139.2,26', 'F3,c,35.3,east,26', 'F4,d,95,139,26', 'F5,e,35'].join(
			'\n'
		);
		const sample = await firmTableFromCsvText(text, { file: 'firms.csv' });
		expect(unpackRows(sample.rows).map((row) => row[0])).toEqual(['F1']);
		expect(sample.problems.map((p) => [p.line, p.column])).toEqual([
			[3, 'lat'],
			[4, 'lon'],
			[5, 'lat'],
			[6, '']
		]);
		expect(sample.problems[1].message).toBe(
			`firms.csv: line 4: longitude (column "lon") "east" is not a decimal number (35.6812) or degrees-minutes-seconds (35°40'52"N)`
		);
		expect(sample.problems[3].message).toMatch(/^firms\.csv: line 6: .*3 cells.*5/);
		// Not dropped: the rows are kept verbatim for the export.
		expect(sample.unplaced?.map((row) => [row.line, row.cells[0]])).toEqual([
			[3, 'F2'],
			[4, 'F3'],
			[5, 'F4'],
			[6, 'F5']
		]);
	});

	it('names the file, the line and the missing column when the header lacks coordinates', async () => {
		const error = await firmTableFromCsvText('id,name,latitude\nF1,a,35', { file: 'mine.csv' }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(InputError);
		expect((error as InputError).describe()).toMatch(/^mine\.csv:1: has no longitude column \(looked for lon, .*the columns are "id", "name", "latitude"\)/);
	});
});

describe('the bundled sample', () => {
	it('is read by the engine into the same firms, rows and industries as Papa Parse read it', async () => {
		// The text `npm run sample` writes, made here so the test needs no generated file.
		const text = '\uFEFF' + firmCsvHeader() + '\n' + firmCsvLines([...generateFirms(readSampleGeodata(), { seed: DEFAULT_SEED })]);
		const before = papaFirmTable(text, { file: 'firms-sample.csv' });
		const after = await firmTableFromCsvText(text, { file: 'firms-sample.csv' });
		expect(after.rows.count).toBe(before.rows.count);
		expect(after.rows.count).toBeGreaterThan(50_000);
		expect(after.columns).toEqual(before.columns);
		expect(after.lon).toEqual(before.lon);
		expect(after.lat).toEqual(before.lat);
		expect(after.industry).toEqual(before.industry);
		expect(after.industryCounts).toEqual(before.industryCounts);
		expect(unpackRows(after.rows)).toEqual(unpackRows(before.rows));
		expect(after.problems).toEqual([]);
		expect(after.unplaced).toEqual([]);
		// The same hash, so a session saved with the sample before still finds it.
		expect(await datasetHash(after)).toBe(await datasetHash(before));
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
