import { selectFirms, type FirmFilter } from '../../density/select-firms';
import { confidenceBands, flaggedRanges, type ConfidenceBands, type DistanceRange } from './bands';
import { counterfactualCurves, pairHistogram, type DrawRange } from './counterfactuals';
import { joinDraws, type CurvesOfDraws } from './draw-parts';
import { MEDIAN_PAIRS, pairDistanceSummary } from './pair-distance-summary';
import { sitePoints } from './pair-histogram';
import { niceStep, reflectedKernel } from './reflected-kernel';

export interface DurantonOvermanOptions {
	/** Candidate sites for the counterfactuals; default every firm with coordinates. */
	pool?: FirmFilter;
	/** Monte Carlo draws, default 1,000. */
	draws?: number;
	/** Seed of the draws, default 2005. */
	seed?: number;
	/**
	 * Largest distance examined, km, or 'median' for the median distance between pool sites (the
	 * rule behind Duranton and Overman's 180 km for the UK); default 180. For a study area much
	 * smaller than 180 km across, 'median' keeps the sparse far tail out of the test.
	 */
	maxDistanceKm?: number | 'median';
	/** Spacing of the distances the density is reported at, km; default min(1, h/2) rounded down to 1, 2 or 5 × 10^k. */
	stepKm?: number;
	/** Kernel bandwidth, km; default Silverman's rule on the industry's pair distances. */
	bandwidthKm?: number;
	/** Local bands are the (level, 1 − level) percentiles; default 0.05. */
	localLevel?: number;
	/** Share of counterfactual curves allowed to cross each global band; default 0.05. */
	globalLevel?: number;
	/** Called with draws done and the total, about every 1 % and at the end. */
	onProgress?: (done: number, total: number) => void;
}

export interface DurantonOvermanResult extends ConfidenceBands {
	/** Distances the density is reported at, km: 0, step, 2·step … maxDistanceKm. */
	distancesKm: Float64Array;
	/** K-density of the industry's pair distances at distancesKm, per km. */
	density: Float64Array;
	/** Distances where the density is above the upper global band: significant localisation. */
	localised: DistanceRange[];
	/** Distances where it is below the lower global band. */
	dispersed: DistanceRange[];
	/** Above / below the local (pointwise) bands. */
	localisedLocally: DistanceRange[];
	dispersedLocally: DistanceRange[];
	/** Duranton–Overman: localised if above the upper global band anywhere in the range (then pAbove ≤ globalLevel). */
	globallyLocalised: boolean;
	/** …dispersed if below the lower global band somewhere and never localised. */
	globallyDispersed: boolean;
	/** Γ = Σ max(K − upper, 0) · step and Ψ = Σ max(lower − K, 0) · step (Ψ only when Γ = 0). */
	localisationIndex: number;
	dispersionIndex: number;
	bandwidthKm: number;
	stepKm: number;
	binKm: number;
	maxDistanceKm: number;
	draws: number;
	seed: number;
	/** Industry firms used (with coordinates) and firms in the industry left out for lack of them. */
	firms: number;
	withoutCoordinates: number;
	poolSize: number;
	/** 'matrix': pool pair bins precomputed; 'direct': distances computed per draw (pools above 8,500). */
	method: 'matrix' | 'direct';
}

/** Bins per bandwidth at least (binning moves a distance by at most half a bin). */
const BINS_PER_BANDWIDTH = 10;
const MAX_BINS = 60_000;

