/**
 * The Duranton–Overman test on seeded data: an industry of 2,000 firms among 6,000 sites in a
 * ~150 km region, 1,000 counterfactual draws (pool matrix); the same split in two parts as the
 * app's two workers run it (each part timed alone: with a core each, the wall time is the slower
 * part plus the merge); the same with a 20,000-site pool (distances computed per draw, fewer
 * draws, scaled). Baselines in the same process: the pool matrix's lookup loop as it was before,
 * four rows at a time, on the same samples; and the K-density of one draw computed the textbook
 * way, a Gaussian summed over every pair at every distance, on a few distances, scaled to all
 * distances and all draws. Ripley's K/L with 999 draws too.
 *
 *   npx tsx bench/run.ts localization   (BENCH_QUICK=1 for a smoke run)
 */
import { haversineKm } from '../src/lib/core/geo/haversine';
import { createRandom } from '../src/lib/core/sample/random';
import { durantonOverman, durantonOvermanPart, mergeDurantonOverman } from '../src/lib/core/stats/localization/duranton-overman';
import { splitDraws } from '../src/lib/core/stats/localization/draw-parts';
import { COUNT_COPIES, sitePoints } from '../src/lib/core/stats/localization/pair-histogram';
import { addMatrixHistogram, buildPoolMatrix, type PoolMatrix } from '../src/lib/core/stats/localization/pool-matrix';
import { ripleyKL } from '../src/lib/core/stats/localization/ripley';
import { localizationSites } from '../src/lib/core/sample/localization-sites';
import { machine, measure, ms, QUICK, spread } from './lib/measure';
import type { BenchResult } from './lib/report';

export const name = 'localization: Duranton–Overman and Ripley';

const INDUSTRY = QUICK ? 300 : 2000;
const POOL = QUICK ? 1500 : 6000;
const BIG_POOL = QUICK ? 8000 : 20_000;
const DRAWS = QUICK ? 100 : 1000;
const BIG_POOL_DRAWS = QUICK ? 20 : 50;
const LOOP_SAMPLES = QUICK ? 5 : 40;

/** The lookup loop as it was: four rows at a time into four copies, row starts as doubles. */
function fourRowLookups(rowStart: Float64Array, cells: Uint16Array, width: number, sample: Uint32Array, counts: Int32Array): void {
	const n = sample.length;
	let a = 0;
	for (; a + 3 < n - 1; a += 4) {
		for (let p = a; p < a + 3; p++) {
			const base = rowStart[sample[p]];
			for (let q = p + 1; q < a + 4; q++) counts[cells[base + sample[q]]]++;
		}
		const r1 = rowStart[sample[a]], r2 = rowStart[sample[a + 1]], r3 = rowStart[sample[a + 2]], r4 = rowStart[sample[a + 3]];
		for (let b = a + 4; b < n; b++) {
			const j = sample[b];
			counts[cells[r1 + j]]++;
			counts[width + cells[r2 + j]]++;
			counts[2 * width + cells[r3 + j]]++;
			counts[3 * width + cells[r4 + j]]++;
		}
	}
	for (; a < n - 1; a++) {
		const base = rowStart[sample[a]];
		for (let b = a + 1; b < n; b++) counts[cells[base + sample[b]]]++;
	}
}

/** Both lookup loops on the same random samples of the pool; their histograms must agree. */
function lookupLoops(matrix: PoolMatrix, n: number) {
	const rng = createRandom(3);
	const samples = Array.from({ length: LOOP_SAMPLES }, () => {
		const order = Uint32Array.from({ length: matrix.size }, (_, k) => k);
		for (let k = 0; k < n; k++) {
			const j = k + Math.floor(rng.next() * (matrix.size - k));
			[order[k], order[j]] = [order[j], order[k]];
		}
		return order.slice(0, n).sort();
	});
	const width = matrix.bins + 1;
	const counts = new Int32Array(COUNT_COPIES * width);
	const rowStart = Float64Array.from(matrix.rowStart);
	const total = () => Array.from({ length: width - 1 }, (_, b) => Array.from({ length: COUNT_COPIES }, (_, c) => counts[c * width + b]).reduce((x, y) => x + y));
	counts.fill(0);
	addMatrixHistogram(matrix, samples[0], counts);
	const now = total();
	counts.fill(0);
	fourRowLookups(rowStart, matrix.cells, width, samples[0], counts);
	if (total().some((v, b) => v !== now[b])) throw new Error('localization bench: the two lookup loops disagree');
	const eight = measure(() => samples.forEach((s) => addMatrixHistogram(matrix, s, counts)), { warmup: 1, runs: QUICK ? 1 : 5 });
	const four = measure(() => samples.forEach((s) => fourRowLookups(rowStart, matrix.cells, width, s, counts)), { warmup: 1, runs: QUICK ? 1 : 5 });
	return { eight, four };
}

