import type { FirmFilter } from '../density/select-firms';
import { dbscan, type DbscanResult } from './dbscan';

/** How long a DBSCAN cluster lasts as eps varies, HDBSCAN's excess of mass on a ladder of eps. */
export interface ClusterStability {
	/**
	 * Excess of mass: ∫ firms dλ over the range of λ = 1/eps (per km) where the cluster exists,
	 * apart from the others and undivided — HDBSCAN's Σ (λ_max − λ_birth) over its firms — by the
	 * midpoint rule on the ladder: each eps of the ladder stands for the λ halfway to its neighbours.
	 */
	stability: number;
	/** Largest eps of the ladder, metres, at which the cluster is still apart from the others. */
	fromMetres: number;
	/** Smallest eps of the ladder, metres, at which it is still one cluster. */
	toMetres: number;
	/** Still apart at the ladder's largest eps / still whole at its smallest: the range goes on beyond. */
	openAbove: boolean;
	openBelow: boolean;
}

/** Default ladder: eps × 2^(k/4), k = 4 … −4 (2× down to ½×), eight more runs of DBSCAN. */
export const STABILITY_FACTORS = [4, 3, 2, 1, 0, -1, -2, -3, -4].map((k) => 2 ** (k / 4));

/**
 * HDBSCAN-like stability of each cluster of a DBSCAN run, the idea of Campello et al. (2013)
 * without building the whole hierarchy: DBSCAN is run again with the same minPts at a ladder of
 * eps values round the chosen one, and each cluster is followed up the ladder (larger eps) until
 * it merges with another cluster of the chosen run — that is its birth — and down the ladder
 * (smaller eps) until it falls apart into two or more clusters or into noise — its death. Its
 * stability is HDBSCAN's excess of mass Σ_x (λ_max(x) − λ_birth) with λ = 1/eps, integrated over
 * the ladder: a cluster that stays apart and whole over a wide range of eps, with many firms, is a
 * robust agglomeration; one that exists at the chosen eps only scores its firms × that eps's
 * share of λ.
 *
 * Clusters are followed by their firms: up the ladder, by the cluster holding its core firms (they
 * stay core and connected when eps grows); down, by the clusters its firms fall in. A cluster is
 * the same one at each step while it holds core firms of no other cluster of the chosen run
 * (above) or its firms are in exactly one cluster (below).
 *
 * @param lons firm longitudes, degrees
 * @param lats firm latitudes, degrees
 * @param base the DBSCAN result at the chosen eps (same firms and filter)
 * @param options.epsMetres the chosen eps, metres
 * @param options.minPts as in the chosen run
 * @param options.factors eps multipliers of the ladder, default {@link STABILITY_FACTORS}
 * @param options.filter as in the chosen run
 * @returns per cluster of `base`, in its numbering
 * @example
 * const base = dbscan(lons, lats, { epsMetres: 300, minPts: 10 });
 * const [first] = dbscanStability(lons, lats, base, { epsMetres: 300, minPts: 10 });
 * first.fromMetres; // e.g. 848: merges with a neighbour beyond 848 m
 */
export function dbscanStability(
	lons: ArrayLike<number>,
	lats: ArrayLike<number>,
	base: DbscanResult,
	options: { epsMetres: number; minPts: number; factors?: readonly number[]; filter?: FirmFilter }
): ClusterStability[] {
	const n = lons.length;
	if (base.labels.length !== n) throw new Error(`dbscanStability: ${n} firms but ${base.labels.length} labels; pass the result of dbscan on the same firms.`);
	const factors = [...new Set([1, ...(options.factors ?? STABILITY_FACTORS)])].sort((a, b) => b - a);
	if (factors.some((f) => !(f > 0) || !Number.isFinite(f))) throw new Error('dbscanStability: the eps factors must be positive numbers.');
	const eps = factors.map((f) => options.epsMetres * f);
	const lambda = eps.map((e) => 1000 / e);
	const chosen = factors.indexOf(1);
	// The λ each eps of the ladder stands for: halfway to its neighbours (the ends reach as far out as in).
	const width = lambda.map((_, l) => {
		const below = l > 0 ? lambda[l] - lambda[l - 1] : l + 1 < lambda.length ? lambda[l + 1] - lambda[l] : lambda[l];
		const above = l + 1 < lambda.length ? lambda[l + 1] - lambda[l] : below;
		return (below + above) / 2;
	});
	const clusters = base.clusterCount;
	const levels = eps.map((e, l) => (l === chosen ? base : dbscan(lons, lats, { epsMetres: e, minPts: options.minPts, filter: options.filter })));

	// A core firm of each cluster of the chosen run: it stays core, in the same cluster, as eps grows.
	const anchor = new Int32Array(clusters).fill(-1);
	for (let i = 0; i < n; i++) if (base.core[i] === 1 && base.labels[i] >= 0 && anchor[base.labels[i]] < 0) anchor[base.labels[i]] = i;

	/** Per level and cluster of the chosen run: its size there, or −1 when it is not (or no longer) itself. */
	const sizes = levels.map((level, l) => {
		const perLabel = new Int32Array(level.clusterCount);
		for (let i = 0; i < n; i++) if (level.labels[i] >= 0) perLabel[level.labels[i]]++;
		const size = new Int32Array(clusters).fill(-1);
		if (l === chosen) size.set(perLabel);
		else if (l < chosen) {
			// Larger eps: merged when its cluster there holds core firms of another cluster.
			const owner = new Int32Array(level.clusterCount).fill(-1);
			const merged = new Uint8Array(level.clusterCount);
			for (let i = 0; i < n; i++) {
				const c = base.labels[i];
				if (base.core[i] !== 1 || c < 0) continue;
				const label = level.labels[i];
				if (owner[label] < 0) owner[label] = c;
				else if (owner[label] !== c) merged[label] = 1;
			}
			for (let c = 0; c < clusters; c++) {
				const label = level.labels[anchor[c]];
				if (merged[label] === 0) size[c] = perLabel[label];
			}
		} else {
			// Smaller eps: whole while its firms that are clustered there are in one cluster.
			const only = new Int32Array(clusters).fill(-1);
			const split = new Uint8Array(clusters);
			for (let i = 0; i < n; i++) {
				const c = base.labels[i];
				const label = level.labels[i];
				if (c < 0 || label < 0) continue;
				if (only[c] < 0) only[c] = label;
				else if (only[c] !== label) split[c] = 1;
			}
			for (let c = 0; c < clusters; c++) if (only[c] >= 0 && split[c] === 0) size[c] = perLabel[only[c]];
		}
		return size;
	});

	return Array.from({ length: clusters }, (_, c) => {
		let birth = chosen;
		while (birth > 0 && sizes[birth - 1][c] >= 0) birth--;
		let death = chosen + 1;
		while (death < eps.length && sizes[death][c] >= 0) death++;
		let stability = 0;
		for (let l = birth; l < death; l++) stability += sizes[l][c] * width[l];
		return { stability, fromMetres: eps[birth], toMetres: eps[death - 1], openAbove: birth === 0, openBelow: death === eps.length };
	});
}
