import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { Geocoder } from '$lib/core/geocode/geocoder';
import type { TownIndex, TownPrefectureFile } from '$lib/core/geocode/town-data';
import { rowCells } from '$lib/core/io';
import { importFirms } from './import-firms';
import { previewImport } from './import-preview';
import { bytesSource } from './import-source';
import type { TownGeocoder } from './town-tables';

// Locating firms by address in the import worker gives what `cluster-map geocode` writes for the
// same file (its golden output): the same cells, points, levels and matches, and the same rows
// left unplaced with their reasons. The towns come from the committed geodata, one prefecture at
// a time, as the browser loads them.

const ROOT = join(import.meta.dirname, '../../..');
const TOWNS = join(ROOT, 'geodata/towns');
const EXAMPLE = join(ROOT, 'docs/examples/firms-addresses-sjis.csv');
const GOLDEN = join(ROOT, 'src/cli/test/geocode/firms-addresses-sjis.expected.csv');

function nodeTowns(): TownGeocoder & { loaded: string[] } {
	const geocoder = new Geocoder(JSON.parse(readFileSync(join(TOWNS, 'index.json'), 'utf8')) as TownIndex);
	const loaded: string[] = [];
	return {
		geocoder,
		loaded,
		async prepare(addresses) {
			for (const address of addresses) {
				for (const code of geocoder.prefecturesFor(address)) {
					if (loaded.includes(code)) continue;
					loaded.push(code);
					geocoder.addPrefecture(JSON.parse(readFileSync(join(TOWNS, `${code}.json`), 'utf8')) as TownPrefectureFile);
				}
			}
		}
	};
}

describe('importing firms located by address', () => {
	it('gives the command line geocode output: cells, points, levels, and the rows not placed', async () => {
		const source = bytesSource('firms-addresses-sjis.csv', new Uint8Array(readFileSync(EXAMPLE)), { chunkBytes: 97 });
		const { preview } = await previewImport(source);
		expect(preview.guess.lat).toBe(-1);
		expect(preview.columns[preview.guess.address]).toBe('住所');
		const towns = nodeTowns();
		const result = await importFirms(source, { mapping: preview.guess, swap: false, geocode: { minLevel: 'town', towns } });

		const golden = Papa.parse<string[]>(readFileSync(GOLDEN, 'utf8').replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;
		const [header, ...rows] = golden;
		const problemAt = header.indexOf('problem');
		expect(result.table.columns).toEqual(header.slice(0, problemAt));
		const placed = rows.filter((row) => row[problemAt] === '');
		expect(Array.from({ length: result.table.rows.count }, (_, i) => rowCells(result.table.rows, i))).toEqual(placed.map((row) => row.slice(0, problemAt)));
		expect(Array.from(result.table.lon)).toEqual(placed.map((row) => Number(row[header.indexOf('geocode_lon')])));
		expect(Array.from(result.table.lat)).toEqual(placed.map((row) => Number(row[header.indexOf('geocode_lat')])));
		const unplaced = rows.filter((row) => row[problemAt] !== '');
		expect(result.table.unplaced?.map((row) => row.cells)).toEqual(unplaced.map((row) => row.slice(0, problemAt)));
		for (const [i, row] of unplaced.entries()) expect(result.table.unplaced![i].problems.map((p) => ('reason' in p ? p.reason : p.kind)).join('; ')).toContain(row[problemAt].split(';')[0]);

		const levels = result.levels!;
		expect(levels.koaza + levels.town).toBe(placed.length);
		expect(levels.koaza + levels.town + levels.municipality + levels.prefecture + levels.none).toBeLessThanOrEqual(result.rows);
		// Only the prefectures the addresses name were loaded.
		expect(towns.loaded.length).toBeLessThan(12);
	});

	it('places municipality-level rows at their municipality point when that level is chosen', async () => {
		const text = '会社名,住所\nA,東京都大田区池上九丁目\nB,東京都大田区池上一丁目\n';
		const source = bytesSource('a.csv', new TextEncoder().encode(text));
		const { preview } = await previewImport(source);
		const strict = await importFirms(source, { mapping: preview.guess, geocode: { minLevel: 'town', towns: nodeTowns() } });
		const loose = await importFirms(source, { mapping: preview.guess, geocode: { minLevel: 'municipality', towns: nodeTowns() } });
		expect(strict.table.rows.count).toBe(1);
		expect(strict.problems.map((p) => p.line)).toEqual([2]);
		expect(loose.table.rows.count).toBe(2);
		expect(rowCells(loose.table.rows, 0).slice(-2)).toEqual(['municipality', '東京都大田区']);
		expect(loose.levels).toMatchObject({ town: 1, municipality: 1, none: 0 });
	});
});
