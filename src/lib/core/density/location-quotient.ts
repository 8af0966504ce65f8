import type { FirmFilter } from './select-firms';

/** Which region(s) each firm is in: one region index per firm (−1: none), or the classifier's CSR lists. */
export type RegionMembership = Int32Array | { offsets: Uint32Array; zoneIndices: Uint32Array };

/** Location quotients of one industry per region. */
export interface LocationQuotients {
	/** e_iz: the industry's firms (or weight) in each region. */
	industry: Float64Array;
	/** e_z: all firms (or weight) in each region. */
	total: Float64Array;
	/** (e_iz / e_z) / (e_i / e); NaN for a region with no firms. */
	lq: Float64Array;
	/** e_i / e: the industry's share of the whole sample. */
	share: number;
}

/**
 * Location quotient of an industry per region: LQ_z = (e_iz / e_z) / (e_i / e), the industry's
 * share of the region's firms over its share of the whole sample — the specialisation measure of
 * the U.S. Cluster Mapping Project and the European Cluster Observatory (which use employment and
 * read LQ > 1 as specialised; the Observatory gives a star from LQ ≥ 2). Counts firms by default;
 * pass employees as `weights` for the employment-based convention. The benchmark e_i / e is the
 * whole sample given, firms outside every region included; a firm in overlapping regions counts in
 * each. Firms with non-finite weights are rejected rather than dropped.
 *
 * @param membership region of each firm (from a prefecture code column, or zoneCounts().classification)
 * @param regionCount number of regions
 * @param industry the industry's firms (mask or predicate)
 * @param options.weights per-firm weight (e.g. employees), default 1
 * @example
 * const { lq } = locationQuotient(zoneCounts(prefectures, lons, lats).classification, 47, isTextile);
 * lq[9]; // e.g. 3.1: textiles are 3.1 times as common among Gunma's firms as in the sample
 */
export function locationQuotient(
	membership: RegionMembership,
	regionCount: number,
	industry: FirmFilter,
	options: { weights?: ArrayLike<number> } = {}
): LocationQuotients {
	const csr = membership instanceof Int32Array ? null : membership;
	const n = csr === null ? (membership as Int32Array).length : csr.offsets.length - 1;
	if (industry instanceof Uint8Array && industry.length !== n) throw new Error(`locationQuotient: the industry mask has ${industry.length} entries for ${n} firms.`);
	const weights = options.weights;
	if (weights !== undefined && weights.length !== n) throw new Error(`locationQuotient: ${weights.length} weights for ${n} firms.`);
	const out = { industry: new Float64Array(regionCount), total: new Float64Array(regionCount) };
	let all = 0;
	let inIndustry = 0;
	for (let i = 0; i < n; i++) {
		const w = weights === undefined ? 1 : weights[i];
		if (!Number.isFinite(w) || w < 0) throw new Error(`locationQuotient: firm ${i} has weight ${w}; weights must be finite and ≥ 0 (fill in or filter out such firms first).`);
		const isIndustry = industry instanceof Uint8Array ? industry[i] !== 0 : industry(i);
		all += w;
		if (isIndustry) inIndustry += w;
		const visit = (z: number) => {
			if (z < 0) return;
			if (z >= regionCount) throw new Error(`locationQuotient: firm ${i} is in region ${z}, but there are ${regionCount} regions.`);
			out.total[z] += w;
			if (isIndustry) out.industry[z] += w;
		};
		if (csr === null) visit((membership as Int32Array)[i]);
		else for (let k = csr.offsets[i]; k < csr.offsets[i + 1]; k++) visit(csr.zoneIndices[k]);
	}
	const share = all > 0 ? inIndustry / all : NaN;
	const lq = Float64Array.from(out.total, (t, z) => (t > 0 ? out.industry[z] / t / share : NaN));
	return { ...out, lq, share };
}
