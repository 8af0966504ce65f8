import { isUtf8 } from 'node:buffer';
import { emptyLevelCounts, geocodeCsvBatch, type LevelCounts } from '../lib/core/geocode/geocode-batch';
import type { Geocoder } from '../lib/core/geocode/geocoder';
import {
	createClassifiedCsvWriter,
	createClassifiedGeoJsonWriter,
	ENCODING_LABELS,
	readCsv,
	type ClassifiedOutputOptions,
	type CsvBatch,
	type FirmBatch,
	type FirmResults
} from '../lib/core/io';
import { addressColumn } from './address-column';
import { RunTally, shiftLines, tallyBatch, type BatchTally } from './batch-tally';
import type { ChunkSetup } from './chunk-job';
import { chunkPlan, headBatches, startChunkWorkers, UseOneThread, writeChunks, type ChunkWorkers } from './chunk-pool';
import type { GeocodeArgs } from './geocode-args';
import { AtomicOutput, fileChunks, fileSize, refuseOutputOverInput } from './node-files';
import { Progress } from './progress';
import { bundledGeocoder, TOWNS_CREDIT } from './town-data';
import { threadsFor } from './threads';
import { UsageError } from './usage-error';
import { thousands } from './thousands';

/** The geocode output has no classification: the writers get empty results. */
const NO_RESULTS: FirmResults = { offsets: new Uint32Array(0), zoneIndices: new Uint32Array(0), inside: new Uint8Array(0) };

/**
 * `cluster-map geocode`: streams a CSV of firms with addresses through the offline matcher and
 * writes every row with geocode_lon, geocode_lat, geocode_level, geocode_match and problem appended.
 * Memory stays bounded: one batch of a few megabytes at a time, plus the prefectures' town tables
 * loaded as addresses need them.
 *
 * @throws InputError for a file that cannot be used (nothing is left at OUT)
 */
