import type { Descriptives } from './types';

/**
 * Descriptive statistics of one group: n, mean, median, sample SD, min, max and, for binary
 * outcomes, the share of 1s. NaN values are counted in `missing` (plus any `missing` passed in,
 * e.g. from `splitGroups`), never silently dropped.
 *
 * @param values one group's values; NaN = missing
 * @param options.binary report `share` (default false)
 * @param options.missing missing values already removed by the caller, added to the count
 * @example
 * describeValues([1, 2, 3, NaN]); // → n 3, missing 1, mean 2, median 2, sd 1
 */
export function describeValues(values: ArrayLike<number>, options: { binary?: boolean; missing?: number } = {}): Descriptives {
	const present: number[] = [];
	let missing = options.missing ?? 0;
	for (let i = 0; i < values.length; i++) {
		if (Number.isNaN(values[i])) missing++;
		else present.push(values[i]);
	}
	const n = present.length;
	const sorted = Float64Array.from(present).sort();
	let mean = 0;
	// Welford: stable for large counts with a large mean.
	let m2 = 0;
	for (let i = 0; i < n; i++) {
		const delta = sorted[i] - mean;
		mean += delta / (i + 1);
		m2 += delta * (sorted[i] - mean);
	}
	const median = n === 0 ? NaN : n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	return {
		n,
		missing,
		mean: n === 0 ? NaN : mean,
		median,
		sd: n < 2 ? NaN : Math.sqrt(m2 / (n - 1)),
		min: n === 0 ? NaN : sorted[0],
		max: n === 0 ? NaN : sorted[n - 1],
		share: options.binary ? (n === 0 ? NaN : mean) : null
	};
}
