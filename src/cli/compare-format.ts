import { csvCell } from '../lib/core/io';
import type { Contrast, LinkageTable, OutcomeComparison, ParsedColumn, RegressionResult } from '../lib/core/stats/compare';

type Format = { format: 'table' | 'csv' };

/**
 * p-values as a reader wants them: 4 significant digits, "< 0.0001" below that, "–" when not computed.
 *
 * @example
 * formatP(0.0793941); // '0.07939'
 */
export function formatP(p: number | null | undefined): string {
	if (p === null || p === undefined || Number.isNaN(p)) return '–';
	return p < 1e-4 ? '< 0.0001' : p.toPrecision(4).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
}

function num(v: number | null | undefined, digits = 3): string {
	if (v === null || v === undefined || Number.isNaN(v)) return '–';
	if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
	return v.toFixed(digits);
}

/** Full precision for CSV; empty for not available. */
function raw(v: number | null | undefined): string {
	return v === null || v === undefined || Number.isNaN(v) ? '' : String(v);
}

function csv(rows: (string | number)[][]): string {
	return rows.map((row) => row.map((cell) => csvCell(String(cell))).join(',')).join('\r\n') + '\r\n';
}

const COMPARISON_COLUMNS = [
	'outcome', 'kind', 'group_1', 'group_0', 'n_1', 'n_0', 'missing_1', 'missing_0', 'mean_1', 'mean_0', 'median_1', 'median_0',
	'sd_1', 'sd_0', 'difference', 'ci_low', 'ci_high', 'welch_t', 'welch_df', 'welch_p', 'mann_whitney_u', 'mann_whitney_p',
	'chi_square', 'chi_square_p', 'fisher_p', 'permutation_p', 'permutations', 'seed', 'hedges_g', 'cohens_d', 'rank_biserial',
	'risk_difference', 'odds_ratio', 'odds_ratio_low', 'odds_ratio_high', 'notes'
];

/**
 * The comparison table: in `table` format one block per outcome and grouping for a terminal, in
 * `csv` format one row each with every statistic at full precision (group 1 = inside).
 *
 * @example
 * process.stdout.write(formatComparison(rows, { format: 'table', permutations: 10000, seed: 1 }));
 */
