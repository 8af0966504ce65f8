import { isUtf8 } from 'node:buffer';
import { createFirmResultsComputer, type EngineSetup } from '../lib/core/firm-results';
import { emptyLevelCounts, geocodeCsvBatch, type LevelCounts } from '../lib/core/geocode/geocode-batch';
import type { GeocodeLevel } from '../lib/core/geocode/geocoder';
// The io modules one by one, not its index: a worker then loads none of the packages that only
// zone files need (Turf, shpjs), which would double its start-up.
import type { ClassifiedOutputOptions, FirmResults } from '../lib/core/io/classified-columns';
import { createClassifiedCsvWriter } from '../lib/core/io/classified-csv-writer';
import { createClassifiedGeoJsonWriter } from '../lib/core/io/classified-geojson-writer';
import type { FirmBatch, FirmSourceInfo } from '../lib/core/io/firm-batch';
import { readCsv, type CsvBatch, type CsvDelimiter } from '../lib/core/io/read-csv';
import { readFirmsCsv } from '../lib/core/io/read-firms-csv';
import { RECORD_MALFORMED } from '../lib/core/io/scan-csv-records';
import { addCounts, shiftLines, tallyBatch, type BatchTally } from './batch-tally';
import { bundledGeocoder } from './town-data';

/** Everything a worker needs to turn a chunk of a UTF-8 CSV file into output bytes. */
export interface ChunkSetup {
	file: string;
	delimiter: CsvDelimiter;
	/** The file's start up to its first data record (header, blank lines), byte order mark removed; every chunk but the first starts with it. */
	prefix: Uint8Array;
	/** The line of the file on which the first data record starts. */
	firstDataLine: number;
	swap: boolean;
	format: 'csv' | 'geojson';
	output: ClassifiedOutputOptions;
	/** The engine's input; null for `geocode`, which classifies nothing. */
	engine: EngineSetup | null;
	/** Place rows by this column's addresses first. */
	geocode: { addressColumn: number; minLevel: GeocodeLevel } | null;
}

export interface ChunkOutput {
	/** The chunk's rows as written (GeoJSON: features joined by ",\n", without a leading separator). */
	bytes: Uint8Array;
	/** The chunk's tally, its lines counted from the chunk's first byte (0 = that line). */
	tally: BatchTally;
	/** Line breaks in the chunk (LF, CRLF or a lone CR), for the next chunk's first line. */
	breaks: number;
	/** The first batch's columns and source description (swap check, address column). */
	columns: readonly string[] | null;
	info: FirmSourceInfo | null;
	/**
	 * A record with a stray quote: the chunks were cut by counting quotes, which only matches the
	 * reader's records when every quote is a well-formed one, so the run starts again on one thread.
	 */
	malformed: boolean;
}

const NO_RESULTS: FirmResults = { offsets: new Uint32Array(0), zoneIndices: new Uint32Array(0), inside: new Uint8Array(0) };

/**
 * The per-chunk work of a run on several threads: read the chunk's records exactly as the one-thread
 * reader does (the header in front of every chunk but the first), place by address if
 * asked, classify, and write the rows. Builds the engine's indexes once.
 *
 * @example
 * const process = chunkProcessor(setup);
 * const { bytes, tally } = await process(chunk, true);
 */
export function chunkProcessor(setup: ChunkSetup): (chunk: Uint8Array, first: boolean) => Promise<ChunkOutput> {
	const compute = setup.engine ? createFirmResultsComputer(setup.engine) : null;
	const geocoder = setup.geocode ? bundledGeocoder() : null;
	const csv = setup.format === 'csv' ? createClassifiedCsvWriter(setup.output) : null;
	return async (chunk, first) => {
		let breaks = -1;
		const origin = first ? 1 : setup.firstDataLine;
		const out: Uint8Array[] = [];
		const parts: BatchTally[] = [];
		let columns: readonly string[] | null = null;
		let info: FirmSourceInfo | null = null;
		let malformed = false;
		const body = first ? chunk : chunk.subarray(setup.prefix.length);
		if (hasRecords(body)) {
			const source = [chunk];
			const options = { file: setup.file, isUtf8, encoding: 'utf-8' as const, delimiter: setup.delimiter, batchBytes: Infinity };
			const geojson = setup.format === 'geojson' ? createClassifiedGeoJsonWriter(setup.output) : null;
			const levels: LevelCounts | undefined = geocoder ? emptyLevelCounts() : undefined;
			const batches: AsyncIterable<FirmBatch> = setup.geocode
				? geocoded(readCsv(source, options), setup.geocode, geocoder!, levels!)
				: readFirmsCsv(source, { ...options, swap: setup.swap });
			for await (const batch of batches) {
				if (batch.rows.kind === 'csv') {
					const { records } = batch.rows;
					for (let r = 0; r < records.count; r++) if ((records.flags[r] & RECORD_MALFORMED) !== 0) malformed = true;
					// The reader has counted the lines up to the last record: only those from its start are left.
					const last = records.count - 1;
					if (last >= 0) breaks = batch.lines[last] - origin + lineBreaks(records.bytes.subarray(records.start[last]));
				}
				columns ??= batch.columns;
				info ??= batch.info;
				const results = compute ? compute(batch.lons, batch.lats) : null;
				const written = csv ? csv.rows(batch, results ?? NO_RESULTS) : new TextEncoder().encode(geojson!.rows(batch, results ?? NO_RESULTS));
				out.push(csv ? written.slice() : written); // the CSV writer reuses its buffer
				parts.push(tallyBatch(batch, results));
			}
			if (levels) parts.push({ ...emptyTally(), levels });
		}
		const tally = shiftLines(merge(parts), -origin);
		if (breaks < 0) breaks = lineBreaks(body);
		return { bytes: concat(out), tally, breaks, columns, info, malformed };
	};
}

async function* geocoded(batches: AsyncIterable<CsvBatch>, options: NonNullable<ChunkSetup['geocode']>, geocoder: ReturnType<typeof bundledGeocoder>, counts: LevelCounts): AsyncGenerator<FirmBatch> {
	for await (const batch of batches) yield geocodeCsvBatch(batch, { geocoder, addressColumn: options.addressColumn, minLevel: options.minLevel, counts });
}

function emptyTally(): BatchTally {
	return { rows: 0, ok: 0, inside: 0, withinBuffer: 0, problems: 0, unread: 0, outsideJapan: 0, listed: [], outside: [] };
}

/** The batches' tallies as one, in order (the first listed rows of the chunk). */
function merge(parts: BatchTally[]): BatchTally {
	const t = emptyTally();
	for (const p of parts) {
		addCounts(t, p);
		t.listed.push(...p.listed);
		t.outside.push(...p.outside);
		if (p.levels) t.levels = p.levels;
	}
	return t;
}

/** Whether the chunk has anything but line breaks (a chunk of blank lines has no record). */
function hasRecords(chunk: Uint8Array): boolean {
	for (let i = 0; i < chunk.length; i++) if (chunk[i] !== 0x0a && chunk[i] !== 0x0d) return true;
	return false;
}

/** Line breaks as the CSV reader counts them: LF, CRLF or a lone CR. */
export function lineBreaks(b: Uint8Array): number {
	let n = 0;
	for (let i = b.indexOf(0x0a); i !== -1; i = b.indexOf(0x0a, i + 1)) n++;
	for (let i = b.indexOf(0x0d); i !== -1; i = b.indexOf(0x0d, i + 1)) if (b[i + 1] !== 0x0a) n++;
	return n;
}

function concat(parts: Uint8Array[]): Uint8Array {
	if (parts.length === 1) return parts[0];
	const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}
