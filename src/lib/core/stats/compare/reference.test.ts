/**
 * Statistics pinned to published outputs of R (the examples of its help pages, whose printed
 * results appear in R's own documentation and countless textbooks). Each case names its source.
 */
import { describe, expect, it } from 'vitest';
import { chiSquareTest, chiSquareUpperP, effectSizes, fisherExact, mannWhitneyU, normalQuantile, tQuantile, tTwoSidedP, welchTTest } from './index';

// R datasets::sleep, extra by group (Cushny & Peebles 1905, via Student 1908).
const SLEEP_1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const SLEEP_2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

describe('welchTTest', () => {
	it('matches R t.test(extra ~ group, data = sleep): t = -1.8608, df = 17.776, p-value = 0.07939, 95% CI -3.3654832 0.2054832', () => {
		const r = welchTTest(SLEEP_1, SLEEP_2);
		expect(r.t).toBeCloseTo(-1.8608, 4);
		expect(r.df).toBeCloseTo(17.776, 3);
		expect(r.p).toBeCloseTo(0.07939, 5);
		expect(r.difference.low).toBeCloseTo(-3.3654832, 7);
		expect(r.difference.high).toBeCloseTo(0.2054832, 7);
		expect(r.difference.estimate).toBeCloseTo(0.75 - 2.33, 12); // R: mean in group 1 0.75, group 2 2.33
	});
});

describe('effectSizes', () => {
	it('matches R effsize::cohen.d(extra ~ group, data = sleep): d estimate -0.8321811', () => {
		const e = effectSizes(SLEEP_1, SLEEP_2);
		expect(e.cohensD).toBeCloseTo(-0.8321811, 7);
		// Hedges & Olkin (1985): g = d·(1 − 3/(4(n₁ + n₂) − 9))
		expect(e.hedgesG).toBeCloseTo(-0.8321811 * (1 - 3 / 71), 7);
	});
});

describe('mannWhitneyU', () => {
	// R ?wilcox.test, Hollander & Wolfe (1973), p. 69f: permeability constants of the human
	// chorioamnion at term (x) and at 12–26 weeks gestational age (y).
	const x = [0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46];
	const y = [1.15, 0.88, 0.9, 0.74, 1.21];

	it('matches wilcox.test(x, y, alternative = "greater", exact = FALSE, correct = FALSE): W = 35, p-value = 0.1103', () => {
		const r = mannWhitneyU(x, y, { correct: false });
		expect(r.u).toBe(35);
		expect(r.p / 2).toBeCloseTo(0.1103, 4); // the normal approximation is symmetric: one-sided = two-sided / 2
	});

	it('applies R\'s continuity correction of ½ towards the centre (U − nx·ny/2 − ½)', () => {
		const r = mannWhitneyU(x, y);
		// σ² = nx·ny·(n + 1)/12 = 50·16/12 without ties
		expect(r.z).toBeCloseTo((35 - 25 - 0.5) / Math.sqrt((50 * 16) / 12), 12);
	});
});

describe('fisherExact', () => {
	it("matches R fisher.test(TeaTasting) (Agresti 2002, p. 91, the lady tasting tea): p-value = 0.4857", () => {
		expect(fisherExact([[3, 1], [1, 3]]).p).toBeCloseTo(0.4857, 4);
	});

	it('matches R fisher.test(Convictions) two-sided (Fleiss 1981, Dizygotic vs monozygotic twins): p-value = 0.0005367', () => {
		// R: Convictions <- matrix(c(2, 10, 15, 3), nrow = 2) → rows Dizygotic (2, 15), Monozygotic (10, 3)
		expect(fisherExact([[2, 15], [10, 3]]).p).toBeCloseTo(0.0005367, 7);
	});
});

describe('chiSquareTest', () => {
	it('matches R chisq.test on the 2×3 party-by-gender table of its help page (Agresti 2007, p. 39): X-squared = 30.07, df = 2, p-value = 2.954e-07', () => {
		const r = chiSquareTest([
			[762, 327, 468],
			[484, 239, 477]
		]);
		expect(r.statistic).toBeCloseTo(30.07, 2);
		expect(r.df).toBe(2);
		expect(r.p / 2.954e-7).toBeCloseTo(1, 3);
	});
});

describe('distributions', () => {
	it('reproduces the printed critical values of the t, normal and chi-square tables', () => {
		// Any statistics textbook table: t(0.975; 10) = 2.228, t(0.975; 1) = 12.706, z(0.975) = 1.960,
		// chi-square 0.05 upper points: 3.841 (df 1), 5.991 (df 2), 18.307 (df 10).
		expect(tQuantile(0.975, 10)).toBeCloseTo(2.228, 3);
		expect(tQuantile(0.975, 1)).toBeCloseTo(12.706, 3);
		expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
		expect(tTwoSidedP(2.228139, 10)).toBeCloseTo(0.05, 6);
		expect(chiSquareUpperP(3.841459, 1)).toBeCloseTo(0.05, 6);
		expect(chiSquareUpperP(5.991465, 2)).toBeCloseTo(0.05, 6);
		expect(chiSquareUpperP(18.307038, 10)).toBeCloseTo(0.05, 6);
	});
});
