import { describe, expect, it } from 'vitest';
import type { FirmBatch } from './firm-batch';
import { readFirmsCsv } from './read-firms-csv';
import { describeRowProblem } from './row-problem';

const encode = (text: string) => new TextEncoder().encode(text);

async function read(text: string, columns?: { lat?: number | string; lon?: number | string }) {
	const batches: FirmBatch[] = [];
	for await (const batch of readFirmsCsv([encode(text)], { file: 'firms.csv', columns })) batches.push(batch);
	return batches;
}

describe('readFirmsCsv', () => {
	it('reads coordinates by column name and keeps every row, saying what is wrong with the bad ones', async () => {
		const text = [
			'名前,経度,緯度,メモ',
			'ok,139.7,35.5,x',
			'empty,139.7,,x',
			'spaces,139.7,  ,x',
			'comma,139.7,"35,5",x',
			'word,東京,35.5,x',
			'north,139.7,90.5,x',
			'east,180.5,35.5,x',
			'wide,１３９．７,３５．５,x',
			'short,139.7',
			'long,139.7,35.5,x,extra',
			'quote,139.7,35.5,a"b',
			'edge,-180,-90,x'
		].join('\n');
		const [batch] = await read(text);
		expect(batch.columns).toEqual(['名前', '経度', '緯度', 'メモ']);
		expect(batch.info).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ',', latColumn: '緯度', lonColumn: '経度' });
		expect(Array.from(batch.lines)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
		expect(batch.problems.map((p) => (p === null ? null : p.map(describeRowProblem).join('; ')))).toEqual([
			null,
			'latitude (column "緯度") is empty',
			'latitude (column "緯度") is empty',
			`latitude (column "緯度") "35,5" is not a decimal number (35.6812) or degrees-minutes-seconds (35°40'52"N) (use a point as the decimal separator)`,
			`longitude (column "経度") "東京" is not a decimal number (35.6812) or degrees-minutes-seconds (35°40'52"N)`,
			'latitude (column "緯度") 90.5 is outside -90..90',
			'longitude (column "経度") 180.5 is outside -180..180',
			null,
			'row has 2 cells but the header has 4 (a delimiter inside an unquoted cell, or a missing cell?)',
			'row has 5 cells but the header has 4 (a delimiter inside an unquoted cell, or a missing cell?); the extra cells were "extra"',
			'row has a double quote inside an unquoted cell or after a closing quote; quote the whole cell and double the quotes inside it',
			null
		]);
		expect(Array.from(batch.lats)).toEqual([35.5, NaN, NaN, NaN, NaN, NaN, NaN, 35.5, NaN, NaN, NaN, -90]);
		expect(Array.from(batch.lons)).toEqual([139.7, NaN, NaN, NaN, NaN, NaN, NaN, 139.7, NaN, NaN, NaN, -180]);
	});

	it('refuses a file without coordinate columns, listing the columns it has', async () => {
		await expect(read('会社名,住所\n山田,大田区\n')).rejects.toThrow('has no latitude column (looked for lat, latitude, 緯度; the columns are "会社名", "住所")');
		await expect(read('lat,経度x\n1,2\n')).rejects.toMatchObject({ line: 1, message: expect.stringContaining('has no longitude column') });
	});

	it('takes coordinate columns given by name or index', async () => {
		const [batch] = await read('a,b,c\n1,35.5,139.7\n', { lat: 'b', lon: 2 });
		expect([batch.lats[0], batch.lons[0]]).toEqual([35.5, 139.7]);
		await expect(read('a,b\n1,2\n', { lat: 'x', lon: 'b' })).rejects.toThrow('the column "x" is not in the header');
	});
});
