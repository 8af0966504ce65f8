import { createRandom } from '../../sample/random';
import type { PermutationResult } from './types';

/**
 * Permutation test of the difference in means, mean(x) − mean(y): the group labels are shuffled
 * `permutations` times with a seeded generator (same seed, same p-value, in Node and the browser)
 * and the two-sided p-value is (1 + #{|permuted difference| ≥ |observed|}) / (1 + permutations),
 * which is never 0. Each permutation draws only the smaller group (a partial Fisher–Yates shuffle),
 * so one costs O(min(nx, ny)).
 *
 * @param x first group, no missing values
 * @param y second group
 * @param options.permutations number of shuffles (default 10,000)
 * @param options.seed 32-bit seed (default 1)
 * @param options.onProgress called every 1,000 permutations and at the end
 * @example
 * permutationTest([5.1, 6.3, 7.2], [4.0, 4.4, 5.0, 3.9], { permutations: 2000, seed: 7 }).p;
 */
export function permutationTest(
	x: ArrayLike<number>,
	y: ArrayLike<number>,
	options: { permutations?: number; seed?: number; onProgress?: (done: number, total: number) => void } = {}
): PermutationResult {
	const permutations = options.permutations ?? 10_000;
	const seed = options.seed ?? 1;
	const nx = x.length;
	const ny = y.length;
	const n = nx + ny;
	if (!Number.isInteger(permutations) || permutations < 1) throw new Error(`permutationTest: permutations must be a positive integer, got ${permutations}.`);
	const pool = new Float64Array(n);
	let total = 0;
	let sumX = 0;
	for (let i = 0; i < nx; i++) total += pool[i] = x[i];
	for (let i = 0; i < ny; i++) total += pool[nx + i] = y[i];
	for (let i = 0; i < nx; i++) sumX += x[i];
	const observed = sumX / nx - (total - sumX) / ny;
	if (nx === 0 || ny === 0) return { observed: NaN, p: NaN, permutations, seed };
	// The difference is a linear function of the drawn group's sum s, so |difference| ≥ |observed|
	// is |s − centre| ≥ |s_obs − centre|: compared in sums, where integer data stay exact.
	const k = Math.min(nx, ny);
	const centre = (k * total) / n;
	const observedSum = nx <= ny ? sumX : total - sumX;
	let scale = 0;
	for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(pool[i]));
	// Rounding of a sum of k values is far below 1e-12 of k times the largest value.
	const threshold = Math.abs(observedSum - centre) - 1e-12 * Math.max(1, scale * k);
	const next = createRandom(seed).next;
	let extreme = 0;
	for (let b = 1; b <= permutations; b++) {
		let s = 0;
		for (let i = 0; i < k; i++) {
			// n < 2³¹, so truncation with | 0 is Math.floor here
			const j = i + ((next() * (n - i)) | 0);
			const v = pool[j];
			pool[j] = pool[i];
			pool[i] = v;
			s += v;
		}
		if (Math.abs(s - centre) >= threshold) extreme++;
		if (options.onProgress !== undefined && (b % 1000 === 0 || b === permutations)) options.onProgress(b, permutations);
	}
	return { observed, p: (1 + extreme) / (1 + permutations), permutations, seed };
}
