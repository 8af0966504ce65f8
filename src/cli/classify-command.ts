import { isUtf8 } from 'node:buffer';
import {
	appendedColumns,
	createClassifiedCsvWriter,
	createClassifiedGeoJsonWriter,
	ENCODING_LABELS,
	readFirmsCsv,
	readFirmsGeoJson,
	readCsv,
	guessColumns,
	columnsFor,
	type CsvBatch,
	type ClassifiedOutputOptions,
	type ClassifiedCsvWriter,
	type ClassifiedGeoJsonWriter,
	type FirmBatch,
	type FirmResults,
	readFeatureFile,
	BufferPool,
	recordsMemory,
	type FirmSourceInfo
} from '../lib/core/io';
import { RunTally, shiftLines, tallyBatch } from './batch-tally';
import type { ChunkSetup } from './chunk-job';
import { chunkPlan, headBatches, startChunkWorkers, UseOneThread, writeChunks, type ChunkWorkers } from './chunk-pool';
import type { ClassifyArgs } from './classify-args';
import { geocodedBatches, GeocodeSummary } from './geocode-command';
import { AtomicOutput, fileChunks, readWhole } from './node-files';
import { bundledGeocoder, TOWNS_CREDIT } from './town-data';
import { startEngine } from './engine';
import type { LoadingEngine } from './engine-thread';
import type { FirmResultsMemory } from '../lib/core/firm-results';
import type { ClassifyStart } from './classify-start';
import { LISTED_REPAIRS, loadSetup, type LoadedSetup, type SetupSummary } from './classify-setup';
import { Progress } from './progress';
import { UsageError } from './usage-error';
import { thousands } from './thousands';

/**
 * `cluster-map classify`: reads zones and institutions, streams the firms through the engine
 * batch by batch (memory stays bounded whatever the file size), writes OUT, and prints warnings
 * and a summary to stderr.
 *
 * @param start the run as `startClassify` began it (its engine thread may be reading the zones already)
 * @throws InputError for a file that cannot be used (nothing is left at OUT)
 */
export async function runClassify(args: ClassifyArgs, stderr: (line: string) => void, start: ClassifyStart): Promise<void> {
	const { started, geoJsonFirms, totalBytes, threads, spec, engine } = start;
	try {
		// Chunk workers load their code while the zones are read.
		const workers = engine ? null : startChunkWorkers(threads);
		try {
			// The chunk pipeline reads the zones and institutions here first, to send them to every worker.
			const preloaded = workers ? await loadSetup(spec, stderr) : null;
			const run = await classifyFirms(args, stderr, { geoJsonFirms, totalBytes, threads, workers, preloaded, engine });
			summarize(args, stderr, run, started);
		} finally {
			await workers?.close();
		}
	} catch (error) {
		// A zones or institutions file that cannot be used is reported first, as when it was read first.
		await engine?.ready;
		throw error;
	} finally {
		await engine?.close();
	}
}

