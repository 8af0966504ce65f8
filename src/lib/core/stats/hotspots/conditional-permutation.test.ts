import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../sample/random';
import { conditionalPermutation } from './conditional-permutation';
import { csr, denseQueen } from './test-helpers';

/** Every way of choosing k of the given items. */
function* subsets<T>(items: T[], k: number, start = 0, chosen: T[] = []): Generator<T[]> {
	if (chosen.length === k) return yield chosen;
	for (let i = start; i <= items.length - (k - chosen.length); i++) yield* subsets(items, k, i + 1, [...chosen, items[i]]);
}

/**
 * The exact folded p of cell i: over every k-subset of the other cells' values, the smaller of the
 * shares of neighbour sums ≥ and ≤ the observed one (what the pseudo p estimates as permutations grow).
 */
function exactFoldedP(x: number[], neighbours: number[][], i: number): number {
	const others = x.filter((_, j) => j !== i);
	const observed = neighbours[i].reduce((s, j) => s + x[j], 0);
	let atLeast = 0, atMost = 0, total = 0;
	for (const pick of subsets(others, neighbours[i].length)) {
		const s = pick.reduce((a, b) => a + b, 0);
		total++;
		if (s >= observed) atLeast++;
		if (s <= observed) atMost++;
	}
	return Math.min(atLeast, atMost) / total;
}

/** The textbook test: for every cell and permutation, shuffle all other values (full Fisher–Yates). */
function naiveFoldedP(x: number[], neighbours: number[][], permutations: number, seed: number): number[] {
	const next = createRandom(seed).next;
	return x.map((_, i) => {
		const others = x.filter((_, j) => j !== i);
		const k = neighbours[i].length;
		const observed = neighbours[i].reduce((s, j) => s + x[j], 0);
		let atLeast = 0, atMost = 0;
		for (let b = 0; b < permutations; b++) {
			for (let t = others.length - 1; t > 0; t--) {
				const j = Math.floor(next() * (t + 1));
				[others[t], others[j]] = [others[j], others[t]];
			}
			const s = others.slice(0, k).reduce((a, v) => a + v, 0);
			if (s >= observed) atLeast++;
			if (s <= observed) atMost++;
		}
		return (Math.min(atLeast, atMost) + 1) / (permutations + 1);
	});
}

const neighbourLists = (w: number[][]) => w.map((row) => row.flatMap((v, j) => (v ? [j] : [])));

