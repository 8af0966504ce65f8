/**
 * The classified firm list as a file, written from the page's classification with the
 * command-line tool's writers, so that the app's export and `cluster-map classify` agree byte for
 * byte on the same inputs (plus one column, `zone_names`). Pure: runs in the export worker and in
 * unit tests.
 */
import {
	createClassifiedCsvWriter,
	createClassifiedGeoJsonWriter,
	csvCell,
	rowCells,
	scanCsvRecords,
	sliceRows,
	type PackedRows,
	type FirmBatch,
	type FirmResults,
	type RowProblem
} from '$lib/core/io';
import { unplacedRun, type UnplacedRows } from './export-unplaced';
import type { ZoneMembership } from '$lib/core/stats/compare/types';

export const FIRM_EXPORT_FORMATS = ['csv', 'csv-sjis', 'geojson'] as const;
export type FirmExportFormat = (typeof FIRM_EXPORT_FORMATS)[number];
export const FIRM_EXPORT_FILTERS = ['all', 'inside', 'outside'] as const;
export type FirmExportFilter = (typeof FIRM_EXPORT_FILTERS)[number];

/** What the firms were classified against, and their columns. */
export interface FirmExportSetup {
	columns: readonly string[];
	/** The zones classified, in the classification's order: ids for `zone_ids`, names for `zone_names`. */
	zones: readonly { id: string; name: string }[];
	/** Ids of the institutions, indexed like the nearest institution of each firm; adds `nearest_institution_id` and `nearest_institution_km`. */
	institutionIds: readonly string[] | null;
	/** Adds `within_buffer` (km from the nearest institution, compared unrounded). */
	bufferKm?: number;
	/** Adds `inside_stability` after `zone_names`, from each run's `stability` (a stability run exists). */
	insideStability?: boolean;
}

/** Zones and nearest institution of each firm of a run, as the page's classification gives them. */
export interface RunResults {
	/** Row i of the run is in zones `zoneIndices[offsets[i] .. offsets[i + 1])` (positions in the setup's zones). */
	offsets: Uint32Array;
	zoneIndices: Uint32Array;
	/** Index into the institutions (-1: none) and km, when institutions were given. */
	nearest?: Int32Array;
	km?: Float64Array;
}

/** A run of firms as the page holds them (a `FirmTable`'s fields): row i is at lon[i], lat[i]. */
export interface FirmRows {
	/** Rows verbatim. */
	rows: PackedRows;
	lon: Float64Array;
	lat: Float64Array;
	/** Per row, why it has no position (NaN lon, lat); such rows are written with empty results and their problem, as the CLI does. */
	rowProblems?: readonly (readonly RowProblem[] | null)[];
	/** The run's zones and nearest institutions; none for rows without a position. */
	results?: RunResults;
	/** Per row, its inside_stability (0–1; NaN: not in the stability run, written empty). */
	stability?: Float64Array;
}

/** The whole dataset with its classification (the analysis worker's) and nearest institutions. */
export type FirmExportInput = FirmExportSetup &
	Omit<FirmRows, 'results'> &
	UnplacedRows & {
		classification: Pick<ZoneMembership, 'offsets' | 'zoneIndices'>;
		nearest?: { index: Int32Array; km: Float64Array } | null;
	};

export interface FirmExporter {
	/** The file's start: CSV header (with the BOM for UTF-8), or the FeatureCollection's opening. */
	start(): Uint8Array<ArrayBuffer>;
	/** The next firms, classified and written; `count` is how many passed the filter. */
	write(firms: FirmRows): { bytes: Uint8Array<ArrayBuffer> | null; count: number };
	/** The file's end (empty for CSV). */
	end(): Uint8Array<ArrayBuffer>;
}

export interface FirmExportOptions {
	format: FirmExportFormat;
	filter?: FirmExportFilter;
	/** Rows per batch (default 5,000): memory and progress granularity. */
	batchSize?: number;
	onprogress?: (done: number, total: number) => void;
}

/** Name of the column with the names of the zones holding the firm, after the input's columns. */
export const ZONE_NAMES_COLUMN = 'zone_names';
/** Name of the column with each firm's membership stability, after `zone_names`, when a stability run exists. */
export const INSIDE_STABILITY_COLUMN = 'inside_stability';

