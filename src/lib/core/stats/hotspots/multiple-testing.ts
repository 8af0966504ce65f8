/**
 * Benjamini–Hochberg q-values (R's `p.adjust(p, "BH")`): for the j-th smallest of m p-values,
 * q = min over i ≥ j of m·p₍ᵢ₎/i, capped at 1. A cell with q ≤ α is a discovery at false
 * discovery rate α. NaN p-values are left out (m counts the others) and stay NaN.
 *
 * @example
 * benjaminiHochberg(Float64Array.of(0.01, 0.04, 0.03, 0.2)); // [0.04, 0.0533…, 0.0533…, 0.2]
 */
export function benjaminiHochberg(p: Float64Array): Float64Array {
	const q = new Float64Array(p.length).fill(NaN);
	// Sorted natively (a comparator sort of a million indices takes seconds); tied p-values share
	// one q, that of their last position, so each p finds its q by binary search.
	const sorted = p.filter((v) => !Number.isNaN(v)).sort();
	const m = sorted.length;
	const stepped = new Float64Array(m);
	let running = 1;
	for (let j = m - 1; j >= 0; j--) {
		// (m / i)·p as R computes it: the largest p keeps its exact value, and no q falls below its p.
		running = Math.min(running, (m / (j + 1)) * sorted[j]);
		stepped[j] = running;
	}
	for (let i = 0; i < p.length; i++) {
		if (Number.isNaN(p[i])) continue;
		let lo = 0;
		let hi = m;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (sorted[mid] < p[i]) lo = mid + 1;
			else hi = mid;
		}
		q[i] = stepped[lo];
	}
	return q;
}

/**
 * Bonferroni-adjusted p-values (R's `p.adjust(p, "bonferroni")`): min(1, m·p), m the number of
 * p-values that are not NaN.
 *
 * @example
 * bonferroni(Float64Array.of(0.01, 0.3)); // [0.02, 0.6]
 */
export function bonferroni(p: Float64Array): Float64Array {
	let m = 0;
	for (const v of p) if (!Number.isNaN(v)) m++;
	return p.map((v) => Math.min(1, m * v));
}
