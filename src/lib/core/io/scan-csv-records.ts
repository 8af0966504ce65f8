import type { BufferPool } from './buffer-pool';
import { InputError } from './input-error';

/**
 * CSV records located in a UTF-8 buffer: where each record and each of its cells starts and ends.
 * Nothing is decoded; cells are read on demand with `cellText`, and a record can be copied to the
 * output byte for byte. Spans of quoted cells include their quotes.
 */
export interface CsvRecords {
	bytes: Uint8Array;
	count: number;
	/** Record r spans `bytes[start[r], end[r])`, without its line break. */
	start: Uint32Array;
	end: Uint32Array;
	/** 1-based line of the file on which record r starts. */
	line: Uint32Array;
	/** Record r has cells `firstCell[r] .. firstCell[r + 1] - 1` (length count + 1). */
	firstCell: Uint32Array;
	/** Cell k spans `bytes[cellStart[k], cellEnd[k])`. */
	cellStart: Uint32Array;
	cellEnd: Uint32Array;
	/** Per record: {@link RECORD_QUOTED}, {@link RECORD_MALFORMED}, {@link RECORD_FORMULA_START}. */
	flags: Uint8Array;
}

/** The memory of every array of `records`, to give back to the pool it came from once nothing reads them. */
export function recordsMemory(records: CsvRecords): ArrayBufferLike[] {
	const { bytes, start, end, line, firstCell, cellStart, cellEnd, flags } = records;
	return [bytes, start, end, line, firstCell, cellStart, cellEnd, flags].map((array) => array.buffer);
}

/** Some cell of the record is quoted. */
export const RECORD_QUOTED = 1;
/** A quote where RFC 4180 allows none: inside an unquoted cell, or text after a closing quote. */
export const RECORD_MALFORMED = 2;
/** Some cell's text starts with `=`, `+`, `-` or `@` (a spreadsheet might take it for a formula). */
export const RECORD_FORMULA_START = 4;

export interface ScanCsvOptions {
	/** Delimiter byte (default `,`). */
	delimiter?: number;
	/** True when `bytes` reaches the end of the file; else an unfinished last record is left. */
	final?: boolean;
	/** Line number of `bytes[0]` (default 1). */
	line?: number;
	/** File name for messages. */
	file?: string;
	/** Where the record and cell positions' memory comes from (see `BufferPool`); fresh arrays without. */
	pool?: BufferPool;
}

const QUOTE = 0x22;
/**
 * {@link RECORD_FORMULA_START} for = + - @ tab CR and the lead bytes of a zero-width character or
 * BOM (E2, EF), where a cell that a spreadsheet might take for a formula starts; 1 for a quote
 * (look at the byte after it).
 */
const FORMULA_LEAD = new Uint8Array(256);
for (const c of [0x3d, 0x2b, 0x2d, 0x40, 0x09, 0x0d, 0xe2, 0xef]) FORMULA_LEAD[c] = RECORD_FORMULA_START;
FORMULA_LEAD[QUOTE] = 1;
const LF = 0x0a;
const CR = 0x0d;
const T_DELIMITER = 1;
const T_QUOTE = 2;
const T_LF = 3;
const T_CR = 4;

/**
 * Finds the records and cells of RFC 4180 CSV in UTF-8 bytes: quoted cells may hold delimiters,
 * doubled quotes and line breaks; lines end in LF, CRLF or CR; empty lines are skipped (their line
 * numbers still count). A quote inside an unquoted cell is kept as text and the record flagged.
 *
 * Written by hand rather than with Papa Parse because Papa makes a string of every cell: on a
 * million firms of 17 columns that alone takes longer than the whole classification may. This scan
 * makes no strings; `bench/cli.bench.ts` measures it, and a property test checks it against Papa.
 *
 * @param bytes UTF-8 text (multibyte characters never contain the ASCII bytes looked for)
 * @param options.final whether the data ends here; if not, the last record may be incomplete and
 * is left out: scanning resumes at `consumed` with more bytes
 * @returns the records found, `consumed` (bytes used) and `nextLine` (line number at `consumed`)
 * @throws InputError when `final` and a quoted cell is never closed
 * @example
 * const r = scanCsvRecords(new TextEncoder().encode('a,b\n"x,1",2\n'), { final: true });
 * r.count; // 2
 */
