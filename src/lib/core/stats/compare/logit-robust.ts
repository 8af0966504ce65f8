import { normalQuantile, normalTwoSidedP } from './distributions';
import { leastSquares } from './least-squares';
import { sandwich } from './sandwich';
import type { Coefficient, DesignMatrix, RegressionFailure, RegressionResult } from './types';

/**
 * Logistic regression by Newton's method (iteratively reweighted least squares, as R's `glm` with
 * `family = binomial`, same convergence rule) with robust sandwich standard errors (HC0: R's
 * `sandwich::vcovHC(fit, type = "HC0")`, statsmodels' `cov_type = "HC0"`), z statistics, two-sided
 * p-values and 95 % intervals. Perfect or quasi-perfect separation — a yes/no variable whose firms
 * all answer the same, or coefficients running off to infinity — is reported naming the variable,
 * as is a singular design.
 *
 * @param design from `buildDesign` with a 0/1 response
 * @param options.maxIterations Newton steps before giving up (default 25, as R)
 * @param options.classicSe use the model-based (inverse information) standard errors instead, as `summary(glm)`
 * @example
 * const fit = logitRobust(buildDesign({ y: newProducts.values, inside, distanceKm, communication, subcontractor }));
 * if (!fit.ok) console.log(fit.message);
 */
export function logitRobust(
	design: Pick<DesignMatrix, 'names' | 'x' | 'y' | 'n' | 'p'>,
	options: { maxIterations?: number; level?: number; classicSe?: boolean } = {}
): RegressionResult {
	const { names, x, y, n, p } = design;
	const maxIterations = options.maxIterations ?? 25;
	const level = options.level ?? 0.95;
	const fail = (reason: RegressionFailure['reason'], variable: string | null, message: string): RegressionFailure => ({ ok: false, reason, variable, message });
	if (n <= p) return fail('too-few', null, `${n} complete observations for ${p} coefficients; the logit needs more observations than coefficients.`);
	let yes = 0;
	for (let i = 0; i < n; i++) {
		if (y[i] !== 0 && y[i] !== 1) return fail('not-binary', null, `the response must be 0 or 1 (a yes/no column); row ${i + 1} of the design has ${y[i]}.`);
		yes += y[i];
	}
	if (yes === 0 || yes === n) return fail('separation', null, `every firm answers ${yes === 0 ? 'no' : 'yes'}; a logit needs both answers.`);
	const separated = separatingDummy(design);
	if (separated !== null) return fail('separation', names[separated.column], `perfect separation: every firm with ${names[separated.column]} = ${separated.value} answers ${separated.answer === 1 ? 'yes' : 'no'}; leave "${names[separated.column]}" out or merge its levels.`);

	let beta: Float64Array = new Float64Array(p);
	const eta = new Float64Array(n);
	const mu = new Float64Array(n);
	const weights = new Float64Array(n);
	const working = new Float64Array(n);
	let deviance = Infinity;
	let bread: Float64Array | null = null;
	let iterations = 0;
	let converged = false;
	const update = () => {
		let ll = 0;
		for (let i = 0; i < n; i++) {
			let e = 0;
			for (let j = 0; j < p; j++) e += x[i * p + j] * beta[j];
			eta[i] = e;
			mu[i] = 1 / (1 + Math.exp(-e));
			// log-likelihood in a form that stays finite for large |η|
			ll += y[i] * e - (e > 0 ? e + Math.log1p(Math.exp(-e)) : Math.log1p(Math.exp(e)));
		}
		return ll;
	};
	let logLik = update();
	while (iterations < maxIterations) {
		iterations++;
		for (let i = 0; i < n; i++) {
			weights[i] = Math.max(mu[i] * (1 - mu[i]), 1e-300);
			working[i] = eta[i] + (y[i] - mu[i]) / weights[i];
		}
		const fit = leastSquares(x, working, p, weights);
		if (!fit.ok) {
			const variable = names[fit.column];
			return fail('singular', variable, `the design is singular: "${variable}" is constant or a combination of the variables before it; leave it out.`);
		}
		beta = fit.beta;
		bread = fit.xtxInverse;
		logLik = update();
		const next = -2 * logLik;
		// R's glm.control: |dev − dev_old| / (|dev| + 0.1) < 1e-8
		if (Math.abs(next - deviance) / (Math.abs(next) + 0.1) < 1e-8) {
			converged = true;
			deviance = next;
			break;
		}
		deviance = next;
	}
	if (!converged || bread === null) {
		const j = largestScaledCoefficient(design, beta);
		return fail('separation', names[j], `the logit did not converge in ${maxIterations} steps, a sign of (quasi-)perfect separation; "${names[j]}" predicts the answer almost perfectly — leave it out or merge its levels.`);
	}
	const residuals = new Float64Array(n);
	for (let i = 0; i < n; i++) residuals[i] = y[i] - mu[i];
	const covariance = options.classicSe ? bread : sandwich(x, residuals, p, bread);
	const z = normalQuantile(1 - (1 - level) / 2);
	const coefficients: Coefficient[] = names.map((name, j) => {
		const estimate = beta[j];
		const se = Math.sqrt(covariance[j * p + j]);
		const statistic = estimate / se;
		return { name, estimate, se, statistic, p: normalTwoSidedP(statistic), low: estimate - z * se, high: estimate + z * se };
	});
	const share = yes / n;
	const nullLogLik = n * (share * Math.log(share) + (1 - share) * Math.log(1 - share));
	return { ok: true, model: 'logit', coefficients, n, df: null, r2: 1 - logLik / nullLogLik, logLik, iterations, seType: options.classicSe ? 'classic' : 'HC0' };
}

/** A 0/1 column whose firms at one value all give the same answer: its coefficient is infinite. */
function separatingDummy({ x, y, n, p }: Pick<DesignMatrix, 'x' | 'y' | 'n' | 'p'>): { column: number; value: 0 | 1; answer: number } | null {
	for (let j = 1; j < p; j++) {
		const count = [0, 0];
		const yes = [0, 0];
		let binary = true;
		for (let i = 0; i < n && binary; i++) {
			const v = x[i * p + j];
			if (v !== 0 && v !== 1) binary = false;
			else {
				count[v]++;
				yes[v] += y[i];
			}
		}
		if (!binary) continue;
		for (const v of [1, 0] as const) {
			if (count[v] > 0 && (yes[v] === 0 || yes[v] === count[v])) return { column: j, value: v, answer: yes[v] === 0 ? 0 : 1 };
		}
	}
	return null;
}

function largestScaledCoefficient({ x, n, p }: Pick<DesignMatrix, 'x' | 'n' | 'p'>, beta: Float64Array): number {
	let best = p > 1 ? 1 : 0;
	let bestSize = -1;
	for (let j = 1; j < p; j++) {
		let mean = 0;
		for (let i = 0; i < n; i++) mean += x[i * p + j] / n;
		let ss = 0;
		for (let i = 0; i < n; i++) ss += (x[i * p + j] - mean) ** 2;
		const size = Math.abs(beta[j]) * Math.sqrt(ss / n);
		if (size > bestSize) [best, bestSize] = [j, size];
	}
	return best;
}
