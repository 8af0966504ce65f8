import { tQuantile, tTwoSidedP } from './distributions';
import { leastSquares } from './least-squares';
import { sandwich } from './sandwich';
import type { Coefficient, DesignMatrix, RegressionResult } from './types';

/**
 * Ordinary least squares with HC1 robust standard errors (White's sandwich times n/(n − p), Stata's
 * `regress, robust` and R's `sandwich::vcovHC(type = "HC1")`), t statistics on n − p degrees of
 * freedom, two-sided p-values and 95 % intervals. A singular design is reported, not thrown,
 * naming the first variable that is a combination of the ones before it.
 *
 * @param design from `buildDesign` (or any row-major design with names)
 * @param options.classicSe use the classical σ²(XᵀX)⁻¹ standard errors instead (for checks)
 * @example
 * const fit = olsRobust(buildDesign({ y: patents.values, inside, distanceKm }));
 * if (fit.ok) fit.coefficients.find((c) => c.name === 'inside');
 */
export function olsRobust(design: Pick<DesignMatrix, 'names' | 'x' | 'y' | 'n' | 'p'>, options: { level?: number; classicSe?: boolean } = {}): RegressionResult {
	const { names, x, y, n, p } = design;
	const level = options.level ?? 0.95;
	if (n <= p) return { ok: false, reason: 'too-few', variable: null, message: `${n} complete observations for ${p} coefficients; OLS needs more observations than coefficients.` };
	const fit = leastSquares(x, y, p);
	if (!fit.ok) {
		const variable = names[fit.column];
		return { ok: false, reason: 'singular', variable, message: `the design is singular: "${variable}" is constant or a combination of the variables before it; leave it out.` };
	}
	const residuals = new Float64Array(n);
	let ssr = 0;
	let mean = 0;
	for (let i = 0; i < n; i++) mean += y[i] / n;
	let sst = 0;
	for (let i = 0; i < n; i++) {
		let fitted = 0;
		for (let j = 0; j < p; j++) fitted += x[i * p + j] * fit.beta[j];
		residuals[i] = y[i] - fitted;
		ssr += residuals[i] ** 2;
		sst += (y[i] - mean) ** 2;
	}
	const df = n - p;
	const covariance = options.classicSe ? fit.xtxInverse.map((v) => (v * ssr) / df) : sandwich(x, residuals, p, fit.xtxInverse, n / df);
	const q = tQuantile(1 - (1 - level) / 2, df);
	const coefficients: Coefficient[] = names.map((name, j) => {
		const estimate = fit.beta[j];
		const se = Math.sqrt(covariance[j * p + j]);
		const statistic = estimate / se;
		return { name, estimate, se, statistic, p: tTwoSidedP(statistic, df), low: estimate - q * se, high: estimate + q * se };
	});
	return { ok: true, model: 'ols', coefficients, n, df, r2: 1 - ssr / sst, logLik: null, iterations: null, seType: options.classicSe ? 'classic' : 'HC1' };
}
