import { availableParallelism } from 'node:os';
import { UsageError } from './usage-error';

/**
 * Below this size (about 400,000 firms) a file is read on one thread by default: an engine thread
 * starts its own Node context and compiles its own code, which on 100,000 firms cost as much as
 * reading the zones beside the firms saved (1.40 s against 1.27 s wall, ten pairs).
 */
const SMALL_INPUT_BYTES = 32 << 20;

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
 * Threads for a run: as asked, else two for inputs of 32 MiB and more (this thread reads and
 * writes, an engine thread reads the zones and institutions, then classifies) and one for smaller
 * ones. More gain nothing by default: reading and writing on this thread is the limit.
 * CLUSTER_MAP_WORKERS=n (tests, older scripts) asks for n + 1.
 */
export function threadsFor(asked: number | undefined, inputBytes: number): number {
	if (asked !== undefined) return asked;
	const forced = process.env.CLUSTER_MAP_WORKERS;
	if (forced !== undefined && /^\d+$/.test(forced)) return Number(forced) + 1;
	return inputBytes < SMALL_INPUT_BYTES ? 1 : Math.min(2, availableParallelism());
}