export function scanCsvRecords(bytes: Uint8Array, options: ScanCsvOptions = {}): CsvRecords & { consumed: number; nextLine: number } {
	const delimiter = options.delimiter ?? 0x2c;
	const b = bytes;
	const n = b.length;
	const pool = options.pool;
	const recordRoom = Math.max(16, n >>> 6);
	let start = pool?.uint32s(recordRoom) ?? new Uint32Array(recordRoom);
	let end = pool?.uint32s(recordRoom) ?? new Uint32Array(recordRoom);
	let lines = pool?.uint32s(recordRoom) ?? new Uint32Array(recordRoom);
	let firstCell = pool?.uint32s(recordRoom + 1) ?? new Uint32Array(recordRoom + 1);
	let flagsOf = pool?.bytes(recordRoom) ?? new Uint8Array(recordRoom);
	firstCell[0] = 0; // a pooled array holds an older batch's numbers
	const cellRoom = Math.max(64, n >>> 2);
	let cellStart = pool?.uint32s(cellRoom) ?? new Uint32Array(cellRoom);
	let cellEnd = pool?.uint32s(cellRoom) ?? new Uint32Array(cellRoom);
	// The largest byte that can end an unquoted cell's text: one comparison skips every other byte.
	const high = Math.max(delimiter, QUOTE, CR, LF);
	let slow: SlowRecord | null = null;
	let count = 0;
	let cells = 0;
	let line = options.line ?? 1;
	let i = 0;
	// State after the last complete record: where the caller resumes.
	let consumed = 0;
	let doneLine = line;

	while (i < n) {
		const recordStart = i;
		const recordLine = line;
		// Most records are unquoted cells ending in a line break inside the buffer: read here. Any
		// other (a quote, a line end at the buffer's end, no room for a cell) is read again from its
		// start by slowRecord. Kept apart because in one function with the quote handling the whole
		// scan of a million firms took 310 ms against 190 (the optimised code was slower throughout).
		let flags = 0;
		let k = cells;
		let cs = recordStart;
		let next = -1;
		let recordEnd = 0;
		for (;;) {
			if (cs >= n) break;
			// A quoted cell stops at its quote below and is read by slowRecord, which sets every flag again.
			flags |= FORMULA_LEAD[b[cs]];
			let c = 0;
			let at = cs;
			for (; at < n; at++) {
				c = b[at];
				if (c <= high && (c === delimiter || c === LF || c === CR || c === QUOTE)) break;
			}
			if (at >= n || c === QUOTE || k === cellStart.length) break;
			cellStart[k] = cs;
			cellEnd[k] = at;
			k++;
			if (c === delimiter) {
				cs = at + 1;
				continue;
			}
			if (c === LF) next = at + 1;
			else if (at + 1 < n) next = b[at + 1] === LF ? at + 2 : at + 1;
			recordEnd = at;
			break;
		}
		if (next >= 0) {
			cells = k;
			line++;
		} else {
			slow ??= { cells: 0, cellStart, cellEnd, line: 0, flags: 0, recordEnd: 0 };
			slow.cells = cells;
			slow.cellStart = cellStart;
			slow.cellEnd = cellEnd;
			slow.line = line;
			next = slowRecord(b, recordStart, recordLine, delimiter, options, slow);
			if (next < 0) break;
			({ cells, cellStart, cellEnd, line, flags, recordEnd } = slow);
		}
		i = next;
		if (recordEnd === recordStart) {
			cells = firstCell[count]; // an empty line: no data, nothing to keep
		} else {
			if (count === start.length) {
				start = grow(start);
				end = grow(end);
				lines = grow(lines);
				flagsOf = grow(flagsOf);
				firstCell = grow(firstCell);
			}
			start[count] = recordStart;
			end[count] = recordEnd;
			lines[count] = recordLine;
			flagsOf[count] = flags;
			count++;
			firstCell[count] = cells;
		}
		consumed = next;
		doneLine = line;
	}
	return {
		bytes,
		count,
		start: start.subarray(0, count),
		end: end.subarray(0, count),
		line: lines.subarray(0, count),
		firstCell: firstCell.subarray(0, count + 1),
		cellStart: cellStart.subarray(0, firstCell[count]),
		cellEnd: cellEnd.subarray(0, firstCell[count]),
		flags: flagsOf.subarray(0, count),
		consumed,
		nextLine: doneLine
	};
}

