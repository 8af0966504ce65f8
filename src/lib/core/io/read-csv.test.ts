import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { recordCells } from './cell-text';
import { BufferPool } from './buffer-pool';
import { readCsv, type CsvBatch } from './read-csv';
import { scanCsvRecords, recordsMemory, RECORD_FORMULA_START, RECORD_MALFORMED } from './scan-csv-records';
import { chunked, table, toCsv } from './test/csv-arbitraries';

const encode = (text: string) => new TextEncoder().encode(text);

async function readAll(chunks: Uint8Array[], options: { batchBytes?: number; maxRecordBytes?: number; delimiter?: ',' | '\t' | ';' } = {}) {
	const rows: string[][] = [];
	const lines: number[] = [];
	let header: readonly string[] = [];
	let last: CsvBatch | null = null;
	for await (const batch of readCsv(chunks, { file: 't.csv', sampleBytes: 8, ...options })) {
		header = batch.header;
		last = batch;
		for (let r = 0; r < batch.records.count; r++) {
			rows.push(recordCells(batch.records, r));
			lines.push(batch.records.line[r]);
		}
	}
	return { header, rows, lines, delimiter: last?.delimiter };
}

/** 1-based line of each row of `rows` (after the header), counting LF, CRLF and a lone CR as breaks. */
function expectedLines(serialized: string[]): number[] {
	let line = 1 + (serialized[0].match(/\r\n|\r|\n/g)?.length ?? 0);
	return serialized.slice(1).map((text) => {
		const at = line;
		line += text.match(/\r\n|\r|\n/g)?.length ?? 0;
		return at;
	});
}

describe('readCsv', () => {
	it('returns every cell exactly as written, wherever the chunks and batches break (property)', async () => {
		await fc.assert(
			fc.asyncProperty(table, fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'), fc.array(fc.nat(2000), { maxLength: 8 }), fc.integer({ min: 1, max: 64 }), async ({ header, rows }, newline, cuts, batchBytes) => {
				const text = toCsv([header, ...rows], newline);
				const read = await readAll(chunked(encode(text), cuts), { batchBytes, delimiter: ',' });
				expect(read.header).toEqual(header);
				expect(read.rows).toEqual(rows);
				expect(read.lines).toEqual(expectedLines([header, ...rows].map((row) => toCsv([row], newline))));
			}),
			{ numRuns: 300 }
		);
	});

	it('reads the same cells when the memory of each batch is given back and reused as soon as it is read (property)', async () => {
		await fc.assert(
			fc.asyncProperty(table, fc.array(fc.nat(2000), { maxLength: 8 }), fc.integer({ min: 1, max: 64 }), fc.nat(24), async ({ header, rows }, cuts, batchBytes, room) => {
				const bytes = encode(toCsv([header, ...rows], '\r\n'));
				const pool = new BufferPool();
				const pooled: string[][] = [];
				const flags: number[] = [];
				// The chunks come from the pool too, as the command's file reader takes them, each with
				// `room` bytes free in front of it: a batch is made there when the room suffices.
				const chunks = chunked(bytes, cuts).map((chunk) => {
					const copy = pool.bytes(room + chunk.length);
					copy.set(chunk, room);
					return copy.subarray(room);
				});
				for await (const batch of readCsv(chunks, { file: 't.csv', sampleBytes: 8, batchBytes, delimiter: ',', pool })) {
					const { records } = batch;
					for (let r = 0; r < records.count; r++) pooled.push(recordCells(records, r));
					flags.push(...records.flags);
					// Scribbled over, as the next batch may do to this memory.
					for (const memory of recordsMemory(records)) {
						new Uint8Array(memory).fill(0x2c);
						pool.give(memory);
					}
				}
				const plain = await readAll(chunked(bytes, cuts), { batchBytes, delimiter: ',' });
				expect(pooled).toEqual(plain.rows);
				expect(pooled).toEqual(rows);
				expect(flags.length).toBe(rows.length);
			}),
			{ numRuns: 300 }
		);
	});

	it('agrees with Papa Parse on the same text (property)', async () => {
		await fc.assert(
			fc.asyncProperty(table, fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'), async ({ header, rows }, newline) => {
				const text = toCsv([header, ...rows], newline);
				const papa = Papa.parse<string[]>(text, { delimiter: ',', newline, skipEmptyLines: false }).data;
				const read = await readAll([encode(text)], { delimiter: ',' });
				// Papa reports the empty string after the final line break as one more row.
				expect([read.header, ...read.rows]).toEqual(papa.slice(0, -1));
			}),
			{ numRuns: 300 }
		);
	});

	it('reads tab-separated text the same way (property)', async () => {
		await fc.assert(
			fc.asyncProperty(table, async ({ header, rows }) => {
				const read = await readAll([encode(toCsv([header, ...rows], '\r\n', '\t'))], { delimiter: '\t' });
				expect([read.header, ...read.rows]).toEqual([header, ...rows]);
			}),
			{ numRuns: 100 }
		);
	});

	it.each([
		['comma', 'id,名前,lat,lon\n1,"a,b",35.5,139.7\n2,c,35.6,139.8\n', ','],
		['tab', 'id\t名前\tlat\tlon\n1\ta,b\t35.5\t139.7\n2\tc;d\t35.6\t139.8\n', '\t'],
		['semicolon', 'id;名前;lat;lon\n1;a,b;35,5;139,7\n2;c;35,6;139,8\n', ';']
	])('guesses the %s delimiter', async (_, text, delimiter) => {
		expect((await readAll([encode(text)])).delimiter).toBe(delimiter);
	});

	it('skips empty lines but counts them, and reads CR-only line ends', async () => {
		const read = await readAll([encode('a,b\r\r\n1,2\r3,4\n\n\n5,6')]);
		expect(read.rows).toEqual([
			['1', '2'],
			['3', '4'],
			['5', '6']
		]);
		expect(read.lines).toEqual([3, 4, 7]);
	});

	it("keeps a cell's own leading U+FEFF; only the file's first bytes are a byte order mark", async () => {
		const read = await readAll([encode('\ufeffa,b\n\ufeffx,\ufeff\n')]);
		expect(read.header).toEqual(['a', 'b']);
		expect(read.rows).toEqual([['\ufeffx', '\ufeff']]);
	});

	it.each([
		['an empty file', '', 'is empty'],
		['only blank lines', '\n\r\n\n', 'has no rows, only blank lines'],
		['a header alone', 'id,lat,lon\r\n', 'has a header row but no data rows'],
		['an unclosed quote', 'id,lat\n1,"35.5\n2,35.6\n', 'a quoted cell is never closed']
	])('refuses %s', async (_, text, message) => {
		await expect(readAll([encode(text)])).rejects.toThrow(message);
	});

	it('stops at a record longer than the limit instead of holding the whole file', async () => {
		const text = 'a,b\n1,2\n3,"' + 'x'.repeat(3 << 20);
		const bytes = encode(text);
		const pieces = Array.from({ length: Math.ceil(bytes.length / 65536) }, (_, i) => bytes.subarray(i * 65536, (i + 1) * 65536));
		await expect(readAll(pieces, { batchBytes: 1 << 16, maxRecordBytes: 1 << 20 })).rejects.toMatchObject({ line: 3, message: 'has a record longer than 1 MB' });
	});

	it('guesses the delimiter from header and data together, not from a split that swallows the data rows', async () => {
		// Split at ';', the header's last cell opens a quote that never closes: one "row" of six cells.
		const text = '会社名,緯度,経度,c0,"c1;;"""\n,35,138,";"";a",;\n';
		const rows: string[][] = [];
		for await (const batch of readCsv([encode(text)], { file: 't.csv' })) {
			expect(batch.delimiter).toBe(',');
			for (let r = 0; r < batch.records.count; r++) rows.push(recordCells(batch.records, r));
		}
		expect(rows).toEqual([['', '35', '138', ';";a', ';']]);
	});

	it('names the line of an unclosed quote', async () => {
		await expect(readAll([encode('id,lat\n1,35\n2,"35.5\n3,35.6\n')])).rejects.toMatchObject({ line: 3, file: 't.csv' });
	});
});

