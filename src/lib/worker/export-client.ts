/**
 * Runs a classified firm export in its own worker and resolves with the file as a Blob. The firms
 * are sent in runs with a pause between them, so the page stays responsive while a large dataset
 * is copied over, and the worker writes each run while the next is on its way.
 */
import { sliceRows } from '$lib/core/io/packed-rows';
import { runResults, type FirmExportFilter, type FirmExportFormat, type FirmExportInput } from './export-firms';
import type { ExportReply, ExportRequest } from './export-protocol';
import { unplacedRun } from './export-unplaced';

export const EXPORT_MIME: Record<FirmExportFormat, string> = {
	csv: 'text/csv;charset=utf-8',
	'csv-sjis': 'text/csv;charset=shift_jis',
	geojson: 'application/geo+json'
};

/** Firms per message: a copy of a few tens of milliseconds. */
const RUN = 2000;

/**
 * Exports in a new worker, terminated when done.
 *
 * @example
 * const { blob, count } = await runFirmExport(input, { format: 'csv', filter: 'all', onprogress: (done, total) => … });
 */
export async function runFirmExport(
	input: FirmExportInput,
	options: { format: FirmExportFormat; filter: FirmExportFilter; onprogress?: (done: number, total: number) => void }
): Promise<{ blob: Blob; count: number }> {
	const worker = new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module' });
	const post = (message: ExportRequest) => worker.postMessage(message);
	let stopped = false;
	const result = new Promise<{ blob: Blob; count: number }>((resolve, reject) => {
		worker.onmessage = (event: MessageEvent<ExportReply>) => {
			const message = event.data;
			if (message.type === 'progress') return options.onprogress?.(message.done, message.total);
			stopped = true;
			worker.terminate();
			if (message.type === 'done') resolve({ blob: new Blob(message.parts, { type: EXPORT_MIME[options.format] }), count: message.count });
			else reject(new Error(message.message));
		};
		worker.onerror = (event) => {
			stopped = true;
			worker.terminate();
			reject(new Error(event.message || 'the export worker stopped'));
		};
	});
	const { rows, lon, lat, unplaced = [], classification, nearest = null, stability, ...setup } = input;
	post({ type: 'start', setup, format: options.format, filter: options.filter, total: rows.count + unplaced.length });
	for (let from = 0; from < rows.count && !stopped; from += RUN) {
		const to = Math.min(rows.count, from + RUN);
		post({ type: 'rows', rows: sliceRows(rows, from, to), lon: lon.slice(from, to), lat: lat.slice(from, to), results: runResults(classification, nearest, from, to), stability: stability?.slice(from, to) });
		await new Promise((next) => setTimeout(next, 0));
	}
	// Rows without a position go last, as in exportFirms, so the file keeps every row.
	for (let from = 0; from < unplaced.length && !stopped; from += RUN) {
		post({ type: 'rows', ...unplacedRun(unplaced.slice(from, from + RUN)) });
		await new Promise((next) => setTimeout(next, 0));
	}
	if (!stopped) post({ type: 'end' });
	return result;
}
