import { createRandom } from '../../sample/random';
import { addPairHistogram, COUNT_COPIES, type SitePoints } from './pair-histogram';
import { addMatrixHistogram, buildPoolMatrix, MATRIX_MAX_SITES } from './pool-matrix';

/** Which of the seeded draws to compute: draws [from, to) of the run's `draws`. */
export interface DrawRange {
	from: number;
	to: number;
}

/**
 * Runs Monte Carlo draws of n sites without replacement from a pool of sites (seeded, partial
 * Fisher–Yates on one stream of createRandom), turns each draw's pair-distance histogram into a
 * curve with `curve`, and returns the curves row by row. Pools up to 8,500 sites get a
 * precomputed matrix of pair bins (72 MB at most), so a draw only looks its pairs up; larger pools
 * compute the distances of each draw's pairs. Both give the same histograms.
 *
 * With `range`, only draws [from, to) are computed (the earlier ones are shuffled but not
 * counted, which costs n random numbers each), so the draws can be shared among workers and the
 * parts put back together equal one run with the same seed.
 * @example
 * const { curves } = counterfactualCurves(poolSites, 2000, 0.1, 1850, 361, kernel, { draws: 1000, seed: 1 });
 * @internal shared by durantonOverman and ripleyKL
 */
export function counterfactualCurves(
	pool: SitePoints,
	n: number,
	binKm: number,
	bins: number,
	points: number,
	curve: (histogram: Float64Array, out: Float64Array) => void,
	options: { draws: number; seed: number; range?: DrawRange; onProgress?: (done: number, total: number) => void }
): { curves: Float64Array; method: 'matrix' | 'direct' } {
	const size = pool.x.length;
	const { draws, onProgress } = options;
	const { from, to } = options.range ?? { from: 0, to: draws };
	if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to > draws || from >= to) {
		throw new Error(`counterfactualCurves: the draw range ${from}–${to} must be whole numbers within 0–${draws}, from below to.`);
	}
	const matrix = size <= MATRIX_MAX_SITES ? buildPoolMatrix(pool, binKm, bins) : null;
	const rng = createRandom(options.seed);
	const order = Uint32Array.from({ length: size }, (_, k) => k);
	const shuffle = () => {
		for (let k = 0; k < n; k++) {
			const j = k + Math.floor(rng.next() * (size - k));
			const t = order[k];
			order[k] = order[j];
			order[j] = t;
		}
	};
	for (let r = 0; r < from; r++) shuffle();
	const sample = new Uint32Array(n);
	const gathered: SitePoints = { x: new Float64Array(n), y: new Float64Array(n), z: new Float64Array(n) };
	const counts = new Int32Array(COUNT_COPIES * (bins + 1));
	const histogram = new Float64Array(bins);
	const total = to - from;
	const curves = new Float64Array(total * points);
	const row = new Float64Array(points);
	const every = Math.max(1, Math.round(total / 100));
	onProgress?.(0, total);
	for (let r = 0; r < total; r++) {
		shuffle();
		sample.set(order.subarray(0, n));
		sample.sort();
		counts.fill(0);
		if (matrix !== null) addMatrixHistogram(matrix, sample, counts);
		else {
			for (let k = 0; k < n; k++) {
				gathered.x[k] = pool.x[sample[k]];
				gathered.y[k] = pool.y[sample[k]];
				gathered.z[k] = pool.z[sample[k]];
			}
			addPairHistogram(gathered, n, binKm, bins, counts);
		}
		sumCopies(counts, bins, histogram);
		curve(histogram, row);
		curves.set(row, r * points);
		if (onProgress !== undefined && ((r + 1) % every === 0 || r + 1 === total)) onProgress(r + 1, total);
	}
	return { curves, method: matrix !== null ? 'matrix' : 'direct' };
}

/** Sums the COUNT_COPIES copies of bins + 1 counts into `histogram` (bins entries). */
function sumCopies(counts: Int32Array, bins: number, histogram: Float64Array): void {
	const width = bins + 1;
	for (let b = 0; b < bins; b++) {
		let sum = 0;
		for (let c = 0; c < COUNT_COPIES; c++) sum += counts[c * width + b];
		histogram[b] = sum;
	}
}

/**
 * Histogram of the pairs among sites.
 * @example
 * pairHistogram(sites, 0.1, 1850)[12]; // pairs 1.2–1.3 km apart
 * @internal
 */
export function pairHistogram(sites: SitePoints, binKm: number, bins: number): Float64Array {
	const counts = new Int32Array(COUNT_COPIES * (bins + 1));
	addPairHistogram(sites, sites.x.length, binKm, bins, counts);
	const histogram = new Float64Array(bins);
	sumCopies(counts, bins, histogram);
	return histogram;
}
