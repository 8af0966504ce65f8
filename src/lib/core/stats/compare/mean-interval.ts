import { normalQuantile, tQuantile } from './distributions';
import type { Interval } from './types';

/**
 * Mean of the non-missing values with a confidence interval: Student's t for numbers, Wilson's
 * score interval for 0/1 shares (which stays inside [0, 1] and behaves for shares near 0 or 1).
 *
 * @example
 * meanInterval([1, 0, 1, 1], { binary: true }); // → share 0.75 with its Wilson interval
 */
export function meanInterval(values: ArrayLike<number>, options: { binary?: boolean; level?: number } = {}): Interval & { n: number; missing: number } {
	const level = options.level ?? 0.95;
	let n = 0;
	let sum = 0;
	let missing = 0;
	for (let i = 0; i < values.length; i++) {
		if (Number.isNaN(values[i])) missing++;
		else {
			n++;
			sum += values[i];
		}
	}
	const mean = n > 0 ? sum / n : NaN;
	if (n === 0) return { estimate: NaN, low: NaN, high: NaN, level, n, missing };
	if (options.binary) {
		const z = normalQuantile(1 - (1 - level) / 2);
		const centre = (mean + (z * z) / (2 * n)) / (1 + (z * z) / n);
		const half = (z / (1 + (z * z) / n)) * Math.sqrt((mean * (1 - mean)) / n + (z * z) / (4 * n * n));
		return { estimate: mean, low: Math.max(0, centre - half), high: Math.min(1, centre + half), level, n, missing };
	}
	if (n < 2) return { estimate: mean, low: NaN, high: NaN, level, n, missing };
	let ss = 0;
	for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) ss += (values[i] - mean) ** 2;
	const half = tQuantile(1 - (1 - level) / 2, n - 1) * Math.sqrt(ss / (n - 1) / n);
	return { estimate: mean, low: mean - half, high: mean + half, level, n, missing };
}
