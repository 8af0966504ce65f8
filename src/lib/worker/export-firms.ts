/**
 * The classified firm list as a file, made with the command-line tool's engine and writers so that
 * the app's export and `cluster-map classify` agree byte for byte on the same inputs (plus one
 * column, `zone_names`). Pure: runs in the export worker and in unit tests.
 */
import { createClassifiedCsvWriter, createClassifiedGeoJsonWriter, csvCell, scanCsvRecords, type FirmBatch, type FirmResults, type InstitutionPoint } from '$lib/core/io';
import type { Zone } from '$lib/core/model';
import { createComputer } from '../../cli/compute-results';

export const FIRM_EXPORT_FORMATS = ['csv', 'csv-sjis', 'geojson'] as const;
export type FirmExportFormat = (typeof FIRM_EXPORT_FORMATS)[number];
export const FIRM_EXPORT_FILTERS = ['all', 'inside', 'outside'] as const;
export type FirmExportFilter = (typeof FIRM_EXPORT_FILTERS)[number];

/** The firms as the page holds them (a `FirmSample`'s fields) and what to classify them against. */
export interface FirmExportInput {
	columns: readonly string[];
	/** Rows verbatim; row i is at lon[i], lat[i]. */
	rows: readonly (readonly string[])[];
	lon: Float64Array;
	lat: Float64Array;
	zones: Zone[];
	/** Adds `nearest_institution_id` and `nearest_institution_km`. */
	institutions: InstitutionPoint[] | null;
	/** Adds `within_buffer` (km from the nearest institution, compared unrounded). */
	bufferKm?: number;
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

/**
 * Classifies the firms and writes them out: every input column with its text unchanged, then
 * `zone_names` (";"-joined, like `zone_ids`), then the CLI's appended columns `zone_ids`,
 * `inside_cluster`, `nearest_institution_id`, `nearest_institution_km`, `within_buffer`,
 * `problem`. CSV is UTF-8 with a byte order mark, or Shift_JIS (CP932) for `csv-sjis`; cells
 * that a spreadsheet would run as formulas are guarded with `'`, as in the CLI.
 *
 * @returns the file's bytes in parts (for a Blob) and the number of firms written
 * @example
 * const { parts, count } = exportFirms({ ...sample, zones, institutions, bufferKm: 5 }, { format: 'csv', filter: 'inside' });
 * const blob = new Blob(parts, { type: 'text/csv' });
 */
export function exportFirms(input: FirmExportInput, options: FirmExportOptions): { parts: Uint8Array<ArrayBuffer>[]; count: number } {
	const { format, filter = 'all', batchSize = 5000, onprogress } = options;
	const compute = createComputer({ zones: input.zones, institutions: input.institutions, bufferKm: input.bufferKm });
	const zoneIds = input.zones.map((zone) => zone.id);
	const output = { zoneIds, institutionIds: input.institutions?.map((i) => i.id), bufferKm: input.bufferKm };
	const columns = [...input.columns, ZONE_NAMES_COLUMN];
	const encoder = new TextEncoder();
	const parts: Uint8Array<ArrayBuffer>[] = [];
	const csv = format === 'geojson' ? null : createClassifiedCsvWriter({ ...output, encoding: format === 'csv-sjis' ? 'shift_jis' : 'utf-8' });
	const geojson = format === 'geojson' ? createClassifiedGeoJsonWriter(output) : null;
	if (csv) parts.push(csv.header(columns).slice());
	else parts.push(encoder.encode(geojson!.start()));

	const total = input.rows.length;
	let count = 0;
	for (let from = 0; from < total; from += batchSize) {
		const to = Math.min(total, from + batchSize);
		let rows = range(from, to);
		let results = compute(input.lon.slice(from, to), input.lat.slice(from, to));
		if (filter !== 'all') {
			const want = filter === 'inside' ? 1 : 0;
			const kept = rows.filter((_, k) => results.inside[k] === want);
			if (kept.length < rows.length) {
				rows = kept;
				results = compute(Float64Array.from(kept, (i) => input.lon[i]), Float64Array.from(kept, (i) => input.lat[i]));
			}
		}
		if (rows.length > 0) {
			const batch = batchOf(input, rows, columns, zoneNames(input.zones, results));
			if (csv) parts.push(csv.rows(batch, results).slice());
			else parts.push(encoder.encode(geojson!.rows(batch, results)));
			count += rows.length;
		}
		onprogress?.(to, total);
	}
	if (geojson) parts.push(encoder.encode(geojson.end()));
	return { parts, count };
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
function batchOf(input: FirmExportInput, rows: number[], columns: string[], names: string[]): FirmBatch {
	const lines = rows.map((i, k) => [...input.rows[i], names[k]].map((text) => csvCell(text, { guard: false })).join(','));
	const records = scanCsvRecords(new TextEncoder().encode(lines.join('\n')), { final: true, file: 'export' });
	if (records.count !== rows.length) throw new Error(`export: ${rows.length} rows became ${records.count} records`);
	return {
		columns,
		count: rows.length,
		lons: Float64Array.from(rows, (i) => input.lon[i]),
		lats: Float64Array.from(rows, (i) => input.lat[i]),
		problems: rows.map(() => null),
		lines: Uint32Array.from(rows, (i) => i + 2),
		bytesRead: 0,
		rows: { kind: 'csv', records, delimiter: ',' },
		info: { format: 'csv' }
	};
}

function range(from: number, to: number): number[] {
	return Array.from({ length: to - from }, (_, k) => from + k);
}
