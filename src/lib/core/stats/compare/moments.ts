/**
 * Count, mean and sample variance (n − 1) of values without missing ones, in two passes: the
 * second pass sums squared deviations from the mean, which stays accurate when the mean is large.
 *
 * @example
 * moments([1, 2, 3, 4]); // → { n: 4, mean: 2.5, variance: 1.6666… }
 */
export function moments(values: ArrayLike<number>): { n: number; mean: number; variance: number } {
	const n = values.length;
	let sum = 0;
	for (let i = 0; i < n; i++) sum += values[i];
	const mean = sum / n;
	let ss = 0;
	for (let i = 0; i < n; i++) ss += (values[i] - mean) ** 2;
	return { n, mean, variance: ss / (n - 1) };
}
