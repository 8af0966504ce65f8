import { cpus, loadavg, totalmem } from 'node:os';

/** Timings of one measured operation, in milliseconds: wall clock, and CPU time of this process. */
export interface Timing {
	median: number;
	min: number;
	max: number;
	samples: number[];
	/** Median user + system CPU time; less disturbed than wall time when other work shares the machine. */
	cpuMedian: number;
}

/**
 * Runs `fn` `warmup` times unmeasured (JIT, caches), then `runs` times measured.
 * `fn` may return a value; it is kept so the work cannot be optimised away.
 *
 * @example
 * const t = measure(() => classifyPoints(index, lons, lats), { runs: 5 });
 * console.log(`${t.median.toFixed(0)} ms (${t.min.toFixed(0)}–${t.max.toFixed(0)})`);
 */
export function measure(fn: () => unknown, options: { warmup?: number; runs?: number } = {}): Timing {
	const { warmup = 1, runs = 5 } = options;
	let sink: unknown;
	for (let i = 0; i < warmup; i++) sink = fn();
	const samples: number[] = [];
	const cpu: number[] = [];
	for (let i = 0; i < runs; i++) {
		const cpuStart = process.cpuUsage();
		const start = performance.now();
		sink = fn();
		samples.push(performance.now() - start);
		const used = process.cpuUsage(cpuStart);
		cpu.push((used.user + used.system) / 1000);
	}
	keep(sink);
	const sorted = [...samples].sort((a, b) => a - b);
	return { median: median(samples), min: sorted[0], max: sorted[sorted.length - 1], samples, cpuMedian: median(cpu) };
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

let kept: unknown;
function keep(value: unknown): void {
	kept = value;
	void kept;
}

/** One line naming the machine, Node version and load, for every results table. */
export function machine(): string {
	const cores = cpus();
	return `${cores.length} × ${cores[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; load average ${loadavg()
		.map((l) => l.toFixed(1))
		.join(' / ')} (1 / 5 / 15 min)`;
}

/** BENCH_QUICK=1: small inputs and few runs, a smoke test of the benchmarks themselves. */
export const QUICK = process.env.BENCH_QUICK === '1';
/** BENCH_NATIONAL=1: add the national-scale (5,000,000 firms) rows. */
export const NATIONAL = process.env.BENCH_NATIONAL === '1';

export const ms = (t: number) => (t >= 1000 ? `${(t / 1000).toFixed(2)} s` : `${t.toFixed(0)} ms`);
export const spread = (t: Timing) => `${ms(t.min)} – ${ms(t.max)}`;