/**
 * Writes the classified firms out: every input column with its text unchanged, then `zone_names`
 * (";"-joined, like `zone_ids`), then the CLI's appended columns `zone_ids`, `inside_cluster`,
 * `nearest_institution_id`, `nearest_institution_km`, `within_buffer`, `problem`. The zones of
 * each firm are the classification's (`classifyFirms`: zones checked and repaired as in the CLI;
 * a zone that cannot be used holds no firm). CSV is UTF-8 with a byte order mark, or Shift_JIS
 * (CP932) for `csv-sjis`; cells that a spreadsheet would run as formulas are guarded with `'`, as
 * in the CLI.
 *
 * @returns the file's bytes in parts (for a Blob) and the number of firms written
 * @example
 * const { parts, count } = exportFirms({ ...sample, zones, institutionIds, bufferKm: 5, classification, nearest }, { format: 'csv', filter: 'inside' });
 * const blob = new Blob(parts, { type: 'text/csv' });
 */
export function exportFirms(input: FirmExportInput, options: FirmExportOptions): { parts: Uint8Array<ArrayBuffer>[]; count: number } {
	const { batchSize = 5000, onprogress } = options;
	const exporter = createFirmExporter(input, options);
	const parts = [exporter.start()];
	const total = input.rows.count;
	let count = 0;
	for (let from = 0; from < total; from += batchSize) {
		const to = Math.min(total, from + batchSize);
		const results = runResults(input.classification, input.nearest ?? null, from, to);
		const stability = input.stability?.subarray(from, to);
		const written = exporter.write({ rows: sliceRows(input.rows, from, to), lon: input.lon.subarray(from, to), lat: input.lat.subarray(from, to), results, stability });
		if (written.bytes) parts.push(written.bytes);
		count += written.count;
		onprogress?.(to, total);
	}
	if (input.unplaced && input.unplaced.length > 0) {
		const written = exporter.write(unplacedRun(input.unplaced));
		if (written.bytes) parts.push(written.bytes);
		count += written.count;
	}
	parts.push(exporter.end());
	return { parts, count };
}

/**
 * The export a run of firms at a time, for firms that arrive in pieces (as in the export worker);
 * the same bytes as {@link exportFirms} whatever the pieces.
 *
 * @example
 * const exporter = createFirmExporter({ columns, zones, institutionIds, bufferKm: 5 }, { format: 'csv' });
 * const parts = [exporter.start(), exporter.write(firms).bytes!, exporter.end()];
 */
export function createFirmExporter(setup: FirmExportSetup, options: { format: FirmExportFormat; filter?: FirmExportFilter }): FirmExporter {
	const { format, filter = 'all' } = options;
	const { zones, institutionIds, bufferKm } = setup;
	const output = { zoneIds: zones.map((zone) => zone.id), institutionIds: institutionIds ?? undefined, bufferKm };
	const columns = [...setup.columns, ZONE_NAMES_COLUMN, ...(setup.insideStability ? [INSIDE_STABILITY_COLUMN] : [])];
	const encoder = new TextEncoder();
	const csv = format === 'geojson' ? null : createClassifiedCsvWriter({ ...output, encoding: format === 'csv-sjis' ? 'shift_jis' : 'utf-8' });
	const geojson = format === 'geojson' ? createClassifiedGeoJsonWriter(output) : null;
	return {
		start: () => (csv ? csv.header(columns).slice() : encoder.encode(geojson!.start())),
		end: () => (csv ? new Uint8Array(0) : encoder.encode(geojson!.end())),
		write(firms) {
			const all = firmResults(firms, institutionIds !== null, bufferKm);
			let rows = range(0, firms.rows.count);
			// A row without a position is neither inside nor outside: only the whole list holds it.
			if (filter !== 'all') {
				const want = filter === 'inside' ? 1 : 0;
				rows = rows.filter((i) => !firms.rowProblems?.[i] && all.inside[i] === want);
			}
			if (rows.length === 0) return { bytes: null, count: 0 };
			const results = rows.length === firms.rows.count ? all : selectResults(all, rows);
			const extra = zoneNames(zones, results).map((names, k) => (setup.insideStability ? [names, stabilityCell(firms.stability?.[rows[k]])] : [names]));
			const batch = batchOf(firms, rows, columns, extra);
			const bytes = csv ? csv.rows(batch, results).slice() : encoder.encode(geojson!.rows(batch, results));
			return { bytes, count: rows.length };
		}
	};
}

/**
 * A run's share of the classification and nearest institutions: rows `from` to `to` (exclusive).
 *
 * @example
 * exporter.write({ ...firms, results: runResults(classification, nearest, 0, 2000) });
 */
