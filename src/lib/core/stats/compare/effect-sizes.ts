import { normalQuantile } from './distributions';
import { mannWhitneyU } from './mann-whitney';
import type { EffectSizes, Interval } from './types';
import { moments } from './moments';

/**
 * Effect sizes of a two-group comparison: Cohen's d (pooled SD), Hedges' g (d with the small-sample
 * correction), the rank-biserial correlation and, for yes/no outcomes, the risk difference (Wald
 * interval) and the odds ratio (Woolf interval on the log scale; 0.5 added to every cell when one
 * is 0, Haldane's correction).
 *
 * @param x first group (0/1 when binary), no missing values
 * @param y second group
 * @param options.binary also report risk difference and odds ratio (default false)
 * @param options.level confidence level (default 0.95)
 * @example
 * effectSizes([1, 1, 0, 1], [0, 0, 1, 0], { binary: true }).oddsRatio?.estimate; // → 9
 */
export function effectSizes(x: ArrayLike<number>, y: ArrayLike<number>, options: { binary?: boolean; level?: number; rankBiserial?: number } = {}): EffectSizes {
	const level = options.level ?? 0.95;
	const a = moments(x);
	const b = moments(y);
	const pooled = Math.sqrt(((a.n - 1) * a.variance + (b.n - 1) * b.variance) / (a.n + b.n - 2));
	const cohensD = (a.mean - b.mean) / pooled;
	const hedgesG = cohensD * (1 - 3 / (4 * (a.n + b.n) - 9));
	const rankBiserial = options.rankBiserial ?? mannWhitneyU(x, y).rankBiserial;
	if (!options.binary) return { cohensD, hedgesG, rankBiserial, riskDifference: null, oddsRatio: null };
	const z = normalQuantile(1 - (1 - level) / 2);
	const p1 = a.mean;
	const p2 = b.mean;
	const se = Math.sqrt((p1 * (1 - p1)) / a.n + (p2 * (1 - p2)) / b.n);
	const riskDifference: Interval = { estimate: p1 - p2, low: p1 - p2 - z * se, high: p1 - p2 + z * se, level };
	return { cohensD, hedgesG, rankBiserial, riskDifference, oddsRatio: oddsRatioInterval(Math.round(p1 * a.n), a.n, Math.round(p2 * b.n), b.n, z, level) };
}

function oddsRatioInterval(yesX: number, nX: number, yesY: number, nY: number, z: number, level: number): Interval {
	let [a, b, c, d] = [yesX, nX - yesX, yesY, nY - yesY];
	if (a === 0 || b === 0 || c === 0 || d === 0) [a, b, c, d] = [a + 0.5, b + 0.5, c + 0.5, d + 0.5];
	const log = Math.log((a * d) / (b * c));
	const se = Math.sqrt(1 / a + 1 / b + 1 / c + 1 / d);
	return { estimate: Math.exp(log), low: Math.exp(log - z * se), high: Math.exp(log + z * se), level };
}
