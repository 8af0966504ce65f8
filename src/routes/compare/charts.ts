/**
 * Observable Plot specifications of the comparison's charts. Each chart is a single SVG (no
 * separate legend element) so it saves as one file and embeds in the report.
 */
import * as Plot from '@observablehq/plot';
import type { LinkageTable } from '$lib/core/stats/compare/types';
import type { DistanceDistribution, OutcomeDistribution } from '$lib/worker/compare-protocol';

/** Inside in the zone colour, outside in grey, as on the map. */
const COLOURS = ['#d9480f', '#6b7280'];

export interface GroupLabels {
	inside: string;
	outside: string;
}

/**
 * Bars of the outcome's mean (share for yes/no) per level of a linkage variable, inside and
 * outside side by side, each with its 95% interval. `levelLabel` writes a level for display (the
 * data keeps its own).
 *
 * @example
 * Plot.plot(linkageBars(table, { inside: 'Inside', outside: 'Outside' }, 'Mean (95% CI)'));
 */
export function linkageBars(table: LinkageTable, groups: GroupLabels, yLabel: string, levelLabel: (level: string) => string = (level) => level): Plot.PlotOptions {
	const data = table.cells
		.filter((c) => c.group !== 'all' && c.n > 0)
		.map((c) => ({ level: c.level, group: c.group === 'inside' ? groups.inside : groups.outside, mean: c.mean.estimate, low: c.mean.low, high: c.mean.high, n: c.n }));
	const domain = [groups.inside, groups.outside];
	return {
		width: 460,
		height: 240,
		marginLeft: 48,
		marginBottom: 36,
		style: { fontSize: '11px' },
		fx: { label: null, domain: table.levels, padding: 0.15, tickFormat: levelLabel },
		x: { label: null, domain, tickFormat: (d: string) => d, tickRotate: table.levels.length > 4 ? -30 : 0 },
		y: { label: yLabel, grid: true, zero: true },
		color: { domain, range: COLOURS },
		marks: [
			Plot.barY(data, { fx: 'level', x: 'group', y: 'mean', fill: 'group', title: (d: { level: string; group: string; mean: number; n: number }) => `${levelLabel(d.level)} · ${d.group}: ${d.mean.toFixed(3)} (n = ${d.n})` }),
			Plot.ruleX(data, { fx: 'level', x: 'group', y1: 'low', y2: 'high', stroke: '#111827', strokeWidth: 1.5 }),
			Plot.ruleY([0])
		]
	};
}

/**
 * The distribution of distances to the nearest institution: share of each group's firms per bin,
 * one row per group, with the medians marked.
 *
 * @example
 * Plot.plot(distanceHistogram(distribution, { inside: 'Inside', outside: 'Outside' }, 'km', 'Share'));
 */
export function distanceHistogram(distribution: DistanceDistribution, groups: GroupLabels, xLabel: string, yLabel: string): Plot.PlotOptions {
	const rows: { group: string; x1: number; x2: number; share: number }[] = [];
	for (const [key, label] of [['inside', groups.inside], ['outside', groups.outside]] as const) {
		const counts = distribution[key];
		const total = counts.reduce((sum, c) => sum + c, 0) || 1;
		counts.forEach((count, k) => rows.push({ group: label, x1: distribution.edges[k], x2: distribution.edges[k + 1], share: count / total }));
	}
	const medians = [
		{ group: groups.inside, km: distribution.median.inside },
		{ group: groups.outside, km: distribution.median.outside }
	].filter((m) => Number.isFinite(m.km));
	const domain = [groups.inside, groups.outside];
	return {
		width: 460,
		height: 260,
		marginLeft: 48,
		marginRight: 64,
		style: { fontSize: '11px' },
		fy: { label: null, domain },
		x: { label: xLabel },
		y: { label: yLabel, grid: true },
		color: { domain, range: COLOURS },
		marks: [
			Plot.rectY(rows, { x1: 'x1', x2: 'x2', y: 'share', fy: 'group', fill: 'group', insetLeft: 0.5, insetRight: 0.5 }),
			Plot.ruleX(medians, { x: 'km', fy: 'group', stroke: '#111827', strokeDasharray: '4 3' }),
			Plot.ruleY([0])
		]
	};
}

/**
 * The distribution of a numeric outcome: share of each group's firms per value or bin, inside and
 * outside side by side.
 *
 * @example
 * Plot.plot(outcomeBars(distribution, { inside: 'Inside', outside: 'Outside' }, 'Share of firms'));
 */
export function outcomeBars(distribution: OutcomeDistribution, groups: GroupLabels, yLabel: string): Plot.PlotOptions {
	const data: { label: string; group: string; share: number; count: number }[] = [];
	for (const [key, label] of [['inside', groups.inside], ['outside', groups.outside]] as const) {
		const counts = distribution[key];
		const total = counts.reduce((sum, c) => sum + c, 0) || 1;
		counts.forEach((count, k) => data.push({ label: distribution.labels[k], group: label, share: count / total, count }));
	}
	const domain = [groups.inside, groups.outside];
	return {
		width: 460,
		height: 240,
		marginLeft: 48,
		marginBottom: 36,
		style: { fontSize: '11px' },
		fx: { label: distribution.outcome, domain: distribution.labels, padding: 0.15, tickRotate: distribution.labels.length > 6 ? -30 : 0 },
		x: { label: null, domain, tickRotate: -30 },
		y: { label: yLabel, grid: true, zero: true },
		color: { domain, range: COLOURS },
		marks: [
			Plot.barY(data, { fx: 'label', x: 'group', y: 'share', fill: 'group', title: (d: { label: string; group: string; count: number }) => `${d.label} · ${d.group}: ${d.count}` }),
			Plot.ruleY([0])
		]
	};
}
