/**
 * A firm CSV read into a {@link FirmTable} by the engine's reader, exactly as an import whose
 * columns are left as guessed: the bundled sample, the tests' inline tables and an imported file
 * are read by the one reader, with the same problems (file, line, column) and the same codes.
 * Pure: runs in the sample worker and in unit tests.
 */
import type { FirmTable } from '$lib/core/firm-table';
import { importFirms } from './import-firms';
import { bytesSource, type ImportSource } from './import-source';

/**
 * Reads a firm CSV (any encoding the importer reads) with its columns found by name (lat/緯度,
 * lon/経度, id, jsic_medium/業種…). Rows without a usable position are kept in `unplaced` and listed
 * in `problems`.
 *
 * @throws InputError when the file cannot be used (empty, no coordinate column…), naming the file
 * @example
 * const table = await readFirmTable(bytesSource('firms-sample.csv', bytes));
 */
export async function readFirmTable(source: ImportSource): Promise<FirmTable> {
	return (await importFirms(source, {})).table;
}

/**
 * {@link readFirmTable} on CSV text.
 *
 * @example
 * const table = await firmTableFromCsvText('id,lat,lon,jsic_medium\nF1,35.56,139.71,26\n', { file: 'firms.csv' });
 * table.rows.count; // 1
 */
export function firmTableFromCsvText(text: string, options: { file: string }): Promise<FirmTable> {
	return readFirmTable(bytesSource(options.file, new TextEncoder().encode(text)));
}
