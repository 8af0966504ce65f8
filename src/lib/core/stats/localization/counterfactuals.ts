import { createRandom } from '../../sample/random';
import { addPairHistogram, type SitePoints } from './pair-histogram';
import { addMatrixHistogram, buildPoolMatrix, MATRIX_MAX_SITES } from './pool-matrix';

/**
 * Runs `draws` Monte Carlo draws of n sites without replacement from a pool of sites (seeded,
 * partial Fisher–Yates on one stream of createRandom), turns each draw's pair-distance histogram
 * into a curve with `curve`, and returns the curves row by row. Pools up to 6,000 sites get a
 * precomputed matrix of pair bins (36 MB at most), so a draw only looks its pairs up; larger pools
 * compute the distances of each draw's pairs. Both give the same histograms.
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
	options: { draws: number; seed: number; onProgress?: (done: number, total: number) => void }
): { curves: Float64Array; method: 'matrix' | 'direct' } {
	const size = pool.x.length;
	const { draws, onProgress } = options;
	const matrix = size <= MATRIX_MAX_SITES ? buildPoolMatrix(pool, binKm, bins) : null;
	const rng = createRandom(options.seed);
	const order = Uint32Array.from({ length: size }, (_, k) => k);
	const sample = new Uint32Array(n);
	const gathered: SitePoints = { x: new Float64Array(n), y: new Float64Array(n), z: new Float64Array(n) };
	const width = bins + 1;
	const counts = new Int32Array(4 * width);
	const histogram = new Float64Array(bins);
	const curves = new Float64Array(draws * points);
	const row = new Float64Array(points);
	const every = Math.max(1, Math.round(draws / 100));
	onProgress?.(0, draws);
	for (let r = 0; r < draws; r++) {
		for (let k = 0; k < n; k++) {
			const j = k + Math.floor(rng.next() * (size - k));
			const t = order[k];
			order[k] = order[j];
			order[j] = t;
		}
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
		for (let b = 0; b < bins; b++) histogram[b] = counts[b] + counts[width + b] + counts[2 * width + b] + counts[3 * width + b];
		curve(histogram, row);
		curves.set(row, r * points);
		if (onProgress !== undefined && ((r + 1) % every === 0 || r + 1 === draws)) onProgress(r + 1, draws);
	}
	return { curves, method: matrix !== null ? 'matrix' : 'direct' };
}

/**
 * Histogram of the pairs among sites, summed over the four copies addPairHistogram fills.
 * @example
 * pairHistogram(sites, 0.1, 1850)[12]; // pairs 1.2–1.3 km apart
 * @internal
 */
export function pairHistogram(sites: SitePoints, binKm: number, bins: number): Float64Array {
	const width = bins + 1;
	const counts = new Int32Array(4 * width);
	addPairHistogram(sites, sites.x.length, binKm, bins, counts);
	const histogram = new Float64Array(bins);
	for (let b = 0; b < bins; b++) histogram[b] = counts[b] + counts[width + b] + counts[2 * width + b] + counts[3 * width + b];
	return histogram;
}
