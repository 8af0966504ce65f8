import concaveman from 'concaveman';
import { selectFirms, type FirmFilter } from '../../density/select-firms';
import { createLocalProjection } from '../../density/local-projection';
import { confidenceBands, flaggedRanges, type ConfidenceBands, type DistanceRange } from './bands';
import { counterfactualCurves, pairHistogram, type DrawRange } from './counterfactuals';
import { joinDraws, type CurvesOfDraws } from './draw-parts';
import { MEDIAN_PAIRS, pairDistanceSummary } from './pair-distance-summary';
import { sitePoints } from './pair-histogram';

export interface RipleyOptions {
	/** Candidate sites for the counterfactuals; default every firm with coordinates. */
	pool?: FirmFilter;
	/** Monte Carlo draws, default 999. */
	draws?: number;
	/** Seed of the draws, default 1988. */
	seed?: number;
	/** Largest distance, km, or 'median' (median distance between pool sites); default 180. */
	maxDistanceKm?: number | 'median';
	/** Spacing of the distances, km; default 0.5. */
	stepKm?: number;
	/** Study area, km²; default the area of the convex hull of the pool's sites. */
	areaKm2?: number;
	localLevel?: number;
	globalLevel?: number;
	onProgress?: (done: number, total: number) => void;
}

export interface RipleyResult extends ConfidenceBands {
	distancesKm: Float64Array;
	/** Ripley's K(r) = A · (ordered pairs within r) / (n (n − 1)), km². */
	k: Float64Array;
	/** L(r) = √(K(r) / π), km; r for a random (Poisson) pattern over the area. Bands are on L. */
	l: Float64Array;
	/** Distances where L is above the upper global band (clustered relative to the pool) … */
	clustered: DistanceRange[];
	/** … or below the lower one (more regular than the pool). */
	regular: DistanceRange[];
	areaKm2: number;
	stepKm: number;
	maxDistanceKm: number;
	draws: number;
	seed: number;
	firms: number;
	withoutCoordinates: number;
	poolSize: number;
	method: 'matrix' | 'direct';
}

/**
 * Ripley's K and L functions of an industry's firms over great-circle distances, the simpler
 * cumulative cousin of the Duranton–Overman test, with the same Monte Carlo bands: n sites drawn
 * from the pool at random (random labelling), local percentile bands and global rank envelopes.
 * No edge correction: firms near the edge of the area have fewer neighbours, which lowers K at
 * large r — the counterfactual draws share that bias, so the comparison with the bands stays
 * fair, but L(r) = r is only the benchmark far from the edges. Pairs are counted exactly at the
 * reported distances (bins one step wide, edges exact on the sphere).
 *
 * @param lons firm longitudes, degrees
 * @param lats firm latitudes, degrees
 * @param industry the industry's firms (mask or predicate)
 * @param options see {@link RipleyOptions}
 * @example
 * const { l, clustered } = ripleyKL(lons, lats, isTextile, { maxDistanceKm: 20, stepKm: 0.25 });
 */
export function ripleyKL(lons: ArrayLike<number>, lats: ArrayLike<number>, industry: FirmFilter, options: RipleyOptions = {}): RipleyResult {
	return mergeRipley([ripleyPart(lons, lats, industry, options)], options);
}

/** The observed L and what it was computed with: the same in every part of one run. */
export type RipleyObserved = Pick<RipleyResult, 'distancesKm' | 'l' | 'areaKm2' | 'stepKm' | 'maxDistanceKm' | 'draws' | 'seed' | 'firms' | 'withoutCoordinates' | 'poolSize' | 'method'>;

/** The counterfactual L curves of a range of draws, with the observed curve. */
export interface RipleyPart extends CurvesOfDraws {
	observed: RipleyObserved;
}

/**
 * One range of the draws of {@link ripleyKL} (default all), put together with
 * {@link mergeRipley}, as durantonOvermanPart.
 * @example
 * const result = mergeRipley(splitDraws(999, 2).map((range) => ripleyPart(lons, lats, mask, { range })));
 */
