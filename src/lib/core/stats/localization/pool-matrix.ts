import { chordOfArc, COUNT_COPIES, type SitePoints } from './pair-histogram';

/**
 * Largest pool whose matrix is built: 8,500 sites → 36 million pairs, 72 MB (the app's two
 * workers each build one, for the few seconds of a test). Pools of a city district's firms in
 * view reach this size; above it each draw computes its distances, three to four times slower.
 */
export const MATRIX_MAX_SITES = 8500;

/**
 * The distance bin of every pair of a candidate pool, computed once so each Monte Carlo draw only
 * looks pairs up. Upper triangle, row by row: pair (i, j), i < j, is at rowStart[i] + j.
 * Entries are bins 0 … bins − 1, or `bins` for pairs at or beyond the last edge.
 * @internal
 */
export interface PoolMatrix {
	size: number;
	bins: number;
	rowStart: Int32Array;
	cells: Uint16Array;
}

/**
 * Builds the {@link PoolMatrix} of `sites` with bins of `binKm` (exact edges, as addPairHistogram).
 * @example
 * const matrix = buildPoolMatrix(poolSites, 0.1, 1850);
 * @internal
 */
export function buildPoolMatrix(sites: SitePoints, binKm: number, bins: number): PoolMatrix {
	const n = sites.x.length;
	if (bins >= 65535) throw new Error(`buildPoolMatrix: ${bins} bins do not fit 16 bits.`);
	const { x, y, z } = sites;
	const edge2 = new Float64Array(bins + 1);
	for (let b = 0; b <= bins; b++) edge2[b] = chordOfArc(b * binKm) ** 2;
	const max2 = edge2[bins];
	const perBin = 1 / binKm;
	const rowStart = new Int32Array(n);
	const cells = new Uint16Array((n * (n - 1)) / 2);
	let at = 0;
	for (let i = 0; i < n; i++) {
		rowStart[i] = at - i - 1;
		const xi = x[i], yi = y[i], zi = z[i];
		for (let j = i + 1; j < n; j++) {
			const c2 = (xi - x[j]) ** 2 + (yi - y[j]) ** 2 + (zi - z[j]) ** 2;
			let b = bins;
			if (c2 < max2) {
				b = Math.min(bins - 1, (Math.sqrt(c2) * perBin) | 0);
				while (b > 0 && c2 < edge2[b]) b--;
				while (b + 1 < bins && c2 >= edge2[b + 1]) b++;
			}
			cells[at++] = b;
		}
	}
	return { size: n, bins, rowStart, cells };
}

/**
 * Adds the pair bins of a sample of the pool to `counts`, which holds COUNT_COPIES copies of
 * bins + 1 entries back to back (the last of each collects pairs out of range; sum the copies
 * afterwards). `sample` must be ascending. Eight rows at a time, each into its own copy: the
 * loop is bound by the increments, and eight independent ones keep equal bins from waiting on
 * each other (measured: about 20 % faster than four rows, and four times faster than one).
 * @example
 * addMatrixHistogram(matrix, sample.sort(), counts);
 * @internal the hot loop of the Monte Carlo draws
 */
export function addMatrixHistogram(matrix: PoolMatrix, sample: Uint32Array, counts: Int32Array): void {
	const { rowStart, cells } = matrix;
	const w = matrix.bins + 1;
	if (counts.length < COUNT_COPIES * w) throw new Error(`addMatrixHistogram: counts needs ${COUNT_COPIES} × ${w} entries.`);
	const n = sample.length;
	let a = 0;
	for (; a + 7 < n - 1; a += 8) {
		for (let p = a; p < a + 7; p++) {
			const base = rowStart[sample[p]];
			for (let q = p + 1; q < a + 8; q++) counts[cells[base + sample[q]]]++;
		}
		const r0 = rowStart[sample[a]], r1 = rowStart[sample[a + 1]], r2 = rowStart[sample[a + 2]], r3 = rowStart[sample[a + 3]];
		const r4 = rowStart[sample[a + 4]], r5 = rowStart[sample[a + 5]], r6 = rowStart[sample[a + 6]], r7 = rowStart[sample[a + 7]];
		for (let b = a + 8; b < n; b++) {
			const j = sample[b];
			counts[cells[r0 + j]]++;
			counts[w + cells[r1 + j]]++;
			counts[2 * w + cells[r2 + j]]++;
			counts[3 * w + cells[r3 + j]]++;
			counts[4 * w + cells[r4 + j]]++;
			counts[5 * w + cells[r5 + j]]++;
			counts[6 * w + cells[r6 + j]]++;
			counts[7 * w + cells[r7 + j]]++;
		}
	}
	for (; a < n - 1; a++) {
		const base = rowStart[sample[a]];
		for (let b = a + 1; b < n; b++) counts[cells[base + sample[b]]]++;
	}
}
