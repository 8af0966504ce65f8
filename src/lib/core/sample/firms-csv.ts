/**
 * CSV text for synthetic firms, in FIRM_COLUMNS order, written with Papa Parse so quoting is standard.
 */
import Papa from 'papaparse';
import { FIRM_COLUMNS, type FirmRow } from './generate-firms';

/**
 * The header line (no newline).
 *
 * @example
 * firmCsvHeader(); // 'id,name,lat,lon,…,patents_3y'
 */
export function firmCsvHeader(): string {
	return Papa.unparse([FIRM_COLUMNS as unknown as string[]], { newline: '\n' });
}

/**
 * CSV lines for a batch of firms, each line ending in "\n"; coordinates keep 6 decimals.
 *
 * @example
 * out.write(firmCsvLines(batch));
 */
export function firmCsvLines(rows: readonly FirmRow[]): string {
	if (rows.length === 0) return '';
	const cells = rows.map((r) =>
		FIRM_COLUMNS.map((c) => (c === 'lat' || c === 'lon' ? r[c].toFixed(6) : String(r[c])))
	);
	return Papa.unparse(cells, { newline: '\n' }) + '\n';
}
