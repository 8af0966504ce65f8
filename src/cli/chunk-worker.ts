// A worker thread of a run on several threads: turns chunks of the firms file into output bytes.
// It starts while the main thread still reads the zones; the first message is its setup.
import { deserialize } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { chunkProcessor, type ChunkSetup } from './chunk-job';

const port = parentPort!;
let process: ReturnType<typeof chunkProcessor> | null = null;
// One chunk at a time, in the order sent: the main thread writes them in file order.
let queue = Promise.resolve();
port.on('message', (message: { setup: Uint8Array } | { id: number; bytes: Uint8Array; first: boolean }) => {
	if ('setup' in message) {
		try {
			process = chunkProcessor(deserialize(message.setup) as ChunkSetup);
		} catch (error) {
			port.postMessage({ ready: false, error: String(error) });
		}
		return;
	}
	const { id, bytes, first } = message;
	queue = queue.then(async () => {
		try {
			if (process === null) throw new Error('no setup');
			const output = await process(bytes, first);
			port.postMessage({ id, output }, [output.bytes.buffer as ArrayBuffer]);
		} catch (error) {
			port.postMessage({ id, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
		}
	});
});