/**
 * The Duranton–Overman (2005) test of localisation. The K-density of the great-circle distances
 * between all pairs of the industry's firms,
 *
 *   K(d) = 1 / (P h) · Σ_pairs [φ((d − d_ij) / h) + φ((d + d_ij) / h)],
 *
 * (Gaussian φ, reflected at 0 so no mass falls below zero distance; P = n(n − 1)/2 pairs, so K
 * integrates to 1 as in dbmss::Kdhat) is compared with counterfactual K-densities of n sites drawn
 * at random, without replacement, from all firms' sites (the pool): local bands are the 5th and
 * 95th percentiles at each distance; global bands are crossed anywhere by a curve only 5 % of the
 * time (global rank envelopes, see confidenceBands; `pAbove` and `pBelow` are the tests'
 * p-values). The industry is significantly localised at distances where K is above the upper
 * global band, dispersed where below the lower one.
 *
 * Bandwidth: Silverman (1986, eq. 3.31), h = 0.9 · min(sd, IQR / 1.34) · P^(−1/5), on all the
 * industry's pair distances (as Duranton and Overman; 5 million random pairs when there are more),
 * and the same h for every counterfactual so the curves are comparable.
 *
 * Computation: pair distances are counted in bins of at most h / 10 up to maxDistance + 4h, and
 * the density is the binned counts convolved with the reflected kernel (cut at 4h) at the report
 * distances — a pair's distance moves by at most half a bin, which changes K by well under 0.1 %.
 * Pools up to 8,500 sites get a matrix of pair bins built once; each draw then only looks up its
 * n(n − 1)/2 pairs. Counterfactuals are seeded and reproducible.
 *
 * @param lons firm longitudes, degrees
 * @param lats firm latitudes, degrees
 * @param industry the industry's firms (mask or predicate)
 * @param options see {@link DurantonOvermanOptions}
 * @example
 * const result = durantonOverman(lons, lats, isMachinery, { draws: 1000, onProgress: (d, t) => post(d / t) });
 * result.localised; // e.g. [{ fromKm: 0, toKm: 34 }]
 */
export function durantonOverman(
	lons: ArrayLike<number>,
	lats: ArrayLike<number>,
	industry: FirmFilter,
	options: DurantonOvermanOptions = {}
): DurantonOvermanResult {
	return mergeDurantonOverman([durantonOvermanPart(lons, lats, industry, options)], options);
}

/** The observed K-density and what it was computed with: the same in every part of one run. */
export type DurantonOvermanObserved = Pick<
	DurantonOvermanResult,
	'distancesKm' | 'density' | 'bandwidthKm' | 'stepKm' | 'binKm' | 'maxDistanceKm' | 'draws' | 'seed' | 'firms' | 'withoutCoordinates' | 'poolSize' | 'method'
>;

/** The counterfactual curves of a range of draws, with the observed curve; see durantonOvermanPart. */
export interface DurantonOvermanPart extends CurvesOfDraws {
	observed: DurantonOvermanObserved;
}

/**
 * One range of the draws of {@link durantonOverman} (default all of them), to be put together
 * with {@link mergeDurantonOverman}: workers can each run a range of the same seeded run, and the
 * merged parts equal the whole run. Each part computes the observed curve and, for the pool
 * matrix, builds the matrix itself.
 * @example
 * const parts = splitDraws(1000, 2).map((range) => durantonOvermanPart(lons, lats, mask, { range }));
 * const result = mergeDurantonOverman(parts); // equals durantonOverman(lons, lats, mask)
 */