export async function run(report: (result: BenchResult) => void): Promise<void> {
	const rows: (string | number)[][] = [];
	const { lons, lats, mask } = localizationSites(POOL, INDUSTRY, 9);
	const time = measure(() => durantonOverman(lons, lats, mask, { draws: DRAWS }), { warmup: QUICK ? 0 : 1, runs: QUICK ? 1 : 3 });
	const result = durantonOverman(lons, lats, mask, { draws: DRAWS });
	const localised = result.localised.map((r) => `${r.fromKm}–${r.toKm} km`).join(', ') || 'none';
	rows.push([
		`durantonOverman, pool ${POOL.toLocaleString('en')} (${result.method})`,
		DRAWS.toLocaleString('en'),
		`${result.distancesKm.length} distances, h = ${result.bandwidthKm.toFixed(2)} km; localised ${localised}`,
		ms(time.median),
		spread(time),
		ms(time.cpuMedian),
		'1×'
	]);

	// The app's split: two parts, each as one worker runs it, then the merge on the page.
	const ranges = splitDraws(DRAWS, 2);
	const partTimes = ranges.map((range) => measure(() => durantonOvermanPart(lons, lats, mask, { draws: DRAWS, range }), { warmup: 0, runs: QUICK ? 1 : 3 }));
	const parts = ranges.map((range) => durantonOvermanPart(lons, lats, mask, { draws: DRAWS, range }));
	const mergeTime = measure(() => mergeDurantonOverman(parts), { warmup: 1, runs: QUICK ? 1 : 5 });
	if (JSON.stringify(mergeDurantonOverman(parts).globalUpper) !== JSON.stringify(result.globalUpper)) throw new Error('localization bench: the merged halves differ from one run');
	// With a core each the wall time is the slower part plus the merge; CPU times stand for them, as
	// the parts run one after the other here and a shared machine may not give two free cores.
	const twoWorkers = Math.max(...partTimes.map((t) => t.cpuMedian)) + mergeTime.cpuMedian;
	rows.push([
		`same, two parts (draws ${ranges.map((r) => `${r.from}–${r.to - 1}`).join(' and ')}) + merge, as two workers run it`,
		DRAWS.toLocaleString('en'),
		`parts ${partTimes.map((t) => ms(t.median)).join(' and ')}, merge ${ms(mergeTime.median)}; result equal to one run`,
		`${ms(twoWorkers)} with a core each`,
		'',
		`${partTimes.map((t) => ms(t.cpuMedian)).join(' + ')} + ${ms(mergeTime.cpuMedian)}`,
		`${(time.cpuMedian / twoWorkers).toFixed(1)}× faster (CPU)`
	]);

	const matrix = buildPoolMatrix(sitePoints(lons, lats, Uint32Array.from({ length: POOL }, (_, i) => i)), result.binKm, Math.ceil((result.maxDistanceKm + 4 * result.bandwidthKm) / result.binKm) + 1);
	const loops = lookupLoops(matrix, INDUSTRY);
	const perDraw = (t: { median: number }) => t.median / LOOP_SAMPLES;
	rows.push([
		`pool-matrix lookups of one draw: 8 rows at a time (now) vs 4 rows (before); ${LOOP_SAMPLES} draws`,
		'1',
		`${((INDUSTRY * (INDUSTRY - 1)) / 2).toLocaleString('en')} pairs`,
		`${perDraw(loops.eight).toFixed(2)} ms`,
		`${(loops.eight.min / LOOP_SAMPLES).toFixed(2)} – ${(loops.eight.max / LOOP_SAMPLES).toFixed(2)} ms`,
		`before: ${perDraw(loops.four).toFixed(2)} ms`,
		`${(loops.four.median / loops.eight.median).toFixed(2)}× faster`
	]);

	const big = localizationSites(BIG_POOL, INDUSTRY, 10);
	const bigTime = measure(() => durantonOverman(big.lons, big.lats, big.mask, { draws: BIG_POOL_DRAWS }), { warmup: 0, runs: QUICK ? 1 : 2 });
	const bigResult = durantonOverman(big.lons, big.lats, big.mask, { draws: BIG_POOL_DRAWS });
	const bigScaled = (bigTime.median / BIG_POOL_DRAWS) * DRAWS;
	rows.push([
		`durantonOverman, pool ${BIG_POOL.toLocaleString('en')} (${bigResult.method}; ${BIG_POOL_DRAWS} draws, scaled)`,
		DRAWS.toLocaleString('en'),
		`${bigResult.distancesKm.length} distances`,
		ms(bigScaled),
		'',
		ms((bigTime.cpuMedian / BIG_POOL_DRAWS) * DRAWS),
		`${(bigScaled / time.median).toFixed(1)}× slower`
	]);

	// Textbook: for each distance, a Gaussian over every pair (reflected at 0), one draw's firms.
	const industry = Array.from(mask.keys()).filter((i) => mask[i] === 1);
	const sampleDistances = QUICK ? 4 : 10;
	const h = result.bandwidthKm;
	let pairs: number[] = [];
	const pairTime = measure(
		() => {
			pairs = [];
			for (let a = 0; a < industry.length; a++)
				for (let b = a + 1; b < industry.length; b++) pairs.push(haversineKm(lons[industry[a]], lats[industry[a]], lons[industry[b]], lats[industry[b]]));
			return pairs;
		},
		{ warmup: 1, runs: 1 }
	);
	const kernelTime = measure(
		() => {
			const out: number[] = [];
			for (let k = 0; k < sampleDistances; k++) {
				const d = result.distancesKm[Math.floor((k * result.distancesKm.length) / sampleDistances)];
				let s = 0;
				for (const dij of pairs) s += Math.exp(-(((d - dij) / h) ** 2) / 2) + Math.exp(-(((d + dij) / h) ** 2) / 2);
				out.push(s);
			}
			return out;
		},
		{ warmup: 1, runs: 1 }
	);
	const naivePerDraw = pairTime.median + kernelTime.median * (result.distancesKm.length / sampleDistances);
	const naiveScaled = naivePerDraw * (DRAWS + 1);
	rows.push([
		`per-pair Gaussian at every distance (${sampleDistances} distances of one draw, scaled)`,
		DRAWS.toLocaleString('en'),
		`${result.distancesKm.length} distances`,
		ms(naiveScaled),
		'',
		ms((pairTime.cpuMedian + kernelTime.cpuMedian * (result.distancesKm.length / sampleDistances)) * (DRAWS + 1)),
		`${Math.round(naiveScaled / time.median).toLocaleString('en')}× slower`
	]);

	const ripleyDraws = QUICK ? 99 : 999;
	const ripleyTime = measure(() => ripleyKL(lons, lats, mask, { draws: ripleyDraws, maxDistanceKm: 50 }), { warmup: 0, runs: QUICK ? 1 : 3 });
	const ripley = ripleyKL(lons, lats, mask, { draws: ripleyDraws, maxDistanceKm: 50 });
	rows.push([`ripleyKL, pool ${POOL.toLocaleString('en')} (${ripley.method})`, ripleyDraws.toLocaleString('en'), `${ripley.distancesKm.length} distances (0–50 km)`, ms(ripleyTime.median), spread(ripleyTime), ms(ripleyTime.cpuMedian), '']);

	report({
		title: `localization: ${INDUSTRY.toLocaleString('en')} firms of an industry, ${DRAWS.toLocaleString('en')} counterfactual draws`,
		columns: ['method', 'draws', 'curve', 'time (median)', 'spread (min – max)', 'CPU (median)', 'relative'],
		rows,
		notes: [
			'Each draw is n sites out of the pool without replacement (seeded); its n(n − 1)/2 pair distances are binned (bins ≤ h/10) and the binned counts smoothed with the reflected Gaussian at the report distances.',
			`Pools up to 8,500 sites: pair bins precomputed once (Uint16, upper triangle, ${((POOL * (POOL - 1)) / 2 * 2 / 2 ** 20).toFixed(0)} MB here) and looked up eight rows at a time; larger pools: distances computed per draw, four rows at a time.`,
			'Times include the bandwidth, the observed curve, the bands (local percentiles and global rank envelopes) and, for the matrix, building it. A part skips the draws before its range by replaying their shuffles only.',
			`Machine: ${machine()}. Two cores shared with other work: absolute times are noisy.`
		]
	});
}
