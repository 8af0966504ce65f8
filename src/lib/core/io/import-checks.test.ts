import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { shapefileZip } from '../../../../tests/fixtures/import/shapefile-zip';
import { detectSwapped } from './detect-swapped';
import { duplicateIdFinder } from './duplicate-id-finder';
import { duplicateIds } from './duplicate-ids';
import { csvCell, needsFormulaGuard } from './csv-cell';
import { recordCells } from './cell-text';
import { scanCsvRecords } from './scan-csv-records';
import { checkFileSize, IMPORT_LIMITS } from './file-limits';
import { importProblem, type ImportProblem } from './import-problem';
import { InputError } from './input-error';
import { inJapanExtent } from './japan-extent';
import { prjCrs } from './prj-crs';
import { readShapefileZip } from './read-shapefile-zip';
import { problemsCsv } from './write-problems-csv';

describe('inJapanExtent', () => {
	it.each([
		['Tokyo', 139.77, 35.68],
		['Yonaguni', 122.99, 24.45],
		['Tsushima', 129.3, 34.4],
		['Naha', 127.68, 26.21],
		['Chichijima', 142.19, 27.09],
		['Wakkanai', 141.67, 45.41],
		['Nemuro', 145.58, 43.33],
		['Minami-Torishima', 153.98, 24.29]
	])('%s is in', (_, lon, lat) => expect(inJapanExtent(lon, lat)).toBe(true));

	it.each([
		['Seoul', 126.98, 37.57],
		['Busan', 129.08, 35.18],
		['Jeju', 126.53, 33.5],
		['Vladivostok', 131.89, 43.12],
		['Taipei', 121.56, 25.03],
		['Shanghai', 121.47, 31.23],
		['Yuzhno-Sakhalinsk', 142.74, 46.96],
		['London', -0.13, 51.51],
		['exchanged Tokyo', 35.68, 139.77]
	])('%s is out', (_, lon, lat) => expect(inJapanExtent(lon, lat)).toBe(false));
});

describe('detectSwapped', () => {
	it('suggests exchanging when most rows are in Japan only exchanged', () => {
		expect(detectSwapped([139.7, 139.8, 135.5, NaN], [35.6, 35.7, 34.7, 35])).toEqual({ numeric: 3, asRead: 0, swapped: 3, suggest: true });
	});

	it('does not when most rows are fine as read, or when neither way is in Japan', () => {
		expect(detectSwapped([35.6, 35.7, 139.8], [139.7, 139.8, 35.7]).suggest).toBe(false);
		expect(detectSwapped([51.5, 48.9], [-0.1, 2.35]).suggest).toBe(false);
	});

	it('agrees with counting both ways one point at a time (property)', () => {
		const value = fc.oneof(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: 20, max: 46, noNaN: true }), fc.double({ min: 122, max: 155, noNaN: true }), fc.constant(NaN));
		fc.assert(
			fc.property(fc.array(fc.tuple(value, value)), (pairs) => {
				const numeric = pairs.filter(([a, b]) => !Number.isNaN(a) && !Number.isNaN(b));
				const asRead = numeric.filter(([lat, lon]) => inJapanExtent(lon, lat)).length;
				const swapped = numeric.filter(([lat, lon]) => !inJapanExtent(lon, lat) && inJapanExtent(lat, lon)).length;
				const check = detectSwapped(pairs.map((p) => p[0]), pairs.map((p) => p[1]));
				expect(check).toEqual({ numeric: numeric.length, asRead, swapped, suggest: swapped > asRead && swapped * 2 > numeric.length });
			})
		);
	});
});

describe('duplicateIds', () => {
	it('names the first line of a repeated id, trimmed, ignoring empty ids', () => {
		const ids = duplicateIds();
		expect([ids.see('F1', 2), ids.see(' F2', 3), ids.see('F1 ', 4), ids.see('', 5), ids.see('', 6), ids.see('F2', 7)]).toEqual([null, null, 2, null, null, 3]);
		expect(ids.repeats).toBe(2);
	});
});

describe('duplicateIdFinder', () => {
	/** The plain way: duplicateIds, a Map from trimmed id to the first row. */
	function reference(ids: string[]): { row: number; first: number }[] {
		const seen = duplicateIds();
		return ids.flatMap((id, row) => {
			const first = seen.see(id, row);
			return first === null ? [] : [{ row, first }];
		});
	}

	it('names the first row of a repeated id, trimmed, ignoring empty ids', () => {
		const ids = duplicateIdFinder();
		const given = ['F1', ' F2', 'F1 ', '', '', 'F2'];
		for (const id of given) ids.addText(id);
		expect(ids.repeats((row) => given[row])).toEqual([
			{ row: 2, first: 0 },
			{ row: 5, first: 1 }
		]);
	});

	it('finds the same repeats from CSV bytes as duplicateIds on the cells’ text (property)', () => {
		const id = fc.string({ unit: fc.constantFrom('F', '1', '2', ' ', '\u3000', '大', '"', ',', '😀'), maxLength: 4 });
		fc.assert(
			fc.property(fc.array(id, { minLength: 1, maxLength: 200 }), fc.array(fc.boolean(), { maxLength: 200 }), (values, asText) => {
				const records = scanCsvRecords(new TextEncoder().encode(values.map((v) => `${csvCell(v, { guard: false })},x`).join('\n')), { final: true });
				const cells = values.map((_, r) => recordCells(records, r)[0]);
				const ids = duplicateIdFinder();
				cells.forEach((cell, r) => (asText[r] ? ids.addText(cell) : ids.addRecordCell(records, r, 0)));
				expect(ids.repeats((row) => cells[row])).toEqual(reference(cells));
			})
		);
	});
});

