import { isUtf8 } from 'node:buffer';
import { cellText, InputError, readFirmsCsv, type FirmBatch, type InstitutionPoint } from '../lib/core/io';
import type { Zone } from '../lib/core/model';
import { geoJsonBatches } from './classify-command';
import type { ZoneParts } from '../lib/core/classify';
import { createFirmResultsComputer } from '../lib/core/firm-results';
import { fileChunks, isGeoJson } from './node-files';

/** Firms read whole for a comparison: the wanted columns' text, zone membership and distances. */
export interface ComparisonData {
	count: number;
	/** File line (CSV) or feature number (GeoJSON) of each firm. */
	lines: Uint32Array;
	/** 1 for firms whose coordinates could not be used: they take part in no group. */
	unplaced: Uint8Array;
	/** Text of each requested column, one cell per firm. */
	cells: Map<string, string[]>;
	/** Header names of the file, for messages. */
	columns: readonly string[];
	inside: Uint8Array;
	offsets: Uint32Array;
	zoneIndices: Uint32Array;
	/** km to the nearest institution (NaN without institutions or coordinates). */
	km: Float64Array;
}

/**
 * Reads every firm of FIRMS, classifies it with the same engine as `classify` and keeps only the
 * columns asked for (the survey variables), so a comparison holds a few strings per firm.
 * `optional` columns are kept when the file has them.
 *
 * @throws InputError naming the file when a requested column does not exist
 * @example
 * const data = await readComparisonData('firms.csv', ['new_products'], { zones, institutions: null });
 */
export async function readComparisonData(
	file: string,
	wanted: readonly string[],
	setup: { zones: Zone[]; zoneParts?: ZoneParts; institutions: InstitutionPoint[] | null },
	options: { optional?: readonly string[] } = {}
): Promise<ComparisonData> {
	const compute = createFirmResultsComputer({ zones: setup.zones, zoneParts: setup.zoneParts, institutions: setup.institutions });
	const batches = isGeoJson(file) ? geoJsonBatches(file) : readFirmsCsv(fileChunks(file), { file, isUtf8 });
	const cells = new Map<string, string[]>();
	const lines: number[] = [];
	const unplaced: number[] = [];
	const inside: number[] = [];
	const offsets: number[] = [0];
	const zoneIndices: number[] = [];
	const km: number[] = [];
	let columns: readonly string[] = [];
	for await (const batch of batches) {
		if (columns.length === 0) {
			columns = batch.columns;
			const missing = wanted.filter((name) => !columns.includes(name));
			if (missing.length > 0) {
				throw new InputError(file, `has no column ${missing.map((m) => `"${m}"`).join(', ')}`, { hint: `Its columns are: ${columns.join(', ')}.` });
			}
			for (const name of [...wanted, ...(options.optional ?? [])]) if (columns.includes(name)) cells.set(name, []);
		}
		const results = compute(batch.lons, batch.lats);
		for (const [name, text] of cells) for (const cell of columnText(batch, columns.indexOf(name), name)) text.push(cell);
		for (let r = 0; r < batch.count; r++) {
			lines.push(batch.lines[r]);
			unplaced.push(batch.problems[r] === null ? 0 : 1);
			inside.push(results.inside[r]);
			for (let k = results.offsets[r]; k < results.offsets[r + 1]; k++) zoneIndices.push(results.zoneIndices[k]);
			offsets.push(zoneIndices.length);
			km.push(results.km?.[r] ?? NaN);
		}
	}
	if (lines.length === 0) throw new InputError(file, 'has no firms (no data rows)', { hint: 'Check that the file is the firms list, with a header row and one firm per row.' });
	return {
		count: lines.length,
		lines: Uint32Array.from(lines),
		unplaced: Uint8Array.from(unplaced),
		cells,
		columns,
		inside: Uint8Array.from(inside),
		offsets: Uint32Array.from(offsets),
		zoneIndices: Uint32Array.from(zoneIndices),
		km: Float64Array.from(km)
	};
}

/** The text of one column of a batch, '' where a row is short or a property absent. */
function columnText(batch: FirmBatch, column: number, name: string): string[] {
	const out: string[] = new Array(batch.count);
	if (batch.rows.kind === 'csv') {
		const records = batch.rows.records;
		for (let r = 0; r < batch.count; r++) {
			const k = records.firstCell[r] + column;
			out[r] = k < records.firstCell[r + 1] ? cellText(records, k) : '';
		}
	} else {
		const { features, idColumn } = batch.rows;
		for (let r = 0; r < batch.count; r++) {
			const value = idColumn && column === 0 ? features[r].id : features[r].properties?.[name];
			out[r] = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
		}
	}
	return out;
}
