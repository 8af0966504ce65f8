/**
 * Regressions pinned to certified and published values; each block names its source.
 */
import { describe, expect, it } from 'vitest';
import { logitRobust } from './logit-robust';
import { olsRobust } from './ols-robust';
import type { RegressionFit, RegressionResult } from './types';

/** A design with an intercept first, from columns. */
function design(y: number[], columns: number[][], names: string[]) {
	const n = y.length;
	const p = columns.length + 1;
	const x = new Float64Array(n * p);
	for (let i = 0; i < n; i++) {
		x[i * p] = 1;
		columns.forEach((col, j) => (x[i * p + j + 1] = col[i]));
	}
	return { names: ['(intercept)', ...names], x, y: Float64Array.from(y), n, p };
}

function fitted(result: RegressionResult): RegressionFit {
	if (!result.ok) throw new Error(result.message);
	return result;
}

const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

// NIST StRD, Linear Least Squares, Longley (1967): employment on six macro series, 1947–1962.
// Data and certified values from itl.nist.gov/div898/strd/lls/data/Longley.shtml.
const LONGLEY = {
	y: [60323, 61122, 60171, 61187, 63221, 63639, 64989, 63761, 66019, 67857, 68169, 66513, 68655, 69564, 69331, 70551],
	x: [
		[83.0, 88.5, 88.2, 89.5, 96.2, 98.1, 99.0, 100.0, 101.2, 104.6, 108.4, 110.8, 112.6, 114.2, 115.7, 116.9],
		[234289, 259426, 258054, 284599, 328975, 346999, 365385, 363112, 397469, 419180, 442769, 444546, 482704, 502601, 518173, 554894],
		[2356, 2325, 3682, 3351, 2099, 1932, 1870, 3578, 2904, 2822, 2936, 4681, 3813, 3931, 4806, 4007],
		[1590, 1456, 1616, 1650, 3099, 3594, 3547, 3350, 3048, 2857, 2798, 2637, 2552, 2514, 2572, 2827],
		[107608, 108632, 109773, 110929, 112075, 113270, 115094, 116219, 117388, 118734, 120445, 121950, 123366, 125368, 127852, 130081],
		[1947, 1948, 1949, 1950, 1951, 1952, 1953, 1954, 1955, 1956, 1957, 1958, 1959, 1960, 1961, 1962]
	],
	certified: [-3482258.63459582, 15.0618722713733, -0.358191792925910e-1, -2.02022980381683, -1.03322686717359, -0.511041056535807e-1, 1829.15146461355],
	certifiedSe: [890420.383607373, 84.9149257747669, 0.334910077722432e-1, 0.488399681651699, 0.214274163161675, 0.22607320006937, 455.478499142212],
	certifiedR2: 0.995479004577296,
	// HC1 ("regress …, vce(robust)") standard errors from Stata, as recorded in statsmodels'
	// regression test results (statsmodels/regression/tests/results/results_regression.py, Longley.HC1_se),
	// reordered to intercept first.
	hc1Se: ['1109615', '68.29380', '0.03277', '0.51099', '0.19499', '0.21094', '571.17917']
};

describe('olsRobust on NIST Longley', () => {
	const names = ['GNPDEFL', 'GNP', 'UNEMP', 'ARMED', 'POP', 'YEAR'];
	it('reproduces the certified coefficients, standard errors and R² to at least 9 significant digits', () => {
		const fit = fitted(olsRobust(design(LONGLEY.y, LONGLEY.x, names), { classicSe: true }));
		fit.coefficients.forEach((c, j) => {
			expect(relative(c.estimate, LONGLEY.certified[j]), c.name).toBeLessThan(1e-9);
			expect(relative(c.se, LONGLEY.certifiedSe[j]), c.name).toBeLessThan(1e-9);
		});
		expect(fit.r2).toBeCloseTo(LONGLEY.certifiedR2, 12);
		expect(fit.df).toBe(9);
	});

	it("reproduces Stata's HC1 robust standard errors to every digit recorded", () => {
		const fit = fitted(olsRobust(design(LONGLEY.y, LONGLEY.x, names)));
		expect(fit.seType).toBe('HC1');
		fit.coefficients.forEach((c, j) => {
			const text = LONGLEY.hc1Se[j];
			const halfUnit = 0.5 * 10 ** -(text.split('.')[1]?.length ?? 0);
			expect(Math.abs(c.se - Number(text)), c.name).toBeLessThanOrEqual(halfUnit);
		});
	});
});

// R datasets::mtcars (Henderson & Velleman 1981): am (1 manual), hp, wt (1000 lbs) of 32 cars.
const MTCARS = {
	am: [1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1],
	hp: [110, 110, 93, 110, 175, 105, 245, 62, 95, 123, 123, 180, 180, 180, 205, 215, 230, 66, 52, 65, 97, 150, 150, 245, 175, 66, 91, 113, 264, 175, 335, 109],
	wt: [2.62, 2.875, 2.32, 3.215, 3.44, 3.46, 3.57, 3.19, 3.15, 3.44, 3.44, 4.07, 3.73, 3.78, 5.25, 5.424, 5.345, 2.2, 1.615, 1.835, 2.465, 3.52, 3.435, 3.84, 3.845, 1.935, 2.14, 1.513, 3.17, 2.77, 3.57, 2.78]
};

