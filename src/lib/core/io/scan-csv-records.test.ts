import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BufferPool } from './buffer-pool';
import { InputError } from './input-error';
import { RECORD_FORMULA_START, RECORD_MALFORMED, RECORD_QUOTED, scanCsvRecords } from './scan-csv-records';

const encode = (text: string) => new TextEncoder().encode(text);
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const FORMULA_LEADS = [0x3d, 0x2b, 0x2d, 0x40, 0x09, 0x0d, 0xe2, 0xef];

interface ReferenceRecord {
	start: number;
	end: number;
	line: number;
	flags: number;
	cells: [number, number][];
}

/**
 * The scanner's rules written out one byte at a time, for comparison: a record is cells split at
 * the delimiter up to LF, CRLF or a lone CR; a cell starting with a quote runs to the closing quote
 * (doubled quotes inside), and whatever follows up to the delimiter belongs to it; an empty line
 * is no record. Without `final`, a record that might go on in the next bytes is left for them.
 */
function referenceScan(b: Uint8Array, delimiter: number, final: boolean, firstLine: number) {
	const n = b.length;
	const records: ReferenceRecord[] = [];
	const ends = (c: number) => c === delimiter || c === LF || c === CR;
	let i = 0;
	let line = firstLine;
	let consumed = 0;
	let nextLine = firstLine;
	scan: while (i < n) {
		const record: ReferenceRecord = { start: i, end: 0, line, flags: 0, cells: [] };
		let cs = i;
		let next: number;
		for (;;) {
			if (b[cs] === QUOTE) {
				record.flags |= RECORD_QUOTED;
				if (FORMULA_LEADS.includes(b[cs + 1])) record.flags |= RECORD_FORMULA_START;
				let q = cs + 1;
				for (;;) {
					while (q < n && b[q] !== QUOTE) q++;
					if (q >= n) {
						if (!final) break scan;
						throw new InputError('t.csv', 'a quoted cell is never closed', { line: record.line });
					}
					if (q + 1 < n && b[q + 1] === QUOTE) q += 2;
					else if (q + 1 >= n && !final) break scan;
					else break;
				}
				for (let k = cs + 1; k < q; k++) if (b[k] === LF || (b[k] === CR && b[k + 1] !== LF)) line++;
				i = q + 1;
				if (i < n && !ends(b[i])) record.flags |= RECORD_MALFORMED;
			} else {
				if (cs < n && FORMULA_LEADS.includes(b[cs])) record.flags |= RECORD_FORMULA_START;
				i = cs;
			}
			while (i < n && !ends(b[i])) {
				if (b[i] === QUOTE) record.flags |= RECORD_MALFORMED;
				i++;
			}
			record.cells.push([cs, i]);
			if (i >= n) {
				if (!final) break scan;
				record.end = n;
				next = n;
				break;
			}
			if (b[i] === delimiter) {
				cs = ++i;
				continue;
			}
			record.end = i;
			if (b[i] === LF) next = i + 1;
			else if (i + 1 < n) next = b[i + 1] === LF ? i + 2 : i + 1;
			else if (!final) break scan;
			else next = n;
			line++;
			break;
		}
		i = next;
		if (record.end !== record.start) records.push(record);
		consumed = next;
		nextLine = line;
	}
	return { records, consumed, nextLine };
}

/** The scanner's result in the reference's shape. */
function asRecords(r: ReturnType<typeof scanCsvRecords>) {
	const records: ReferenceRecord[] = [];
	for (let k = 0; k < r.count; k++) {
		const cells: [number, number][] = [];
		for (let c = r.firstCell[k]; c < r.firstCell[k + 1]; c++) cells.push([r.cellStart[c], r.cellEnd[c]]);
		records.push({ start: r.start[k], end: r.end[k], line: r.line[k], flags: r.flags[k], cells });
	}
	return { records, consumed: r.consumed, nextLine: r.nextLine };
}

/** Any text, well-formed or not: quotes anywhere, all three line ends, empty lines, formula starts, Japanese. */
const UNITS = ['a', '7', '大', '①', '＝', '\u200B', '"', '""', ',', ';', '\t', '\r', '\n', '\r\n', '=', '-', '@'];
const anyText = fc.array(fc.constantFrom(...UNITS), { maxLength: 300 }).map((units) => units.join(''));

describe('scanCsvRecords', () => {
	it('finds the records, cells, lines and flags of a plain byte-by-byte reading, on any text, final or not (property)', () => {
		fc.assert(
			fc.property(anyText, fc.constantFrom(',', '\t', ';'), fc.boolean(), fc.integer({ min: 1, max: 1000 }), fc.boolean(), (text, delimiter, final, line, pooled) => {
				const bytes = encode(text);
				const code = delimiter.charCodeAt(0);
				let expected: ReturnType<typeof referenceScan> | InputError;
				try {
					expected = referenceScan(bytes, code, final, line);
				} catch (error) {
					expected = error as InputError;
				}
				// A pool hands out arrays with old contents: nothing may be read before it is written.
				const pool = pooled ? new BufferPool() : undefined;
				if (pool) pool.give(new Uint32Array(256).fill(7).buffer);
				if (expected instanceof InputError) {
					expect(() => scanCsvRecords(bytes, { delimiter: code, final, line, file: 't.csv', pool })).toThrow(expect.objectContaining({ code: 'unclosed-quote', line: expected.line }));
				} else {
					expect(asRecords(scanCsvRecords(bytes, { delimiter: code, final, line, file: 't.csv', pool }))).toEqual(expected);
				}
			}),
			{ numRuns: 2000 }
		);
	});

	it('reads records of more cells than its first guess of room, and an empty cell ending the buffer', () => {
		// 301 empty cells in 302 bytes: past the room first given for a quarter of the bytes.
		const text = `${','.repeat(300)}\nx,\n1,=2,3,`;
		const r = scanCsvRecords(encode(text), { final: true });
		expect(r.count).toBe(3);
		expect(Array.from(r.firstCell)).toEqual([0, 301, 303, 307]);
		for (let k = 0; k < 301; k++) expect([r.cellStart[k], r.cellEnd[k]]).toEqual([k, k]);
		expect([r.cellStart[306], r.cellEnd[306]]).toEqual([text.length, text.length]);
		expect(Array.from(r.flags, (f) => f & RECORD_FORMULA_START)).toEqual([0, 0, RECORD_FORMULA_START]);
	});
});