export function formatComparison(rows: OutcomeComparison[], options: Format & { permutations: number; seed: number }): string {
	if (options.format === 'csv') {
		return csv([
			COMPARISON_COLUMNS,
			...rows.map((r) => [
				r.outcome, r.kind, r.labels[0], r.labels[1], r.inside.n, r.outside.n, r.inside.missing, r.outside.missing,
				raw(r.inside.mean), raw(r.outside.mean), raw(r.inside.median), raw(r.outside.median), raw(r.inside.sd), raw(r.outside.sd),
				raw(r.welch?.difference.estimate), raw(r.welch?.difference.low), raw(r.welch?.difference.high), raw(r.welch?.t), raw(r.welch?.df), raw(r.welch?.p),
				raw(r.mannWhitney?.u), raw(r.mannWhitney?.p), raw(r.chiSquare?.statistic), raw(r.chiSquare?.p), raw(r.fisher?.p), raw(r.permutation?.p),
				r.permutation?.permutations ?? 0, r.permutation?.seed ?? '', raw(r.effect?.hedgesG), raw(r.effect?.cohensD), raw(r.effect?.rankBiserial),
				raw(r.effect?.riskDifference?.estimate), raw(r.effect?.oddsRatio?.estimate), raw(r.effect?.oddsRatio?.low), raw(r.effect?.oddsRatio?.high), r.notes.join('; ')
			])
		]);
	}
	const blocks = rows.map((r) => {
		const binary = r.kind === 'binary';
		const width = Math.max(12, r.labels[0].length, r.labels[1].length) + 2;
		const pair = (label: string, a: string, b: string) => `  ${label.padEnd(16)}${a.padStart(width)}${b.padStart(width)}`;
		const lines = [
			`${r.outcome} (${binary ? 'yes/no' : 'numeric'}): ${r.labels[0]} vs ${r.labels[1]}`,
			pair('', r.labels[0], r.labels[1]),
			pair('n', r.inside.n.toLocaleString('en'), r.outside.n.toLocaleString('en')),
			pair('missing', r.inside.missing.toLocaleString('en'), r.outside.missing.toLocaleString('en')),
			binary ? pair('share yes', num(r.inside.share), num(r.outside.share)) : pair('mean', num(r.inside.mean), num(r.outside.mean)),
			...(binary ? [] : [pair('median', num(r.inside.median), num(r.outside.median)), pair('sd', num(r.inside.sd), num(r.outside.sd))])
		];
		if (r.welch) {
			const d = r.welch.difference;
			lines.push(`  difference      ${num(d.estimate)} (95% CI ${num(d.low)} to ${num(d.high)})`);
			lines.push(`  Welch t-test    p ${formatP(r.welch.p)}  (t = ${num(r.welch.t, 2)}, df = ${num(r.welch.df, 1)})`);
		}
		if (r.mannWhitney) lines.push(`  Mann–Whitney U  p ${formatP(r.mannWhitney.p)}  (U = ${r.mannWhitney.u}, z = ${num(r.mannWhitney.z, 2)})`);
		if (r.chiSquare) lines.push(`  chi-square      p ${formatP(r.chiSquare.p)}  (X² = ${num(r.chiSquare.statistic, 2)}, df = ${r.chiSquare.df})`);
		if (r.fisher) lines.push(`  Fisher exact    p ${formatP(r.fisher.p)}`);
		if (r.permutation) {
			const { p, permutations, seed } = r.permutation;
			// The smallest p a permutation test can give is 1/(1 + permutations): say so rather than "< 0.0001".
			const floor = p * (1 + permutations) < 1.5;
			const text = floor ? `≤ ${p.toPrecision(2)} (no permutation as extreme)` : formatP(p);
			lines.push(`  permutation     p ${text}  (${permutations.toLocaleString('en')} permutations, seed ${seed})`);
		}
		if (r.effect) {
			const e = r.effect;
			const parts = [`Hedges g ${num(e.hedgesG)}`, `rank-biserial r ${num(e.rankBiserial)}`];
			if (e.riskDifference) parts.push(`risk difference ${num(e.riskDifference.estimate)}`);
			if (e.oddsRatio) parts.push(`odds ratio ${num(e.oddsRatio.estimate, 2)} (95% CI ${num(e.oddsRatio.low, 2)} to ${num(e.oddsRatio.high, 2)})`);
			lines.push(`  effect size     ${parts.join(', ')}`);
		}
		for (const note of r.notes) lines.push(`  note: ${note}`);
		return lines.map((l) => l.trimEnd()).join('\n');
	});
	return blocks.join('\n\n') + '\n';
}

/**
 * The linkage tables: per outcome and factor, the mean (share) with its 95 % interval and n in
 * each level, inside, outside and overall.
 *
 * @example
 * process.stdout.write(formatLinkage([{ contrast, table }], { format: 'csv' }));
 */
export function formatLinkage(tables: { contrast: Contrast; table: LinkageTable }[], options: Format): string {
	if (options.format === 'csv') {
		const rows: (string | number)[][] = [['outcome', 'factor', 'group_1', 'group_0', 'level', 'group', 'n', 'missing', 'mean', 'ci_low', 'ci_high', 'chi_square_p_across_levels']];
		for (const { contrast, table } of tables) {
			for (const c of table.cells) {
				const p = table.chiSquare?.[c.group].p;
				rows.push([table.outcome, table.factor, contrast.labels[0], contrast.labels[1], c.level, c.group, c.n, c.missing, raw(c.mean.estimate), raw(c.mean.low), raw(c.mean.high), raw(p)]);
			}
		}
		return csv(rows);
	}
	const blocks = tables.map(({ contrast, table }) => {
		const measure = table.kind === 'binary' ? 'share yes' : 'mean';
		const head = `${table.outcome} by ${table.factor} (${measure}, 95% CI, n)`;
		const labels = [contrast.labels[0], contrast.labels[1], 'all'];
		const levelWidth = Math.max(10, ...table.levels.map((l) => l.length)) + 2;
		const cellText = table.cells.map((c) => (c.n === 0 ? '–' : `${num(c.mean.estimate)} [${num(c.mean.low)}, ${num(c.mean.high)}]`));
		const estimateWidth = Math.max(...cellText.map((t) => t.length)) + 2;
		const nWidth = Math.max(3, ...table.cells.map((c) => c.n.toLocaleString('en').length)) + 2;
		const width = Math.max(estimateWidth + nWidth, ...labels.map((l) => l.length + 2));
		const lines = [head, `  ${''.padEnd(levelWidth)}${labels.map((l) => l.padStart(width)).join('')}`];
		table.levels.forEach((level, k) => {
			const text = [0, 1, 2].map((g) => {
				const at = k * 3 + g;
				return `${cellText[at].padStart(width - nWidth)}${table.cells[at].n.toLocaleString('en').padStart(nWidth)}`;
			});
			lines.push(`  ${level.padEnd(levelWidth)}${text.join('')}`);
		});
		if (table.chiSquare) {
			const { inside: a, outside: b, all } = table.chiSquare;
			lines.push(`  chi-square across levels: p ${formatP(a.p)} (${contrast.labels[0]}), p ${formatP(b.p)} (${contrast.labels[1]}), p ${formatP(all.p)} (all)`);
		}
		const { inside, outside } = table.factorMissing;
		if (inside + outside > 0) lines.push(`  ${table.factor} missing for ${inside.toLocaleString('en')} firms in group 1 and ${outside.toLocaleString('en')} in group 0 (not in the table)`);
		return lines.join('\n');
	});
	return blocks.join('\n\n') + '\n';
}

