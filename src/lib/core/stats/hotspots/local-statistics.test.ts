import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localStatistics } from './local-statistics';
import { csr, denseQueen, rowStandardised, textbookGiStar, textbookLocalMoran, withSelf } from './test-helpers';

// A 3 × 3 grid with 9 firms in the centre cell and none elsewhere, worked by hand:
// n = 9, x̄ = 1, deviations −1 (eight cells) and 8 (centre), m₂ = (8 + 64)/9 = 8,
// m₄ = (8 + 4096)/9 = 456, b₂ = 456/64 = 7.125, A = (9 − b₂)/8 = 0.234375,
// B = (2b₂ − 9)/(8·7) = 0.09375, E[Iᵢ] = −1/8.
const CENTRE = Float64Array.from([0, 0, 0, 0, 9, 0, 0, 0, 0]);
const GRID = csr(denseQueen(3, 3));

describe('localStatistics, worked by hand on a 3 × 3 grid', () => {
	const s = localStatistics(CENTRE, GRID);

	it('Gi*: corner (Wᵢ = 4) z = (9 − 4)/√(8(36 − 16)/8) = 5/√20; edge (Wᵢ = 6) z = (9 − 6)/√(8(54 − 36)/8) = 3/√18; centre undefined (its window is the whole grid: n·Wᵢ − Wᵢ² = 0)', () => {
		expect(s.giStarZ[0]).toBeCloseTo(5 / Math.sqrt(20), 12);
		expect(s.giStarZ[1]).toBeCloseTo(3 / Math.sqrt(18), 12);
		expect(s.giStarZ[4]).toBeNaN();
	});

	// Conditional randomisation (spdep's default): E[Iᵢ] = −zᵢ²/(8·8),
	// Var[Iᵢ] = (zᵢ/8)² · 9/7 · (1/kᵢ − 1/8) · (8 − zᵢ²/8).
	it('local Moran: centre I = (8/8)·(−1) = −1 = E[Iᵢ] with variance 0 (its neighbours are all the other cells): z undefined', () => {
		expect(s.localMoranI[4]).toBeCloseTo(-1, 12);
		expect(s.localMoranZ[4]).toBeNaN();
	});

	it('local Moran: corner I = (−1/8)·(6/3) = −0.25, Var = (1/64)(9/7)(5/24)(63/8); edge I = (−1/8)·(4/5) = −0.1, Var = (1/64)(9/7)(3/40)(63/8)', () => {
		expect(s.localMoranI[0]).toBeCloseTo(-0.25, 12);
		expect(s.localMoranZ[0]).toBeCloseTo((-0.25 + 1 / 64) / Math.sqrt((1 / 64) * (9 / 7) * (5 / 24) * (63 / 8)), 12);
		expect(s.localMoranI[1]).toBeCloseTo(-0.1, 12);
		expect(s.localMoranZ[1]).toBeCloseTo((-0.1 + 1 / 64) / Math.sqrt((1 / 64) * (9 / 7) * (3 / 40) * (63 / 8)), 12);
	});

	// Total randomisation (moranNull 'total'): b₂ = 456/64 = 7.125, A = (9 − b₂)/8 = 0.234375,
	// B = (2b₂ − 9)/(8·7) = 0.09375, E[Iᵢ] = −1/8, Var = A/kᵢ + B(1 − 1/kᵢ) − 1/64.
	it('local Moran, total randomisation: centre z = −0.875/√0.095703125 = −2√2; corner Var = 0.125; edge Var = 0.10625', () => {
		const t = localStatistics(CENTRE, GRID, { moranNull: 'total' });
		expect(t.localMoranZ[4]).toBeCloseTo(-2 * Math.SQRT2, 12);
		expect(t.localMoranZ[0]).toBeCloseTo(-0.125 / Math.sqrt(0.125), 12);
		expect(t.localMoranZ[1]).toBeCloseTo(0.025 / Math.sqrt(0.10625), 12);
	});

	it('gives the deviation and the neighbours’ mean deviation (the Moran scatterplot)', () => {
		expect(Array.from(s.deviation)).toEqual([-1, -1, -1, -1, 8, -1, -1, -1, -1]);
		expect(s.lag[0]).toBeCloseTo(2, 12);
		expect(s.lag[4]).toBeCloseTo(-1, 12);
	});
});

