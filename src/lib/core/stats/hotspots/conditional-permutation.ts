import { createRandom } from '../../sample/random';
import type { Contiguity } from './local-statistics';

/** Folded pseudo p-values of the conditional permutation test, per cell. */
export interface PermutationPValues {
	/** Gi*: (min(#{Gᵢ* ≥ observed}, #{Gᵢ* ≤ observed}) + 1) / (permutations + 1). 1 without neighbours. */
	giStar: Float64Array;
	/** Local Moran's I, the same fold; 1 without neighbours or for a value exactly at the mean (Iᵢ is then 0 whatever the neighbours). */
	localMoran: Float64Array;
	permutations: number;
	seed: number;
	/** Null distributions simulated: one per distinct (neighbour count, value) pair. */
	simulated: number;
}

/** Largest number of permutations accepted (GeoDa's upper choice). */
export const MAX_PERMUTATIONS = 99_999;

/**
 * Conditional permutation inference for Gi* (binary weights, self included) and local Moran's I
 * (row-standardised weights) — Anselin (1995): cell i keeps its value and kᵢ values drawn without
 * replacement from the other n − 1 cells take its neighbours' places, `permutations` times.
 *
 * Both statistics are increasing functions of the neighbours' sum S (Moran's I decreasing when the
 * cell is below the mean), so each cell needs only the null distribution of S, and that depends
 * on nothing but kᵢ and the cell's own value (the pool is every value but one copy of xᵢ). Cells
 * sharing (kᵢ, xᵢ) therefore share one simulated distribution: esda's numba path shares one set of
 * random neighbour draws across all cells (`crand.vec_permutations`) for the same reason, and here
 * firm counts — mostly 0, 1, 2… with 3, 5 or 8 neighbours on a mesh (3, 4 or 6 on hexagons) — give
 * a few hundred pairs for 100,000 cells, so the work is (pairs × permutations × k) draws instead
 * of (cells × permutations × k). Each draw is a partial Fisher–Yates shuffle of k positions of the
 * pool (no full shuffle: the other n − 1 − k values need not move); the shuffled pool is not reset,
 * since a partial shuffle of any arrangement picks a uniform k-subset. The simulated sums are
 * sorted once and each cell's counts found by binary search. Continuous values (densities) make
 * nearly every pair distinct: still correct, at the per-cell cost.
 *
 * The pseudo p-value is the folded one of GeoDa and esda: esda's `_permutation_significance`
 * (esda/significance.py, alternative "directed", crand's historical default) counts
 * `larger = #(simulated ≥ observed)`, replaces it by `permutations − larger` when that is smaller,
 * and returns `(larger + 1) / (permutations + 1)`. Here the lower tail counts ties too
 * (#(simulated ≤ observed)), as esda's "two-sided" alternative does: with counts a cell of 0 among
 * empty neighbours ties most draws, and the strict lower tail would call it significant at
 * 1/(permutations + 1). Without ties the two definitions agree. The folded p is one tail's, at
 * most about ½: esda's "two-sided" p is twice it (capped at 1).
 *
 * @param values one value per cell
 * @param contiguity neighbours of each cell (CSR, without the cell itself)
 * @param options.permutations 1 … 99,999 (default 9,999)
 * @param options.seed 32-bit seed (default 1): same seed, same p-values, in Node and the browser
 * @param options.onProgress called with cells done and the total, after each simulated distribution
 * @example
 * const p = conditionalPermutation(lattice.counts, lattice, { permutations: 9999, seed: 7 });
 * p.giStar[0]; // e.g. 0.0001 for a cell in the middle of a dense cluster
 */
