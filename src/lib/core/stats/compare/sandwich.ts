/**
 * Heteroskedasticity-robust covariance B·(Σ uᵢ² xᵢxᵢᵀ)·B·scale, the "sandwich" of White (1980):
 * with B = (XᵀX)⁻¹ and u the OLS residuals it is HC0, times n/(n − p) HC1; with B the inverse
 * Fisher information of a logit and u = y − μ it is the robust covariance of the logit.
 *
 * @param x row-major n × p
 * @param u per-row score residuals
 * @param bread p × p
 * @example
 * const v = sandwich(design.x, residuals, design.p, xtxInverse, n / (n - p)); // HC1
 */
export function sandwich(x: Float64Array, u: ArrayLike<number>, p: number, bread: Float64Array, scale = 1): Float64Array {
	const n = u.length;
	const meat = new Float64Array(p * p);
	for (let i = 0; i < n; i++) {
		const w = u[i] * u[i];
		if (w === 0) continue;
		const row = i * p;
		for (let j = 0; j < p; j++) {
			const xj = w * x[row + j];
			for (let k = 0; k <= j; k++) meat[j * p + k] += xj * x[row + k];
		}
	}
	for (let j = 0; j < p; j++) for (let k = 0; k < j; k++) meat[k * p + j] = meat[j * p + k];
	const half = new Float64Array(p * p);
	for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) {
		let s = 0;
		for (let k = 0; k < p; k++) s += bread[i * p + k] * meat[k * p + j];
		half[i * p + j] = s;
	}
	const v = new Float64Array(p * p);
	for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) {
		let s = 0;
		for (let k = 0; k < p; k++) s += half[i * p + k] * bread[k * p + j];
		v[i * p + j] = s * scale;
	}
	return v;
}
