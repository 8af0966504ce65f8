/** Pointwise and global confidence bands from Monte Carlo curves, and the global test. */
export interface ConfidenceBands {
	/** Per distance: the (level)-th and (1 − level)-th percentiles of the simulated values. */
	localLower: Float64Array;
	localUpper: Float64Array;
	/** Global envelopes: crossed anywhere by the observed curve only when it is significant. */
	globalLower: Float64Array;
	globalUpper: Float64Array;
	/** Global rank-envelope test p-values of the observed curve, from above and from below. */
	pAbove: number;
	pBelow: number;
	/** Share of simulated curves above globalUpper (below globalLower) somewhere. */
	globalUpperCrossed: number;
	globalLowerCrossed: number;
}

/**
 * Confidence bands for an observed curve from `draws` simulated curves of `points` values each
 * (row-major).
 *
 * Local bands are percentiles at each distance (linear interpolation between order statistics).
 *
 * Global bands follow Duranton and Overman (2005) — bands that the counterfactual curves cross
 * anywhere only 5 % of the time — built as global rank envelopes (Myllymäki et al. 2017, the
 * extreme rank length envelope): the observed and simulated curves are ordered by how extreme they
 * are from above (each curve's pointwise ranks from the top, smallest first, compared
 * lexicographically), the ⌊globalLevel · (draws + 1)⌋ most extreme are set aside, and the upper
 * band is the pointwise maximum of the rest; the lower band likewise from below. The observed
 * curve crosses the band where, and only where, it is among the extreme curves, so the test has
 * its nominal level whatever the number of distances; p-values come from the same order.
 * Choosing one pointwise percentile for all distances instead, as Duranton and Overman describe,
 * is calibrated on the simulated curves only: with many distances and few draws a new curve then
 * crosses far more often than 5 % (a third of the time with 100 draws in this project's tests).
 *
 * @param curves simulated curves, draws × points
 * @param draws number of curves
 * @param points values per curve
 * @param observed the observed curve, `points` values
 * @param options.localLevel default 0.05 (5th and 95th percentiles)
 * @param options.globalLevel default 0.05 per band
 * @example
 * const bands = confidenceBands(curves, 1000, 181, observed);
 * bands.pAbove; // 0.001: localised
 * @internal shared by the localisation statistics
 */
export function confidenceBands(
	curves: Float64Array,
	draws: number,
	points: number,
	observed: Float64Array,
	options: { localLevel?: number; globalLevel?: number } = {}
): ConfidenceBands {
	const localLevel = options.localLevel ?? 0.05;
	const globalLevel = options.globalLevel ?? 0.05;
	if (curves.length !== draws * points || observed.length !== points) {
		throw new Error(`confidenceBands: ${curves.length} simulated and ${observed.length} observed values for ${draws} × ${points}.`);
	}
	if (draws < 1) throw new Error('confidenceBands: need at least one simulated curve.');
	const sortedColumns = (all: Float64Array, count: number) => {
		const sorted = new Float64Array(count * points);
		for (let d = 0; d < points; d++) {
			const column = sorted.subarray(d * count, (d + 1) * count);
			for (let c = 0; c < count; c++) column[c] = all[c * points + d];
			column.sort();
		}
		return sorted;
	};
	const simulated = sortedColumns(curves, draws);
	// The observed curve is curve number `draws` of the ranking set.
	const all = new Float64Array((draws + 1) * points);
	all.set(curves);
	all.set(observed, draws * points);
	const ranked = sortedColumns(all, draws + 1);
	const setAside = Math.floor(globalLevel * (draws + 1));
	const upper = rankEnvelope(all, ranked, draws + 1, points, setAside, true);
	const lower = rankEnvelope(all, ranked, draws + 1, points, setAside, false);
	const percentileBand = (p: number) => Float64Array.from({ length: points }, (_, d) => quantile(simulated, d * draws, draws, p));
	return {
		localLower: percentileBand(localLevel),
		localUpper: percentileBand(1 - localLevel),
		globalLower: lower.envelope,
		globalUpper: upper.envelope,
		pAbove: upper.p,
		pBelow: lower.p,
		globalUpperCrossed: crossing(curves, draws, points, upper.envelope, true) / draws,
		globalLowerCrossed: crossing(curves, draws, points, lower.envelope, false) / draws
	};
}

