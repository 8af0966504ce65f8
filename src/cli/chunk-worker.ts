// A worker thread of a run on several threads: turns chunks of the firms file into output bytes.
import { parentPort, workerData } from 'node:worker_threads';
import { chunkProcessor, type ChunkSetup } from './chunk-job';

const port = parentPort!;
let process: ReturnType<typeof chunkProcessor>;
try {
	process = chunkProcessor(workerData as ChunkSetup);
	port.postMessage({ ready: true });
} catch (error) {
	port.postMessage({ ready: false, error: String(error) });
}
// One chunk at a time, in the order sent: the main thread writes them in file order.
let queue = Promise.resolve();
port.on('message', ({ id, bytes, first }: { id: number; bytes: Uint8Array; first: boolean }) => {
	queue = queue.then(async () => {
		try {
			const output = await process(bytes, first);
			port.postMessage({ id, output }, [output.bytes.buffer as ArrayBuffer]);
		} catch (error) {
			port.postMessage({ id, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
		}
	});
});
