// The engine thread that reads the zones and institutions itself, and what crosses to it. Kept apart
// from the engine's code (loaded only when the thread cannot start), so that `classify` can start
// the thread before it loads its own modules.
import { Worker } from 'node:worker_threads';
import type { FirmResults } from '../lib/core/io/classified-columns';
import type { FirmResultsMemory } from '../lib/core/firm-results';
import { InputError } from '../lib/core/io/input-error';
import type { SetupSpec, SetupSummary, StageReport } from './classify-setup';
import { UsageError } from './usage-error';

/** Classifies batches of points, in worker threads or in this one; the results go to `memory` when lent. */
export interface Engine {
	compute(lons: Float64Array, lats: Float64Array, memory?: FirmResultsMemory): Promise<FirmResults>;
	/** Keeps the cells its indexes built for the next run, where the zone cache keeps its zones (see `keepCells`). */
	keepCells?(): Promise<void>;
	close(): Promise<void>;
}

/**
 * Batches sent to an engine thread, answered by id; all refused once the thread has failed. The
 * points stay readable here (copied to the thread, or shared with it), so a batch it never answers
 * can still be classified elsewhere.
 */
export function batchCalls(worker: Worker) {
	type Batch = { lons: Float64Array; lats: Float64Array; memory?: FirmResultsMemory; resolve: (r: FirmResults) => void; reject: (e: unknown) => void };
	const pending = new Map<number, Batch>();
	let next = 0;
	let failure: unknown = null;
	return {
		send(lons: Float64Array, lats: Float64Array, memory?: FirmResultsMemory): Promise<FirmResults> {
			if (failure !== null) return Promise.reject(failure);
			const id = next++;
			return new Promise((resolve, reject) => {
				pending.set(id, { lons, lats, memory, resolve, reject });
				worker.postMessage({ id, lons, lats, memory });
			});
		},
		answer({ id, results }: { id: number; results: FirmResults }): void {
			pending.get(id)?.resolve(results);
			pending.delete(id);
		},
		fail(error: unknown): void {
			failure ??= error;
			for (const { reject } of pending.values()) reject(error);
			pending.clear();
		},
		/** The unanswered batches, and every later one, go to `compute` instead. */
		redirect(compute: Engine['compute']): void {
			for (const { lons, lats, memory, resolve, reject } of pending.values()) compute(lons, lats, memory).then(resolve, reject);
			pending.clear();
			this.send = compute;
		}
	};
}

export async function stopWorker(worker: Worker): Promise<void> {
	worker.removeAllListeners('exit');
	await worker.terminate();
}

/** An engine whose zones and institutions are still being read. */
export interface LoadingEngine extends Engine {
	/** Resolves once they are read and their warnings said; rejects with the error that stopped them. */
	ready: Promise<SetupSummary>;
}

/** What the engine worker says while it reads the setup. */
export type SetupMessage = { line: string } | { stage: string } | { stageDone: true } | { ready: true; summary: SetupSummary } | { failed: SentError };

/**
 * Starts an engine thread that reads the zones and institutions itself, so that the main thread
 * reads the firms meanwhile instead of waiting (zones of a whole country take about half a second
 * to check and index). Their warnings reach `stderr` in order, before `ready` resolves; batches
 * given before then are classified once the setup is read. Without worker threads, everything is
 * read and classified on this thread, as with `thread: false`.
 *
 * @example
 * const engine = loadEngine({ zones: 'zones.geojson', nearestByType: false, verbose: false }, console.error, new StageProgress(), { thread: true });
 * const { zoneIds } = await engine.ready;
 */
