/**
 * Imports firms from a CSV/TSV file (streamed, batch by batch) or from point features (GeoJSON,
 * zipped Shapefile) into the {@link FirmTable} the map draws, with every problem listed by file,
 * line and column. Rows with unusable coordinates are not placed but listed, never dropped
 * silently; rows outside Japan or with a repeated id are placed and listed as warnings. Pure; runs
 * in the import worker, the corpus tests and the benchmark.
 */
import type { FeatureCollection } from 'geojson';
// The io modules one by one, not its index: the bundled sample's worker then loads none of the
// Shapefile reader's packages (proj4 and others, 140 KB), which an index import keeps.
import { describeImportProblem, importProblem, type ImportProblem } from '$lib/core/io/import-problem';
import { duplicateIdFinder } from '$lib/core/io/duplicate-id-finder';
import { featureCells } from '$lib/core/io/classified-csv-writer';
import { GEOCODE_COLUMNS } from '$lib/core/io/classified-columns';
import { inJapanExtent } from '$lib/core/io/japan-extent';
import { readFirmsCsv } from '$lib/core/io/read-firms-csv';
import { readFirmsGeoJson } from '$lib/core/io/read-firms-geojson';
import { cellAt, PackedRowsBuilder } from '$lib/core/io/packed-rows';
import { cellText, recordCells } from '$lib/core/io/cell-text';
import { readCsv } from '$lib/core/io/read-csv';
import { guessColumns } from '$lib/core/io/guess-columns';
import type { CsvRecords } from '$lib/core/io/scan-csv-records';
import type { FirmBatch } from '$lib/core/io/firm-batch';
import { codeCounts, type CodeColumn, type FirmTable, type UnplacedRow } from '$lib/core/firm-table';
import { INDUSTRY_CODE_TEXT, NO_INDUSTRY, industryCodeOfBytes, industryCodeOfText } from './industry-codes';
import { degrees } from '$lib/core/io/classified-csv-writer';
import { geocodeCsvBatch, emptyLevelCounts, type LevelCounts } from '$lib/core/geocode/geocode-batch';
import type { GeocodeLevel } from '$lib/core/geocode/geocoder';
import type { ColumnMapping } from './import-preview';
import type { ImportSource } from './import-source';
import type { TownGeocoder } from './town-tables';

export interface FirmImport {
	/** The firms read: placed rows and, in `unplaced`, the rest. */
	table: FirmTable;
	/** Every problem, in file order: errors (row not placed) and warnings (row placed). */
	problems: ImportProblem[];
	/** Data rows read (placed + not placed). */
	rows: number;
	/** When located by address: rows per level reached (`none`: nothing matched). */
	levels?: LevelCounts;
}

/** Locating firms by their address column instead of coordinates. */
export interface GeocodeOptions {
	/** The least precise level that places a firm (`town` also places 小字). */
	minLevel: GeocodeLevel;
	towns: TownGeocoder;
}

export interface ImportFirmsOptions {
	/** Which column is which; guessed from the header (as the preview guesses it) when absent. */
	mapping?: ColumnMapping;
	/** Read the latitude column as longitude and the reverse (the fix for exchanged columns). */
	swap?: boolean;
	/** The features, when the file is GeoJSON or a zipped Shapefile (from `previewImport`). */
	features?: FeatureCollection | null;
	/** Called after each batch. */
	onProgress?: (progress: { bytesRead: number; rows: number }) => void;
	/** Stops between batches with {@link ImportCancelled}. */
	signal?: AbortSignal;
	/**
	 * Place firms by `mapping.address` (CSV only): the rows get the geocode columns the command
	 * line writes (geocode_lon, geocode_lat, geocode_level, geocode_match), and rows below
	 * `minLevel` are listed as problems, not placed.
	 */
	geocode?: GeocodeOptions;
}

/** Thrown when the import was cancelled through its signal. */
export class ImportCancelled extends Error {
	override readonly name = 'ImportCancelled';
}

