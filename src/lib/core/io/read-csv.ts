import { recordCells } from './cell-text';
import type { TextEncodingName } from './encoding/detect-encoding';
import type { BufferPool } from './buffer-pool';
import { InputError } from './input-error';
import { scanCsvRecords, type CsvRecords } from './scan-csv-records';
import { utf8Chunks, type ByteSource, type Utf8ChunksOptions } from './encoding/utf8-chunks';

/** Delimiters recognised when guessing. */
export const CSV_DELIMITERS = [',', '\t', ';'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** Data records of a CSV file, a few megabytes at a time, with the header and what was detected. */
export interface CsvBatch {
	/** Header cells, original text. */
	header: readonly string[];
	/** This batch's data records (the header record is not among them). */
	records: CsvRecords;
	delimiter: CsvDelimiter;
	encoding: TextEncodingName;
	/** Bytes of the file read so far, for progress. */
	bytesRead: number;
}

export interface ReadCsvOptions extends Utf8ChunksOptions {
	/** 'auto' (default) guesses among {@link CSV_DELIMITERS} from the first rows. */
	delimiter?: CsvDelimiter | 'auto';
	/** Scan once this many bytes have arrived (default 4 MiB): the batch size, and the memory bound. */
	batchBytes?: number;
	/** A record longer than this (default 64 MiB) means a stray quote, not data. */
	maxRecordBytes?: number;
	/**
	 * Memory for each batch's bytes and record and cell positions, taken from here; the consumer
	 * gives a batch's buffers (`recordsMemory`) back once done with it. A chunk from this pool is
	 * a view of a buffer of its own: the batch is made in it when there is room before the view
	 * (see {@link CHUNK_HEADROOM}), or it is copied into the batch and its buffer given back.
	 */
	pool?: BufferPool;
}

/**
 * Reads a CSV/TSV file with a header row as batches of records, in bounded memory: bytes are
 * decoded to UTF-8 (`utf8Chunks`), the delimiter guessed from the first rows (split by the same scanner), records
 * located by `scanCsvRecords`. Cells stay undecoded bytes until asked for (`cellText`), so any row
 * can be written out exactly as it came.
 *
 * @param source the file's bytes, in chunks
 * @throws InputError for an empty file, a file with only a header, an unknown encoding, an unclosed quote
 * @example
 * for await (const batch of readCsv(chunks, { file: 'firms.csv' })) {
 * 	console.log(batch.header, batch.records.count);
 * }
 */
export async function* readCsv(source: ByteSource, options: ReadCsvOptions): AsyncGenerator<CsvBatch> {
	const { file, batchBytes = 4 << 20, maxRecordBytes = 64 << 20, pool } = options;
	let delimiter: CsvDelimiter | null = options.delimiter && options.delimiter !== 'auto' ? options.delimiter : null;
	let header: string[] | null = null;
	let encoding: TextEncodingName = 'utf-8';
	let bytesRead = 0;
	let pending: Uint8Array[] = [];
	let pendingLength = 0;
	let tail: Uint8Array = new Uint8Array(0);
	let line = 1;
	let dataRecords = 0;

	function* scan(final: boolean): Generator<CsvBatch> {
		const buffer = concat(tail, pending, pendingLength, pool);
		// Copied into the batch: the pieces' memory (the file's chunks) can serve again, but for the
		// chunk the batch was made in.
		if (pool) for (const piece of pending) if (piece.buffer !== buffer.buffer) pool.give(piece.buffer);
		pending = [];
		pendingLength = 0;
		delimiter ??= guessDelimiter(buffer);
		const scanned = scanCsvRecords(buffer, { delimiter: delimiter.charCodeAt(0), final, line, file, pool });
		// Copied: the batch's buffer may be given back and reused once it is written.
		tail = pool ? buffer.slice(scanned.consumed) : buffer.subarray(scanned.consumed);
		line = scanned.nextLine;
		if (!final && scanned.count === 0 && tail.length > maxRecordBytes) {
			throw new InputError(file, `has a record longer than ${maxRecordBytes >> 20} MB`, {
				code: 'record-too-long',
				params: { mb: maxRecordBytes >> 20 },
				line,
				hint: 'A double quote (") that is never closed makes the rest of the file one cell; look for a stray quote from this line on.'
			});
		}
		let first = 0;
		if (header === null && scanned.count > 0) {
			header = recordCells(scanned, 0);
			first = 1;
		}
		const records = recordsFrom(scanned, first);
		if (header !== null && records.count > 0) {
			dataRecords += records.count;
			yield { header, records, delimiter, encoding, bytesRead };
		}
	}

	for await (const chunk of utf8Chunks(source, options)) {
		encoding = chunk.encoding;
		bytesRead = chunk.bytesRead;
		pending.push(chunk.bytes);
		pendingLength += chunk.bytes.length;
		if (pendingLength >= batchBytes) yield* scan(false);
	}
	yield* scan(true);
	if (header === null) throw new InputError(file, 'has no rows, only blank lines', { code: 'no-rows', hint: 'Choose a file with a header row and data rows.' });
	if (dataRecords === 0) throw new InputError(file, 'has a header row but no data rows', { code: 'header-only', line: 1, hint: 'Add the firms below the header, one per row.' });
}

/**
 * The delimiter whose split gives every one of the first rows as many cells as the header, and
 * most cells. The rows are split by this reader's own scanner with each candidate, so quoted line
 * breaks and LF, CRLF or CR line ends are read exactly as the import will read them (Papa Parse's
 * guess compares rows with each other and its line-end guess can be misled by a quoted CR LF). A
 * split that leaves only the header is not consistent (a misread quote can swallow every line
 * break); when no candidate is consistent, the one matching the header most often wins, then the
 * first in {@link CSV_DELIMITERS}.
 */
function guessDelimiter(buffer: Uint8Array): CsvDelimiter {
	let end = Math.min(buffer.length, 65536);
	const lastBreak = buffer.lastIndexOf(0x0a, end - 1);
	if (lastBreak > 0 && end < buffer.length) end = lastBreak + 1;
	const sample = buffer.subarray(0, end);
	let best: CsvDelimiter = ',';
	let bestScore = -1;
	for (const delimiter of CSV_DELIMITERS) {
		const widths = recordWidths(sample, delimiter.charCodeAt(0), end === buffer.length);
		const width = widths[0] ?? 0;
		if (width < 2) continue;
		const matching = widths.slice(1).filter((w) => w === width).length;
		const consistent = widths.length > 1 && matching === widths.length - 1;
		// Consistent beats inconsistent; then more cells; then more rows matching the header.
		const score = (consistent ? 1e9 : 0) + (consistent ? width : matching);
		if (score > bestScore) {
			best = delimiter;
			bestScore = score;
		}
	}
	return best;
}

/** Cells in each of the first 50 records of `sample` split at `delimiter` (complete records only, unless `final`). */
function recordWidths(sample: Uint8Array, delimiter: number, final: boolean): number[] {
	let records: CsvRecords;
	try {
		records = scanCsvRecords(sample, { delimiter, final });
	} catch {
		// An unclosed quote at the end of the file: judge by the records before it.
		records = scanCsvRecords(sample, { delimiter, final: false });
	}
	const count = Math.min(records.count, 50);
	return Array.from({ length: count }, (_, r) => records.firstCell[r + 1] - records.firstCell[r]);
}

/**
 * The records from record `first` on, in an object of their own: every batch's records then have
 * the same shape, which the code reading them was optimised for (the scanner's result, with two
 * more fields, made V8 discard it again and again).
 */
function recordsFrom(r: CsvRecords, first: number): CsvRecords {
	return {
		bytes: r.bytes,
		count: r.count - first,
		start: r.start.subarray(first),
		end: r.end.subarray(first),
		line: r.line.subarray(first),
		firstCell: r.firstCell.subarray(first),
		cellStart: r.cellStart,
		cellEnd: r.cellEnd,
		flags: r.flags.subarray(first)
	};
}

/**
 * Bytes a pooled chunk may have free before it (see `fileChunks`): a batch is then made in the
 * chunk's own buffer, the record left unfinished by the batch before and any short pieces written
 * in front of it. Copying every chunk into a batch buffer instead cost a million firms 78 MB of
 * copying and some 2,300 page faults on the reading thread.
 */
export const CHUNK_HEADROOM = 64 << 10;

function concat(tail: Uint8Array, parts: Uint8Array[], length: number, pool?: BufferPool): Uint8Array {
	if (tail.length === 0 && parts.length === 1 && !pool) return parts[0];
	const last = parts.at(-1);
	const before = tail.length + length - (last?.length ?? 0);
	// In place: the last part already where it belongs, the rest written in front of it.
	const inPlace = pool !== undefined && last !== undefined && last.byteOffset >= before && pool.owns(last.buffer);
	const out = inPlace ? new Uint8Array(last.buffer, last.byteOffset - before, before + last.length) : (pool?.bytes(tail.length + length) ?? new Uint8Array(tail.length + length));
	out.set(tail);
	let at = tail.length;
	for (const part of inPlace ? parts.slice(0, -1) : parts) {
		out.set(part, at);
		at += part.length;
	}
	return out;
}
