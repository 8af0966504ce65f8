/**
 * The name of a firm export's file, from the dataset's.
 */
import type { FirmExportFilter, FirmExportFormat } from '$lib/worker/export-firms';
import { fileStem } from '../session/session-actions';

/**
 * The name of a classified firm export: `<dataset>-classified[-inside|-outside].csv|.sjis.csv|.geojson`.
 *
 * @example
 * firmExportName('firms.csv', { format: 'csv-sjis', filter: 'inside' }); // 'firms-classified-inside.sjis.csv'
 */
export function firmExportName(dataset: string, options: { format: FirmExportFormat; filter: FirmExportFilter }): string {
	const filter = options.filter === 'all' ? '' : `-${options.filter}`;
	const extension = options.format === 'geojson' ? 'geojson' : options.format === 'csv-sjis' ? 'sjis.csv' : 'csv';
	return `${fileStem(dataset)}-classified${filter}.${extension}`;
}