describe('checkFileSize', () => {
	it('states the limit in the message', () => {
		expect(() => checkFileSize('big.csv', IMPORT_LIMITS.csv, IMPORT_LIMITS.csv)).not.toThrow();
		const error = (() => {
			try {
				checkFileSize('big.csv', IMPORT_LIMITS.csv + 1, IMPORT_LIMITS.csv);
			} catch (e) {
				return e as InputError;
			}
		})();
		expect(error).toBeInstanceOf(InputError);
		expect(error?.describe()).toMatch(/^big\.csv: is 257 MB, more than the 256 MB that can be imported\. /);
	});
});

describe('problemsCsv', () => {
	it('writes file, line, column, severity and message that a CSV reader gets back, formula-guarded (property)', () => {
		const text = fc.string({ unit: fc.constantFrom('a', '大', '"', ',', '\n', '=', ' '), maxLength: 8 });
		fc.assert(
			fc.property(fc.array(fc.tuple(text, fc.nat(1e6), text, text)), (rows) => {
				const problems: ImportProblem[] = rows.map(([file, line, column, value]) => importProblem(file, line, { kind: 'unparsable', axis: 'latitude', column, text: value }));
				const csv = problemsCsv(problems, { describe: (p) => `bad ${p.column}` });
				expect(csv.startsWith('\ufeff')).toBe(true);
				const parsed = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n' }).data.filter((r) => r.length > 1);
				const guarded = (cell: string) => (needsFormulaGuard(cell) ? `'${cell}` : cell);
				expect(parsed).toEqual([
					['file', 'line', 'column', 'severity', 'message'],
					...rows.map(([file, line, column]) => [guarded(file), String(line), guarded(column), 'error', `bad ${column}`])
				]);
			})
		);
	});
});

describe('prjCrs', () => {
	it.each([
		['GEOGCS["GCS_JGD_2011",DATUM["D_JGD_2011",SPHEROID["GRS_1980",6378137.0,298.257222101]]]', 'GCS_JGD_2011', true, true],
		['GEOGCS["JGD2000",DATUM["Japanese_Geodetic_Datum_2000"]]', 'JGD2000', true, true],
		['GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984"]]', 'GCS_WGS_1984', true, true],
		['GEOGCS["Tokyo",DATUM["Tokyo"]]', 'Tokyo', true, false],
		['PROJCS["JGD2011 / Japan Plane Rectangular CS IX",GEOGCS["JGD2011",DATUM["Japanese_Geodetic_Datum_2011"]]]', 'JGD2011 / Japan Plane Rectangular CS IX', false, false],
		['PROJCS["WGS_1984_UTM_Zone_54N",GEOGCS["GCS_WGS_1984"]]', 'WGS_1984_UTM_Zone_54N', false, false]
	])('%s', (wkt, name, geographic, wgs84Compatible) => {
		expect(prjCrs(wkt)).toEqual({ name, geographic, wgs84Compatible });
	});

	it('is null for text that is not WKT', () => expect(prjCrs('EPSG:6668')).toBeNull());
});

describe('readShapefileZip', () => {
	const points = { type: 'point' as const, fields: ['名称'], records: [{ geometry: [139.7, 35.6], values: ['大田工場'] }, { geometry: [135.5, 34.7], values: ['東大阪工場'] }] };
	const describeError = async (bytes: Uint8Array) => {
		try {
			await readShapefileZip(bytes, { file: 'layer.zip' });
			return 'no error';
		} catch (error) {
			return (error as InputError).describe();
		}
	};

	it('reads points and Shift_JIS attributes without a .cpg', async () => {
		const { collection, layer, crs } = await readShapefileZip(shapefileZip('factories', points, { encoding: 'shift_jis', prj: 'GEOGCS["GCS_JGD_2011",DATUM["D_JGD_2011"]]' }), { file: 'layer.zip' });
		expect({ layer, crs }).toEqual({ layer: 'factories', crs: 'GCS_JGD_2011' });
		expect(collection.features.map((f) => [f.geometry, f.properties])).toEqual([
			[{ type: 'Point', coordinates: [139.7, 35.6] }, { 名称: '大田工場' }],
			[{ type: 'Point', coordinates: [135.5, 34.7] }, { 名称: '東大阪工場' }]
		]);
	});

	it('says what is wrong with a zip it cannot use', async () => {
		expect(await describeError(new TextEncoder().encode('PK not really'))).toMatch(/^layer\.zip: is not a readable zip archive\./);
		expect(await describeError(shapefileZip('f', points, { omit: ['shp'] }))).toMatch(/^layer\.zip: holds no \.shp file \(it holds f\.dbf\)\./);
		expect(await describeError(shapefileZip('f', points, { omit: ['dbf'] }))).toMatch(/^layer\.zip: has f\.shp but no f\.dbf/);
		expect(await describeError(shapefileZip('f', points, { prj: 'GEOGCS["Tokyo",DATUM["Tokyo"]]' }))).toMatch(/"Tokyo", which is on a datum other than WGS84, JGD2000 or JGD2011/);
		expect(await describeError(shapefileZip('f', { ...points, records: [{ geometry: [-37000, 12000], values: ['x'] }] }))).toMatch(/has no f\.prj and its coordinates are not longitude\/latitude degrees/);
	});
});
