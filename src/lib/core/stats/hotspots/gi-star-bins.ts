/** Two-sided significance levels of the Gi* classes ±3, ±2, ±1 (ArcGIS's Gi_Bin): 99 %, 95 %, 90 % confidence. */
export const GI_STAR_LEVELS = [0.01, 0.05, 0.1] as const;

/**
 * Hot and cold spot classes of Gi* for a map, as ArcGIS's Hot Spot Analysis bins them: +3 / −3 a
 * hot / cold spot at 99 % confidence, ±2 at 95 %, ±1 at 90 %, 0 not significant; the sign is z's.
 * `p` is a folded, one-tailed p — the permutation p, or its BH q or Bonferroni adjustment, which
 * is the map's multiple-testing choice — so the two-sided confidence is 1 − 2p.
 *
 * @param z Gi* z-scores
 * @param p one-tailed p per cell (NaN: class 0)
 * @example
 * giStarBins(Float64Array.of(3.1, -2.2, 0.4), Float64Array.of(0.0004, 0.02, 0.3)); // Int8Array [3, -2, 0]
 */
export function giStarBins(z: Float64Array, p: Float64Array): Int8Array {
	const bins = new Int8Array(z.length);
	for (let i = 0; i < z.length; i++) {
		const twoSided = 2 * p[i];
		const level = twoSided <= GI_STAR_LEVELS[0] ? 3 : twoSided <= GI_STAR_LEVELS[1] ? 2 : twoSided <= GI_STAR_LEVELS[2] ? 1 : 0;
		bins[i] = z[i] > 0 ? level : z[i] < 0 ? -level : 0;
	}
	return bins;
}
