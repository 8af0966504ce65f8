import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordCells } from './cell-text';
import { cellAt, columnCells, isPackedRows, packRows, PackedRowsBuilder, rowCells, sliceRows, unpackRows } from './packed-rows';
import { scanCsvRecords } from './scan-csv-records';
import { cellText, toCsv } from './test/csv-arbitraries';

/** Rows of any width (none included), cells with Japanese text, quotes, delimiters and line breaks. */
const rowsArbitrary = fc.array(fc.array(cellText, { maxLength: 6 }), { maxLength: 30 });

describe('packed rows', () => {
	it('give back every row and cell they were packed from', () => {
		fc.assert(
			fc.property(rowsArbitrary, (rows) => {
				const packed = packRows(rows);
				expect(packed.count).toBe(rows.length);
				expect(unpackRows(packed)).toEqual(rows);
				rows.forEach((row, r) => {
					for (let c = -1; c <= row.length; c++) expect(cellAt(packed, r, c)).toBe(row[c] ?? '');
				});
				expect(columnCells(packed, 1)).toEqual(rows.map((row) => row[1] ?? ''));
			})
		);
	});

	it('slice to any run of rows, which stands on its own', () => {
		fc.assert(
			fc.property(rowsArbitrary, fc.nat(), fc.nat(), (rows, a, b) => {
				const from = a % (rows.length + 1);
				const to = from + (b % (rows.length - from + 1));
				const slice = sliceRows(packRows(rows), from, to);
				expect(unpackRows(slice)).toEqual(rows.slice(from, to));
				expect(slice.text.length).toBeLessThanOrEqual(packRows(rows).text.length);
				expect(isPackedRows(structuredClone(slice))).toBe(true);
			})
		);
	});

	it('built from scanned CSV records, match the records cell for cell (quoted, plain, LF or CRLF, any order of kept rows)', () => {
		fc.assert(
			fc.property(rowsArbitrary, fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'), fc.array(fc.boolean(), { maxLength: 30 }), (rows, newline, keep) => {
				const nonEmpty = rows.filter((row) => row.length > 0 && !(row.length === 1 && row[0] === ''));
				const bytes = new TextEncoder().encode('head\n' + toCsv(nonEmpty, newline));
				const records = scanCsvRecords(bytes, { final: true });
				// Start after the header record, as the reader's batches do.
				const builder = new PackedRowsBuilder();
				builder.addCells(['before']);
				const add = builder.csvRecords({ ...records, count: records.count - 1, start: records.start.subarray(1), end: records.end.subarray(1), firstCell: records.firstCell.subarray(1), flags: records.flags.subarray(1), line: records.line.subarray(1) });
				const expected: string[][] = [['before']];
				for (let r = 1; r < records.count; r++) {
					if (keep[r] === false) continue;
					add(r - 1);
					expected.push(recordCells(records, r));
				}
				builder.addCells(['after', '']);
				expected.push(['after', '']);
				const packed = builder.finish();
				expect(unpackRows(packed)).toEqual(expected);
				for (let from = 0; from < expected.length; from += 3) expect(unpackRows(sliceRows(packed, from, from + 3))).toEqual(expected.slice(from, from + 3));
				expect(expected.slice(1, -1)).toEqual(nonEmpty.filter((_, r) => keep[r + 1] !== false));
			})
		);
	});

	it('survive a structured clone (a worker message, IndexedDB) unchanged', () => {
		const packed = packRows([['F1', '大田区, 東京'], [], ['F3', '"q"', '']]);
		const copy = structuredClone(packed);
		expect(isPackedRows(copy)).toBe(true);
		expect(unpackRows(copy)).toEqual([['F1', '大田区, 東京'], [], ['F3', '"q"', '']]);
		expect(rowCells(copy, 1)).toEqual([]);
	});

	it('are told apart from other values', () => {
		expect(isPackedRows(packRows([['a']]))).toBe(true);
		expect(isPackedRows([['a']])).toBe(false);
		expect(isPackedRows({ ...packRows([['a']]), count: 2 })).toBe(false);
		expect(isPackedRows(null)).toBe(false);
	});
});