/** What {@link slowRecord} reads and updates: the cells so far, their arrays (grown if need be), the line. */
interface SlowRecord {
	cells: number;
	cellStart: Uint32Array;
	cellEnd: Uint32Array;
	line: number;
	/** Of the record read: its flags and where its text ends. */
	flags: number;
	recordEnd: number;
}

/**
 * Reads the record at `recordStart` whatever it holds (quoted cells, stray quotes, a line end at
 * the end of the buffer) into `state`.
 *
 * @returns where the next record starts, or -1 when the record is unfinished and more bytes are to come
 * @throws InputError when `options.final` and a quoted cell is never closed
 */
function slowRecord(b: Uint8Array, recordStart: number, recordLine: number, delimiter: number, options: ScanCsvOptions, state: SlowRecord): number {
	const n = b.length;
	const final = options.final ?? false;
	let { cells, cellStart, cellEnd, line } = state;
	let flags = 0;
	let cs = recordStart;
	let i = recordStart;
	let recordEnd = 0;
	let next = 0;
	for (;;) {
		let t = 0;
		// The cell's first byte, or the one after its opening quote, may start a formula: a cheap
		// first look (one table read), which the writer checks exactly.
		// (No byte at all for the empty last cell of a buffer ending in a delimiter.)
		const c0 = cs < n ? b[cs] : 0;
		if (FORMULA_LEAD[c0] !== 0 && (c0 !== QUOTE || (cs + 1 < n && FORMULA_LEAD[b[cs + 1]] === RECORD_FORMULA_START))) flags |= RECORD_FORMULA_START;
		if (c0 === QUOTE) {
			flags |= RECORD_QUOTED;
			let q = cs + 1;
			for (;;) {
				q = b.indexOf(QUOTE, q);
				if (q === -1) {
					if (!final) return -1;
					throw new InputError(options.file ?? 'input', 'a quoted cell is never closed', {
						code: 'unclosed-quote',
						line: recordLine,
						hint: 'Look for a stray double quote (") on this line; a quote inside a cell must be doubled ("").'
					});
				}
				if (q + 1 < n && b[q + 1] === QUOTE) q += 2;
				else if (q + 1 >= n && !final) return -1;
				else break;
			}
			line += countLineBreaks(b, cs + 1, q);
			i = q + 1;
			if (i < n && b[i] !== delimiter && b[i] !== LF && b[i] !== CR) flags |= RECORD_MALFORMED;
		} else i = cs;
		for (;;) {
			for (; i < n; i++) {
				const c = b[i];
				if (c === delimiter) {
					t = T_DELIMITER;
					break;
				}
				if (c < 0x23) {
					if (c === LF) {
						t = T_LF;
						break;
					}
					if (c === CR) {
						t = T_CR;
						break;
					}
					if (c === QUOTE) {
						t = T_QUOTE;
						break;
					}
				}
			}
			if (i < n && t === T_QUOTE) {
				flags |= RECORD_MALFORMED;
				i++;
				continue;
			}
			break;
		}
		if (cells === cellStart.length) {
			cellStart = grow(cellStart);
			cellEnd = grow(cellEnd);
		}
		cellStart[cells] = cs;
		cellEnd[cells] = i;
		cells++;
		if (i >= n) {
			if (!final) return -1;
			recordEnd = n;
			next = n;
			break;
		}
		if (t === T_DELIMITER) {
			cs = ++i;
			continue;
		}
		recordEnd = i;
		if (t === T_LF) next = i + 1;
		else if (i + 1 < n) next = b[i + 1] === LF ? i + 2 : i + 1;
		else if (!final) return -1;
		else next = n;
		line++;
		break;
	}
	Object.assign(state, { cells, cellStart, cellEnd, line, flags, recordEnd });
	return next;
}

/** Line breaks (LF, CRLF or a lone CR) in `b[from, to)`. */
function countLineBreaks(b: Uint8Array, from: number, to: number): number {
	let breaks = 0;
	for (let i = from; i < to; i++) {
		const c = b[i];
		if (c === LF || (c === CR && b[i + 1] !== LF)) breaks++;
	}
	return breaks;
}

function grow<T extends Uint32Array | Uint8Array>(array: T): T {
	const bigger = new (array.constructor as new (length: number) => T)(array.length * 2);
	bigger.set(array);
	return bigger;
}