export function durantonOvermanPart(
	lons: ArrayLike<number>,
	lats: ArrayLike<number>,
	industry: FirmFilter,
	options: DurantonOvermanOptions & { range?: DrawRange } = {}
): DurantonOvermanPart {
	const draws = options.draws ?? 1000;
	const seed = options.seed ?? 2005;
	if (!Number.isInteger(draws) || draws < 20) throw new Error(`durantonOverman: draws must be a whole number ≥ 20, got ${draws}.`);
	const firms = selectFirms(lons, lats, industry);
	const n = firms.index.length;
	if (n < 3) throw new Error(`durantonOverman: the industry has ${n} firms with coordinates; at least 3 are needed.`);
	const pool = selectFirms(lons, lats, options.pool);
	if (pool.index.length < n) {
		throw new Error(`durantonOverman: the pool has ${pool.index.length} sites for an industry of ${n} firms; the pool must be at least as large (by default it is every firm).`);
	}
	const sites = sitePoints(lons, lats, firms.index);
	const poolSites = sitePoints(lons, lats, pool.index);

	const pairs = (n * (n - 1)) / 2;
	const summary = pairDistanceSummary(sites);
	const h = options.bandwidthKm ?? 0.9 * Math.min(summary.sd, (summary.q3 - summary.q1) / 1.34) * pairs ** -0.2;
	if (!(h > 0) || !Number.isFinite(h)) throw new Error(`durantonOverman: the bandwidth must be a positive number of km, got ${h}; the firms may share one location.`);
	const maxDistanceKm = options.maxDistanceKm === 'median' ? pairDistanceSummary(poolSites, { seed, maxPairs: MEDIAN_PAIRS }).median : (options.maxDistanceKm ?? 180);
	if (!(maxDistanceKm > 0) || !Number.isFinite(maxDistanceKm)) throw new Error(`durantonOverman: maxDistanceKm must be a positive number of km or 'median', got ${maxDistanceKm}.`);

	const stepKm = options.stepKm ?? niceStep(Math.min(1, h / 2));
	if (!(stepKm > 0)) throw new Error(`durantonOverman: stepKm must be positive, got ${stepKm}.`);
	const points = Math.floor(maxDistanceKm / stepKm + 1e-9) + 1;
	const reach = maxDistanceKm + 4 * h;
	let perStep = Math.max(1, Math.ceil((stepKm * BINS_PER_BANDWIDTH) / h));
	while (perStep > 1 && reach / (stepKm / perStep) > MAX_BINS) perStep--;
	const binKm = stepKm / perStep;
	const bins = Math.ceil(reach / binKm) + 1;
	if (bins > MAX_BINS + 2 * perStep) throw new Error(`durantonOverman: ${bins} distance bins are too many; use a larger stepKm.`);

	const distancesKm = Float64Array.from({ length: points }, (_, k) => k * stepKm);
	const kernel = reflectedKernel(distancesKm, h, binKm, bins, 1 / (pairs * h));
	const density = new Float64Array(points);
	kernel(pairHistogram(sites, binKm, bins), density);

	const range = options.range ?? { from: 0, to: draws };
	const { curves, method } = counterfactualCurves(poolSites, n, binKm, bins, points, kernel, { draws, seed, range, onProgress: options.onProgress });
	const observed = { distancesKm, density, bandwidthKm: h, stepKm, binKm, maxDistanceKm, draws, seed, firms: n, withoutCoordinates: firms.withoutCoordinates, poolSize: pool.index.length, method };
	return { observed, range, curves };
}

/**
 * Puts the parts of one Duranton–Overman run together (they must cover all its draws once, in
 * any order) and computes the bands and the test: the result equals durantonOverman's.
 * @param options.localLevel, options.globalLevel see {@link DurantonOvermanOptions}
 * @example
 * mergeDurantonOverman([secondHalf, firstHalf]).localised;
 */
export function mergeDurantonOverman(parts: DurantonOvermanPart[], options: Pick<DurantonOvermanOptions, 'localLevel' | 'globalLevel'> = {}): DurantonOvermanResult {
	if (parts.length === 0) throw new Error('mergeDurantonOverman: no parts.');
	const observed = parts[0].observed;
	const { distancesKm, density, stepKm, draws } = observed;
	for (const part of parts) {
		const other = part.observed;
		if (other.draws !== draws || other.seed !== observed.seed || other.firms !== observed.firms || other.poolSize !== observed.poolSize || other.bandwidthKm !== observed.bandwidthKm || other.distancesKm.length !== distancesKm.length) {
			throw new Error('mergeDurantonOverman: the parts come from different runs (draws, seed, firms, pool or bandwidth differ).');
		}
	}
	const points = distancesKm.length;
	const curves = joinDraws(parts, draws, points);
	const bands = confidenceBands(curves, draws, points, density, { localLevel: options.localLevel, globalLevel: options.globalLevel });
	const localised = flaggedRanges(distancesKm, (k) => density[k] > bands.globalUpper[k]);
	const dispersed = flaggedRanges(distancesKm, (k) => density[k] < bands.globalLower[k]);
	let gamma = 0;
	let psi = 0;
	for (let k = 0; k < points; k++) {
		gamma += Math.max(0, density[k] - bands.globalUpper[k]) * stepKm;
		psi += Math.max(0, bands.globalLower[k] - density[k]) * stepKm;
	}
	return {
		...bands,
		localised,
		dispersed,
		localisedLocally: flaggedRanges(distancesKm, (k) => density[k] > bands.localUpper[k]),
		dispersedLocally: flaggedRanges(distancesKm, (k) => density[k] < bands.localLower[k]),
		globallyLocalised: localised.length > 0,
		globallyDispersed: localised.length === 0 && dispersed.length > 0,
		localisationIndex: gamma,
		dispersionIndex: gamma > 0 ? 0 : psi,
		...observed
	};
}