async function classifyFirms(
	args: ClassifyArgs,
	stderr: (line: string) => void,
	context: { geoJsonFirms: boolean; totalBytes: number; threads: number; workers: ChunkWorkers | null; preloaded: LoadedSetup | null; engine: LoadingEngine | null }
): Promise<ClassifyRun> {
	const { geoJsonFirms, totalBytes, threads, workers, preloaded } = context;
	// CLUSTER_MAP_BATCH_BYTES (tests only) makes small files come in many batches.
	const testBatchBytes = Number(process.env.CLUSTER_MAP_BATCH_BYTES) || undefined;
	const csvBatches = () => readCsv(fileChunks(args.firms, testBatchBytes), { file: args.firms, isUtf8, batchBytes: testBatchBytes, sampleBytes: testBatchBytes });
	const geocoding = !geoJsonFirms && (args.addressColumn !== undefined || (await addressesOnly(headBatches(args.firms))));
	if (geocoding && args.swapLatLon) throw new UsageError('--swap-lat-lon exchanges coordinate columns; this file is placed by its addresses');
	const outputFor = (setup: SetupSummary): ClassifiedOutputOptions => ({
		zoneIds: setup.zoneIds,
		institutionIds: setup.institutionIds,
		bufferKm: args.bufferKm,
		geocoded: geocoding,
		byType: setup.byType
	});
	// Notes printed once, though a run on several threads may be started again on one.
	const said = new Set<string>();
	const note = (line: string) => void (said.has(line) || (said.add(line), stderr(line)));
	const firstBatch = (columns: readonly string[], batchInfo: FirmSourceInfo, output: ClassifiedOutputOptions) => {
		if (geocoding) note(`firms: ${args.firms} has addresses and no coordinates: placing them offline from column "${batchInfo.addressColumn}" first, --min-level ${args.minLevel} (rows below it are kept, not classified)`);
		warnCollisions(columns, appendedColumns(output), note);
		warnExchanged(batchInfo, note);
	};
	if (workers && preloaded) {
		const plan = await chunkPlan(headBatches(args.firms), args, geocoding);
		const output = outputFor(preloaded.summary);
		if (plan) {
			try {
				const run = await classifyInChunks(args, { ...plan, engine: preloaded.engine, output, swap: args.swapLatLon }, workers, totalBytes, (columns, info) => firstBatch(columns, info, output));
				return { ...run, setup: preloaded.summary };
			} catch (error) {
				if (!(error instanceof UseOneThread)) throw error;
				if (process.env.CLUSTER_MAP_DEBUG) process.stderr.write(`reading again on one thread: ${error.message}\n`);
			}
		}
	}
	const summary = geocoding ? new GeocodeSummary(args.firms) : null;
	// Each batch's memory is given back once it is written (classifyStream). Its coordinates, and
	// the memory its results are written into, are shared with an engine thread, not copied.
	const pool = new BufferPool();
	const points = threads > 1 ? new BufferPool(32, { shared: true }) : pool;
	const firmBatchBytes = testBatchBytes ?? batchBytesFor(totalBytes);
	const batches = geoJsonFirms
		? geoJsonBatches(args.firms)
		: geocoding
			? firmsFromAddresses(csvBatches(), args, summary!)
			: readFirmsCsv(fileChunks(args.firms, firmBatchBytes, pool), { file: args.firms, isUtf8, batchBytes: firmBatchBytes, sampleBytes: testBatchBytes, swap: args.swapLatLon, pool, points });
	// The loading engine has one thread at most; a preloaded setup (the chunk pipeline falling back) goes to N − 1.
	const engineThreads = context.engine ? Math.min(1, threads - 1) : threads - 1;
	const engine: LoadingEngine = context.engine ?? { ...startEngine(preloaded!.engine, { workers: engineThreads }), ready: Promise.resolve(preloaded!.summary) };
	try {
		return await classifyStream(batches, summary, args, engine, engineThreads, outputFor, totalBytes, firstBatch, [pool, points]);
	} finally {
		if (engine !== context.engine) await engine.close();
	}
}

/**
 * Bytes of the file in a batch: 4 MiB, or an eighth of a smaller file (1 MiB at least). A batch's
 * memory is written fresh the first time (a page fault per 4 KiB) and reused by the later ones, so
 * a file of a few batches pays for it all: on 100,000 firms (8 MB) 1 MiB batches ran in 0.92 of
 * the time of 4 MiB ones, on a million firms on one thread in 1.04 of it (farm-bench, paired).
 */
function batchBytesFor(fileBytes: number): number {
	return Math.min(4 << 20, Math.max(1 << 20, Math.ceil(fileBytes / 8 / 65536) * 65536));
}

