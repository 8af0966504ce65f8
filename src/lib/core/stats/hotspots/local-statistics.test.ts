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

	it('local Moran: centre I = (8/8)·(−1) = −1, Var = A/8 + B·7/8 − 1/64, z = −0.875/√0.095703125 = −2√2', () => {
		expect(s.localMoranI[4]).toBeCloseTo(-1, 12);
		expect(s.localMoranZ[4]).toBeCloseTo(-2 * Math.SQRT2, 12);
	});

	it('local Moran: corner I = (−1/8)·(6/3) = −0.25, Var = A/3 + B·2/3 − 1/64 = 0.125; edge I = (−1/8)·(4/5) = −0.1, Var = 0.10625', () => {
		expect(s.localMoranI[0]).toBeCloseTo(-0.25, 12);
		expect(s.localMoranZ[0]).toBeCloseTo(-0.125 / Math.sqrt(0.125), 12);
		expect(s.localMoranI[1]).toBeCloseTo(-0.1, 12);
		expect(s.localMoranZ[1]).toBeCloseTo(0.025 / Math.sqrt(0.10625), 12);
	});

	it('gives the deviation and the neighbours’ mean deviation (the Moran scatterplot)', () => {
		expect(Array.from(s.deviation)).toEqual([-1, -1, -1, -1, 8, -1, -1, -1, -1]);
		expect(s.lag[0]).toBeCloseTo(2, 12);
		expect(s.lag[4]).toBeCloseTo(-1, 12);
	});
});

describe('localStatistics against spdep’s formulas with dense weight matrices', () => {
	it('agrees on random counts over random grids', () => {
		const grid = fc.record({ rows: fc.integer({ min: 2, max: 6 }), cols: fc.integer({ min: 2, max: 6 }) }).chain(({ rows, cols }) =>
			fc.record({ rows: fc.constant(rows), cols: fc.constant(cols), x: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: rows * cols, maxLength: rows * cols }) })
		);
		fc.assert(
			fc.property(grid, ({ rows, cols, x }) => {
				fc.pre(new Set(x).size > 1 && rows * cols > 2);
				const w = denseQueen(rows, cols);
				const s = localStatistics(Float64Array.from(x), csr(w));
				const gi = textbookGiStar(x, withSelf(w));
				const moran = textbookLocalMoran(x, rowStandardised(w));
				const close = (got: number, want: number) => (Number.isNaN(want) ? expect(got).toBeNaN() : expect(got).toBeCloseTo(want, 9));
				for (let i = 0; i < x.length; i++) {
					close(s.giStarZ[i], gi[i]);
					close(s.localMoranI[i], moran.i[i]);
					close(s.localMoranZ[i], moran.z[i]);
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
