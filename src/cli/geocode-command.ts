import { isUtf8 } from 'node:buffer';
import { emptyLevelCounts, geocodeCsvBatch, type LevelCounts } from '../lib/core/geocode/geocode-batch';
import type { Geocoder } from '../lib/core/geocode/geocoder';
import {
	createClassifiedCsvWriter,
	createClassifiedGeoJsonWriter,
	describeRowProblem,
	ENCODING_LABELS,
	readCsv,
	type CsvBatch,
	type FirmBatch,
	type FirmResults
} from '../lib/core/io';
import { addressColumn } from './address-column';
import type { GeocodeArgs } from './geocode-args';
import { AtomicOutput, fileChunks, fileSize, refuseOutputOverInput } from './node-files';
import { Progress } from './progress';
import { bundledGeocoder, TOWNS_CREDIT } from './town-data';
import { UsageError } from './usage-error';

/** Rows with problems listed by line in the summary; the rest are counted. */
const LISTED_PROBLEMS = 10;
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
	const batches = readCsv(fileChunks(args.firms, batchBytes), { file: args.firms, isUtf8, batchBytes, sampleBytes: batchBytes });
	const output = new AtomicOutput(args.out);
	const options = { zoneIds: [], geocoded: true, classified: false };
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
	if (first) stderr(`firms: ${args.firms} — ${describeCsv(first)}; addresses from column "${first.header[summary.column]}"`);
	summary.print(stderr, args.minLevel);
	stderr(`wrote ${args.out} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
	summary.printCounts(stderr, args.minLevel);
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
	rows = 0;
	placed = 0;
	/** Rows not geocoded because their cells do not line up with the header. */
	unread = 0;
	column = -1;
	private readonly listed: string[] = [];
	private problems = 0;

	constructor(private readonly file: string) {}

	add(batch: FirmBatch): void {
		this.rows += batch.count;
		if (this.column < 0 && batch.info.addressColumn !== undefined) this.column = batch.columns.indexOf(batch.info.addressColumn);
		for (let r = 0; r < batch.count; r++) {
			const problem = batch.problems[r];
			if (problem === null) {
				this.placed++;
				continue;
			}
			this.problems++;
			if (problem[0].kind !== 'not-geocoded') this.unread++;
			if (this.listed.length < LISTED_PROBLEMS) this.listed.push(`${this.file} line ${batch.lines[r]}: ${problem.map(describeRowProblem).join('; ')}`);
		}
	}

	/** The first rows with problems, by line. */
	print(stderr: (line: string) => void, minLevel: string): void {
		for (const line of this.listed) stderr(`  ${line}`);
		if (this.problems > this.listed.length) stderr(`  … and ${(this.problems - this.listed.length).toLocaleString('en')} more rows not placed (see the problem column)`);
		if (this.rows > 0 && this.placed === 0) stderr(`warning: no address was placed at ${minLevel} level or better — is "${this.column >= 0 ? 'the address column' : 'the file'}" really addresses in Japan, and was the file read in the right encoding?`);
		stderr(TOWNS_CREDIT);
	}

	/** The last lines: rows, placed, and counts per level. */
	printCounts(stderr: (line: string) => void, minLevel: string): void {
		const n = (v: number) => v.toLocaleString('en');
		stderr(`rows read: ${n(this.rows)}`);
		stderr(`placed (--min-level ${minLevel}): ${n(this.placed)}; not placed: ${n(this.rows - this.placed)} (coordinates empty, reason in the problem column)`);
		this.printLevels(stderr);
	}

	/** One line: counts per level. */
	printLevels(stderr: (line: string) => void): void {
		const n = (v: number) => v.toLocaleString('en');
		const l = this.levels;
		const unread = this.unread > 0 ? `, not read (cells do not line up) ${n(this.unread)}` : '';
		stderr(`by level: koaza ${n(l.koaza)}, town ${n(l.town)}, municipality ${n(l.municipality)}, prefecture ${n(l.prefecture)}, not found ${n(l.none)}${unread}`);
	}
}

export function describeCsv(batch: CsvBatch): string {
	const delimiter = batch.delimiter === '\t' ? 'tab' : batch.delimiter === ';' ? 'semicolon' : 'comma';
	return `CSV, ${ENCODING_LABELS[batch.encoding]}, ${delimiter}-separated`;
}
