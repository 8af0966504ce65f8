import { cellText } from './cell-text';
import type { CsvRecords } from './scan-csv-records';

/**
 * Rows of text cells packed into one string and three typed arrays, instead of an array of
 * arrays of strings: a million firms of 17 columns would otherwise be 17 million strings, slow to
 * build, to structured-clone to another thread and to store in IndexedDB. Here a copy to a worker
 * is one string and three buffers (transferable). Cells are cut out of the text when asked for.
 *
 * Cell k of row r (`rowCell[r] <= k < rowCell[r + 1]`) is `text.slice(cellStart[k], end)`, where
 * `end` is `cellStart[k + 1] - 1` (one separator unit between the cells of a row) or, for the
 * row's last cell, `rowEnd[r]`. The text between rows is never read; rows need not follow each
 * other in the text in order (a quoted CSV record comes after the rest of its batch).
 */
export interface PackedRows {
	count: number;
	text: string;
	/** Row r has cells `rowCell[r] .. rowCell[r + 1] - 1` (length count + 1). */
	rowCell: Uint32Array;
	/** Where cell k starts in `text` (UTF-16 units). */
	cellStart: Uint32Array;
	/** Where the last cell of row r ends; for a row without cells, where it would start. */
	rowEnd: Uint32Array;
}

/** Between the cells of rows added as strings: never read back, only skipped. */
const SEPARATOR = '\u001f';
const RECORD_PLAIN_FLAGS = 4; // RECORD_FORMULA_START only: no quote anywhere in the record

/**
 * Packs rows given as arrays of strings (tests, old stored sessions).
 *
 * @example
 * const rows = packRows([['F1', 'Ota'], ['F2', 'Kiryu']]);
 * cellAt(rows, 1, 1); // 'Kiryu'
 */
export function packRows(rows: readonly (readonly string[])[]): PackedRows {
	const builder = new PackedRowsBuilder();
	for (const cells of rows) builder.addCells(cells);
	return builder.finish();
}

/**
 * The cells of row r.
 *
 * @example
 * rowCells(packRows([['a', 'b,c']]), 0); // ['a', 'b,c']
 */
export function rowCells(rows: PackedRows, r: number): string[] {
	const { text, rowCell, cellStart } = rows;
	const last = rowCell[r + 1] - 1;
	const cells: string[] = [];
	for (let k = rowCell[r]; k < last; k++) cells.push(text.slice(cellStart[k], cellStart[k + 1] - 1));
	if (last >= rowCell[r]) cells.push(text.slice(cellStart[last], rows.rowEnd[r]));
	return cells;
}

/**
 * Cell c of row r, or '' when the row has fewer cells.
 *
 * @example
 * cellAt(packRows([['a', 'b']]), 0, 1); // 'b'
 */
export function cellAt(rows: PackedRows, r: number, c: number): string {
	const k = rows.rowCell[r] + c;
	const next = rows.rowCell[r + 1];
	if (c < 0 || k >= next) return '';
	return rows.text.slice(rows.cellStart[k], k + 1 < next ? rows.cellStart[k + 1] - 1 : rows.rowEnd[r]);
}

/**
 * Cell c of every row ('' where a row has fewer cells): one column of the table.
 *
 * @example
 * columnCells(packRows([['F1', '24'], ['F2', '26']]), 1); // ['24', '26']
 */
export function columnCells(rows: PackedRows, c: number): string[] {
	const column = new Array<string>(rows.count);
	for (let r = 0; r < rows.count; r++) column[r] = cellAt(rows, r, c);
	return column;
}

/**
 * Every row as an array of strings (for small tables: tests, hashing a run at a time).
 *
 * @example
 * unpackRows(packRows([['a'], ['b', 'c']])); // [['a'], ['b', 'c']]
 */
export function unpackRows(rows: PackedRows, from = 0, to = rows.count): string[][] {
	const out: string[][] = [];
	for (let r = from; r < to; r++) out.push(rowCells(rows, r));
	return out;
}

/**
 * Rows `from .. to - 1` as a table of their own: a slice of the text and rebased offsets, so that
 * a run of rows can be sent to a worker without the rest.
 *
 * @example
 * rowCells(sliceRows(packRows([['a'], ['b']]), 1, 2), 0); // ['b']
 */
export function sliceRows(rows: PackedRows, from: number, to: number): PackedRows {
	to = Math.min(to, rows.count);
	from = Math.min(from, to);
	const firstCell = rows.rowCell[from];
	let base = from < to ? rows.text.length : 0;
	let end = 0;
	for (let r = from; r < to; r++) {
		base = Math.min(base, rowStart(rows, r));
		end = Math.max(end, rows.rowEnd[r]);
	}
	const shift = (array: Uint32Array, by: number) => array.map((value) => value - by);
	return {
		count: to - from,
		text: rows.text.slice(base, end),
		rowCell: shift(rows.rowCell.subarray(from, to + 1), firstCell),
		cellStart: shift(rows.cellStart.subarray(firstCell, rows.rowCell[to]), base),
		rowEnd: shift(rows.rowEnd.subarray(from, to), base)
	};
}

