// The engine in a worker thread: the main thread reads and writes while this one classifies.
// Given a spec, it first reads the zones and institutions itself while the main thread reads firms.
import { parentPort, workerData } from 'node:worker_threads';
import type { FirmResults } from '../lib/core/io';
import { createFirmResultsComputer, type EngineSetup, type FirmResultsMemory } from '../lib/core/firm-results';
import { loadSetup, type SetupSpec } from './classify-setup';
import { sentError, type SetupMessage } from './engine-thread';
import { keepCells } from './cell-cache';

const port = parentPort!;
const data = workerData as { setup: EngineSetup } | { spec: SetupSpec };

function serve(compute: (lons: Float64Array, lats: Float64Array, memory?: FirmResultsMemory) => FirmResults, keep = () => {}): void {
	port.on('message', (message: { id: number; lons: Float64Array; lats: Float64Array; memory?: FirmResultsMemory } | { keep: true }) => {
		if ('keep' in message) {
			// After the last batch: the cells the indexes built, kept for the next run.
			keep();
			port.postMessage({ kept: true });
			return;
		}
		const { id, lons, lats, memory } = message;
		// Nothing is transferred: results in the memory lent by the main thread are shared, others
		// copied. The first buffer a thread transfers (detaches) makes V8 throw away the thread's
		// optimised code that reads typed arrays, to compile it again with checks.
		port.postMessage({ id, results: compute(lons, lats, memory) });
	});
}

const say = (message: SetupMessage) => port.postMessage(message);

if ('setup' in data) {
	serve(createFirmResultsComputer(data.setup));
	port.postMessage({ ready: true });
} else {
	// Progress lines are drawn by the main thread (on a terminal), at most four a second.
	let last = -Infinity;
	const stage = {
		update: (text: string | (() => string)) => {
			const now = performance.now();
			if (now - last < 250) return;
			last = now;
			say({ stage: typeof text === 'function' ? text() : text });
		},
		clear: () => say({ stageDone: true })
	};
	try {
		const { engine, summary, cells } = await loadSetup(data.spec, (line) => say({ line }), stage);
		const compute = createFirmResultsComputer(engine);
		say({ ready: true, summary });
		serve(compute, () => {
			if (cells) keepCells(cells, compute.builtCells());
		});
	} catch (error) {
		say({ failed: sentError(error) });
	}
}