export function loadEngine(spec: SetupSpec, stderr: (line: string) => void, stage: StageReport, options: { thread: boolean }): LoadingEngine {
	const here = (): LoadingEngine => {
		const loaded = import('./classify-setup').then(({ loadSetup }) => loadSetup(spec, stderr, stage));
		const computer = Promise.all([loaded, import('../lib/core/firm-results')]).then(([{ engine }, { createFirmResultsComputer }]) => createFirmResultsComputer(engine));
		const ready = loaded.then(({ summary }) => summary);
		// Awaited later, by the first batch or the caller: not an unhandled rejection meanwhile.
		computer.catch(() => {});
		ready.catch(() => {});
		const keep = async () => {
			const [{ cells }, built, { keepCells }] = await Promise.all([loaded, computer, import('./cell-cache')]);
			if (cells) keepCells(cells, built.builtCells());
		};
		return { ready, compute: async (lons, lats, memory) => (await computer)(lons, lats, memory), keepCells: keep, close: async () => {} };
	};
	if (!options.thread) return here();
	let worker: Worker;
	try {
		worker = startWorker('engine-worker', { spec });
	} catch (error) {
		unavailable(error);
		return here();
	}
	const batches = batchCalls(worker);
	let fallback: LoadingEngine | null = null;
	let kept: (() => void) | null = null;
	const ready = new Promise<SetupSummary>((resolve, reject) => {
		let started = false;
		worker.once('error', (error) => {
			if (started) return;
			// No worker thread after all (no loader for it, say): read and classify here, the batches
			// already sent too.
			unavailable(error);
			fallback = here();
			batches.redirect(fallback.compute);
			fallback.ready.then(resolve, reject);
		});
		const stop = (error: unknown) => {
			if (fallback) return;
			batches.fail(error);
			reject(error);
			kept?.(); // nothing kept: the run's output does not depend on it
		};
		worker.on('error', (error) => started && stop(error));
		worker.on('exit', (code) => stop(new Error(`the engine worker stopped (exit code ${code})`)));
		worker.on('message', (message: SetupMessage | { id: number; results: FirmResults } | { kept: true }) => {
			started = true;
			if ('id' in message) batches.answer(message);
			else if ('kept' in message) kept?.();
			else if ('line' in message) stderr(message.line);
			else if ('stage' in message) stage.update(message.stage);
			else if ('stageDone' in message) stage.clear();
			else if ('failed' in message) stop(receivedError(message.failed));
			else resolve(message.summary);
		});
	});
	ready.catch(() => {});
	return {
		ready,
		// Sent at once, not when the zones are read: the thread finds the first batches waiting as
		// soon as it can classify, while this one is still busy reading the next.
		compute: (lons, lats, memory) => batches.send(lons, lats, memory),
		keepCells: () =>
			fallback
				? fallback.keepCells!()
				: new Promise<void>((resolve) => {
						kept = resolve;
						worker.postMessage({ keep: true });
					}),
		close: () => stopWorker(worker)
	};
}

/** An error as it crosses to another thread: the CLI's own errors keep their class and fields. */
export type SentError = { kind: 'input'; file: string; message: string; line?: number; column?: string; hint?: string; code?: InputError['code']; params: InputError['params'] } | { kind: 'usage' | 'other'; message: string; stack?: string };

export function sentError(error: unknown): SentError {
	if (error instanceof InputError) return { kind: 'input', file: error.file, message: error.message, line: error.line, column: error.column, hint: error.hint, code: error.code, params: error.params };
	if (error instanceof UsageError) return { kind: 'usage', message: error.message };
	return { kind: 'other', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error), stack: error instanceof Error ? error.stack : undefined };
}

function receivedError(sent: SentError): Error {
	if (sent.kind === 'input') return new InputError(sent.file, sent.message, { line: sent.line, column: sent.column, hint: sent.hint, code: sent.code, params: sent.params });
	if (sent.kind === 'usage') return new UsageError(sent.message);
	return Object.assign(new Error(sent.message), { stack: sent.stack });
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

export function unavailable(error: unknown): void {
	if (process.env.CLUSTER_MAP_DEBUG) process.stderr.write(`worker unavailable, classifying in the main thread: ${String(error)}\n`);
}
