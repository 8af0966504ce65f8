import { isUtf8 } from 'node:buffer';
import { cellText, COLUMN_NAMES, ENCODING_LABELS, guessColumns, InputError, readFirmsCsv, type FirmBatch, type FirmSourceInfo } from '../lib/core/io';
import { geoJsonBatches } from './classify-command';
import { fileChunks, fileSize, isGeoJson } from './node-files';

/** Firm positions for a hot-spot run, and which firms are counted. */
export interface HotspotFirms {
	count: number;
	lons: Float64Array;
	lats: Float64Array;
	/** 1 for a firm of the chosen industry (all 1 without one). */
	counted: Uint8Array;
	/** Firms whose coordinates could not be used (missing, not numbers, out of range). */
	withProblems: number;
	/** The industry column used, when an industry was chosen. */
	industryColumn?: string;
	info: FirmSourceInfo | null;
}

/** Industry codes listed in the message when the chosen one matches no firm. */
const LISTED_CODES = 12;

/**
 * Reads every firm of FIRMS (CSV streamed, or GeoJSON) as the other commands do, keeping only
 * positions and, with `industry`, whether each firm's industry cell equals it (compared after
 * NFKC normalisation and trimming, so ２５ is 25).
 *
 * @throws InputError naming the file when it has no industry column, no firm of the industry, or no rows
 * @example
 * const firms = await readHotspotFirms('firms.csv', '25', (rows, share) => progress.update(…));
 */
export async function readHotspotFirms(file: string, industry: string | undefined, onProgress: (rows: number, share: number) => void): Promise<HotspotFirms> {
	const total = fileSize(file);
	const batches = isGeoJson(file) ? geoJsonBatches(file) : readFirmsCsv(fileChunks(file), { file, isUtf8 });
	const wanted = industry?.normalize('NFKC').trim();
	const lons: Float64Array[] = [];
	const lats: Float64Array[] = [];
	const counted: Uint8Array[] = [];
	const codes = new Map<string, number>();
	let count = 0;
	let withProblems = 0;
	let column = -1;
	let columns: readonly string[] = [];
	let info: FirmSourceInfo | null = null;
	for await (const batch of batches) {
		if (info === null) {
			info = batch.info;
			columns = batch.columns;
			if (wanted !== undefined) {
				column = guessColumns(batch.columns).industry;
				if (column < 0) {
					throw new InputError(file, 'has no industry column for --industry', {
						hint: `Name the column ${COLUMN_NAMES.industry.slice(0, 5).join(', ')} or 業種コード, or leave out --industry. Its columns are: ${batch.columns.join(', ')}.`
					});
				}
			}
		}
		const mask = new Uint8Array(batch.count).fill(1);
		if (wanted !== undefined) {
			const cells = industryCells(batch, column);
			for (let r = 0; r < batch.count; r++) {
				const code = cells[r].normalize('NFKC').trim();
				mask[r] = code === wanted ? 1 : 0;
				if (codes.size < 10_000) codes.set(code, (codes.get(code) ?? 0) + 1);
			}
		}
		for (const problems of batch.problems) if (problems !== null) withProblems++;
		lons.push(batch.lons);
		lats.push(batch.lats);
		counted.push(mask);
		count += batch.count;
		onProgress(count, total > 0 ? Math.min(1, batch.bytesRead / total) : 1);
	}
	if (count === 0) throw new InputError(file, 'has no firms (no data rows)', { hint: 'Check that the file is the firms list, with a header row and one firm per row.' });
	const out: HotspotFirms = { count, lons: join(lons, Float64Array), lats: join(lats, Float64Array), counted: join(counted, Uint8Array), withProblems, info };
	if (wanted !== undefined) {
		out.industryColumn = columns[column];
		if (!codes.has(wanted)) {
			const common = [...codes].sort((a, b) => b[1] - a[1]).slice(0, LISTED_CODES).map(([code, n]) => `${code === '' ? '(blank)' : code} (${n.toLocaleString('en')})`);
			throw new InputError(file, `has no firm of industry "${industry}" in column "${out.industryColumn}"`, { hint: `Its most common codes are: ${common.join(', ')}.` });
		}
	}
	return out;
}

/**
 * One line on where the coordinates came from, for the summary.
 *
 * @example
 * describeFirmSource(firms.info); // 'CSV, UTF-8, comma-separated; latitude from column "lat", longitude from "lon"'
 */
export function describeFirmSource(info: FirmSourceInfo | null): string {
	if (info === null || info.format === 'geojson') return 'GeoJSON points';
	const delimiter = info.delimiter === '\t' ? 'tab' : info.delimiter === ';' ? 'semicolon' : 'comma';
	return `CSV, ${ENCODING_LABELS[info.encoding ?? 'utf-8']}, ${delimiter}-separated; latitude from column "${info.latColumn}", longitude from "${info.lonColumn}"`;
}

/** The industry cell of every firm of a batch, '' where a row is short or a property absent. */
function industryCells(batch: FirmBatch, column: number): string[] {
	const out: string[] = new Array(batch.count);
	if (batch.rows.kind === 'csv') {
		const records = batch.rows.records;
		for (let r = 0; r < batch.count; r++) {
			const k = records.firstCell[r] + column;
			out[r] = k < records.firstCell[r + 1] ? cellText(records, k) : '';
		}
		return out;
	}
	const { features, idColumn } = batch.rows;
	const name = batch.columns[column];
	for (let r = 0; r < batch.count; r++) {
		const value = idColumn && column === 0 ? features[r].id : features[r].properties?.[name];
		out[r] = value === null || value === undefined ? '' : String(value);
	}
	return out;
}

function join<T extends Float64Array | Uint8Array>(parts: T[], Kind: { new (n: number): T }): T {
	const out = new Kind(parts.reduce((s, p) => s + p.length, 0));
	let at = 0;
	for (const part of parts) {
		out.set(part, at);
		at += part.length;
	}
	return out;
}
