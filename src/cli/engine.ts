import { Worker } from 'node:worker_threads';
import type { FirmResults } from '../lib/core/io';
import { createFirmResultsComputer, type EngineSetup } from '../lib/core/firm-results';

/** Classifies batches of points, in worker threads or in this one. */
export interface Engine {
	compute(lons: Float64Array, lats: Float64Array): Promise<FirmResults>;
	close(): Promise<void>;
}

type Compute = (lons: Float64Array, lats: Float64Array) => FirmResults;

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
	const here: Compute = (lons, lats) => (local ??= createFirmResultsComputer(setup))(lons, lats);
	if (options.workers <= 0) return { compute: async (lons, lats) => here(lons, lats), close: async () => {} };
	const pool = Array.from({ length: options.workers }, () => workerEngine(setup));
	let turn = 0;
	return {
		async compute(lons, lats) {
			const worker = pool[turn++ % pool.length];
			return (await worker.started) ? worker.compute(lons, lats) : here(lons, lats);
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
	const pending = new Map<number, { resolve: (r: FirmResults) => void; reject: (e: unknown) => void }>();
	let next = 0;
	let failure: unknown = null;
	const fail = (error: unknown) => {
		failure ??= error;
		for (const { reject } of pending.values()) reject(error);
		pending.clear();
	};
	const started = new Promise<boolean>((resolve) => {
		const early = (error: unknown) => {
			unavailable(error);
			resolve(false);
		};
		worker.once('error', early);
		worker.once('message', () => {
			worker.off('error', early);
			worker.on('error', fail);
			worker.on('exit', (code) => fail(new Error(`the engine worker stopped (exit code ${code})`)));
			worker.on('message', ({ id, results }: { id: number; results: FirmResults }) => {
				pending.get(id)?.resolve(results);
				pending.delete(id);
			});
			resolve(true);
		});
	});
	return {
		started,
		compute(lons, lats) {
			if (failure !== null) return Promise.reject(failure);
			const id = next++;
			return new Promise((resolve, reject) => {
				pending.set(id, { resolve, reject });
				worker.postMessage({ id, lons, lats });
			});
		},
		async close() {
			worker.removeAllListeners('exit');
			await worker.terminate();
		}
	};
}

function newWorker(setup: EngineSetup): Worker {
	return startWorker('engine-worker', setup);
}

/**
 * A worker thread running src/cli/`name`.ts. From the bundle the worker is a sibling .mjs; run from
 * the sources (through tsx) it is a .ts file, which the worker thread can only load after
 * registering tsx itself.
 *
 * @throws when worker threads are unavailable
 */
export function startWorker(name: 'engine-worker' | 'chunk-worker', workerData: unknown): Worker {
	if (!import.meta.url.endsWith('.ts')) return new Worker(new URL(`./${name}.mjs`, import.meta.url), { workerData });
	const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
	const entry = JSON.stringify(new URL(`./${name}.ts`, import.meta.url).href);
	return new Worker(`import(${tsx}).then((tsx) => { tsx.register(); return import(${entry}); });`, { eval: true, workerData });
}

function unavailable(error: unknown): void {
	if (process.env.CLUSTER_MAP_DEBUG) process.stderr.write(`worker unavailable, classifying in the main thread: ${String(error)}\n`);
}