describe('logitRobust on mtcars', () => {
	// R: summary(glm(am ~ hp + wt, data = mtcars, family = binomial))
	//   (Intercept) 18.86630  7.44356  2.535 0.01126
	//   hp           0.03626  0.01773  2.044 0.04091
	//   wt          -8.08348  3.06868 -2.634 0.00843
	// and predict(…, data.frame(hp = 120, wt = 2.8), type = "response") = 0.64181 (r-tutor.com, "Estimated Logistic Regression Equation").
	const fit = () => fitted(logitRobust(design(MTCARS.am, [MTCARS.hp, MTCARS.wt], ['hp', 'wt']), { classicSe: true }));

	it('matches R glm coefficients, model-based standard errors, z and p', () => {
		const [b0, hp, wt] = fit().coefficients;
		expect(b0.estimate).toBeCloseTo(18.8663, 4);
		expect(hp.estimate).toBeCloseTo(0.03626, 5);
		expect(wt.estimate).toBeCloseTo(-8.08348, 5);
		expect(b0.se).toBeCloseTo(7.44356, 4);
		expect(hp.se).toBeCloseTo(0.01773, 5);
		expect(wt.se).toBeCloseTo(3.06868, 4);
		expect(wt.statistic).toBeCloseTo(-2.634, 3);
		expect(b0.p).toBeCloseTo(0.01126, 5);
		expect(hp.p).toBeCloseTo(0.04091, 5);
		expect(wt.p).toBeCloseTo(0.00843, 5);
	});

	it('predicts 0.64181 for 120 hp and 2,800 lbs', () => {
		const [b0, hp, wt] = fit().coefficients.map((c) => c.estimate);
		expect(1 / (1 + Math.exp(-(b0 + hp * 120 + wt * 2.8)))).toBeCloseTo(0.64181, 5);
	});
});

// Spector & Mazzeo (1980): GRADE improvement on GPA, TUCE score and PSI teaching method, 32 students.
const SPECTOR = {
	gpa: [2.66, 2.89, 3.28, 2.92, 4.0, 2.86, 2.76, 2.87, 3.03, 3.92, 2.63, 3.32, 3.57, 3.26, 3.53, 2.74, 2.75, 2.83, 3.12, 3.16, 2.06, 3.62, 2.89, 3.51, 3.54, 2.83, 3.39, 2.67, 3.65, 4.0, 3.1, 2.39],
	tuce: [20, 22, 24, 12, 21, 17, 17, 21, 25, 29, 20, 23, 23, 25, 26, 19, 25, 19, 23, 25, 22, 28, 14, 26, 24, 27, 17, 24, 21, 23, 21, 19],
	psi: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
	grade: [0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 1, 1, 1, 0, 1, 1, 0, 1]
};

describe('logitRobust on Spector and Mazzeo', () => {
	// Stata: glm grade gpa tuce psi, family(binomial) vce(robust), as recorded in statsmodels'
	// statsmodels/discrete/tests/results/results_glm_logit_constrained.py (results_noconstraint_robust):
	//   b  gpa 2.8261124216999, tuce .09515765001172, psi 2.3786875040587, _cons -13.021345912635
	//   se gpa 1.287827879216,  tuce .1198091371814,  psi .97985082470462, _cons 5.2807513766642
	// Stata's robust variance carries the small-sample factor n/(n − 1) on top of the HC0 sandwich.
	const stataB = [-13.021345912635, 2.8261124216999, 0.09515765001172, 2.3786875040587];
	const stataSe = [5.2807513766642, 1.287827879216, 0.1198091371814, 0.97985082470462];

	it('matches the coefficients and, after n/(n − 1), the robust standard errors', () => {
		const fit = fitted(logitRobust(design(SPECTOR.grade, [SPECTOR.gpa, SPECTOR.tuce, SPECTOR.psi], ['gpa', 'tuce', 'psi'])));
		expect(fit.seType).toBe('HC0');
		const n = SPECTOR.grade.length;
		fit.coefficients.forEach((c, j) => {
			expect(relative(c.estimate, stataB[j]), c.name).toBeLessThan(1e-6);
			expect(relative(c.se * Math.sqrt(n / (n - 1)), stataSe[j]), c.name).toBeLessThan(1e-6);
		});
		// Stata: log pseudolikelihood -12.88963422213144
		expect(fit.logLik).toBeCloseTo(-12.88963422213144, 9);
	});
});

describe('regression failures name the variable', () => {
	it('reports a singular design naming the collinear column', () => {
		const twice = LONGLEY.x[0].map((v) => 2 * v);
		const result = olsRobust(design(LONGLEY.y, [LONGLEY.x[0], twice], ['GNPDEFL', 'GNPDEFL_x2']));
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.reason).toBe('singular');
			expect(result.variable).toBe('GNPDEFL_x2');
			expect(result.message).toMatch(/GNPDEFL_x2/);
		}
	});

	it('reports a constant column as singular in a logit', () => {
		const result = logitRobust(design(MTCARS.am, [MTCARS.hp, MTCARS.hp.map(() => 3)], ['hp', 'three']));
		expect(result.ok).toBe(false);
		if (!result.ok) expect([result.reason, result.variable]).toEqual(['singular', 'three']);
	});

	it('reports perfect separation by a yes/no variable', () => {
		// every car with flag = 1 is manual
		const flag = MTCARS.am.map((a, i) => (a === 1 && i % 2 === 0 ? 1 : 0));
		const result = logitRobust(design(MTCARS.am, [MTCARS.hp, flag], ['hp', 'flag']));
		expect(result.ok).toBe(false);
		if (!result.ok) expect([result.reason, result.variable]).toEqual(['separation', 'flag']);
	});

	it('reports complete separation by a continuous variable', () => {
		// manual iff wt < 3.2 (no overlap): coefficients run off to infinity
		const am = MTCARS.wt.map((w) => (w < 3.2 ? 1 : 0));
		const result = logitRobust(design(am, [MTCARS.wt, MTCARS.hp], ['wt', 'hp']));
		expect(result.ok).toBe(false);
		if (!result.ok) expect([result.reason, result.variable]).toEqual(['separation', 'wt']);
	});
});
