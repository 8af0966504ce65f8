import { availableParallelism } from 'node:os';
import { UsageError } from './usage-error';

/**
 * Below this size (about 400,000 firms) a file is read on one thread by default: a second thread
 * builds its own zone and institution indexes and compiles its own code, which on 100,000 firms
 * cost 1.5× the CPU and 1.34× the wall time of one thread on two shared cores.
 */
const SMALL_INPUT_BYTES = 32 << 20;
/** More threads than this gain nothing: the main thread's reading and writing is the limit. */
const MAX_THREADS = 8;

/**
 * Reads `--threads N`: a whole number from 1 (everything on this thread) to 64.
 *
 * @throws UsageError for anything else
 * @example
 * parseThreads('2'); // 2
 */
export function parseThreads(text: string | undefined): number | undefined {
	if (text === undefined) return undefined;
	const n = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
	if (!(n >= 1 && n <= 64)) throw new UsageError(`--threads must be a whole number from 1 to 64 (1: one thread, no workers), not "${text}"`);
	return n;
}

/**
 * Threads for a run: as asked, else two (one engine thread beside the main thread; one per core,
 * at most {@link MAX_THREADS}) for inputs of 32 MiB and more and one for smaller ones.
 * CLUSTER_MAP_WORKERS=n (tests, older scripts) asks for n + 1.
 */
export function threadsFor(asked: number | undefined, inputBytes: number): number {
	if (asked !== undefined) return asked;
	const forced = process.env.CLUSTER_MAP_WORKERS;
	if (forced !== undefined && /^\d+$/.test(forced)) return Number(forced) + 1;
	return inputBytes < SMALL_INPUT_BYTES ? 1 : Math.max(1, Math.min(MAX_THREADS, availableParallelism()));
}
