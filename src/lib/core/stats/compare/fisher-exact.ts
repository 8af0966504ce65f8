import type { FisherResult } from './types';

/**
 * Fisher's exact test of a 2×2 table, two-sided as R's `fisher.test`: the sum of the
 * hypergeometric probabilities of every table with the same margins that is no more likely than
 * the observed one (with R's relative tolerance of 1e-7). Probabilities are built from ratios of
 * neighbouring terms, so large counts neither overflow nor need log-gamma.
 *
 * @param table [[a, b], [c, d]]
 * @example
 * fisherExact([[3, 1], [1, 3]]).p; // → 0.4857 (the tea-tasting lady, Agresti 2002)
 */
export function fisherExact(table: readonly [readonly [number, number], readonly [number, number]]): FisherResult {
	const [[a, b], [c, d]] = table;
	const oddsRatio = (a * d) / (b * c);
	const r1 = a + b;
	const r2 = c + d;
	const c1 = a + c;
	const lo = Math.max(0, c1 - r2);
	const hi = Math.min(r1, c1);
	// Unnormalised hypergeometric weights, P(k+1)/P(k) = (r1 − k)(c1 − k) / ((k + 1)(r2 − c1 + k + 1)),
	// scaled from the mode so the largest weight is 1.
	const mode = Math.min(hi, Math.max(lo, Math.floor(((r1 + 1) * (c1 + 1)) / (r1 + r2 + 2))));
	const weights = new Float64Array(hi - lo + 1);
	weights[mode - lo] = 1;
	for (let k = mode; k < hi; k++) weights[k + 1 - lo] = (weights[k - lo] * ((r1 - k) * (c1 - k))) / ((k + 1) * (r2 - c1 + k + 1));
	for (let k = mode; k > lo; k--) weights[k - 1 - lo] = (weights[k - lo] * (k * (r2 - c1 + k))) / ((r1 - k + 1) * (c1 - k + 1));
	let total = 0;
	for (const w of weights) total += w;
	const observed = weights[a - lo] * (1 + 1e-7);
	let p = 0;
	for (const w of weights) if (w <= observed) p += w;
	return { p: Math.min(1, p / total), oddsRatio };
}
