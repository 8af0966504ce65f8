import type { CsvRecords } from './scan-csv-records';

const QUOTE = 0x22;
// ignoreBOM: a cell's own leading U+FEFF is text to keep (the file's BOM is removed before scanning).
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * The text of cell k of scanned CSV records: quotes removed and doubled quotes undone for a quoted
 * cell; anything after its closing quote (malformed, but seen) kept as written, as spreadsheets do.
 *
 * @param records from `scanCsvRecords`
 * @param k cell index (`records.firstCell[r] + column`)
 * @example
 * const r = scanCsvRecords(new TextEncoder().encode('"a ""b""",c'), { final: true });
 * cellText(r, 0); // 'a "b"'
 */
export function cellText(records: CsvRecords, k: number): string {
	return spanText(records.bytes, records.cellStart[k], records.cellEnd[k]);
}

/**
 * Every cell of record r, in order, as text.
 *
 * @example
 * recordCells(scanCsvRecords(new TextEncoder().encode('a,"b,c"'), { final: true }), 0); // ['a', 'b,c']
 */
export function recordCells(records: CsvRecords, r: number): string[] {
	const cells: string[] = [];
	for (let k = records.firstCell[r]; k < records.firstCell[r + 1]; k++) cells.push(cellText(records, k));
	return cells;
}

/**
 * Cell c of record r as text, or '' when the record has fewer cells.
 *
 * @example
 * recordCell(scanCsvRecords(new TextEncoder().encode('a,b'), { final: true }), 0, 1); // 'b'
 */
export function recordCell(records: CsvRecords, r: number, c: number): string {
	const k = records.firstCell[r] + c;
	return c >= 0 && k < records.firstCell[r + 1] ? cellText(records, k) : '';
}

/** Text of a raw CSV cell span (quoted or not) of UTF-8 bytes. */
export function spanText(b: Uint8Array, s: number, e: number): string {
	if (s >= e || b[s] !== QUOTE) return utf8Text(b, s, e);
	let text = '';
	let from = s + 1;
	for (;;) {
		const q = b.indexOf(QUOTE, from);
		if (q === -1 || q >= e) return text + utf8Text(b, from, e); // unclosed: keep what is there
		if (q + 1 < e && b[q + 1] === QUOTE) {
			text += utf8Text(b, from, q + 1);
			from = q + 2;
			continue;
		}
		return text + utf8Text(b, from, q) + utf8Text(b, q + 1, e);
	}
}

/** Decodes UTF-8; short ASCII runs (codes, numbers) skip the TextDecoder call, by a loop (several times faster than spreading the bytes into String.fromCharCode). */
function utf8Text(b: Uint8Array, s: number, e: number): string {
	if (e - s <= 16) {
		let text = '';
		for (let i = s; i < e; i++) {
			if (b[i] >= 0x80) return utf8.decode(b.subarray(s, e));
			text += String.fromCharCode(b[i]);
		}
		return text;
	}
	return utf8.decode(b.subarray(s, e));
}
