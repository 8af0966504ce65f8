/**
 * Loads the bundled synthetic firm sample in a worker.
 */
import { asset } from '$app/paths';
import type { FirmTable } from '$lib/core/firm-table';
import type { FirmSampleReply, FirmSampleRequest } from './firm-sample.worker';

/** Where the generator writes the sample (static/generated/, served as is). */
export const FIRM_SAMPLE_PATH = '/generated/firms-sample.csv';

/**
 * Fetches and parses the firm sample in a Web Worker.
 *
 * @example
 * const sample = await loadFirmSample();
 */
export function loadFirmSample(url: string = asset(FIRM_SAMPLE_PATH)): Promise<FirmTable> {
	const worker = new Worker(new URL('./firm-sample.worker.ts', import.meta.url), { type: 'module' });
	return new Promise<FirmTable>((resolve, reject) => {
		worker.onmessage = (event: MessageEvent<FirmSampleReply>) => {
			worker.terminate();
			if (event.data.ok) resolve(event.data.sample);
			else reject(new Error(event.data.message));
		};
		worker.onerror = (event) => {
			worker.terminate();
			reject(new Error(`firms-sample.csv: the loader stopped (${event.message || 'worker error'}).`));
		};
		const request: FirmSampleRequest = { url, file: 'firms-sample.csv' };
		worker.postMessage(request);
	});
}