/** The summary on stderr: the input as read, zones, institutions, rows listed and counted. */
function summarize(args: ClassifyArgs, stderr: (line: string) => void, run: ClassifyRun, started: number): void {
	const { repaired, invalid, unlisted, zoneIds, institutionIds } = run.setup;
	const { tally: counts, info, geocodeSummary } = run;
	const listed = counts.listed.map(({ line, text }) => `${args.firms} ${info?.format === 'csv' ? 'line' : 'feature'} ${line}: ${text}`);
	const outside = counts.outside;

	if (info) stderr(`firms: ${args.firms} — ${describeSource(info)}`);
	const zoneNotes = [repaired > 0 ? `${repaired} repaired` : '', invalid > 0 ? `${invalid} left out` : ''].filter(Boolean).join(', ');
	const named = unlisted > 0 ? `the first ${LISTED_REPAIRS} repairs named above, every one with --verbose` : 'each named above';
	stderr(`zones: ${thousands(zoneIds.length)} from ${args.zones}${zoneNotes ? ` (${zoneNotes}; ${named})` : ''}`);
	if (institutionIds) stderr(`institutions: ${thousands(institutionIds.length)} from ${args.institutions}${describeSelection(args)}`);
	for (const line of listed) stderr(`  ${line}`);
	if (counts.outsideJapan > 0) {
		const where = info?.format === 'csv' ? 'line' : 'feature';
		const first = outside.map((n) => `${where} ${n}`).join(', ');
		stderr(`warning: ${thousands(counts.outsideJapan)} rows lie outside Japan (first: ${first}); they are kept and classified — check for typing errors or exchanged latitude and longitude`);
	}
	if (counts.problems > listed.length) stderr(`  … and ${thousands(counts.problems - listed.length)} more rows with problems (see the problem column)`);
	stderr(`wrote ${args.out} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
	stderr(`rows read: ${thousands(counts.rows)}`);
	const buffer = args.bufferKm === undefined ? '' : `, ${thousands(counts.withinBuffer)} within ${args.bufferKm} km of an institution`;
	stderr(`classified: ${thousands(counts.ok)} (${thousands(counts.inside)} inside a zone${buffer})`);
	stderr(`with problems: ${thousands(counts.problems)}${counts.problems > 0 ? ' (kept, computed columns empty, reason in the problem column)' : ''}`);
	if (geocodeSummary) {
		stderr(TOWNS_CREDIT);
		geocodeSummary.printLevels(stderr);
	}
}

/**
 * True when the CSV has an address column and no coordinate column: it is placed by geocoding first.
 * Reads only the first batch.
 */
async function addressesOnly(batches: AsyncGenerator<CsvBatch>): Promise<boolean> {
	const first = await batches.next();
	await batches.return(undefined);
	if (first.done) return false; // the real read reports the empty file
	const guess = guessColumns(first.value.header);
	return guess.lat < 0 && guess.lon < 0 && columnsFor(first.value.header, 'address').length > 0;
}

/** Firms placed by their addresses, the levels counted into `summary`. */
async function* firmsFromAddresses(batches: AsyncGenerator<CsvBatch>, args: ClassifyArgs, summary: GeocodeSummary): AsyncGenerator<FirmBatch> {
	for await (const { batch } of geocodedBatches(batches, args, bundledGeocoder(), summary.levels)) yield batch;
}

/** What a run found, for the summary. */
interface ClassifyRun {
	setup: SetupSummary;
	tally: RunTally;
	info: FirmSourceInfo | null;
	geocodeSummary: GeocodeSummary | null;
}

/**
 * The firms streamed through the engine on this thread, batch by batch (classification in
 * `workers` engine threads when > 0, overlapping with reading and writing here).
 */
async function classifyStream(
	batches: AsyncGenerator<FirmBatch>,
	geocodeSummary: GeocodeSummary | null,
	args: ClassifyArgs,
	engine: LoadingEngine,
	engineThreads: number,
	outputFor: (setup: SetupSummary) => ClassifiedOutputOptions,
	totalBytes: number,
	firstBatch: (columns: readonly string[], info: FirmSourceInfo, output: ClassifiedOutputOptions) => void,
	[pool, points]: [records: BufferPool, points: BufferPool]
): Promise<ClassifyRun> {
	// Batches handed to the engine and not yet written: enough to keep every thread busy. No more
	// while an engine thread still reads the zones: six read ahead then cost a million firms 0.19 s
	// more CPU (their memory written fresh) and gained no time (farm-bench, paired: 0.98 without).
	const maxInFlight = engineThreads + 1;
	const output = new AtomicOutput(args.out);
	// The writers need the zone and institution ids: made, with the setup they came from, when the
	// first batch is written (or at the end, for a file without rows).
	let writing: { setup: SetupSummary; csv: ClassifiedCsvWriter | null; geojson: ClassifiedGeoJsonWriter | null } | null = null;
	const startWriting = async (batch: FirmBatch | null) => {
		const setup = await engine.ready;
		const options = outputFor(setup);
		const started = { setup, csv: args.format === 'csv' ? createClassifiedCsvWriter(options) : null, geojson: args.format === 'geojson' ? createClassifiedGeoJsonWriter(options) : null };
		if (batch) {
			firstBatch(batch.columns, batch.info, options);
			output.write(started.csv ? started.csv.header(batch.columns) : started.geojson!.start());
		}
		return (writing = started);
	};
	const progress = new Progress(totalBytes);
	const tally = new RunTally();
	let info: FirmSourceInfo | null = null;
	const inFlight: { batch: FirmBatch; results: Promise<FirmResults>; memory: FirmResultsMemory }[] = [];
	const writeOldest = async () => {
		const { batch, results: pending, memory } = inFlight.shift()!;
		const results = await pending;
		const { csv, geojson } = writing ?? (await startWriting(batch));
		output.write(csv ? csv.rows(batch, results) : geojson!.rows(batch, results));
		const t = tallyBatch(batch, results);
		tally.add(t);
		geocodeSummary?.addTally(t, batch.columns.indexOf(batch.info.addressColumn!));
		progress.update(tally.rows, batch.bytesRead);
		// Written and counted, and the engine has answered: nothing reads the batch's records or points again.
		if (batch.rows.kind === 'csv') for (const memory of recordsMemory(batch.rows.records)) pool.give(memory);
		points.give(batch.lons.buffer);
		points.give(batch.lats.buffer);
		for (const array of Object.values(memory)) points.give(array.buffer);
	};
	try {
		for await (const batch of batches) {
			info ??= batch.info;
			const memory = resultsMemory(points, batch.count);
			const results = engine.compute(batch.lons, batch.lats, memory);
			results.catch(() => {}); // awaited in order below; a failure surfaces there
			inFlight.push({ batch, results, memory });
			if (inFlight.length >= maxInFlight) await writeOldest();
		}
		while (inFlight.length > 0) await writeOldest();
		writing ??= await startWriting(null);
		if (writing.geojson) output.write(writing.geojson.end());
		output.commit();
		await engine.keepCells?.();
	} catch (error) {
		output.abandon();
		progress.clear();
		throw error;
	}
	progress.clear();
	return { setup: writing.setup, tally, info, geocodeSummary };
}

/**
 * Memory for a batch's results, given back once the batch is written: with an engine thread it is
 * shared, so the thread writes its results there instead of sending them; and its pages are
 * written fresh only by the first batches.
 */
function resultsMemory(pool: BufferPool, count: number): FirmResultsMemory {
	return { offsets: pool.uint32s(count + 1), zoneIndices: pool.uint32s(count), inside: pool.bytes(count), nearest: pool.int32s(count), km: pool.float64s(count), withinBuffer: pool.bytes(count) };
}

/** The run on several threads: chunks of the file read, classified and written by workers. */
async function classifyInChunks(
	args: ClassifyArgs,
	setup: ChunkSetup,
	workers: ChunkWorkers,
	totalBytes: number,
	firstBatch: (columns: readonly string[], info: FirmSourceInfo) => void
): Promise<Omit<ClassifyRun, 'setup'>> {
	const tally = new RunTally();
	const geocodeSummary = setup.geocode ? new GeocodeSummary(args.firms) : null;
	const csv = args.format === 'csv' ? createClassifiedCsvWriter(setup.output) : null;
	let info: FirmSourceInfo | null = null;
	const progress = new Progress(totalBytes);
	await writeChunks({ path: args.firms, out: args.out, header: csv && ((columns) => csv.header(columns)), workers, setup, progress }, (chunk, line, bytesRead) => {
		if (info === null && chunk.info) {
			info = chunk.info;
			firstBatch(chunk.columns!, chunk.info);
		}
		const t = shiftLines(chunk.tally, line);
		tally.add(t);
		geocodeSummary?.addTally(t, setup.geocode!.addressColumn);
		progress.update(tally.rows, bytesRead);
	});
	return { tally, info, geocodeSummary };
}

/** ", types …, fields …" for the summary line, or ''. */
function describeSelection(args: ClassifyArgs): string {
	const parts = [args.institutionTypes ? `types ${args.institutionTypes.join(', ')}` : '', args.institutionFields ? `fields ${args.institutionFields.join(', ')}` : ''];
	return parts.some(Boolean) ? ` (${parts.filter(Boolean).join('; ')})` : '';
}

/** Firms from a GeoJSON file or a zipped Shapefile of points. */
export async function* geoJsonBatches(path: string): AsyncGenerator<FirmBatch> {
	const collection = await readFeatureFile(readWhole(path), { file: path });
	yield* readFirmsGeoJson(collection, { file: path });
}

function describeSource(info: FirmSourceInfo): string {
	if (info.format === 'geojson') return 'GeoJSON points';
	const delimiter = info.delimiter === '\t' ? 'tab' : info.delimiter === ';' ? 'semicolon' : 'comma';
	if (info.addressColumn !== undefined) return `CSV, ${ENCODING_LABELS[info.encoding ?? 'utf-8']}, ${delimiter}-separated; points geocoded from column "${info.addressColumn}"`;
	const columns = `latitude from column "${info.latColumn}", longitude from column "${info.lonColumn}"${info.swapped ? ' (exchanged by --swap-lat-lon)' : ''}`;
	return `CSV, ${ENCODING_LABELS[info.encoding ?? 'utf-8']}, ${delimiter}-separated; ${columns}`;
}

/** Says so, with the fix, when the first rows lie in Japan only with latitude and longitude exchanged. */
function warnExchanged(info: FirmSourceInfo, stderr: (line: string) => void): void {
	const check = info.swapCheck;
	if (!check?.suggest || info.swapped) return;
	stderr(
		`warning: latitude and longitude look exchanged: ${thousands(check.swapped)} of the first ${thousands(check.numeric)} rows with coordinates lie in Japan only with the columns "${info.latColumn}" and "${info.lonColumn}" the other way round; run again with --swap-lat-lon to exchange them`
	);
}

function warnCollisions(columns: readonly string[], appended: readonly string[], stderr: (line: string) => void): void {
	const taken = columns.filter((c) => appended.includes(c));
	if (taken.length > 0) {
		stderr(`note: the input already has column(s) ${taken.map((c) => `"${c}"`).join(', ')}; they are kept, and the new ones appended after them (GeoJSON: the input's renamed with a _2 suffix)`);
	}
}
