/**
 * Weighted least squares by Householder QR: solves min Σ wᵢ (zᵢ − xᵢβ)² and returns β with
 * (XᵀWX)⁻¹ = R⁻¹R⁻ᵀ. QR rather than the normal equations keeps full precision on ill-conditioned
 * designs (NIST's Longley data loses half its digits through XᵀX). Without column pivoting, a column
 * that is a linear combination of the columns before it shows as a collapsed diagonal of R, which
 * names the variable to drop. Hand-written: p is small (tens of columns) and no well-kept
 * JavaScript package offers a typed-array QR of this size without a large dependency.
 *
 * @param x row-major n × p
 * @param z response, length n
 * @param p columns
 * @param weights optional non-negative weights
 * @example
 * const fit = leastSquares(new Float64Array([1, 0, 1, 1, 1, 2]), new Float64Array([1, 3, 5]), 2);
 * // fit.ok && fit.beta → [1, 2]
 */
export function leastSquares(
	x: Float64Array,
	z: ArrayLike<number>,
	p: number,
	weights?: ArrayLike<number>
): { ok: true; beta: Float64Array; xtxInverse: Float64Array } | { ok: false; column: number } {
	const n = z.length;
	// Column-major copy of √w·X and √w·z, reduced in place.
	const a = new Float64Array(n * p);
	const b = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		const s = weights === undefined ? 1 : Math.sqrt(weights[i]);
		for (let j = 0; j < p; j++) a[j * n + i] = s * x[i * p + j];
		b[i] = s * z[i];
	}
	const columnNorm = new Float64Array(p);
	for (let j = 0; j < p; j++) {
		let s = 0;
		for (let i = 0; i < n; i++) s += a[j * n + i] ** 2;
		columnNorm[j] = Math.sqrt(s);
	}
	const r = new Float64Array(p * p);
	for (let j = 0; j < p; j++) {
		const col = j * n;
		let norm = 0;
		for (let i = j; i < n; i++) norm += a[col + i] ** 2;
		norm = Math.sqrt(norm);
		// A pivot this small relative to the column's own length means the column adds nothing new.
		if (!(norm > 1e-10 * columnNorm[j]) || columnNorm[j] === 0) return { ok: false, column: j };
		const alpha = a[col + j] > 0 ? -norm : norm;
		a[col + j] -= alpha;
		let vv = 0;
		for (let i = j; i < n; i++) vv += a[col + i] ** 2;
		for (let k = j + 1; k < p; k++) {
			const other = k * n;
			let dot = 0;
			for (let i = j; i < n; i++) dot += a[col + i] * a[other + i];
			const f = (2 * dot) / vv;
			for (let i = j; i < n; i++) a[other + i] -= f * a[col + i];
		}
		let dot = 0;
		for (let i = j; i < n; i++) dot += a[col + i] * b[i];
		const f = (2 * dot) / vv;
		for (let i = j; i < n; i++) b[i] -= f * a[col + i];
		r[j * p + j] = alpha;
		for (let k = j + 1; k < p; k++) r[j * p + k] = a[k * n + j];
	}
	const beta = new Float64Array(p);
	for (let j = p - 1; j >= 0; j--) {
		let s = b[j];
		for (let k = j + 1; k < p; k++) s -= r[j * p + k] * beta[k];
		beta[j] = s / r[j * p + j];
	}
	// R⁻¹ (upper triangular), then (XᵀWX)⁻¹ = R⁻¹ R⁻ᵀ.
	const ri = new Float64Array(p * p);
	for (let j = 0; j < p; j++) {
		ri[j * p + j] = 1 / r[j * p + j];
		for (let i = j - 1; i >= 0; i--) {
			let s = 0;
			for (let k = i + 1; k <= j; k++) s += r[i * p + k] * ri[k * p + j];
			ri[i * p + j] = -s / r[i * p + i];
		}
	}
	const xtxInverse = new Float64Array(p * p);
	for (let i = 0; i < p; i++) {
		for (let j = i; j < p; j++) {
			let s = 0;
			for (let k = j; k < p; k++) s += ri[i * p + k] * ri[j * p + k];
			xtxInverse[i * p + j] = s;
			xtxInverse[j * p + i] = s;
		}
	}
	return { ok: true, beta, xtxInverse };
}
