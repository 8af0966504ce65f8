// The engine in a worker thread: the main thread reads and writes while this one classifies.
import { parentPort, workerData } from 'node:worker_threads';
import type { FirmResults } from '../lib/core/io';
import { createFirmResultsComputer, type EngineSetup } from '../lib/core/firm-results';

const compute = createFirmResultsComputer(workerData as EngineSetup);
const port = parentPort!;
port.on('message', ({ id, lons, lats }: { id: number; lons: Float64Array; lats: Float64Array }) => {
	const results: FirmResults = compute(lons, lats);
	const buffers = [results.offsets, results.zoneIndices, results.inside, results.nearest, results.km, results.withinBuffer].flatMap((a) => (a ? [a.buffer as ArrayBuffer] : []));
	port.postMessage({ id, results }, [...new Set(buffers)]);
});
port.postMessage({ ready: true });
