/** Contiguity as CSR: cell c's neighbours are neighbours[offsets[c]] … neighbours[offsets[c + 1] − 1], never c itself. */
export interface Contiguity {
	offsets: Uint32Array;
	neighbours: Uint32Array;
}

/** Analytical local statistics per cell. */
export interface LocalStatistics {
	/** Getis–Ord Gi* z: binary weights, the cell itself included. NaN when every value is equal. */
	giStarZ: Float64Array;
	/** Local Moran's Iᵢ with row-standardised weights (0 for a cell without neighbours). */
	localMoranI: Float64Array;
	/** (Iᵢ − E[Iᵢ]) / √Var[Iᵢ] under conditional randomisation (or total, on request); NaN where the variance is 0 or undefined. */
	localMoranZ: Float64Array;
	/** Mean of the neighbours' deviations from the overall mean (the Moran scatterplot's y). */
	lag: Float64Array;
	/** Each value's deviation from the overall mean (its x). */
	deviation: Float64Array;
}

/**
 * Getis–Ord Gi* and local Moran's I with their analytical z-scores, as R's spdep computes them:
 *
 * - Gi* = `localG(x, nb2listw(include.self(nb), style = "B"))` (Getis & Ord 1992; Ord & Getis
 *   1995): with Wᵢ = kᵢ + 1 cells (itself and its kᵢ neighbours), x̄ and s² = Σ(x − x̄)²/n over all
 *   n cells, z = (Σⱼ xⱼ − Wᵢ x̄) / √(s² (n Wᵢ − Wᵢ²) / (n − 1)).
 * - local Moran = `localmoran(x, nb2listw(nb, style = "W"))` with current spdep's defaults
 *   (mlvar = TRUE, conditional = TRUE): zᵢ = xᵢ − x̄, m₂ = Σz²/n, Iᵢ = (zᵢ/m₂) · mean of the
 *   neighbours' z, and with wᵢ₍₂₎ = 1/kᵢ the moments under conditional randomisation — cell i
 *   fixed, the others permuted, the null the permutation test samples (Sokal et al. 1998, eqs. A7
 *   and A8; Sauer et al. 2021): E[Iᵢ] = −zᵢ²/((n − 1) m₂),
 *   Var[Iᵢ] = (zᵢ/m₂)² · n/(n − 2) · (wᵢ₍₂₎ − 1/(n − 1)) · (m₂ − zᵢ²/(n − 1)).
 *   `moranNull: 'total'` gives spdep's conditional = FALSE instead (total randomisation, Anselin
 *   1995; earlier spdep's default): E[Iᵢ] = −1/(n − 1) and, with b₂ = (Σz⁴/n)/m₂²,
 *   Var[Iᵢ] = wᵢ₍₂₎ (n − b₂)/(n − 1) + (1 − wᵢ₍₂₎)(2b₂ − n)/((n − 1)(n − 2)) − E[Iᵢ]².
 *
 * @param values one value per cell (firm counts)
 * @param contiguity neighbours of each cell
 * @param options.moranNull null of local Moran's z: 'conditional' (default) or 'total'
 * @example
 * const { giStarZ, localMoranZ } = localStatistics(lattice.counts, lattice);
 */
export function localStatistics(values: Float64Array, contiguity: Contiguity, options: { moranNull?: 'conditional' | 'total' } = {}): LocalStatistics {
	const total = options.moranNull === 'total';
	const n = values.length;
	const { offsets, neighbours } = contiguity;
	if (offsets.length !== n + 1) throw new Error(`localStatistics: ${n} values but contiguity for ${offsets.length - 1} cells; pass one value per cell.`);
	let mean = 0;
	for (let i = 0; i < n; i++) mean += values[i];
	mean /= n;
	const deviation = new Float64Array(n);
	let m2 = 0;
	let m4 = 0;
	for (let i = 0; i < n; i++) {
		const z = (deviation[i] = values[i] - mean);
		m2 += z * z;
		m4 += z * z * z * z;
	}
	m2 /= n;
	m4 /= n;
	const b2 = m4 / (m2 * m2);
	const a = (n - b2) / (n - 1);
	const b = (2 * b2 - n) / ((n - 1) * (n - 2));
	const expectedTotal = -1 / (n - 1);
	const out: LocalStatistics = {
		giStarZ: new Float64Array(n),
		localMoranI: new Float64Array(n),
		localMoranZ: new Float64Array(n),
		lag: new Float64Array(n),
		deviation
	};
	const constant = !(m2 > 0);
	for (let i = 0; i < n; i++) {
		const start = offsets[i];
		const k = offsets[i + 1] - start;
		let sum = 0;
		for (let e = start; e < start + k; e++) sum += deviation[neighbours[e]];
		// Gi* in deviations: Σⱼ xⱼ − Wᵢ x̄ = zᵢ + Σ neighbours' z, which keeps the digits of large counts.
		// A window of every cell (w = n) has no variance: z is 0/0, NaN as in spdep, not ±Infinity from rounding.
		const w = k + 1;
		out.giStarZ[i] = constant || w >= n ? NaN : (deviation[i] + sum) / Math.sqrt((m2 * (n * w - w * w)) / (n - 1));
		if (k === 0) {
			out.localMoranZ[i] = NaN;
			continue;
		}
		const lag = (out.lag[i] = sum / k);
		const moran = (out.localMoranI[i] = constant ? 0 : (deviation[i] / m2) * lag);
		const w2 = 1 / k;
		const z = deviation[i];
		const expected = total ? expectedTotal : (-z * z) / ((n - 1) * m2);
		const variance = total ? a * w2 + b * (1 - w2) - expectedTotal * expectedTotal : (z / m2) ** 2 * (n / (n - 2)) * (w2 - 1 / (n - 1)) * (m2 - (z * z) / (n - 1));
		// Zero variance (a cell at the mean, or whose neighbours are all the other cells) leaves z undefined, as in spdep.
		out.localMoranZ[i] = constant || !(variance > 0) ? NaN : (moran - expected) / Math.sqrt(variance);
	}
	return out;
}