describe('conditionalPermutation', () => {
	it('converges to the exact conditional permutation p of every cell (all subsets enumerated), 3 × 3 grid', () => {
		const x = [0, 3, 1, 5, 9, 2, 0, 4, 1];
		const w = denseQueen(3, 3);
		const p = conditionalPermutation(Float64Array.from(x), csr(w), { permutations: 99_999, seed: 3 });
		const lists = neighbourLists(w);
		// Standard error of a share near ½ over 99,999 draws is 0.0016.
		for (let i = 0; i < x.length; i++) expect(p.giStar[i]).toBeCloseTo(exactFoldedP(x, lists, i), 2);
		expect(p.giStar[4]).toBe(1); // the centre's neighbours are all the others: its sum never changes
	});

	it('agrees with full shuffles per cell within Monte Carlo error, on random counts', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 20, maxLength: 20 }), fc.integer({ min: 1, max: 1000 }), (x, seed) => {
				const w = denseQueen(4, 5);
				const engine = conditionalPermutation(Float64Array.from(x), csr(w), { permutations: 3999, seed });
				const naive = naiveFoldedP(x, neighbourLists(w), 3999, seed + 1);
				// Two independent estimates of a share ≤ ½: the difference has SD ≤ 0.0112.
				for (let i = 0; i < x.length; i++) expect(Math.abs(engine.giStar[i] - naive[i])).toBeLessThan(0.05);
			}),
			{ numRuns: 5 }
		);
	});

	it('gives p roughly uniform on (0, ½] under a random field (continuous values: no ties)', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 2 ** 31 }), (seed) => {
				const rng = createRandom(seed);
				const rows = 30;
				const x = Float64Array.from({ length: rows * rows }, () => rng.normal());
				const p = conditionalPermutation(x, csr(denseQueen(rows, rows)), { permutations: 999, seed }).giStar;
				// 2p is a two-sided p: each tenth of (0, 1] should hold about a tenth of the cells.
				const bins = new Array(10).fill(0);
				for (const v of p) bins[Math.min(9, Math.floor(2 * v * 10))]++;
				for (const count of bins) expect(Math.abs(count / p.length - 0.1)).toBeLessThan(0.045);
			}),
			{ numRuns: 3 }
		);
	});

	it('is not anti-conservative with ties: on random counts (many zeros) 2p ≤ 0.1 for at most about a tenth of cells', () => {
		const rng = createRandom(5);
		const x = Float64Array.from({ length: 900 }, () => rng.poisson(0.4));
		const p = conditionalPermutation(x, csr(denseQueen(30, 30)), { permutations: 999, seed: 5 }).giStar;
		const share = p.filter((v) => 2 * v <= 0.1).length / p.length;
		expect(share).toBeLessThan(0.13);
		// An empty neighbourhood is common (P ≈ 0.67⁸ ≈ 0.04 with eight neighbours); the strict lower
		// tail (GeoDa's N − larger) would give such a cell 1/1000.
		const grid = csr(denseQueen(30, 30));
		const emptyAround = (i: number) => grid.neighbours.subarray(grid.offsets[i], grid.offsets[i + 1]).every((j) => x[j] === 0);
		const lows = Array.from(p).filter((_, i) => emptyAround(i));
		expect(lows.length).toBeGreaterThan(10);
		expect(Math.min(...lows)).toBeGreaterThan(0.01);
	});

	it('gives local Moran the same p as Gi* except at the mean, where Iᵢ is 0 whatever the neighbours', () => {
		const x = Float64Array.from([2, 0, 4, 6, 2, 1, 0, 3, 0]); // mean 2
		const p = conditionalPermutation(x, csr(denseQueen(3, 3)), { permutations: 999, seed: 9 });
		for (let i = 0; i < x.length; i++) expect(p.localMoran[i]).toBe(x[i] === 2 ? 1 : p.giStar[i]);
		expect(p.giStar[0]).toBeLessThan(1);
	});

	it('is reproducible by seed, and another seed gives other draws', () => {
		const rng = createRandom(1);
		const x = Float64Array.from({ length: 100 }, () => rng.poisson(2));
		const grid = csr(denseQueen(10, 10));
		const a = conditionalPermutation(x, grid, { permutations: 499, seed: 42 });
		const b = conditionalPermutation(x, grid, { permutations: 499, seed: 42 });
		const c = conditionalPermutation(x, grid, { permutations: 499, seed: 43 });
		expect(Array.from(b.giStar)).toEqual(Array.from(a.giStar));
		expect(Array.from(c.giStar)).not.toEqual(Array.from(a.giStar));
		// Counts 0–8 with 3, 5 or 8 neighbours: far fewer null distributions than cells.
		expect(a.simulated).toBeLessThan(40);
	});

	it('reports progress up to every cell and refuses a bad number of permutations', () => {
		const seen: number[] = [];
		conditionalPermutation(Float64Array.of(1, 2, 3, 4), csr(denseQueen(2, 2)), { permutations: 9, onProgress: (done) => seen.push(done) });
		expect(seen.at(-1)).toBe(4);
		expect(() => conditionalPermutation(Float64Array.of(1, 2), csr(denseQueen(1, 2)), { permutations: 100_000 })).toThrow(/1 to 99,999/);
		expect(() => conditionalPermutation(Float64Array.of(1, NaN), csr(denseQueen(1, 2)))).toThrow(/value 1 is NaN/);
	});
});
