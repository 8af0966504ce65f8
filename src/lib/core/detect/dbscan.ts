import KDBush from 'kdbush';
import { bboxCentre, selectFirms, type FirmFilter } from '../density/select-firms';
import { createLocalProjection } from '../density/local-projection';
import { EARTH_RADIUS_KM } from '../model';

/** Label of firms DBSCAN did not consider: left out by the filter or without coordinates. */
export const NOT_CONSIDERED = -2;
/** Label of noise: considered, but neither core nor within eps of a core firm. */
export const NOISE = -1;

export interface DbscanResult {
	/** Per input firm: cluster 0, 1, 2…, {@link NOISE} or {@link NOT_CONSIDERED}. */
	labels: Int32Array;
	/** Per input firm: 1 for core firms (at least minPts firms, itself included, within eps). */
	core: Uint8Array;
	clusterCount: number;
	/** Firms that passed the filter but had no coordinates (labelled NOT_CONSIDERED). */
	withoutCoordinates: number;
}

const RAD = Math.PI / 180;
/** Neighbour-list entries kept between the two passes: 2^23 (32 MB). */
const NEIGHBOUR_BUDGET = 1 << 23;

/**
 * DBSCAN (Ester et al. 1996) on firms with great-circle distances: a firm is core when at least
 * `minPts` firms (itself included) lie within `epsMetres`; core firms within eps of each other
 * share a cluster; a non-core firm within eps of a core firm is a border firm; the rest is noise.
 *
 * Deterministic labels: clusters are numbered in the order of their lowest-index core firm, and a
 * border firm joins the cluster of its nearest core firm (ties: the lower index) — so results do
 * not depend on visiting order, unlike the original algorithm where a border firm within eps of
 * two clusters goes to whichever reached it first.
 *
 * Neighbours are found with a kdbush range query in a local equal-area projection, on a radius
 * widened by the projection's largest distance distortion over the data, then checked exactly
 * by chord length on the sphere (radius 6371.0088 km): neighbour sets are exact.
 *
 * @param lons firm longitudes, degrees
 * @param lats firm latitudes, degrees
 * @param options.epsMetres neighbourhood radius in metres
 * @param options.minPts firms needed within eps, the firm itself included (≥ 1)
 * @param options.filter firms to cluster (mask or predicate), default all
 * @example
 * const { labels, clusterCount } = dbscan(lons, lats, { epsMetres: 300, minPts: 10 });
 * labels[0]; // -1 (noise) or a cluster number
 */
export function dbscan(
	lons: ArrayLike<number>,
	lats: ArrayLike<number>,
	options: { epsMetres: number; minPts: number; filter?: FirmFilter; /** @internal */ neighbourBudget?: number }
): DbscanResult {
	return dbscanEachMinPts(lons, lats, { ...options, minPts: [options.minPts] })[0];
}

/**
 * {@link dbscan} at one eps for several minPts: the neighbour search, most of the cost, is done
 * once and each minPts only labels. Result k is exactly `dbscan` with `minPts[k]`.
 *
 * @example
 * const [loose, strict] = dbscanEachMinPts(lons, lats, { epsMetres: 300, minPts: [5, 20] });
 */
