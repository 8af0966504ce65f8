/**
 * Cluster detection on seeded data: DBSCAN on 100,000 firms over Japan (kdbush range queries in an
 * equal-area projection, exact great-circle neighbours) against the O(n²) textbook loop with
 * haversine distances on a subsample (scaled by n²), whose labels are checked equal; then the
 * hulls of the clusters as zones, and density-threshold contours of a kernel density grid.
 *
 *   npx tsx bench/run.ts detect         (BENCH_QUICK=1 for a smoke run)
 */
import { kernelDensity } from '../src/lib/core/density/kde';
import { clusterZones } from '../src/lib/core/detect/cluster-zones';
import { densityContours } from '../src/lib/core/detect/contours';
import { dbscan, NOISE } from '../src/lib/core/detect/dbscan';
import { dbscanStability, STABILITY_FACTORS } from '../src/lib/core/detect/stability';
import { haversineKm } from '../src/lib/core/geo/haversine';
import { generateFirms } from './lib/data';
import { machine, measure, ms, QUICK, spread } from './lib/measure';
import type { BenchResult } from './lib/report';

export const name = 'detect: DBSCAN and density contours';

const FIRMS = QUICK ? 20_000 : 100_000;
const SUBSAMPLE = QUICK ? 1000 : 4000;
const SETTINGS = [
	{ epsMetres: 500, minPts: 10 },
	{ epsMetres: 300, minPts: 5 },
	{ epsMetres: 1000, minPts: 20 }
];

/** The textbook O(n²) DBSCAN with the engine's documented rules (see dbscan.test.ts). */
function bruteForce(lons: Float64Array, lats: Float64Array, epsMetres: number, minPts: number): Int32Array {
	const n = lons.length;
	const eps = epsMetres / 1000;
	const core = new Uint8Array(n);
	for (let i = 0; i < n; i++) {
		let c = 0;
		for (let j = 0; j < n; j++) if (haversineKm(lons[i], lats[i], lons[j], lats[j]) <= eps) c++;
		if (c >= minPts) core[i] = 1;
	}
	const labels = new Int32Array(n).fill(NOISE);
	let next = 0;
	for (let i = 0; i < n; i++) {
		if (core[i] === 0 || labels[i] !== NOISE) continue;
		const stack = [i];
		labels[i] = next;
		while (stack.length > 0) {
			const k = stack.pop()!;
			for (let j = 0; j < n; j++) {
				if (core[j] === 1 && labels[j] === NOISE && haversineKm(lons[k], lats[k], lons[j], lats[j]) <= eps) {
					labels[j] = next;
					stack.push(j);
				}
			}
		}
		next++;
	}
	for (let i = 0; i < n; i++) {
		if (core[i] === 1) continue;
		let best = -1;
		let bestKm = Infinity;
		for (let j = 0; j < n; j++) {
			if (core[j] === 0) continue;
			const km = haversineKm(lons[i], lats[i], lons[j], lats[j]);
			if (km <= eps && km < bestKm) [best, bestKm] = [j, km];
		}
		if (best >= 0) labels[i] = labels[best];
	}
	return labels;
}

