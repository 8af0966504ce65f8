/**
 * Numbers and labels of the comparison as the panel, the CSV and the report write them.
 */
import { formatNumber, type Lang } from '$lib/i18n';
import type { Interval, OutcomeComparison } from '$lib/core/stats/compare/types';

/** Shown where a statistic does not exist (too few values, not a yes/no outcome…). */
export const NONE = '—';

/**
 * A statistic for display: at most `digits` decimals, grouped digits, NONE for NaN or null.
 *
 * @example
 * num('en', 0.12345); // '0.123'
 */
export function num(lang: Lang, value: number | null | undefined, digits = 3): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return NONE;
	return formatNumber(lang, value, { maximumFractionDigits: digits });
}

/**
 * A p-value: three decimals, '<0.001' below that.
 *
 * @example
 * pValue('en', 0.0002); // '<0.001'
 */
export function pValue(lang: Lang, p: number | null | undefined): string {
	if (p === null || p === undefined || !Number.isFinite(p)) return NONE;
	return p < 0.001 ? '<0.001' : num(lang, p, 3);
}

/**
 * An estimate with its interval: '0.12 [0.05, 0.19]'.
 *
 * @example
 * interval('en', { estimate: 0.12, low: 0.05, high: 0.19, level: 0.95 }); // '0.12 [0.05, 0.19]'
 */
export function interval(lang: Lang, value: Interval | null | undefined, digits = 3): string {
	if (!value) return NONE;
	return `${num(lang, value.estimate, digits)} [${num(lang, value.low, digits)}, ${num(lang, value.high, digits)}]`;
}

/**
 * The difference between the groups shown in the table: the risk difference (Wald interval) for
 * yes/no outcomes, the Welch difference of means otherwise.
 *
 * @example
 * difference(row)?.estimate; // 0.08
 */
export function difference(row: OutcomeComparison): Interval | null {
	if (row.kind === 'binary' && row.effect?.riskDifference) return row.effect.riskDifference;
	return row.welch?.difference ?? null;
}

/**
 * Which contingency test to report for a yes/no outcome: Fisher's exact when an expected count is
 * below 5 (where the chi-square approximation is doubtful), chi-square otherwise.
 *
 * @example
 * contingency(row); // { test: 'chi-square', statistic: 12.3, p: 0.0004 }
 */
export function contingency(row: OutcomeComparison): { test: 'chi-square' | 'fisher'; statistic: number | null; p: number } | null {
	if (row.chiSquare && row.chiSquare.minExpected >= 5) return { test: 'chi-square', statistic: row.chiSquare.statistic, p: row.chiSquare.p };
	if (row.fisher) return { test: 'fisher', statistic: null, p: row.fisher.p };
	return row.chiSquare ? { test: 'chi-square', statistic: row.chiSquare.statistic, p: row.chiSquare.p } : null;
}

/**
 * The effect size shown: the odds ratio with its interval for yes/no outcomes, Hedges' g otherwise.
 *
 * @example
 * effect('en', row); // 'OR 1.62 [1.41, 1.87]'
 */
export function effect(lang: Lang, row: OutcomeComparison): string {
	if (!row.effect) return NONE;
	if (row.kind === 'binary' && row.effect.oddsRatio) return `OR ${interval(lang, row.effect.oddsRatio, 2)}`;
	return `g ${num(lang, row.effect.hedgesG, 3)}`;
}