export function dbscanEachMinPts(
	lons: ArrayLike<number>,
	lats: ArrayLike<number>,
	options: { epsMetres: number; minPts: readonly number[]; filter?: FirmFilter; /** @internal */ neighbourBudget?: number }
): DbscanResult[] {
	const { epsMetres } = options;
	if (!(epsMetres > 0) || !Number.isFinite(epsMetres)) throw new Error(`dbscan: epsMetres must be a positive number of metres, got ${epsMetres}.`);
	for (const minPts of options.minPts) {
		if (!Number.isInteger(minPts) || minPts < 1) throw new Error(`dbscan: minPts must be a whole number of firms ≥ 1, got ${minPts}.`);
	}
	const n = lons.length;
	const firms = selectFirms(lons, lats, options.filter);
	const m = firms.lons.length;
	if (m === 0) return options.minPts.map(() => ({ labels: new Int32Array(n).fill(NOT_CONSIDERED), core: new Uint8Array(n), clusterCount: 0, withoutCoordinates: firms.withoutCoordinates }));

	// Unit vectors for the exact test: great-circle distance ≤ eps ⇔ chord² ≤ (2 sin(eps / 2R))².
	const ux = new Float64Array(m);
	const uy = new Float64Array(m);
	const uz = new Float64Array(m);
	for (let k = 0; k < m; k++) {
		const phi = firms.lats[k] * RAD;
		const lambda = firms.lons[k] * RAD;
		ux[k] = Math.cos(phi) * Math.cos(lambda);
		uy[k] = Math.cos(phi) * Math.sin(lambda);
		uz[k] = Math.sin(phi);
	}
	const chord = 2 * Math.sin(epsMetres / 1000 / EARTH_RADIUS_KM / 2);
	const chord2 = chord * chord;
	const dist2 = (a: number, b: number) => (ux[a] - ux[b]) ** 2 + (uy[a] - uy[b]) ** 2 + (uz[a] - uz[b]) ** 2;

	const projection = createLocalProjection(bboxCentre(firms.lons, firms.lats));
	const { xs, ys } = projection.projectAll(firms.lons, firms.lats);
	// Projected distances are at most 1/cos(c/2) times great-circle ones between firms within an
	// angle c of the centre; ρ = 2R sin(c/2) in this projection gives c.
	let maxRho = 0;
	for (let k = 0; k < m; k++) maxRho = Math.max(maxRho, Math.hypot(xs[k], ys[k]));
	const maxAngle = 2 * Math.asin(Math.min(1, maxRho / (2 * EARTH_RADIUS_KM * 1000)));
	const radius = epsMetres * (1 + projection.maxDistortion(maxAngle)) * (1 + 1e-9);
	const index = new KDBush(m, 64, Float64Array);
	for (let k = 0; k < m; k++) index.add(xs[k], ys[k]);
	index.finish();
	const found = new Uint32Array(m);

	// Pass 1: neighbours within eps (exact), counted. Lists are kept while they fit in a budget (a
	// dense district with a large eps would need gigabytes); beyond it pass 2 queries again.
	const neighbourCount = new Int32Array(m);
	const listAt = new Int32Array(m).fill(-1);
	const listLength = new Int32Array(m);
	const budget = options.neighbourBudget ?? NEIGHBOUR_BUDGET;
	let store = new Uint32Array(Math.min(budget, m * 16));
	let stored = 0;
	const neighbours = (k: number, into: Uint32Array): number => {
		const count = index.withinInto(xs[k], ys[k], radius, into);
		let within = 0;
		for (let t = 0; t < count; t++) if (dist2(k, into[t]) <= chord2) into[within++] = into[t];
		return within;
	};
	for (let k = 0; k < m; k++) {
		const within = neighbours(k, found);
		neighbourCount[k] = within;
		if (stored + within > budget) continue;
		if (stored + within > store.length) {
			const grown = new Uint32Array(Math.min(budget, Math.max(store.length * 2, stored + within)));
			grown.set(store.subarray(0, stored));
			store = grown;
		}
		store.set(found.subarray(0, within), stored);
		listAt[k] = stored;
		listLength[k] = within;
		stored += within;
	}

	// Pass 2: union core firms within eps (the root of a set is its lowest index), and give each
	// border firm its nearest core neighbour.
	return options.minPts.map((minPts) => {
		const isCore = Uint8Array.from(neighbourCount, (count) => (count >= minPts ? 1 : 0));
		const labels = new Int32Array(n).fill(NOT_CONSIDERED);
		const core = new Uint8Array(n);
		const parent = new Int32Array(m);
		for (let k = 0; k < m; k++) parent[k] = k;
		const find = (k: number): number => {
			while (parent[k] !== k) {
				parent[k] = parent[parent[k]];
				k = parent[k];
			}
			return k;
		};
		const nearestCore = new Int32Array(m).fill(-1);
		for (let k = 0; k < m; k++) {
			let list = store;
			let from = listAt[k];
			let count = listLength[k];
			if (from < 0) {
				count = neighbours(k, found);
				list = found;
				from = 0;
			}
			let best = -1;
			let bestD = Infinity;
			for (let t = from; t < from + count; t++) {
				const j = list[t];
				if (isCore[j] === 0 || j === k) continue;
				if (isCore[k] === 1) {
					const a = find(k);
					const b = find(j);
					if (a < b) parent[b] = a;
					else if (b < a) parent[a] = b;
				} else {
					const d = dist2(k, j);
					if (d < bestD || (d === bestD && j < best)) {
						best = j;
						bestD = d;
					}
				}
			}
			nearestCore[k] = best;
		}

		const clusterOfRoot = new Int32Array(m).fill(-1);
		let clusterCount = 0;
		const local = new Int32Array(m).fill(NOISE);
		for (let k = 0; k < m; k++) {
			if (isCore[k] === 0) continue;
			const root = find(k);
			if (clusterOfRoot[root] === -1) clusterOfRoot[root] = clusterCount++;
			local[k] = clusterOfRoot[root];
		}
		for (let k = 0; k < m; k++) if (isCore[k] === 0 && nearestCore[k] >= 0) local[k] = local[nearestCore[k]];
		for (let k = 0; k < m; k++) {
			labels[firms.index[k]] = local[k];
			core[firms.index[k]] = isCore[k];
		}
		return { labels, core, clusterCount, withoutCoordinates: firms.withoutCoordinates };
	});
}
