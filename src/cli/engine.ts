import type { Worker } from 'node:worker_threads';
import type { FirmResults } from '../lib/core/io';
import { createFirmResultsComputer, type EngineSetup, type FirmResultsMemory } from '../lib/core/firm-results';
import { batchCalls, startWorker, stopWorker, unavailable, type Engine } from './engine-thread';

type Compute = (lons: Float64Array, lats: Float64Array, memory?: FirmResultsMemory) => FirmResults;

/**
 * Starts the engine without waiting for it: with `workers` > 0 it runs in that many worker
 * threads, batches dealt out in turn, so that reading and writing (this thread) overlap with
 * classification; the first batches are read while the workers build their indexes. A worker that
 * cannot start (no loader for it, say) leaves its batches to this thread.
 *
 * @example
 * const engine = startEngine({ zones, institutions, bufferKm }, { workers: 1 });
 * const results = await engine.compute(lons, lats);
 */
export function startEngine(setup: EngineSetup, options: { workers: number }): Engine {
	let local: Compute | null = null;
	const here: Compute = (lons, lats, memory) => (local ??= createFirmResultsComputer(setup))(lons, lats, memory);
	if (options.workers <= 0) return { compute: async (lons, lats, memory) => here(lons, lats, memory), close: async () => {} };
	const pool = Array.from({ length: options.workers }, () => workerEngine(setup));
	let turn = 0;
	return {
		async compute(lons, lats, memory) {
			const worker = pool[turn++ % pool.length];
			return (await worker.started) ? worker.compute(lons, lats, memory) : here(lons, lats, memory);
		},
		close: async () => void (await Promise.all(pool.map((w) => w.close())))
	};
}

interface WorkerEngine extends Engine {
	/** Resolves true once the worker has built its indexes, false if it could not start. */
	started: Promise<boolean>;
}

function workerEngine(setup: EngineSetup): WorkerEngine {
	let worker: Worker;
	try {
		worker = newWorker(setup);
	} catch (error) {
		unavailable(error);
		return { started: Promise.resolve(false), compute: () => Promise.reject(error), close: async () => {} };
	}
	const batches = batchCalls(worker);
	const started = new Promise<boolean>((resolve) => {
		const early = (error: unknown) => {
			unavailable(error);
			resolve(false);
		};
		worker.once('error', early);
		worker.once('message', () => {
			worker.off('error', early);
			worker.on('error', batches.fail);
			worker.on('exit', (code) => batches.fail(new Error(`the engine worker stopped (exit code ${code})`)));
			worker.on('message', batches.answer);
			resolve(true);
		});
	});
	return { started, compute: batches.send, close: () => stopWorker(worker) };
}

function newWorker(setup: EngineSetup): Worker {
	return startWorker('engine-worker', { setup });
}