export async function run(report: (result: BenchResult) => void): Promise<void> {
	const { lons, lats } = generateFirms(FIRMS, 3);
	const step = Math.floor(FIRMS / SUBSAMPLE);
	const subLons = Float64Array.from({ length: SUBSAMPLE }, (_, k) => lons[k * step]);
	const subLats = Float64Array.from({ length: SUBSAMPLE }, (_, k) => lats[k * step]);
	const rows: (string | number)[][] = [];
	for (const settings of SETTINGS) {
		const label = `eps ${settings.epsMetres} m, minPts ${settings.minPts}`;
		const time = measure(() => dbscan(lons, lats, settings), { warmup: 1, runs: QUICK ? 2 : 5 });
		const result = dbscan(lons, lats, settings);
		const noise = result.labels.filter((l) => l === NOISE).length;
		rows.push([label, 'dbscan', `${result.clusterCount.toLocaleString('en')} clusters, ${((noise / FIRMS) * 100).toFixed(0)} % noise`, ms(time.median), spread(time), ms(time.cpuMedian), '1×']);

		let reference: Int32Array = new Int32Array(0);
		const brute = measure(() => (reference = bruteForce(subLons, subLats, settings.epsMetres, settings.minPts)), { warmup: 0, runs: 1 });
		const engineOnSub = dbscan(subLons, subLats, settings).labels;
		if (engineOnSub.some((l, i) => l !== reference[i])) throw new Error(`dbscan and the brute-force reference disagree (${label})`);
		const scaled = brute.median * (FIRMS / SUBSAMPLE) ** 2;
		rows.push([label, `O(n²) haversine loop (${SUBSAMPLE.toLocaleString('en')} firms, scaled by n²)`, 'same labels on the subsample', ms(scaled), '', ms(brute.cpuMedian * (FIRMS / SUBSAMPLE) ** 2), `${Math.round(scaled / time.median).toLocaleString('en')}× slower`]);

		for (const hull of ['convex', 'concave'] as const) {
			const zoneTime = measure(() => clusterZones(lons, lats, result, { ...settings, hull }), { warmup: 1, runs: QUICK ? 1 : 3 });
			rows.push([label, `clusterZones, ${hull} hulls + firm counts`, `${result.clusterCount.toLocaleString('en')} zones`, ms(zoneTime.median), spread(zoneTime), ms(zoneTime.cpuMedian), '']);
		}
		if (settings.epsMetres <= 500) {
			// Stability across eps: eight more DBSCAN runs (½× to 2× eps) and the bookkeeping; the
			// eight runs alone are its floor.
			const stabilityTime = measure(() => dbscanStability(lons, lats, result, settings), { warmup: 0, runs: QUICK ? 1 : 2 });
			const runsAlone = measure(() => STABILITY_FACTORS.filter((f) => f !== 1).map((f) => dbscan(lons, lats, { ...settings, epsMetres: settings.epsMetres * f })), { warmup: 0, runs: QUICK ? 1 : 2 });
			const stable = dbscanStability(lons, lats, result, settings).filter((c) => c.fromMetres > c.toMetres).length;
			rows.push([label, 'dbscanStability (HDBSCAN-like, eps ½×–2×)', `${stable.toLocaleString('en')} of ${result.clusterCount.toLocaleString('en')} clusters persist over a range`, ms(stabilityTime.median), spread(stabilityTime), ms(stabilityTime.cpuMedian), `the 8 DBSCAN runs alone: ${ms(runsAlone.median)}`]);
		}
	}
	report({
		title: `detect: DBSCAN on ${FIRMS.toLocaleString('en')} firms over Japan`,
		columns: ['parameters', 'method', 'result', 'time (median)', 'spread (min – max)', 'CPU (median)', 'relative'],
		rows,
		notes: [
			'dbscan: two kdbush passes (neighbours are counted, kept while they fit in 32 MB, then joined with a union–find); distances checked exactly on the sphere.',
			'The O(n²) reference follows the same rules (clusters numbered by their lowest-index core firm, border firms to the nearest core firm) and its labels are checked equal to dbscan on the subsample before the times are reported.',
			`Firms: bench/lib/data.ts generateFirms (60 % round the field-study districts). Machine: ${machine()}. Two cores shared with other work: absolute times are noisy.`
		]
	});

	// Kanto: Tokyo, Yokohama, Ota, Musashi-Murayama, Kiryu, Taito, Hitachi within the box.
	const grid = kernelDensity(lons, lats, { bandwidthMetres: 1500, cellMetres: 250, bbox: [138.8, 35.0, 140.8, 36.8] });
	const contourRows: (string | number)[][] = [];
	for (const percentile of [90, 99]) {
		const time = measure(() => densityContours(grid, lons, lats, { percentile }), { warmup: 1, runs: QUICK ? 1 : 3 });
		const { zones, level } = densityContours(grid, lons, lats, { percentile });
		contourRows.push([`${percentile}th percentile (${level.toPrecision(3)} firms/km²)`, zones.length, ms(time.median), spread(time), ms(time.cpuMedian)]);
	}
	report({
		title: `detect: density-threshold contours over Kanto, ${grid.width} × ${grid.height} grid (250 m, quartic, h = 1.5 km), ${FIRMS.toLocaleString('en')} firms`,
		columns: ['level', 'zones', 'time (median)', 'spread (min – max)', 'CPU (median)'],
		rows: contourRows,
		notes: ['Marching squares by d3-contour, rings back to lon/lat, then every firm classified against the zones for their counts.', `Machine: ${machine()}.`]
	});
}