describe('localStatistics against published values', () => {
	it('matches esda’s test of G_Local(y, DistanceBand(points, 15), transform="B", star=True): Zs[0] = -1.39727626', () => {
		// esda/tests/test_getisord.py, TestGLocal.test_star_binary: six points, binary neighbours within 15 units.
		const points = [[10, 10], [20, 10], [40, 10], [15, 20], [30, 20], [30, 30]];
		const w = points.map(([x, y], i) => points.map(([x2, y2], j) => (i !== j && Math.hypot(x2 - x, y2 - y) <= 15 ? 1 : 0)));
		const s = localStatistics(Float64Array.of(2, 3, 3.2, 5, 8, 7), csr(w));
		expect(s.giStarZ[0]).toBeCloseTo(-1.39727626, 8);
	});
});

describe('localStatistics against spdep’s formulas with dense weight matrices', () => {
	it('agrees on random counts over random grids, local Moran under both nulls', () => {
		const grid = fc.record({ rows: fc.integer({ min: 2, max: 6 }), cols: fc.integer({ min: 2, max: 6 }) }).chain(({ rows, cols }) =>
			fc.record({ rows: fc.constant(rows), cols: fc.constant(cols), x: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: rows * cols, maxLength: rows * cols }) })
		);
		fc.assert(
			fc.property(grid, ({ rows, cols, x }) => {
				fc.pre(new Set(x).size > 1 && rows * cols > 2);
				const w = denseQueen(rows, cols);
				const s = localStatistics(Float64Array.from(x), csr(w));
				const t = localStatistics(Float64Array.from(x), csr(w), { moranNull: 'total' });
				const gi = textbookGiStar(x, withSelf(w));
				const moran = textbookLocalMoran(x, rowStandardised(w));
				const moranTotal = textbookLocalMoran(x, rowStandardised(w), false);
				const close = (got: number, want: number) => (Number.isFinite(want) ? expect(got).toBeCloseTo(want, 9) : expect(got).toBeNaN());
				for (let i = 0; i < x.length; i++) {
					close(s.giStarZ[i], gi[i]);
					close(s.localMoranI[i], moran.i[i]);
					close(t.localMoranZ[i], moranTotal.z[i]);
					// Neighbours = every other cell: the conditional variance is 0, which the dense sums miss by rounding.
					if (w[i].reduce((a, v) => a + v, 0) === x.length - 1) expect(s.localMoranZ[i]).toBeNaN();
					else close(s.localMoranZ[i], moran.z[i]);
				}
			})
		);
	});

	it('leaves the z-scores empty when every cell has the same value', () => {
		const s = localStatistics(new Float64Array(9).fill(3), GRID);
		expect(s.giStarZ.every(Number.isNaN)).toBe(true);
		expect(s.localMoranZ.every(Number.isNaN)).toBe(true);
		expect(s.localMoranI.every((v) => v === 0)).toBe(true);
	});

	it('keeps Gi* of a cell without neighbours ((xᵢ − x̄)/s) and leaves its local Moran z empty', () => {
		const island = { offsets: Uint32Array.of(0, 1, 2, 2), neighbours: Uint32Array.of(1, 0) };
		const s = localStatistics(Float64Array.of(1, 2, 6), island);
		// x̄ = 3, s² = (4 + 1 + 9)/3 = 14/3; Wᵢ = 1: z = 3/√(14/3)
		expect(s.giStarZ[2]).toBeCloseTo(3 / Math.sqrt(14 / 3), 12);
		expect(s.localMoranI[2]).toBe(0);
		expect(s.localMoranZ[2]).toBeNaN();
	});

	it('refuses values and contiguity of different sizes', () => {
		expect(() => localStatistics(new Float64Array(4), GRID)).toThrow(/4 values but contiguity for 9 cells/);
	});
});
