import { isUtf8 } from 'node:buffer';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { ZoneProblem } from '../lib/core/geo';
import { municipalityZones, prefectureZones } from '../lib/core/geography';
import type { InstitutionField, InstitutionType, Zone, ZoneSource } from '../lib/core/model';
import {
	appendedColumns,
	createClassifiedCsvWriter,
	createClassifiedGeoJsonWriter,
	districtZones,
	ENCODING_LABELS,
	institutionsFromGeoJson,
	readFirmsCsv,
	readFirmsGeoJson,
	readInstitutionsCsv,
	readCsv,
	guessColumns,
	columnsFor,
	type CsvBatch,
	readFeatureFile,
	readZones,
	type ClassifiedOutputOptions,
	type FirmBatch,
	type FirmResults,
	type FirmSourceInfo,
	type InstitutionPoint
} from '../lib/core/io';
import type { EngineSetup } from '../lib/core/firm-results';
import { RunTally, shiftLines, tallyBatch } from './batch-tally';
import type { ChunkSetup } from './chunk-job';
import { chunkPlan, headBatches, startChunkWorkers, UseOneThread, writeChunks, type ChunkWorkers } from './chunk-pool';
import { threadsFor } from './threads';
import { bundledDistricts, bundledMunicipalities, bundledPrefectures } from './bundled-data';
import type { ClassifyArgs } from './classify-args';
import { bundledInstitutions, groupByType, selectInstitutions } from './institution-selection';
import { geocodedBatches, GeocodeSummary } from './geocode-command';
import { AtomicOutput, fileChunks, fileSize, readHead, readWhole, refuseOutputOverInput } from './node-files';
import { bundledGeocoder, TOWNS_CREDIT } from './town-data';
import { startEngine } from './engine';
import { Progress } from './progress';
import { StageProgress } from './stage-progress';
import { UsageError } from './usage-error';

/** Zone repairs listed one by one; the rest are counted (invalid zones are always listed). */
const LISTED_REPAIRS = 20;
// A run on several threads writes the GeoJSON framing here, the workers the features.

/**
 * `cluster-map classify`: reads zones and institutions, streams the firms through the engine
 * batch by batch (memory stays bounded whatever the file size), writes OUT, and prints warnings
 * and a summary to stderr.
 *
 * @throws InputError for a file that cannot be used (nothing is left at OUT)
 */
export async function runClassify(args: ClassifyArgs, stderr: (line: string) => void): Promise<void> {
	const started = performance.now();
	refuseOutputOverInput(args.out, [
		{ option: '--firms', path: args.firms },
		{ option: '--zones', path: args.zones },
		...(args.institutions === undefined ? [] : [{ option: '--institutions', path: args.institutions }])
	]);
	const geoJsonFirms = isGeoJson(args.firms);
	if (geoJsonFirms && args.swapLatLon) throw new UsageError('--swap-lat-lon exchanges two CSV columns; a GeoJSON file has its coordinates in the geometry, as [longitude, latitude]');
	const totalBytes = fileSize(args.firms);
	const threads = threadsFor(args.threads, totalBytes);
	// The chunk pipeline only when --threads asks for it: by default a large file is classified in
	// one engine thread beside this one's reading and writing, which measured faster on two shared
	// cores (src/cli/README.md, Performance). Chunk workers load their code while the zones are read.
	const workers = args.threads !== undefined && threads > 1 && !geoJsonFirms ? startChunkWorkers(threads) : null;
	try {
		await classify(args, stderr, { started, geoJsonFirms, totalBytes, threads, workers });
	} finally {
		await workers?.close();
	}
}

