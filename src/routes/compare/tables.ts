/**
 * The comparison's tables as plain rows of display text, shared by the panel and the HTML report
 * so both show exactly the same numbers.
 */
import type { Lang, MessageKey, MessageParams } from '$lib/i18n';
import type { LinkageTable, RegressionResult } from '$lib/core/stats/compare/types';
import type { ContrastResult, OutcomeRegression } from '$lib/worker/compare-protocol';
import { displayValue } from '$lib/i18n/values';
import { jsicMajorName, jsicMediumCode, jsicMediumName } from '$lib/i18n/jsic';
import { contingency, difference, effect, interval, num, pValue, NONE } from './format';

export interface TableSpec {
	caption: string;
	head: string[];
	/** First cell of each row is its header. */
	rows: string[][];
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** Labels for groups and zones in the UI language. */
export interface Labels {
	lang: Lang;
	t: Translate;
	/** Zone name by id. */
	zoneName: (id: string) => string;
}

/**
 * The names of a contrast's two groups: [Inside, Outside], [zone name, Rest]…
 *
 * @example
 * groupNames(contrast, labels); // ['Inside', 'Outside']
 */
export function groupNames(contrast: Pick<ContrastResult, 'zoneId' | 'versus'>, labels: Labels): [string, string] {
	if (contrast.versus === 'stably-outside') return [labels.t('compare.group.stablyInside'), labels.t('compare.group.stablyOutside')];
	const a = contrast.zoneId === null ? labels.t('compare.group.inside') : labels.zoneName(contrast.zoneId);
	return [a, labels.t(contrast.versus === 'rest' ? 'compare.group.rest' : 'compare.group.outside')];
}

/**
 * One row per outcome: each group's n, missing, mean, median and share as "A / B", then the
 * difference and the tests. While the permutation tests run their column shows "…".
 *
 * @example
 * outcomeTable(contrast, labels).rows[0][0]; // 'new_products'
 */
export function outcomeTable(contrast: ContrastResult, labels: Labels, options: { permutationsPending?: boolean } = {}): TableSpec {
	const { lang, t } = labels;
	const [a, b] = groupNames(contrast, labels);
	const pair = (x: string, y: string) => `${x} / ${y}`;
	return {
		// Paired cells read "A / B"; the caption says which is which, once.
		caption: `${t('compare.versus', { a, b })} — ${t('compare.pairs', { a, b })}`,
		head: [
			t('compare.col.outcome'),
			t('compare.col.n'),
			t('compare.col.missing'),
			t('compare.col.mean'),
			t('compare.col.median'),
			t('compare.col.share'),
			t('compare.col.difference'),
			t('compare.col.welch'),
			t('compare.col.mannWhitney'),
			t('compare.col.contingency'),
			t('compare.col.permutation'),
			t('compare.col.effect')
		],
		rows: contrast.outcomes.map((row) => {
			const test = contingency(row);
			return [
				row.outcome,
				pair(num(lang, row.inside.n, 0), num(lang, row.outside.n, 0)),
				pair(num(lang, row.inside.missing, 0), num(lang, row.outside.missing, 0)),
				pair(num(lang, row.inside.mean), num(lang, row.outside.mean)),
				pair(num(lang, row.inside.median), num(lang, row.outside.median)),
				row.kind === 'binary' ? pair(num(lang, row.inside.share), num(lang, row.outside.share)) : NONE,
				interval(lang, difference(row)),
				row.welch ? `${num(lang, row.welch.t, 2)} (${pValue(lang, row.welch.p)})` : NONE,
				row.mannWhitney ? `${num(lang, row.mannWhitney.u, 0)} (${pValue(lang, row.mannWhitney.p)})` : NONE,
				test ? `${test.test === 'fisher' ? 'Fisher' : `χ² ${num(lang, test.statistic, 2)}`} (${pValue(lang, test.p)})` : NONE,
				options.permutationsPending ? '…' : pValue(lang, row.permutation?.p),
				effect(lang, row)
			];
		})
	};
}

/**
 * A linkage table: one row per level, mean with its interval and n inside and outside.
 *
 * @example
 * linkageTable(table, labels, 'Distance').rows[0]; // ['<2', '0.61 [0.55, 0.66]', '310', …]
 */
export function linkageTableSpec(table: LinkageTable, labels: Labels, caption: string): TableSpec {
	const { lang, t } = labels;
	const cell = (level: string, group: 'inside' | 'outside') => table.cells.find((c) => c.level === level && c.group === group);
	const inside = t('compare.group.inside');
	const outside = t('compare.group.outside');
	return {
		caption,
		head: [t('compare.col.level'), `${inside}: ${t('compare.chart.mean')}`, `${inside}: n`, `${outside}: ${t('compare.chart.mean')}`, `${outside}: n`],
		rows: table.levels.map((level) => {
			const a = cell(level, 'inside');
			const b = cell(level, 'outside');
			return [displayValue(lang, level), interval(lang, a?.mean), num(lang, a?.n, 0), interval(lang, b?.mean), num(lang, b?.n, 0)];
		})
	};
}

/**
 * A fitted regression: coefficient, robust SE and p per term.
 *
 * @example
 * regressionTable(fit, labels, 'new_products').rows[1][0]; // 'Inside cluster'
 */
export function regressionTable(regression: OutcomeRegression, labels: Labels): TableSpec | null {
	const fit: RegressionResult = regression.result;
	if (!fit.ok) return null;
	const { lang, t } = labels;
	return {
		caption: [
			t('compare.regression.caption', {
				outcome: regression.outcome,
				model: t(fit.model === 'ols' ? 'compare.regression.ols' : 'compare.regression.logit'),
				n: fit.n
			}),
			// A dummy's coefficient means nothing without the category it is measured against.
			regression.industryReference ? t('compare.regression.baseline', { industry: industryName(regression.industryReference, labels) }) : null
		]
			.filter(Boolean)
			.join(' — '),
		head: [t('compare.col.term'), t('compare.col.coef'), t('compare.col.se'), t('compare.col.p')],
		rows: fit.coefficients.map((c) => [termName(c.name, labels), num(lang, c.estimate, 4), num(lang, c.se, 4), pValue(lang, c.p)])
	};
}

/**
 * An industry level of the regression by its JSIC name in the UI language, with the code:
 * a major division letter (G) or a medium division (24); other values stay as they are.
 *
 * @example
 * industryName('G', labels); // 'Information and communications (G)'
 */
export function industryName(code: string, { lang, t }: Labels): string {
	if (code === 'other') return t('compare.term.industryOther');
	if (/^[A-Ta-t]$/.test(code)) return `${jsicMajorName(code, lang)} (${code.toUpperCase()})`;
	const medium = /^\d{1,2}$/.test(code) ? jsicMediumCode(code) : null;
	return medium ? `${jsicMediumName(medium, lang)} (${medium})` : code;
}

/** Readable names for the design's column names; unknown names stay as they are. */
function termName(name: string, labels: Labels): string {
	const { t } = labels;
	const known: Record<string, MessageKey> = {
		'(intercept)': 'compare.term.intercept',
		inside: 'compare.term.inside',
		log_km: 'compare.term.log_km',
		communication: 'compare.term.communication',
		subcontractor: 'compare.term.subcontractor',
		log_employees: 'compare.term.log_size'
	};
	if (known[name]) return t(known[name]);
	const industry = /^industry[:=](.*)$/.exec(name);
	return industry ? t('compare.term.industry', { name: industryName(industry[1], labels) }) : name;
}
