/**
 * Files the comparison writes: the tables as CSV (UTF-8 with BOM, formula-guarded cells, full
 * precision numbers for further analysis) and a one-page HTML report in which every text from the
 * data is escaped, so nothing in a column name or zone name can become markup.
 */
import { csvCell } from '$lib/core/io';
import type { LinkageTable } from '$lib/core/stats/compare/types';
import type { ContrastResult, OutcomeRegression } from '$lib/worker/compare-protocol';
import { contingency, difference } from './format';
import { groupNames, type Labels, type TableSpec } from './tables';

const BOM = '\uFEFF';

/** CSV text: header, then rows; numbers in full precision, empty for missing. */
function csv(head: string[], rows: (string | number | null | undefined)[][]): string {
	const text = (value: string | number | null | undefined) => (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value)) ? '' : String(value));
	return BOM + [head, ...rows].map((row) => row.map((value) => csvCell(text(value))).join(',')).join('\r\n') + '\r\n';
}

/**
 * Every outcome of every contrast, one row each, with both groups' descriptives and every test.
 *
 * @example
 * outcomesCsv(result.contrasts, labels); // '\uFEFFgroup_a,group_b,outcome,…'
 */
export function outcomesCsv(contrasts: readonly ContrastResult[], labels: Labels): string {
	const head = [
		'group_a', 'group_b', 'outcome', 'kind',
		'n_a', 'missing_a', 'mean_a', 'median_a', 'sd_a', 'share_a',
		'n_b', 'missing_b', 'mean_b', 'median_b', 'sd_b', 'share_b',
		'difference', 'difference_low', 'difference_high',
		'welch_t', 'welch_df', 'welch_p',
		'mann_whitney_u', 'mann_whitney_p',
		'contingency_test', 'chi_square', 'chi_square_df', 'chi_square_p', 'fisher_p',
		'permutation_p', 'permutations', 'seed',
		'hedges_g', 'cohens_d', 'rank_biserial', 'odds_ratio', 'odds_ratio_low', 'odds_ratio_high'
	];
	const rows = contrasts.flatMap((contrast) => {
		const [a, b] = groupNames(contrast, labels);
		return contrast.outcomes.map((row) => {
			const diff = difference(row);
			return [
				a, b, row.outcome, row.kind,
				row.inside.n, row.inside.missing, row.inside.mean, row.inside.median, row.inside.sd, row.inside.share,
				row.outside.n, row.outside.missing, row.outside.mean, row.outside.median, row.outside.sd, row.outside.share,
				diff?.estimate, diff?.low, diff?.high,
				row.welch?.t, row.welch?.df, row.welch?.p,
				row.mannWhitney?.u, row.mannWhitney?.p,
				contingency(row)?.test, row.chiSquare?.statistic, row.chiSquare?.df, row.chiSquare?.p, row.fisher?.p,
				row.permutation?.p, row.permutation?.permutations, row.permutation?.seed,
				row.effect?.hedgesG, row.effect?.cohensD, row.effect?.rankBiserial,
				row.effect?.oddsRatio?.estimate, row.effect?.oddsRatio?.low, row.effect?.oddsRatio?.high
			];
		});
	});
	return csv(head, rows);
}

/**
 * Linkage tables, one row per outcome, variable, level and group.
 *
 * @example
 * linkageCsv(result.linkage); // '\uFEFFoutcome,variable,level,group,n,missing,mean,low,high\r\n…'
 */
export function linkageCsv(tables: readonly LinkageTable[]): string {
	const rows = tables.flatMap((table) => table.cells.map((c) => [table.outcome, table.factor, c.level, c.group, c.n, c.missing, c.mean.estimate, c.mean.low, c.mean.high]));
	return csv(['outcome', 'variable', 'level', 'group', 'n', 'missing', 'mean', 'low', 'high'], rows);
}

/**
 * Regression coefficients, one row per outcome and term; a model that failed gets one row saying why.
 *
 * @example
 * regressionCsv(result.regressions); // '\uFEFFoutcome,model,n,term,coef,robust_se,…'
 */
export function regressionCsv(regressions: readonly OutcomeRegression[]): string {
	const rows = regressions.flatMap(({ outcome, result }) =>
		result.ok
			? result.coefficients.map((c) => [outcome, result.model, result.n, c.name, c.estimate, c.se, result.seType, c.statistic, c.p, c.low, c.high, ''])
			: [[outcome, '', '', '', '', '', '', '', '', '', '', result.message]]
	);
	return csv(['outcome', 'model', 'n', 'term', 'coef', 'robust_se', 'se_type', 'statistic', 'p', 'low', 'high', 'failure'], rows);
}

