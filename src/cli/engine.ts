import { Worker } from 'node:worker_threads';
import type { FirmResults } from '../lib/core/io';
import { createComputer, type EngineSetup } from './compute-results';

/** Classifies batches of points, in a worker thread or in this one. */
export interface Engine {
	compute(lons: Float64Array, lats: Float64Array): Promise<FirmResults>;
	close(): Promise<void>;
}

/**
 * Starts the engine. With `workers` > 0 it runs in that many worker threads, batches dealt out in
 * turn, so that reading and writing (this thread) overlap with classification; if no worker can
 * start, it runs here.
 *
 * @example
 * const engine = await startEngine({ zones, institutions, bufferKm }, { workers: 2 });
 * const results = await engine.compute(lons, lats);
 */
export async function startEngine(setup: EngineSetup, options: { workers: number }): Promise<Engine> {
	if (options.workers > 0) {
		try {
			const engines = await Promise.all(Array.from({ length: options.workers }, () => workerEngine(setup)));
			let turn = 0;
			return {
				compute: (lons, lats) => engines[turn++ % engines.length].compute(lons, lats),
				close: async () => void (await Promise.all(engines.map((e) => e.close())))
			};
		} catch (error) {
			if (process.env.CLUSTER_MAP_DEBUG) process.stderr.write(`worker unavailable, classifying in the main thread: ${String(error)}\n`);
		}
	}
	const compute = createComputer(setup);
	return { compute: async (lons, lats) => compute(lons, lats), close: async () => {} };
}

function workerEngine(setup: EngineSetup): Promise<Engine> {
	// From the cached bundle the worker is a sibling .mjs; run from the sources (through tsx) it is a
	// .ts file, which the worker thread can only load after registering tsx itself.
	const fromSources = import.meta.url.endsWith('.ts');
	const worker = fromSources
		? new Worker(`import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./engine-worker.ts', import.meta.url).href)}); });`, { eval: true, workerData: setup })
		: new Worker(new URL('./engine-worker.mjs', import.meta.url), { workerData: setup });
	const pending = new Map<number, { resolve: (r: FirmResults) => void; reject: (e: unknown) => void }>();
	let next = 0;
	let failure: unknown = null;
	const fail = (error: unknown) => {
		failure ??= error;
		for (const { reject } of pending.values()) reject(error);
		pending.clear();
	};
	return new Promise((resolve, reject) => {
		worker.once('error', reject);
		worker.once('message', () => {
			worker.off('error', reject);
			worker.on('error', fail);
			worker.on('exit', (code) => fail(new Error(`the engine worker stopped (exit code ${code})`)));
			worker.on('message', ({ id, results }: { id: number; results: FirmResults }) => {
				pending.get(id)?.resolve(results);
				pending.delete(id);
			});
			resolve({
				compute(lons, lats) {
					if (failure !== null) return Promise.reject(failure);
					const id = next++;
					return new Promise((resolveBatch, rejectBatch) => {
						pending.set(id, { resolve: resolveBatch, reject: rejectBatch });
						worker.postMessage({ id, lons, lats });
					});
				},
				async close() {
					worker.removeAllListeners('exit');
					await worker.terminate();
				}
			});
		});
	});
}