export async function runGeocode(args: GeocodeArgs, stderr: (line: string) => void): Promise<void> {
	const started = performance.now();
	refuseOutputOverInput(args.out, [{ option: '--firms', path: args.firms }]);
	if (/\.(geo)?json$/i.test(args.firms)) throw new UsageError('--firms must be a CSV file with an address column (GeoJSON points already have coordinates)');
	const totalBytes = fileSize(args.firms);
	const batchBytes = Number(process.env.CLUSTER_MAP_BATCH_BYTES) || undefined;
	const csvBatches = () => readCsv(fileChunks(args.firms, batchBytes), { file: args.firms, isUtf8, batchBytes, sampleBytes: batchBytes });
	const options = { zoneIds: [], geocoded: true, classified: false };
	const threads = threadsFor(args.threads, totalBytes);
	let run: { summary: GeocodeSummary; first: CsvBatch | null } | null = null;
	// Worker threads only when --threads asks for them: on two shared cores one thread measured faster.
	if (args.threads !== undefined && threads > 1) {
		const workers = startChunkWorkers(threads);
		try {
			const plan = await chunkPlan(headBatches(args.firms), args, true);
			if (plan) run = await geocodeInChunks(args, { ...plan, engine: null, output: options, swap: false }, workers, totalBytes);
		} catch (error) {
			if (!(error instanceof UseOneThread)) throw error;
			if (process.env.CLUSTER_MAP_DEBUG) process.stderr.write(`reading again on one thread: ${error.message}\n`);
		} finally {
			await workers.close();
		}
	}
	run ??= await geocodeStream(csvBatches(), args, options, totalBytes);
	const { summary, first } = run;
	if (first) stderr(`firms: ${args.firms} — ${describeCsv(first)}; addresses from column "${first.header[summary.column]}"`);
	summary.print(stderr, args.minLevel);
	stderr(`wrote ${args.out} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
	summary.printCounts(stderr, args.minLevel);
}

/** Geocoding on this thread, batch by batch. */
async function geocodeStream(batches: AsyncGenerator<CsvBatch>, args: GeocodeArgs, options: ClassifiedOutputOptions, totalBytes: number): Promise<{ summary: GeocodeSummary; first: CsvBatch | null }> {
	const output = new AtomicOutput(args.out);
	const csv = args.format === 'csv' ? createClassifiedCsvWriter(options) : null;
	const geojson = args.format === 'geojson' ? createClassifiedGeoJsonWriter(options) : null;
	const progress = new Progress(totalBytes, process.stderr, 'geocode');
	const summary = new GeocodeSummary(args.firms);
	let first: CsvBatch | null = null;
	try {
		for await (const firms of geocodedBatches(batches, args, bundledGeocoder(), summary.levels)) {
			if (first === null) {
				first = firms.source;
				output.write(csv ? csv.header(firms.batch.columns) : geojson!.start());
			}
			output.write(csv ? csv.rows(firms.batch, NO_RESULTS) : geojson!.rows(firms.batch, NO_RESULTS));
			summary.add(firms.batch);
			progress.update(summary.rows, firms.batch.bytesRead);
		}
		if (geojson) output.write(geojson.end());
		output.commit();
	} catch (error) {
		output.abandon();
		progress.clear();
		throw error;
	}
	progress.clear();
	return { summary, first };
}

/** Geocoding in worker threads, a chunk of the file each, written here in file order. */
async function geocodeInChunks(args: GeocodeArgs, setup: ChunkSetup, workers: ChunkWorkers, totalBytes: number): Promise<{ summary: GeocodeSummary; first: CsvBatch | null }> {
	const csv = args.format === 'csv' ? createClassifiedCsvWriter(setup.output) : null;
	const progress = new Progress(totalBytes, process.stderr, 'geocode');
	const summary = new GeocodeSummary(args.firms);
	let first: CsvBatch | null = null;
	await writeChunks({ path: args.firms, out: args.out, header: csv && ((columns) => csv.header(columns)), workers, setup, progress }, (chunk, line, bytesRead) => {
		if (first === null && chunk.columns) first = { header: chunk.columns, delimiter: setup.delimiter, encoding: 'utf-8', bytesRead, records: null! };
		summary.addTally(shiftLines(chunk.tally, line), setup.geocode!.addressColumn);
		progress.update(summary.rows, bytesRead);
	});
	return { summary, first };
}

/**
 * CSV batches geocoded: the address column is resolved on the first batch's header.
 *
 * @throws InputError when the address column is missing or ambiguous
 */
export async function* geocodedBatches(
	batches: AsyncIterable<CsvBatch>,
	args: { firms: string; addressColumn?: string; minLevel: GeocodeArgs['minLevel'] },
	geocoder: Geocoder,
	counts: LevelCounts
): AsyncGenerator<{ batch: FirmBatch; source: CsvBatch }> {
	let column = -1;
	for await (const source of batches) {
		if (column < 0) column = addressColumn(source.header, args.addressColumn, args.firms);
		yield { batch: geocodeCsvBatch(source, { geocoder, addressColumn: column, minLevel: args.minLevel, counts }), source };
	}
}

/** Counts and the first problems, for the summary both `geocode` and `classify` print. */
export class GeocodeSummary {
	readonly levels = emptyLevelCounts();
	readonly tally = new RunTally();
	column = -1;

	constructor(private readonly file: string) {}

	get rows(): number {
		return this.tally.rows;
	}

	get placed(): number {
		return this.tally.ok;
	}

	/** A batch geocoded here (its levels already counted into `levels`). */
	add(batch: FirmBatch): void {
		this.addTally(tallyBatch(batch, null), batch.info.addressColumn === undefined ? -1 : batch.columns.indexOf(batch.info.addressColumn));
	}

	/** A batch's tally, from this thread or a worker (whose levels it carries), lines already in file numbers. */
	addTally(tally: BatchTally, column: number): void {
		if (this.column < 0) this.column = column;
		this.tally.add(tally);
		if (tally.levels) for (const level of Object.keys(this.levels) as (keyof LevelCounts)[]) this.levels[level] += tally.levels[level];
	}

	/** The first rows with problems, by line. */
	print(stderr: (line: string) => void, minLevel: string): void {
		const { listed, problems } = this.tally;
		for (const { line, text } of listed) stderr(`  ${this.file} line ${line}: ${text}`);
		if (problems > listed.length) stderr(`  … and ${thousands(problems - listed.length)} more rows not placed (see the problem column)`);
		if (this.rows > 0 && this.placed === 0) stderr(`warning: no address was placed at ${minLevel} level or better — is "${this.column >= 0 ? 'the address column' : 'the file'}" really addresses in Japan, and was the file read in the right encoding?`);
		stderr(TOWNS_CREDIT);
	}

	/** The last lines: rows, placed, and counts per level. */
	printCounts(stderr: (line: string) => void, minLevel: string): void {
		const n = thousands;
		stderr(`rows read: ${n(this.rows)}`);
		stderr(`placed (--min-level ${minLevel}): ${n(this.placed)}; not placed: ${n(this.rows - this.placed)} (coordinates empty, reason in the problem column)`);
		this.printLevels(stderr);
	}

	/** One line: counts per level. */
	printLevels(stderr: (line: string) => void): void {
		const n = thousands;
		const l = this.levels;
		const unread = this.tally.unread > 0 ? `, not read (cells do not line up) ${n(this.tally.unread)}` : '';
		stderr(`by level: koaza ${n(l.koaza)}, town ${n(l.town)}, municipality ${n(l.municipality)}, prefecture ${n(l.prefecture)}, not found ${n(l.none)}${unread}`);
	}
}

export function describeCsv(batch: CsvBatch): string {
	const delimiter = batch.delimiter === '\t' ? 'tab' : batch.delimiter === ';' ? 'semicolon' : 'comma';
	return `CSV, ${ENCODING_LABELS[batch.encoding]}, ${delimiter}-separated`;
}