/**
 * @throws InputError when the file cannot be used (see `readFirmsCsv`), ImportCancelled when cancelled
 * @example
 * const { preview, features } = await previewImport(source);
 * const { table, problems } = await importFirms(source, { mapping: preview.guess, features });
 */
export async function importFirms(source: ImportSource, options: ImportFirmsOptions): Promise<FirmImport> {
	const { mapping, swap = false, signal } = options;
	const file = source.name;
	const builder = tableBuilder(file, mapping);
	const levels = options.geocode && !options.features ? emptyLevelCounts() : undefined;
	const batches: AsyncIterable<FirmBatch> | Iterable<FirmBatch> = options.features
		? readFirmsGeoJson(options.features, { file })
		: options.geocode
			? geocodedBatches(source, mapping?.address ?? -1, options.geocode, levels!)
			: mapping
				? readFirmsCsv(source.chunks(), { file, columns: swap ? { lat: mapping.lon, lon: mapping.lat } : { lat: mapping.lat, lon: mapping.lon } })
				: readFirmsCsv(source.chunks(), { file, swap });
	for await (const batch of batches) {
		if (signal?.aborted) throw new ImportCancelled(`${file}: import cancelled`);
		builder.add(batch);
		options.onProgress?.({ bytesRead: batch.bytesRead || source.size, rows: builder.rows });
		// Let a cancel message in between batches.
		await new Promise((resolve) => setTimeout(resolve, 0));
	}
	if (signal?.aborted) throw new ImportCancelled(`${file}: import cancelled`);
	return levels ? { ...builder.finish(), levels } : builder.finish();
}

/** CSV batches with their points from the address column; each prefecture's towns loaded when first named. */
async function* geocodedBatches(source: ImportSource, addressColumn: number, options: GeocodeOptions, counts: LevelCounts): AsyncGenerator<FirmBatch> {
	if (addressColumn < 0) throw new Error('no address column was chosen');
	for await (const batch of readCsv(source.chunks(), { file: source.name, batchBytes: 1 << 20 })) {
		const { records } = batch;
		const addresses: string[] = [];
		for (let r = 0; r < records.count; r++) {
			const k = records.firstCell[r] + addressColumn;
			if (k < records.firstCell[r + 1]) addresses.push(cellText(records, k));
		}
		await options.towns.prepare(addresses);
		yield geocodeCsvBatch(batch, { geocoder: options.towns.geocoder, addressColumn, minLevel: options.minLevel, counts });
	}
}

/** Exactly `width` cells: a short row padded, a long row's extra cells left to its problem (as the command line writes them). */
function padded(cells: string[], width: number): string[] {
	return Array.from({ length: width }, (_, i) => cells[i] ?? '');
}

/** The geocode columns of row r, as the command line writes them: the point only when placed. */
function geocodeCells(batch: FirmBatch, r: number): string[] {
	const g = batch.geocoded!;
	const placed = batch.problems[r] === null;
	const number = (v: number) => (placed && Number.isFinite(v) ? degrees(v) : '');
	return [number(g.lons[r]), number(g.lats[r]), g.level[r] ?? '', g.match[r]];
}