/**
 * Text made safe for HTML element content and quoted attribute values.
 *
 * @example
 * escapeHtml('<b>"A&B"</b>'); // '&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;'
 */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A table as HTML, every cell escaped. */
export function tableHtml(table: TableSpec): string {
	const head = table.head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
	const body = table.rows.map((row) => `<tr><th scope="row">${escapeHtml(row[0])}</th>${row.slice(1).map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n');
	return `<table><caption>${escapeHtml(table.caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

export interface ReportInput {
	lang: string;
	title: string;
	/** A line under the title (date, file). */
	subtitle: string;
	parametersHeading: string;
	parameters: [label: string, value: string][];
	/** PNG of the zones map as a data: URL, or null when it could not be captured. */
	mapPng: string | null;
	mapHeading: string;
	sections: { heading: string; tables: TableSpec[]; notes?: string[]; charts?: { title: string; svg: string }[] }[];
}

/**
 * A standalone one-page HTML report. Charts come as serialised SVG from the page (XMLSerializer
 * escapes their text); everything else is escaped here; only a PNG data URL is accepted as the
 * map image.
 *
 * @example
 * reportHtml({ lang: 'en', title: 'Report', subtitle: '', parametersHeading: 'Parameters', parameters: [], mapPng: null, mapHeading: 'Map', sections: [] });
 */
export function reportHtml(input: ReportInput): string {
	const parameters = input.parameters.map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('\n');
	const map = input.mapPng && /^data:image\/png;base64,[A-Za-z0-9+/=]+$/.test(input.mapPng) ? `<h2>${escapeHtml(input.mapHeading)}</h2><img class="map" alt="${escapeHtml(input.mapHeading)}" src="${input.mapPng}">` : '';
	const sections = input.sections
		.map((section) => {
			const tables = section.tables.map(tableHtml).join('\n');
			const notes = (section.notes ?? []).map((n) => `<p class="note">${escapeHtml(n)}</p>`).join('\n');
			const charts = (section.charts ?? []).map((c) => `<figure><figcaption>${escapeHtml(c.title)}</figcaption>${svgOnly(c.svg)}</figure>`).join('\n');
			return `<section><h2>${escapeHtml(section.heading)}</h2>\n${tables}\n${notes}\n<div class="charts">${charts}</div></section>`;
		})
		.join('\n');
	return `<!doctype html>
<html lang="${escapeHtml(input.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<title>${escapeHtml(input.title)}</title>
<style>
body { font-family: system-ui, 'Noto Sans CJK JP', sans-serif; margin: 1.5rem auto; max-width: 1100px; color: #1f2328; font-size: 13px; }
h1 { font-size: 1.4rem; margin: 0; } h2 { font-size: 1.1rem; margin: 1.4rem 0 0.4rem; }
.sub { color: #5b6270; margin: 0.2rem 0 1rem; }
table { border-collapse: collapse; margin: 0.4rem 0 0.8rem; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: 0.2rem 0; }
th, td { border: 1px solid #c9ccd1; padding: 0.2rem 0.45rem; text-align: right; vertical-align: top; }
td { white-space: nowrap; }
th[scope="row"], thead th { text-align: left; background: #f3f4f6; }
.parameters td { text-align: left; white-space: normal; }
.map { max-width: 100%; border: 1px solid #c9ccd1; }
.charts { display: flex; flex-wrap: wrap; gap: 1rem; } figure { margin: 0; } figcaption { font-weight: 600; }
.note { color: #a64b00; }
</style>
</head>
<body>
<h1>${escapeHtml(input.title)}</h1>
<p class="sub">${escapeHtml(input.subtitle)}</p>
<h2>${escapeHtml(input.parametersHeading)}</h2>
<table class="parameters"><tbody>
${parameters}
</tbody></table>
${map}
${sections}
</body>
</html>
`;
}

/** Keeps a serialised chart only if it is one SVG element (defence in depth: no stray markup). */
function svgOnly(svg: string): string {
	const trimmed = svg.trim();
	return trimmed.startsWith('<svg') && trimmed.endsWith('</svg>') && !/<script|<foreignObject|\son\w+=/i.test(trimmed) ? trimmed : '';
}