export function conditionalPermutation(
	values: Float64Array,
	contiguity: Contiguity,
	options: { permutations?: number; seed?: number; onProgress?: (done: number, total: number) => void } = {}
): PermutationPValues {
	const permutations = options.permutations ?? 9_999;
	const seed = options.seed ?? 1;
	if (!Number.isInteger(permutations) || permutations < 1 || permutations > MAX_PERMUTATIONS) {
		throw new Error(`conditionalPermutation: permutations must be a whole number from 1 to ${MAX_PERMUTATIONS.toLocaleString('en')}, got ${permutations}.`);
	}
	const n = values.length;
	const { offsets, neighbours } = contiguity;
	const giStar = new Float64Array(n).fill(1);
	const localMoran = new Float64Array(n).fill(1);
	let mean = 0;
	let scale = 0;
	for (let i = 0; i < n; i++) {
		if (!Number.isFinite(values[i])) throw new Error(`conditionalPermutation: value ${i} is ${values[i]}; every cell needs a finite value.`);
		mean += values[i];
		scale = Math.max(scale, Math.abs(values[i]));
	}
	mean /= n;

	const order = groupOrder(values, offsets);
	const pool = Float64Array.from(values);
	const sums = new Float64Array(permutations);
	const next = createRandom(seed).next;
	const m = n - 1;
	let simulated = 0;
	for (let start = 0; start < n; ) {
		const first = order[start];
		const k = offsets[first + 1] - offsets[first];
		const value = values[first];
		let end = start + 1;
		while (end < n && offsets[order[end] + 1] - offsets[order[end]] === k && values[order[end]] === value) end++;
		if (k > 0 && k <= m) {
			simulated++;
			// Set one copy of the cell's own value aside at the end of the pool; draw from the rest.
			let own = 0;
			while (pool[own] !== value) own++;
			pool[own] = pool[m];
			pool[m] = value;
			for (let b = 0; b < permutations; b++) {
				let s = 0;
				for (let t = 0; t < k; t++) {
					// m < 2³¹, so truncation with | 0 is Math.floor here
					const j = t + ((next() * (m - t)) | 0);
					const v = pool[j];
					pool[j] = pool[t];
					pool[t] = v;
					s += v;
				}
				sums[b] = s;
			}
			sums.sort();
			// Sums of integers are exact; other values may round differently in another order.
			const tolerance = 1e-12 * Math.max(1, scale * k);
			for (let g = start; g < end; g++) {
				const i = order[g];
				let observed = 0;
				for (let e = offsets[i]; e < offsets[i + 1]; e++) observed += values[neighbours[e]];
				const atLeast = permutations - lowerBound(sums, observed - tolerance);
				const atMost = lowerBound(sums, observed + tolerance, true);
				const p = (Math.min(atLeast, atMost) + 1) / (permutations + 1);
				giStar[i] = p;
				// Iᵢ is (xᵢ − x̄)/m₂ · (S/k − x̄): monotone in S, so the same fold, unless xᵢ = x̄ makes it constant.
				localMoran[i] = value === mean ? 1 : p;
			}
		}
		start = end;
		options.onProgress?.(start, n);
	}
	return { giStar, localMoran, permutations, seed, simulated };
}

/**
 * Cells ordered by (neighbour count, value), each run of equal pairs sharing one null
 * distribution. Bucketed by count, then by value through a Map with its keys sorted natively: a
 * comparator sort of a million indices takes seconds.
 */
function groupOrder(values: Float64Array, offsets: Uint32Array): Uint32Array {
	const n = values.length;
	const byCount = new Map<number, Map<number, number[]>>();
	for (let i = 0; i < n; i++) {
		const k = offsets[i + 1] - offsets[i];
		let byValue = byCount.get(k);
		if (byValue === undefined) byCount.set(k, (byValue = new Map()));
		const cells = byValue.get(values[i]);
		if (cells === undefined) byValue.set(values[i], [i]);
		else cells.push(i);
	}
	const order = new Uint32Array(n);
	let at = 0;
	for (const k of Float64Array.from(byCount.keys()).sort()) {
		const byValue = byCount.get(k)!;
		for (const value of Float64Array.from(byValue.keys()).sort()) for (const i of byValue.get(value)!) order[at++] = i;
	}
	return order;
}

/** First index whose value is ≥ x (or > x with `after`), in an ascending array. */
function lowerBound(sorted: Float64Array, x: number, after = false): number {
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (sorted[mid] < x || (after && sorted[mid] === x)) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}