function tableBuilder(file: string, given: ColumnMapping | undefined) {
	// Without a mapping, the roles are guessed from the first batch's header (as readFirmsCsv guesses the coordinates).
	let mapping: ColumnMapping | null = given ?? null;
	let columns: string[] = [];
	const rows = new PackedRowsBuilder();
	const lon: number[] = [];
	const lat: number[] = [];
	const lines: number[] = [];
	const industry: number[] = [];
	const problems: ImportProblem[] = [];
	const unplaced: UnplacedRow[] = [];
	const ids = duplicateIdFinder();
	let read = 0;
	return {
		get rows() {
			return read;
		},
		add(batch: FirmBatch) {
			const { id, industry: industryColumn } = (mapping ??= guessColumns(batch.columns));
			const geocoded = batch.geocoded !== undefined;
			columns = geocoded ? [...batch.columns, ...GEOCODE_COLUMNS] : [...batch.columns];
			const features = batch.rows.kind === 'features' ? batch.rows : null;
			const records = batch.rows.kind === 'csv' ? batch.rows.records : null;
			const addRecord = records ? rows.csvRecords(records) : null;
			for (let r = 0; r < batch.count; r++) {
				const line = batch.lines[r];
				const found = batch.problems[r];
				// Geocoded rows carry their geocode cells, so the popup, the export and the stored session show them.
				const cells = features
					? featureCells(features.features[r], columns, features.idColumn)
					: geocoded
						? [...padded(recordCells(records!, r), batch.columns.length), ...geocodeCells(batch, r)]
						: null;
				if (found !== null) {
					for (const p of found) problems.push(importProblem(file, line, p));
					unplaced.push({ line, cells: cells ?? recordCells(records!, r), problems: found });
					continue;
				}
				const x = batch.lons[r];
				const y = batch.lats[r];
				if (!inJapanExtent(x, y)) problems.push(importProblem(file, line, { kind: 'outside-japan', lon: x, lat: y }));
				// A placed CSV row is kept as offsets into its batch's text; its id and industry are read from its bytes.
				if (cells) {
					if (id >= 0) ids.addText(cells[id] ?? '');
					industry.push(industryColumn >= 0 ? industryCodeOfText(cells[industryColumn] ?? '') : NO_INDUSTRY);
					rows.addCells(cells);
				} else {
					if (id >= 0) ids.addRecordCell(records!, r, id);
					industry.push(industryColumn >= 0 ? recordIndustry(records!, r, industryColumn) : NO_INDUSTRY);
					addRecord!(r);
				}
				lon.push(x);
				lat.push(y);
				lines.push(line);
			}
			read += batch.count;
		},
		finish(): FirmImport {
			const packed = rows.finish();
			const industryColumn = numberedCodes(industry);
			const id = mapping?.id ?? -1;
			const repeats =
				id < 0
					? []
					: ids.repeats((row) => cellAt(packed, row, id)).map(({ row, first }) =>
							importProblem(file, lines[row], { kind: 'duplicate-id', column: columns[id], id: cellAt(packed, row, id).trim(), firstLine: lines[first] })
						);
			const all = mergeByLine(problems, repeats);
			const table: FirmTable = {
				file,
				columns,
				rows: packed,
				lon: Float64Array.from(lon),
				lat: Float64Array.from(lat),
				industry: industryColumn,
				industryCounts: codeCounts(industryColumn),
				problems: all
					.filter((p) => p.severity === 'error')
					.map((p) => ({ line: p.line, column: p.column, message: `${file}: line ${p.line}: ${describeImportProblem(p)}` })),
				unplaced
			};
			return { table, problems: all, rows: read };
		}
	};
}

/** The column of industry numbers (`NO_INDUSTRY` or 0–99) with their texts as codes. */
function numberedCodes(numbers: readonly number[]): CodeColumn {
	const slot = new Int32Array(101).fill(-1);
	const codes: string[] = [];
	const index = new Uint16Array(numbers.length);
	for (let i = 0; i < numbers.length; i++) {
		const n = numbers[i] + 1; // NO_INDUSTRY (-1) → slot 0
		if (slot[n] < 0) slot[n] = codes.push(n === 0 ? '' : INDUSTRY_CODE_TEXT[n - 1]) - 1;
		index[i] = slot[n];
	}
	return { codes, index };
}

/** The industry code of cell c of record r, from its bytes. */
function recordIndustry(records: CsvRecords, r: number, c: number): number {
	const k = records.firstCell[r] + c;
	return k < records.firstCell[r + 1] ? industryCodeOfBytes(records.bytes, records.cellStart[k], records.cellEnd[k]) : NO_INDUSTRY;
}

/** Two lists in line order as one; on the same line, `first`'s problems come first. */
function mergeByLine(first: ImportProblem[], then: ImportProblem[]): ImportProblem[] {
	if (then.length === 0) return first;
	const out: ImportProblem[] = [];
	let j = 0;
	for (const p of first) {
		while (j < then.length && then[j].line < p.line) out.push(then[j++]);
		out.push(p);
	}
	while (j < then.length) out.push(then[j++]);
	return out;
}