describe('scanCsvRecords', () => {
	it('keeps a stray quote as text and flags the record', () => {
		const r = scanCsvRecords(encode('a,b"c,d\n"x"y,z\n"ok",1\n'), { final: true });
		expect([0, 1, 2].map((i) => recordCells(r, i))).toEqual([
			['a', 'b"c', 'd'],
			['xy', 'z'],
			['ok', '1']
		]);
		expect(Array.from(r.flags, (f) => (f & RECORD_MALFORMED) !== 0)).toEqual([true, true, false]);
	});

	it('flags a record exactly when a cell starts with a byte a formula may start with (property)', () => {
		// = + - @ tab CR, and the first UTF-8 byte of U+2000–U+2FFF (E2: zero-width spaces, ①) or U+F000–U+FFFF (EF: ＝, ｱ, BOM).
		const lead = (cell: string) => cell.length > 0 && [0x3d, 0x2b, 0x2d, 0x40, 0x09, 0x0d, 0xe2, 0xef].includes(encode(cell)[0]);
		fc.assert(
			fc.property(table, ({ header, rows }) => {
				const r = scanCsvRecords(encode(toCsv([header, ...rows])), { final: true });
				expect(r.count).toBe(rows.length + 1);
				expect(Array.from(r.flags, (f) => (f & RECORD_FORMULA_START) !== 0)).toEqual([header, ...rows].map((row) => row.some(lead)));
			}),
			{ numRuns: 500 }
		);
	});

	it('leaves an unfinished last record for the next chunk', () => {
		const r = scanCsvRecords(encode('a,b\n1,"2\n3'), { final: false });
		expect(r.count).toBe(1);
		expect(r.consumed).toBe(4);
		expect(r.nextLine).toBe(2);
	});
});

describe('streamChunks', () => {
	it('reads a ReadableStream (as File.stream() gives) through readCsv', async () => {
		const { streamChunks } = await import('./stream-chunks');
		const bytes = encode('名前,lat,lon\n"大田, 蒲田",35.5,139.7\n');
		const stream = new ReadableStream<Uint8Array>({
			start(controller) {
				for (let i = 0; i < bytes.length; i += 5) controller.enqueue(bytes.slice(i, i + 5));
				controller.close();
			}
		});
		const rows: string[][] = [];
		for await (const batch of readCsv(streamChunks(stream), { file: 'f.csv' })) for (let r = 0; r < batch.records.count; r++) rows.push(recordCells(batch.records, r));
		expect(rows).toEqual([['大田, 蒲田', '35.5', '139.7']]);
	});
});
