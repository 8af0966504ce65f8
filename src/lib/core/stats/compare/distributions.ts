/**
 * The distribution functions behind every p-value and interval, from stdlib-js (ports of Boost and
 * Cephes, accurate to a few ulps). Upper tails are computed directly, not as 1 − CDF, so tiny
 * p-values keep their digits.
 */
import gammainc from '@stdlib/math-base-special-gammainc';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantileFn from '@stdlib/stats-base-dists-normal-quantile';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantileFn from '@stdlib/stats-base-dists-t-quantile';

/**
 * Two-sided p-value of a t statistic: 2·P(T_df ≥ |t|). `df` may be fractional (Welch).
 *
 * @example
 * tTwoSidedP(2.228, 10); // → ≈ 0.05
 */
export function tTwoSidedP(t: number, df: number): number {
	if (Number.isNaN(t) || !(df > 0)) return NaN;
	return Math.min(1, 2 * tCdf(-Math.abs(t), df));
}

/**
 * Quantile of Student's t: the x with P(T_df ≤ x) = p.
 *
 * @example
 * tQuantile(0.975, 10); // → 2.228139
 */
export function tQuantile(p: number, df: number): number {
	return tQuantileFn(p, df);
}

/**
 * Two-sided p-value of a standard normal statistic: 2·P(Z ≥ |z|).
 *
 * @example
 * normalTwoSidedP(1.959964); // → ≈ 0.05
 */
export function normalTwoSidedP(z: number): number {
	if (Number.isNaN(z)) return NaN;
	return Math.min(1, 2 * normalCdf(-Math.abs(z), 0, 1));
}

/**
 * Quantile of the standard normal.
 *
 * @example
 * normalQuantile(0.975); // → 1.959964
 */
export function normalQuantile(p: number): number {
	return normalQuantileFn(p, 0, 1);
}

/**
 * Upper tail of the chi-square distribution, P(X²_df ≥ x), the p-value of a chi-square statistic.
 *
 * @example
 * chiSquareUpperP(3.841459, 1); // → ≈ 0.05
 */
export function chiSquareUpperP(x: number, df: number): number {
	if (Number.isNaN(x) || !(df > 0)) return NaN;
	if (x <= 0) return 1;
	return gammainc(x / 2, df / 2, true, true);
}

/**
 * Lower tail of the chi-square distribution, P(X²_df ≤ x).
 *
 * @example
 * chiSquareCdf(3.841459, 1); // → ≈ 0.95
 */
export function chiSquareCdf(x: number, df: number): number {
	if (Number.isNaN(x) || !(df > 0)) return NaN;
	if (x <= 0) return 0;
	return gammainc(x / 2, df / 2, true, false);
}