/** The buffers to transfer with a table that is handed over for good. */
export function packedRowsTransfer(rows: PackedRows): ArrayBuffer[] {
	return [rows.rowCell.buffer as ArrayBuffer, rows.cellStart.buffer as ArrayBuffer, rows.rowEnd.buffer as ArrayBuffer];
}

/** Whether a value (say, read back from storage) has the shape of {@link PackedRows}. */
export function isPackedRows(value: unknown): value is PackedRows {
	const v = value as PackedRows | null;
	return (
		typeof v === 'object' &&
		v !== null &&
		typeof v.count === 'number' &&
		typeof v.text === 'string' &&
		v.rowCell instanceof Uint32Array &&
		v.rowCell.length === v.count + 1 &&
		v.cellStart instanceof Uint32Array &&
		v.rowEnd instanceof Uint32Array &&
		v.rowEnd.length === v.count
	);
}

function rowStart(rows: PackedRows, r: number): number {
	return rows.rowCell[r] < rows.rowCell[r + 1] ? rows.cellStart[rows.rowCell[r]] : rows.rowEnd[r];
}

/**
 * Builds {@link PackedRows} a row at a time: from arrays of strings, or from scanned CSV records,
 * whose decoded text is kept as it is and pointed into (a record without quotes is its cells
 * separated by single delimiters already), so the common row costs a few offsets and no strings.
 *
 * @example
 * const builder = new PackedRowsBuilder();
 * const addRecord = builder.csvRecords(records);
 * for (let r = 0; r < records.count; r++) if (placed[r]) addRecord(r);
 * const rows = builder.finish();
 */
export class PackedRowsBuilder {
	#pieces: string[] = [];
	#length = 0;
	#count = 0;
	#cells = 0;
	#rowCell = new Uint32Array(1024);
	#cellStart = new Uint32Array(16384);
	#rowEnd = new Uint32Array(1024);

	get count(): number {
		return this.#count;
	}

	/** Adds a row given as strings. */
	addCells(cells: readonly string[]): void {
		const at = this.#length;
		const text = cells.join(SEPARATOR);
		this.#append(text);
		this.#reserve(cells.length);
		let start = at;
		for (const cell of cells) {
			this.#cellStart[this.#cells++] = start;
			start += cell.length + 1;
		}
		this.#endRow(at + text.length);
	}

	/**
	 * Takes one batch of scanned CSV records (decoded once, here) and returns a function that adds
	 * record r as a row; records must be added in increasing order.
	 */
	csvRecords(records: CsvRecords): (r: number) => void {
		if (records.count === 0) return () => {};
		const b = records.bytes;
		const first = records.start[0];
		const base = this.#length;
		this.#append(new TextDecoder('utf-8', { ignoreBOM: true }).decode(b.subarray(first, records.end[records.count - 1])));
		let byte = first;
		let unit = base;
		// UTF-16 units before byte `to`: one per character start, two for a 4-byte character.
		const unitsTo = (to: number) => {
			for (; byte < to; byte++) {
				const c = b[byte];
				if ((c & 0xc0) !== 0x80) unit += c >= 0xf0 ? 2 : 1;
			}
			return unit;
		};
		return (r) => {
			if ((records.flags[r] & ~RECORD_PLAIN_FLAGS) !== 0) {
				// Quotes to undo: such a record is added as its cells' text.
				const cells: string[] = [];
				for (let k = records.firstCell[r]; k < records.firstCell[r + 1]; k++) cells.push(cellText(records, k));
				this.addCells(cells);
				return;
			}
			const from = records.firstCell[r];
			const to = records.firstCell[r + 1];
			this.#reserve(to - from);
			for (let k = from; k < to; k++) this.#cellStart[this.#cells++] = unitsTo(records.cellStart[k]);
			this.#endRow(unitsTo(records.end[r]));
		};
	}

	/** The table; the builder must not be used after. */
	finish(): PackedRows {
		const count = this.#count;
		return {
			count,
			text: this.#pieces.join(''),
			rowCell: this.#rowCell.slice(0, count + 1),
			cellStart: this.#cellStart.slice(0, this.#cells),
			rowEnd: this.#rowEnd.slice(0, count)
		};
	}

	#append(text: string): void {
		this.#pieces.push(text);
		this.#length += text.length;
	}

	#reserve(cells: number): void {
		if (this.#cells + cells > this.#cellStart.length) this.#cellStart = grown(this.#cellStart, this.#cells + cells);
		if (this.#count + 2 > this.#rowCell.length) {
			this.#rowCell = grown(this.#rowCell, this.#count + 2);
			this.#rowEnd = grown(this.#rowEnd, this.#count + 2);
		}
	}

	#endRow(end: number): void {
		this.#rowEnd[this.#count] = end;
		this.#rowCell[++this.#count] = this.#cells;
	}
}

function grown(array: Uint32Array, atLeast: number): Uint32Array<ArrayBuffer> {
	const bigger = new Uint32Array(Math.max(atLeast, array.length * 2));
	bigger.set(array);
	return bigger;
}
