/**
 * Membership stability: each firm's share of a 5 × 5 grid of settings under which it lies in a
 * detected zone — DBSCAN eps × minPts with convex hulls, and the density threshold bandwidth ×
 * percentile — against the naive baseline that runs every setting from scratch (the tests'
 * brute force), whose answers are checked equal before the times are reported.
 *
 *   npx tsx bench/run.ts stability        (BENCH_QUICK=1 for a smoke run)
 */
import { membershipStability, type StabilityGrid } from '../src/lib/core/detect/membership-stability';
import { bruteForceStability } from '../src/lib/core/detect/membership-stability-brute-force';
import { stabilityGroups } from '../src/lib/core/detect/stability-groups';
import { generateFirms } from './lib/data';
import { machine, measure, ms, QUICK, spread } from './lib/measure';
import type { BenchResult } from './lib/report';

export const name = 'stability: inside_stability over a grid of detection settings';

const FIRMS = QUICK ? 100_000 : 400_000;
/** Greater Tokyo (Ota, Taito, Kawasaki, Yokohama): a district-scale view, as the panel runs it. */
const VIEW: [number, number, number, number] = [139.55, 35.45, 139.9, 35.75];

const GRIDS: { label: string; grid: StabilityGrid }[] = [
	// The panel's grids round its defaults (eps 150 m, minPts 20; 90th percentile), ⅔ to 1½ times.
	{ label: 'DBSCAN eps 100–225 m × minPts 13–30, convex hulls', grid: { method: 'dbscan', epsMetres: [100, 120, 150, 188, 225], minPts: [13, 16, 20, 25, 30] } },
	{
		label: 'density threshold h 667–1,500 m × 80th–99th percentile, 100 m cells',
		grid: { method: 'kde-threshold', bandwidthMetres: [667, 800, 1000, 1250, 1500], thresholdBy: 'percentile', thresholds: [80, 85, 90, 95, 99], kde: { cellMetres: 100, bbox: VIEW } }
	}
];

export async function run(report: (result: BenchResult) => void): Promise<void> {
	const all = generateFirms(FIRMS, 11);
	const keep: number[] = [];
	for (let i = 0; i < FIRMS; i++) if (all.lons[i] >= VIEW[0] && all.lons[i] <= VIEW[2] && all.lats[i] >= VIEW[1] && all.lats[i] <= VIEW[3]) keep.push(i);
	const lons = Float64Array.from(keep, (i) => all.lons[i]);
	const lats = Float64Array.from(keep, (i) => all.lats[i]);
	const rows: (string | number)[][] = [];
	for (const { label, grid } of GRIDS) {
		const result = membershipStability(lons, lats, grid);
		const naive = bruteForceStability(lons, lats, grid);
		const differing = result.stability.findIndex((s, i) => s !== naive[i]);
		if (differing >= 0) throw new Error(`membershipStability and the naive baseline disagree at firm ${differing} (${label})`);
		const groups = stabilityGroups(result.stability);
		const time = measure(() => membershipStability(lons, lats, grid), { warmup: 1, runs: QUICK ? 1 : 5 });
		const base = measure(() => bruteForceStability(lons, lats, grid), { warmup: 1, runs: QUICK ? 1 : 3 });
		const answer = `${groups.inside.toLocaleString('en')} stably inside, ${groups.outside.toLocaleString('en')} stably outside, ${groups.uncertain.toLocaleString('en')} uncertain`;
		rows.push([label, 'membershipStability', answer, ms(time.median), spread(time), ms(time.cpuMedian), '1×']);
		rows.push([label, 'naive: each of the 25 settings from scratch', 'same stability for every firm', ms(base.median), spread(base), ms(base.cpuMedian), `${(base.median / time.median).toFixed(1)}× slower`]);
	}
	report({
		title: `stability: ${lons.length.toLocaleString('en')} firms in a Greater Tokyo view (of ${FIRMS.toLocaleString('en')} over Japan), 25 settings each`,
		columns: ['grid', 'method', 'result', 'time (median)', 'spread (min – max)', 'CPU (median)', 'relative'],
		rows,
		notes: [
			'Engine: DBSCAN neighbours searched once per eps and labelled for every minPts (dbscanEachMinPts), a minPts that changes no label reuses the zones before it; the kernel density computed once per bandwidth for every percentile. Each setting is then drawn as zones (hulls, contours) and every firm classified, as the app does.',
			'Naive: dbscan + clusterZones + classify, or kernelDensity + densityContours + classify, per setting; its stabilities are checked equal to the engine\'s before timing.',
			`Firms: bench/lib/data.ts generateFirms (seed 11). Machine: ${machine()}. Two cores shared with other work: absolute times are noisy.`
		]
	});
}