/**
 * The regression tables: coefficient, robust standard error, t or z, p and 95 % interval per
 * term, with n and the firms left out for missing values.
 *
 * @example
 * process.stdout.write(formatRegression([{ outcome, result, excluded }], { format: 'table' }));
 */
export function formatRegression(
	fits: { outcome: ParsedColumn; result: RegressionResult; excluded: Record<string, number>; industryReference?: string | null; pooledIndustries?: string[] }[],
	options: Format
): string {
	if (options.format === 'csv') {
		const rows: (string | number)[][] = [['outcome', 'model', 'term', 'estimate', 'robust_se', 'statistic', 'p', 'ci_low', 'ci_high', 'n', 'se_type', 'error']];
		for (const { outcome, result } of fits) {
			if (!result.ok) rows.push([outcome.column, outcome.kind === 'binary' ? 'logit' : 'ols', result.variable ?? '', '', '', '', '', '', '', '', '', result.message]);
			else for (const c of result.coefficients) rows.push([outcome.column, result.model, c.name, raw(c.estimate), raw(c.se), raw(c.statistic), raw(c.p), raw(c.low), raw(c.high), result.n, result.seType, '']);
		}
		return csv(rows);
	}
	const blocks = fits.map(({ outcome, result, excluded, industryReference, pooledIndustries = [] }) => {
		if (!result.ok) return `${outcome.column}: not fitted — ${result.message}`;
		const stat = result.model === 'ols' ? 't' : 'z';
		const title = result.model === 'ols' ? `OLS, HC1 robust standard errors, R² = ${num(result.r2)}` : `logit, robust (sandwich) standard errors, pseudo-R² = ${num(result.r2)}`;
		const nameWidth = Math.max(14, ...result.coefficients.map((c) => c.name.length)) + 2;
		const lines = [
			`${outcome.column}: ${title}, n = ${result.n.toLocaleString('en')}`,
			`  ${'term'.padEnd(nameWidth)}${['estimate', 'robust SE', stat, 'p', '95% CI'].map((h, i) => h.padStart(i === 4 ? 22 : 11)).join('')}`
		];
		for (const c of result.coefficients) {
			lines.push(`  ${c.name.padEnd(nameWidth)}${[num(c.estimate, 4), num(c.se, 4), num(c.statistic, 2), formatP(c.p)].map((v) => v.padStart(11)).join('')}${`${num(c.low, 3)} to ${num(c.high, 3)}`.padStart(22)}`);
		}
		if (industryReference) lines.push(`  industry dummies against the reference industry ${industryReference}${pooledIndustries.length > 0 ? `; pooled into "other": ${pooledIndustries.join(', ')}` : ''}`);
		const left = Object.entries(excluded);
		if (left.length > 0) lines.push(`  left out for missing values: ${left.map(([k, v]) => `${v.toLocaleString('en')} (${k})`).join(', ')}`);
		return lines.join('\n');
	});
	return blocks.join('\n\n') + '\n';
}