async function classify(
	args: ClassifyArgs,
	stderr: (line: string) => void,
	{ started, geoJsonFirms, totalBytes, threads, workers }: { started: number; geoJsonFirms: boolean; totalBytes: number; threads: number; workers: ChunkWorkers | null }
): Promise<void> {
	const { zones, repaired, invalid, unlisted } = await loadZones(args.zones, stderr, { listAll: args.verbose });
	const institutions = args.institutions === undefined ? null : await loadInstitutions(args.institutions, stderr, args);
	const byType = institutions && args.nearestByType ? groupByType(institutions, args.institutions!) : undefined;
	// CLUSTER_MAP_BATCH_BYTES (tests only) makes small files come in many batches.
	const batchBytes = Number(process.env.CLUSTER_MAP_BATCH_BYTES) || undefined;
	const csvBatches = () => readCsv(fileChunks(args.firms, batchBytes), { file: args.firms, isUtf8, batchBytes, sampleBytes: batchBytes });
	const geocoding = !geoJsonFirms && (args.addressColumn !== undefined || (await addressesOnly(headBatches(args.firms))));
	if (geocoding && args.swapLatLon) throw new UsageError('--swap-lat-lon exchanges coordinate columns; this file is placed by its addresses');
	const outputOptions = {
		zoneIds: zones.map((z) => z.id),
		institutionIds: institutions?.map((i) => i.id),
		bufferKm: args.bufferKm,
		geocoded: geocoding,
		byType: byType?.map((g) => ({ type: g.type, ids: g.institutions.map((i) => i.id) }))
	};
	const engineSetup = { zones, institutions, bufferKm: args.bufferKm, byType: byType?.map((g) => g.institutions) };
	// Notes printed once, though a run on several threads may be started again on one.
	const said = new Set<string>();
	const note = (line: string) => void (said.has(line) || (said.add(line), stderr(line)));
	const firstBatch = (columns: readonly string[], batchInfo: FirmSourceInfo) => {
		if (geocoding) note(`firms: ${args.firms} has addresses and no coordinates: placing them offline from column "${batchInfo.addressColumn}" first, --min-level ${args.minLevel} (rows below it are kept, not classified)`);
		warnCollisions(columns, appendedColumns(outputOptions), note);
		warnExchanged(batchInfo, note);
	};
	let run: ClassifyRun | null = null;
	if (workers) {
		const plan = await chunkPlan(headBatches(args.firms), args, geocoding);
		if (plan) {
			try {
				run = await classifyInChunks(args, { ...plan, engine: engineSetup, output: outputOptions, swap: args.swapLatLon }, workers, totalBytes, firstBatch);
			} catch (error) {
				if (!(error instanceof UseOneThread)) throw error;
				if (process.env.CLUSTER_MAP_DEBUG) process.stderr.write(`reading again on one thread: ${error.message}\n`);
			}
		}
	}
	if (run === null) {
		const summary = geocoding ? new GeocodeSummary(args.firms) : null;
		const batches = geoJsonFirms
			? geoJsonBatches(args.firms)
			: geocoding
				? firmsFromAddresses(csvBatches(), args, summary!)
				: readFirmsCsv(fileChunks(args.firms, batchBytes), { file: args.firms, isUtf8, batchBytes, sampleBytes: batchBytes, swap: args.swapLatLon });
		run = await classifyStream(batches, summary, args, engineSetup, threads - 1, outputOptions, totalBytes, firstBatch);
	}
	const { tally: counts, info, geocodeSummary } = run;
	const listed = counts.listed.map(({ line, text }) => `${args.firms} ${info?.format === 'csv' ? 'line' : 'feature'} ${line}: ${text}`);
	const outside = counts.outside;

	if (info) stderr(`firms: ${args.firms} — ${describeSource(info)}`);
	const zoneNotes = [repaired > 0 ? `${repaired} repaired` : '', invalid > 0 ? `${invalid} left out` : ''].filter(Boolean).join(', ');
	const named = unlisted > 0 ? `the first ${LISTED_REPAIRS} repairs named above, every one with --verbose` : 'each named above';
	stderr(`zones: ${zones.length.toLocaleString('en')} from ${args.zones}${zoneNotes ? ` (${zoneNotes}; ${named})` : ''}`);
	if (institutions) stderr(`institutions: ${institutions.length.toLocaleString('en')} from ${args.institutions}${describeSelection(args)}`);
	for (const line of listed) stderr(`  ${line}`);
	if (counts.outsideJapan > 0) {
		const where = info?.format === 'csv' ? 'line' : 'feature';
		const first = outside.map((n) => `${where} ${n}`).join(', ');
		stderr(`warning: ${counts.outsideJapan.toLocaleString('en')} rows lie outside Japan (first: ${first}); they are kept and classified — check for typing errors or exchanged latitude and longitude`);
	}
	if (counts.problems > listed.length) stderr(`  … and ${(counts.problems - listed.length).toLocaleString('en')} more rows with problems (see the problem column)`);
	stderr(`wrote ${args.out} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
	stderr(`rows read: ${counts.rows.toLocaleString('en')}`);
	const buffer = args.bufferKm === undefined ? '' : `, ${counts.withinBuffer.toLocaleString('en')} within ${args.bufferKm} km of an institution`;
	stderr(`classified: ${counts.ok.toLocaleString('en')} (${counts.inside.toLocaleString('en')} inside a zone${buffer})`);
	stderr(`with problems: ${counts.problems.toLocaleString('en')}${counts.problems > 0 ? ' (kept, computed columns empty, reason in the problem column)' : ''}`);
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
	setup: EngineSetup,
	workers: number,
	outputOptions: ClassifiedOutputOptions,
	totalBytes: number,
	firstBatch: (columns: readonly string[], info: FirmSourceInfo) => void
): Promise<ClassifyRun> {
	const engine = startEngine(setup, { workers });
	// Batches handed to the engine and not yet written: enough to keep every thread busy.
	const maxInFlight = workers + 1;
	const output = new AtomicOutput(args.out);
	const csv = args.format === 'csv' ? createClassifiedCsvWriter(outputOptions) : null;
	const geojson = args.format === 'geojson' ? createClassifiedGeoJsonWriter(outputOptions) : null;
	const progress = new Progress(totalBytes);
	const tally = new RunTally();
	let info: FirmSourceInfo | null = null;
	const inFlight: { batch: FirmBatch; results: Promise<FirmResults> }[] = [];
	const writeOldest = async () => {
		const { batch, results: pending } = inFlight.shift()!;
		const results = await pending;
		output.write(csv ? csv.rows(batch, results) : geojson!.rows(batch, results));
		const t = tallyBatch(batch, results);
		tally.add(t);
		geocodeSummary?.addTally(t, batch.columns.indexOf(batch.info.addressColumn!));
		progress.update(tally.rows, batch.bytesRead);
	};
	try {
		for await (const batch of batches) {
			if (info === null) {
				info = batch.info;
				firstBatch(batch.columns, batch.info);
				output.write(csv ? csv.header(batch.columns) : geojson!.start());
			}
			const results = engine.compute(batch.lons, batch.lats);
			results.catch(() => {}); // awaited in order below; a failure surfaces there
			inFlight.push({ batch, results });
			if (inFlight.length >= maxInFlight) await writeOldest();
		}
		while (inFlight.length > 0) await writeOldest();
		if (geojson) output.write(geojson.end());
		output.commit();
	} catch (error) {
		output.abandon();
		progress.clear();
		throw error;
	} finally {
		await engine.close();
	}
	progress.clear();
	return { tally, info, geocodeSummary };
}

/** The run on several threads: chunks of the file read, classified and written by workers. */
async function classifyInChunks(
	args: ClassifyArgs,
	setup: ChunkSetup,
	workers: ChunkWorkers,
	totalBytes: number,
	firstBatch: (columns: readonly string[], info: FirmSourceInfo) => void
): Promise<ClassifyRun> {
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

const EXAMPLE: Record<string, string> = { district: 'district:ota', municipality: 'municipality:13111', prefecture: 'prefecture:27' };

/** Zones from the bundled boundaries: districts, municipalities (by code) or prefectures. */
function bundledZones(kind: string, ids: string[], spec: string): Feature<Polygon | MultiPolygon>[] {
	if (kind === 'district') {
		const { districts, polygons } = bundledDistricts();
		return districtZones(districts, polygons, { ids: ids.length === 1 && ids[0].trim().toLowerCase() === 'all' ? 'all' : ids, file: spec });
	}
	if (kind === 'municipality') return municipalityZones(ids, bundledMunicipalities(), { file: spec });
	return prefectureZones(ids, bundledPrefectures(), { file: spec });
}

export async function loadZones(
	spec: string,
	stderr: (line: string) => void,
	options: { listAll?: boolean } = {}
): Promise<{ zones: Zone[]; repaired: number; invalid: number; unlisted: number }> {
	let result: { zones: Zone[]; problems: ZoneProblem[] };
	// Checking a zone of a million vertices takes seconds: say how far it has got (on a terminal).
	const progress = new StageProgress();
	const onProgress = (done: number, total: number) => progress.update(() => `preparing zones: ${Math.floor((100 * done) / total)}% of ${total.toLocaleString('en')} vertices`);
	const bundled = /^(district|municipality|prefecture):(.*)$/is.exec(spec.trim());
	if (bundled) {
		const kind = bundled[1].toLowerCase();
		const ids = bundled[2].split(',').filter((id) => id.trim() !== '');
		if (ids.length === 0) throw new UsageError(`--zones ${spec}: name at least one ${kind} after the colon, e.g. ${EXAMPLE[kind]}`);
		// ZoneSource has no 'prefecture': a prefecture zone is recorded as imported from the bundled data.
		result = readZones({ type: 'FeatureCollection', features: bundledZones(kind, ids, spec) }, { file: spec, source: kind === 'prefecture' ? 'imported' : (kind as ZoneSource), onProgress });
		const { date, simplification } = bundledMunicipalities().index;
		stderr(`zones: bundled N03 boundaries of ${date}, simplified to ${simplification} of the vertices; for firms near a boundary use a full-resolution N03 file as --zones`);
	} else {
		// GeoJSON, or a zipped Shapefile (its .prj checked), as the app reads them.
		const collection = await readFeatureFile(readWhole(spec), { file: spec });
		result = readZones(collection, { file: spec, onProgress });
	}
	progress.clear();
	const listed = options.listAll ? Infinity : LISTED_REPAIRS;
	let repairs = 0;
	for (const problem of result.problems) {
		if (problem.severity === 'repaired' && repairs++ >= listed) continue;
		stderr(`${spec}: zone "${problem.zoneId}" ${problem.message}`);
	}
	const unlisted = Math.max(0, repairs - listed);
	if (unlisted > 0) stderr(`${spec}: … and ${unlisted} more repairs (run with --verbose to list every one)`);
	const zonesWith = (severity: ZoneProblem['severity']) => new Set(result.problems.filter((p) => p.severity === severity).map((p) => p.index)).size;
	return { zones: result.zones, repaired: zonesWith('repaired'), invalid: zonesWith('invalid'), unlisted };
}

/**
 * The institutions of `--institutions`: `bundled` (the hand-sourced ones and every university campus, as the app;
 * `all` is the same, the name it had when `bundled` meant the hand-sourced ones only) or a file,
 * narrowed to `--institution-types` and `--institution-fields` when given.
 */
export async function loadInstitutions(
	spec: string,
	stderr: (line: string) => void,
	filter: { institutionTypes?: InstitutionType[]; institutionFields?: InstitutionField[] } = {}
): Promise<InstitutionPoint[]> {
	let all: InstitutionPoint[];
	if (spec === 'bundled' || spec === 'all') all = bundledInstitutions({ campuses: true });
	else {
		const read = isGeoJson(spec)
			? institutionsFromGeoJson(await readFeatureFile(readWhole(spec), { file: spec }), { file: spec })
			: await readInstitutionsCsv(fileChunks(spec), { file: spec, isUtf8 });
		for (const problem of read.problems) stderr(`${spec}: ${problem}`);
		all = read.institutions;
	}
	if (!filter.institutionTypes && !filter.institutionFields) return all;
	return selectInstitutions(all, { types: filter.institutionTypes, fields: filter.institutionFields }, spec);
}

/** ", types …, fields …" for the summary line, or ''. */
function describeSelection(args: ClassifyArgs): string {
	const parts = [args.institutionTypes ? `types ${args.institutionTypes.join(', ')}` : '', args.institutionFields ? `fields ${args.institutionFields.join(', ')}` : ''];
	return parts.some(Boolean) ? ` (${parts.filter(Boolean).join('; ')})` : '';
}

/**
 * Features rather than CSV: GeoJSON by extension, a zipped Shapefile (.zip), or by content for a
 * file whose first character is `{` or that starts as a zip does ("PK").
 */
export function isGeoJson(path: string): boolean {
	if (/\.(geo)?json$/i.test(path) || /\.zip$/i.test(path)) return true;
	if (/\.(csv|tsv|txt)$/i.test(path)) return false;
	const head = readHead(path, 64);
	if (head[0] === 0x50 && head[1] === 0x4b) return true;
	return /^\s*\{/.test(new TextDecoder().decode(head).replace(/^\ufeff/, ''));
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
		`warning: latitude and longitude look exchanged: ${check.swapped.toLocaleString('en')} of the first ${check.numeric.toLocaleString('en')} rows with coordinates lie in Japan only with the columns "${info.latColumn}" and "${info.lonColumn}" the other way round; run again with --swap-lat-lon to exchange them`
	);
}

function warnCollisions(columns: readonly string[], appended: readonly string[], stderr: (line: string) => void): void {
	const taken = columns.filter((c) => appended.includes(c));
	if (taken.length > 0) {
		stderr(`note: the input already has column(s) ${taken.map((c) => `"${c}"`).join(', ')}; they are kept, and the new ones appended after them (GeoJSON: the input's renamed with a _2 suffix)`);
	}
}