export function runResults(classification: Pick<ZoneMembership, 'offsets' | 'zoneIndices'>, nearest: { index: Int32Array; km: Float64Array } | null, from: number, to: number): RunResults {
	const start = classification.offsets[from];
	const offsets = Uint32Array.from(classification.offsets.subarray(from, to + 1), (offset) => offset - start);
	const zoneIndices = classification.zoneIndices.slice(start, classification.offsets[to]);
	return nearest ? { offsets, zoneIndices, nearest: nearest.index.slice(from, to), km: nearest.km.slice(from, to) } : { offsets, zoneIndices };
}

/** The writers' results for a run: no zone and no institution where the run carries none. */
function firmResults(firms: FirmRows, withInstitutions: boolean, bufferKm: number | undefined): FirmResults {
	const n = firms.rows.count;
	const given = firms.results;
	if (given && given.offsets.length !== n + 1) throw new Error(`export: ${n} rows but a classification of ${given.offsets.length - 1}`);
	const offsets = given?.offsets ?? new Uint32Array(n + 1);
	const inside = Uint8Array.from({ length: n }, (_, i) => (offsets[i + 1] > offsets[i] ? 1 : 0));
	const results: FirmResults = { offsets, zoneIndices: given?.zoneIndices ?? new Uint32Array(0), inside };
	if (!withInstitutions) return results;
	results.nearest = given?.nearest ?? new Int32Array(n).fill(-1);
	results.km = given?.km ?? new Float64Array(n).fill(NaN);
	if (bufferKm !== undefined) {
		// Compared before rounding: a firm 5.0004 km away is outside a 5 km buffer.
		const km = results.km;
		results.withinBuffer = Uint8Array.from({ length: n }, (_, i) => (km[i] <= bufferKm ? 1 : 0));
	}
	return results;
}

/** The results of some rows of a run, in that order. */
function selectResults(results: FirmResults, rows: readonly number[]): FirmResults {
	const offsets = new Uint32Array(rows.length + 1);
	rows.forEach((i, j) => (offsets[j + 1] = offsets[j] + results.offsets[i + 1] - results.offsets[i]));
	const zoneIndices = new Uint32Array(offsets[rows.length]);
	rows.forEach((i, j) => zoneIndices.set(results.zoneIndices.subarray(results.offsets[i], results.offsets[i + 1]), offsets[j]));
	const selected: FirmResults = { offsets, zoneIndices, inside: Uint8Array.from(rows, (i) => results.inside[i]) };
	if (results.nearest) selected.nearest = Int32Array.from(rows, (i) => results.nearest![i]);
	if (results.km) selected.km = Float64Array.from(rows, (i) => results.km![i]);
	if (results.withinBuffer) selected.withinBuffer = Uint8Array.from(rows, (i) => results.withinBuffer![i]);
	return selected;
}

/** Per row of the results: the names of its zones, ";"-joined. */
function zoneNames(zones: FirmExportSetup['zones'], results: FirmResults): string[] {
	const names: string[] = [];
	for (let r = 0; r + 1 < results.offsets.length; r++) {
		const parts: string[] = [];
		for (let k = results.offsets[r]; k < results.offsets[r + 1]; k++) parts.push(zones[results.zoneIndices[k]].name);
		names.push(parts.join(';'));
	}
	return names;
}

/**
 * The rows as the CLI's writers read a CSV input: records located in UTF-8 bytes. Each cell is
 * written quoted only when it must be (no guard: the writer guards), so scanning gives back exactly
 * the original text, and plain records are then copied to the output as they are.
 */
function batchOf(input: FirmRows, rows: number[], columns: string[], extra: string[][]): FirmBatch {
	const lines = rows.map((i, k) => [...rowCells(input.rows, i), ...extra[k]].map((text) => csvCell(text, { guard: false })).join(','));
	const records = scanCsvRecords(new TextEncoder().encode(lines.join('\n')), { final: true, file: 'export' });
	if (records.count !== rows.length) throw new Error(`export: ${rows.length} rows became ${records.count} records`);
	return {
		columns,
		count: rows.length,
		lons: Float64Array.from(rows, (i) => input.lon[i]),
		lats: Float64Array.from(rows, (i) => input.lat[i]),
		problems: rows.map((i) => (input.rowProblems?.[i] ? [...input.rowProblems[i]!] : null)),
		lines: Uint32Array.from(rows, (i) => i + 2),
		bytesRead: 0,
		rows: { kind: 'csv', records, delimiter: ',' },
		info: { format: 'csv' }
	};
}

/** A stability as written: up to six decimals (shares of a grid of settings), empty when there is none. */
function stabilityCell(value: number | undefined): string {
	return value === undefined || Number.isNaN(value) ? '' : String(Math.round(value * 1e6) / 1e6);
}

function range(from: number, to: number): number[] {
	return Array.from({ length: to - from }, (_, k) => from + k);
}