/** Curves that rise above (or fall below) a band somewhere. */
function crossing(curves: Float64Array, draws: number, points: number, band: Float64Array, above: boolean): number {
	let count = 0;
	for (let c = 0; c < draws; c++) {
		for (let d = 0; d < points; d++) {
			const v = curves[c * points + d];
			if (above ? v > band[d] : v < band[d]) {
				count++;
				break;
			}
		}
	}
	return count;
}

/**
 * Pointwise maximum (above) or minimum (below) of the curves left after setting aside the
 * `setAside` most extreme in the extreme-rank-length order, and the p-value of the last curve
 * (the observed one): the share of curves at least as extreme as it.
 */
function rankEnvelope(
	curves: Float64Array,
	sorted: Float64Array,
	count: number,
	points: number,
	setAside: number,
	above: boolean
): { envelope: Float64Array; p: number } {
	// Each curve's pointwise ranks from the extreme side (1 = most extreme, ties share the better
	// rank), sorted ascending: its extreme rank vector.
	const ranks = new Int32Array(count * points);
	for (let d = 0; d < points; d++) {
		const column = sorted.subarray(d * count, (d + 1) * count);
		for (let c = 0; c < count; c++) {
			const v = curves[c * points + d];
			ranks[c * points + d] = above ? count - upperBound(column, v) + 1 : lowerBound(column, v) + 1;
		}
	}
	for (let c = 0; c < count; c++) ranks.subarray(c * points, (c + 1) * points).sort();
	const compare = (a: number, b: number) => {
		for (let k = 0; k < points; k++) {
			const diff = ranks[a * points + k] - ranks[b * points + k];
			if (diff !== 0) return diff;
		}
		return 0;
	};
	const order = Array.from({ length: count }, (_, c) => c).sort((a, b) => compare(a, b) || a - b);
	const envelope = new Float64Array(points).fill(above ? -Infinity : Infinity);
	for (let r = setAside; r < count; r++) {
		const c = order[r];
		for (let d = 0; d < points; d++) {
			const v = curves[c * points + d];
			if (above ? v > envelope[d] : v < envelope[d]) envelope[d] = v;
		}
	}
	const observed = count - 1;
	let asExtreme = 0;
	for (let c = 0; c < count; c++) if (compare(c, observed) <= 0) asExtreme++;
	return { envelope, p: asExtreme / count };
}

/** First index with column[i] ≥ v. */
function lowerBound(column: Float64Array, v: number): number {
	let lo = 0;
	let hi = column.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (column[mid] < v) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** First index with column[i] > v. */
function upperBound(column: Float64Array, v: number): number {
	let lo = 0;
	let hi = column.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (column[mid] <= v) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

function quantile(sorted: Float64Array, start: number, n: number, p: number): number {
	const at = p * (n - 1);
	const lo = Math.floor(at);
	const hi = Math.min(n - 1, lo + 1);
	return sorted[start + lo] + (sorted[start + hi] - sorted[start + lo]) * (at - lo);
}

/** A distance range, km, both ends on the evaluation grid. */
export interface DistanceRange {
	fromKm: number;
	toKm: number;
}

/**
 * Runs of consecutive grid distances where `flag` holds, as ranges.
 *
 * @example
 * flaggedRanges(Float64Array.of(0, 1, 2, 3), (k) => k === 1 || k === 2); // [{ fromKm: 1, toKm: 2 }]
 * @internal
 */
export function flaggedRanges(distancesKm: Float64Array, flag: (k: number) => boolean): DistanceRange[] {
	const ranges: DistanceRange[] = [];
	let start = -1;
	for (let k = 0; k <= distancesKm.length; k++) {
		const on = k < distancesKm.length && flag(k);
		if (on && start < 0) start = k;
		if (!on && start >= 0) {
			ranges.push({ fromKm: distancesKm[start], toKm: distancesKm[k - 1] });
			start = -1;
		}
	}
	return ranges;
}
