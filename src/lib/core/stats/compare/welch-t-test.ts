import { tQuantile, tTwoSidedP } from './distributions';
import { moments } from './moments';
import type { WelchResult } from './types';

/**
 * Welch's two-sample t-test of mean(x) − mean(y) without assuming equal variances, with the
 * Welch–Satterthwaite degrees of freedom and a confidence interval of the difference — the same
 * numbers as R's `t.test(x, y)`. Returns NaNs when a group has fewer than 2 values.
 *
 * @param x first group, no missing values
 * @param y second group
 * @param options.level confidence level (default 0.95)
 * @example
 * const r = welchTTest([0.7, -1.6, -0.2, -1.2], [1.9, 0.8, 1.1, 0.1]);
 * r.t; r.df; r.p; r.difference.low;
 */
export function welchTTest(x: ArrayLike<number>, y: ArrayLike<number>, options: { level?: number } = {}): WelchResult {
	const level = options.level ?? 0.95;
	const a = moments(x);
	const b = moments(y);
	const estimate = a.mean - b.mean;
	const vx = a.variance / a.n;
	const vy = b.variance / b.n;
	const se = Math.sqrt(vx + vy);
	const df = (vx + vy) ** 2 / (vx ** 2 / (a.n - 1) + vy ** 2 / (b.n - 1));
	const t = estimate / se;
	const q = tQuantile(1 - (1 - level) / 2, df);
	if (a.n < 2 || b.n < 2) {
		return { difference: { estimate, low: NaN, high: NaN, level }, t: NaN, df: NaN, p: NaN, se: NaN };
	}
	return { difference: { estimate, low: estimate - q * se, high: estimate + q * se, level }, t, df, p: tTwoSidedP(t, df), se };
}
