/**
 * The classified firm list as a file, made with the command-line tool's engine and writers so that
 * the app's export and `cluster-map classify` agree byte for byte on the same inputs (plus one
 * column, `zone_names`). Pure: runs in the export worker and in unit tests.
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
	type InstitutionPoint,
	type RowProblem
} from '$lib/core/io';
import { unplacedRun, type UnplacedRows } from './export-unplaced';
import type { Feature } from 'geojson';
import { validateZones } from '$lib/core/geo';
import type { Zone } from '$lib/core/model';
import { createComputer } from '$lib/core/compute-results';

export const FIRM_EXPORT_FORMATS = ['csv', 'csv-sjis', 'geojson'] as const;
export type FirmExportFormat = (typeof FIRM_EXPORT_FORMATS)[number];
export const FIRM_EXPORT_FILTERS = ['all', 'inside', 'outside'] as const;
export type FirmExportFilter = (typeof FIRM_EXPORT_FILTERS)[number];

/** What the firms are classified against, and their columns. */
export interface FirmExportSetup {
	columns: readonly string[];
	zones: Zone[];
	/** Adds `nearest_institution_id` and `nearest_institution_km`. */
	institutions: InstitutionPoint[] | null;
	/** Adds `within_buffer` (km from the nearest institution, compared unrounded). */
	bufferKm?: number;
	/** Adds `inside_stability` after `zone_names`, from each run's `stability` (a stability run exists). */
	insideStability?: boolean;
}

/** A run of firms as the page holds them (a `FirmSample`'s fields): row i is at lon[i], lat[i]. */
export interface FirmRows {
	/** Rows verbatim. */
	rows: PackedRows;
	lon: Float64Array;
	lat: Float64Array;
	/** Per row, why it has no position (NaN lon, lat); such rows are written with empty results and their problem, as the CLI does. */
	rowProblems?: readonly (readonly RowProblem[] | null)[];
	/** Per row, its inside_stability (0–1; NaN: not in the stability run, written empty). */
	stability?: Float64Array;
}

export type FirmExportInput = FirmExportSetup & FirmRows & UnplacedRows;

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
 * Classifies the firms and writes them out: every input column with its text unchanged, then
 * `zone_names` (";"-joined, like `zone_ids`), then the CLI's appended columns `zone_ids`,
 * `inside_cluster`, `nearest_institution_id`, `nearest_institution_km`, `within_buffer`,
 * `problem`. Zones are checked and repaired as for classification on the page and in the CLI
 * (`validateZones`); a zone that cannot be used is not in `zone_ids`. CSV is UTF-8 with a byte order mark, or Shift_JIS (CP932) for `csv-sjis`; cells
 * that a spreadsheet would run as formulas are guarded with `'`, as in the CLI.
 *
 * @returns the file's bytes in parts (for a Blob) and the number of firms written
 * @example
 * const { parts, count } = exportFirms({ ...sample, zones, institutions, bufferKm: 5 }, { format: 'csv', filter: 'inside' });
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
		const stability = input.stability?.subarray(from, to);
		const written = exporter.write({ rows: sliceRows(input.rows, from, to), lon: input.lon.subarray(from, to), lat: input.lat.subarray(from, to), stability });
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
 * const exporter = createFirmExporter({ columns, zones, institutions, bufferKm: 5 }, { format: 'csv' });
 * const parts = [exporter.start(), exporter.write(firms).bytes!, exporter.end()];
 */
export function createFirmExporter(setup: FirmExportSetup, options: { format: FirmExportFormat; filter?: FirmExportFilter }): FirmExporter {
	const { format, filter = 'all' } = options;
	const zones = usableZones(setup.zones);
	const compute = createComputer({ zones, institutions: setup.institutions, bufferKm: setup.bufferKm });
	const output = { zoneIds: zones.map((zone) => zone.id), institutionIds: setup.institutions?.map((i) => i.id), bufferKm: setup.bufferKm };
	const columns = [...setup.columns, ZONE_NAMES_COLUMN, ...(setup.insideStability ? [INSIDE_STABILITY_COLUMN] : [])];
	const encoder = new TextEncoder();
	const csv = format === 'geojson' ? null : createClassifiedCsvWriter({ ...output, encoding: format === 'csv-sjis' ? 'shift_jis' : 'utf-8' });
	const geojson = format === 'geojson' ? createClassifiedGeoJsonWriter(output) : null;
	return {
		start: () => (csv ? csv.header(columns).slice() : encoder.encode(geojson!.start())),
		end: () => (csv ? new Uint8Array(0) : encoder.encode(geojson!.end())),
		write(firms) {
			let rows = range(0, firms.rows.count);
			// A row without a position is neither inside nor outside: only the whole list holds it.
			if (filter !== 'all' && firms.rowProblems) rows = rows.filter((k) => !firms.rowProblems?.[k]);
			let results = compute(Float64Array.from(rows, (i) => firms.lon[i]), Float64Array.from(rows, (i) => firms.lat[i]));
			if (filter !== 'all') {
				const want = filter === 'inside' ? 1 : 0;
				const kept = rows.filter((_, j) => results.inside[j] === want);
				if (kept.length < rows.length) {
					rows = kept;
					results = compute(Float64Array.from(kept, (i) => firms.lon[i]), Float64Array.from(kept, (i) => firms.lat[i]));
				}
			}
			if (rows.length === 0) return { bytes: null, count: 0 };
			const extra = zoneNames(zones, results).map((names, k) => (setup.insideStability ? [names, stabilityCell(firms.stability?.[rows[k]])] : [names]));
			const batch = batchOf(firms, rows, columns, extra);
			const bytes = csv ? csv.rows(batch, results).slice() : encoder.encode(geojson!.rows(batch, results));
			return { bytes, count: rows.length };
		}
	};
}

/**
 * The zones as the classifier on the page and the CLI use them: checked and repaired by
 * `validateZones` (a freehand shape crossing itself is split), unusable ones left out, names kept.
 */
function usableZones(zones: readonly Zone[]): Zone[] {
	const features: Feature[] = zones.map((zone) => ({ type: 'Feature', id: zone.id, properties: {}, geometry: zone.geometry }));
	const names = new Map(zones.map((zone) => [zone.id, zone.name]));
	return validateZones(features, { source: 'drawn' }).zones.map((zone) => ({ ...zone, name: names.get(zone.id) ?? zone.name }));
}

/** Per row of the results: the names of its zones, ";"-joined. */
function zoneNames(zones: readonly Zone[], results: FirmResults): string[] {
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
