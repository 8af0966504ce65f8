/**
 * Loads the bundled synthetic firm sample in a worker of its own, through the worker gateway; the
 * worker is ended once it has answered.
 */
import { asset } from '$app/paths';
import type { FirmTable } from '$lib/core/firm-table';
import { WorkerGateway, type WorkerPort } from './gateway';
import type { FirmSampleReply, FirmSampleRequest } from './firm-sample-protocol';

/** Where the generator writes the sample (static/generated/, served as is). */
export const FIRM_SAMPLE_PATH = '/generated/firms-sample.csv';

/** The sample's name in messages. */
const FILE = 'firms-sample.csv';

export type FirmSamplePort = WorkerPort<FirmSampleRequest, FirmSampleReply>;

const newWorker = (): FirmSamplePort => new Worker(new URL('./firm-sample.worker.ts', import.meta.url), { type: 'module' }) as unknown as FirmSamplePort;

/**
 * Fetches and reads the firm sample in a Web Worker.
 *
 * @param makePort makes the worker (a stand-in in tests)
 * @example
 * const sample = await loadFirmSample();
 */
export function loadFirmSample(url: string = asset(FIRM_SAMPLE_PATH), makePort: () => FirmSamplePort = newWorker): Promise<FirmTable> {
	return new Promise<FirmTable>((resolve, reject) => {
		const gateway: WorkerGateway<FirmSampleRequest, FirmSampleReply> = new WorkerGateway(
			makePort(),
			(reply) => {
				gateway.terminate();
				if (reply.ok) resolve(reply.sample);
				else reject(new Error(reply.message));
			},
			(message) => {
				gateway.terminate();
				reject(new Error(`${FILE}: the loader stopped (${message}).`));
			}
		);
		gateway.request('load', { type: 'load', url, file: FILE });
	});
}