export function ripleyPart(lons: ArrayLike<number>, lats: ArrayLike<number>, industry: FirmFilter, options: RipleyOptions & { range?: DrawRange } = {}): RipleyPart {
	const draws = options.draws ?? 999;
	const seed = options.seed ?? 1988;
	if (!Number.isInteger(draws) || draws < 19) throw new Error(`ripleyKL: draws must be a whole number ≥ 19, got ${draws}.`);
	const firms = selectFirms(lons, lats, industry);
	const n = firms.index.length;
	if (n < 3) throw new Error(`ripleyKL: the industry has ${n} firms with coordinates; at least 3 are needed.`);
	const pool = selectFirms(lons, lats, options.pool);
	if (pool.index.length < n) throw new Error(`ripleyKL: the pool has ${pool.index.length} sites for an industry of ${n} firms; the pool must be at least as large.`);
	const poolSites = sitePoints(lons, lats, pool.index);
	const maxDistanceKm = options.maxDistanceKm === 'median' ? pairDistanceSummary(poolSites, { seed, maxPairs: MEDIAN_PAIRS }).median : (options.maxDistanceKm ?? 180);
	if (!(maxDistanceKm > 0) || !Number.isFinite(maxDistanceKm)) throw new Error(`ripleyKL: maxDistanceKm must be a positive number of km or 'median', got ${maxDistanceKm}.`);
	const stepKm = options.stepKm ?? 0.5;
	if (!(stepKm > 0)) throw new Error(`ripleyKL: stepKm must be positive, got ${stepKm}.`);
	const areaKm2 = options.areaKm2 ?? hullAreaKm2(pool.lons, pool.lats);
	if (!(areaKm2 > 0)) throw new Error(`ripleyKL: the study area must be positive, got ${areaKm2} km²; give areaKm2.`);

	const points = Math.floor(maxDistanceKm / stepKm + 1e-9) + 1;
	const bins = points;
	const distancesKm = Float64Array.from({ length: points }, (_, k) => k * stepKm);
	// K at r_k counts pairs closer than r_k: bins 0 … k − 1.
	const scale = (2 * areaKm2) / (n * (n - 1));
	const toL = (histogram: Float64Array, out: Float64Array) => {
		let pairs = 0;
		for (let k = 0; k < points; k++) {
			out[k] = Math.sqrt((scale * pairs) / Math.PI);
			pairs += histogram[k];
		}
	};
	const l = new Float64Array(points);
	toL(pairHistogram(sitePoints(lons, lats, firms.index), stepKm, bins), l);
	const range = options.range ?? { from: 0, to: draws };
	const { curves, method } = counterfactualCurves(poolSites, n, stepKm, bins, points, toL, { draws, seed, range, onProgress: options.onProgress });
	const observed = { distancesKm, l, areaKm2, stepKm, maxDistanceKm, draws, seed, firms: n, withoutCoordinates: firms.withoutCoordinates, poolSize: pool.index.length, method };
	return { observed, range, curves };
}

/**
 * Puts the parts of one Ripley run together (covering all its draws once) and computes the bands.
 * @example
 * mergeRipley([firstHalf, secondHalf]).clustered;
 */
export function mergeRipley(parts: RipleyPart[], options: Pick<RipleyOptions, 'localLevel' | 'globalLevel'> = {}): RipleyResult {
	if (parts.length === 0) throw new Error('mergeRipley: no parts.');
	const observed = parts[0].observed;
	const { distancesKm, l, draws } = observed;
	for (const { observed: other } of parts) {
		if (other.draws !== draws || other.seed !== observed.seed || other.firms !== observed.firms || other.poolSize !== observed.poolSize || other.distancesKm.length !== distancesKm.length) {
			throw new Error('mergeRipley: the parts come from different runs (draws, seed, firms or pool differ).');
		}
	}
	const points = distancesKm.length;
	const bands = confidenceBands(joinDraws(parts, draws, points), draws, points, l, { localLevel: options.localLevel, globalLevel: options.globalLevel });
	return {
		...bands,
		k: l.map((v) => Math.PI * v * v),
		clustered: flaggedRanges(distancesKm, (k) => l[k] > bands.globalUpper[k]),
		regular: flaggedRanges(distancesKm, (k) => l[k] < bands.globalLower[k]),
		...observed
	};
}

/** Area of the convex hull of positions, km², in an equal-area projection. */
function hullAreaKm2(lons: Float64Array, lats: Float64Array): number {
	let w = Infinity, s = Infinity, e = -Infinity, north = -Infinity;
	for (let i = 0; i < lons.length; i++) {
		w = Math.min(w, lons[i]);
		e = Math.max(e, lons[i]);
		s = Math.min(s, lats[i]);
		north = Math.max(north, lats[i]);
	}
	const projection = createLocalProjection([(w + e) / 2, (s + north) / 2]);
	const hull = concaveman(Array.from(lons, (lon, i) => projection.forward(lon, lats[i])), Infinity);
	let twice = 0;
	for (let i = 0; i + 1 < hull.length; i++) twice += hull[i][0] * hull[i + 1][1] - hull[i + 1][0] * hull[i][1];
	return Math.abs(twice) / 2 / 1e6;
}
