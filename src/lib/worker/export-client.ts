/**
 * Runs a classified firm export in its own worker and resolves with the file as a Blob.
 */
import type { FirmExportFilter, FirmExportFormat, FirmExportInput } from './export-firms';
import type { ExportReply, ExportRequest } from './export-protocol';

export const EXPORT_MIME: Record<FirmExportFormat, string> = {
	csv: 'text/csv;charset=utf-8',
	'csv-sjis': 'text/csv;charset=shift_jis',
	geojson: 'application/geo+json'
};

/**
 * Exports in a new worker, terminated when done.
 *
 * @example
 * const { blob, count } = await runFirmExport(input, { format: 'csv', filter: 'all', onprogress: (d, t) => …});
 */
export function runFirmExport(
	input: FirmExportInput,
	options: { format: FirmExportFormat; filter: FirmExportFilter; onprogress?: (done: number, total: number) => void }
): Promise<{ blob: Blob; count: number }> {
	const worker = new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module' });
	return new Promise((resolve, reject) => {
		worker.onmessage = (event: MessageEvent<ExportReply>) => {
			const message = event.data;
			if (message.type === 'progress') {
				options.onprogress?.(message.done, message.total);
				return;
			}
			worker.terminate();
			if (message.type === 'done') resolve({ blob: new Blob(message.parts, { type: EXPORT_MIME[options.format] }), count: message.count });
			else reject(new Error(message.message));
		};
		worker.onerror = (event) => {
			worker.terminate();
			reject(new Error(event.message || 'the export worker stopped'));
		};
		const request: ExportRequest = { type: 'export', input, format: options.format, filter: options.filter };
		worker.postMessage(request);
	});
}
