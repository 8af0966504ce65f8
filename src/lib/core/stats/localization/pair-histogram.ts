import { EARTH_RADIUS_KM } from '../../model';

const RAD = Math.PI / 180;
const ARC_SERIES_1 = 1 / (24 * EARTH_RADIUS_KM ** 2);
const ARC_SERIES_2 = 3 / (640 * EARTH_RADIUS_KM ** 4);

/**
 * Copies of the bin counts the pair loops fill side by side (summed afterwards): rows processed
 * together each write their own copy. addMatrixHistogram uses all eight, addPairHistogram four.
 * @internal
 */
export const COUNT_COPIES = 8;

/**
 * Firm sites as points in 3-D on the sphere of radius 6371.0088 km, so the distance between two
 * sites costs a square root instead of a haversine.
 * @internal shared by the localisation statistics
 */
export interface SitePoints {
	x: Float64Array;
	y: Float64Array;
	z: Float64Array;
}

/**
 * 3-D points (km) of the sites `index` of lons/lats, in that order.
 * @example
 * const sites = sitePoints(lons, lats, Uint32Array.of(0, 5, 9));
 * @internal
 */
export function sitePoints(lons: ArrayLike<number>, lats: ArrayLike<number>, index: ArrayLike<number>): SitePoints {
	const n = index.length;
	const out = { x: new Float64Array(n), y: new Float64Array(n), z: new Float64Array(n) };
	for (let k = 0; k < n; k++) {
		const phi = lats[index[k]] * RAD;
		const lambda = lons[index[k]] * RAD;
		out.x[k] = EARTH_RADIUS_KM * Math.cos(phi) * Math.cos(lambda);
		out.y[k] = EARTH_RADIUS_KM * Math.cos(phi) * Math.sin(lambda);
		out.z[k] = EARTH_RADIUS_KM * Math.sin(phi);
	}
	return out;
}

/**
 * Great-circle distance in km from the chord between two points of the sphere, in km.
 * @example
 * arcOfChord(chordOfArc(180)); // 180
 * @internal
 */
export function arcOfChord(c: number): number {
	// Below 500 km the series arc = c + c³/(24R²) + 3c⁵/(640R⁴) is exact to 1e-10 and saves an
	// asin: the distance summaries take it millions of times.
	if (c < 500) {
		const c2 = c * c;
		return c * (1 + c2 * (ARC_SERIES_1 + c2 * ARC_SERIES_2));
	}
	return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, c / (2 * EARTH_RADIUS_KM)));
}

/**
 * The chord, in km, of a great-circle distance in km.
 * @example
 * chordOfArc(180); // ≈ 179.994 km
 * @internal
 */
export function chordOfArc(d: number): number {
	return 2 * EARTH_RADIUS_KM * Math.sin(Math.min(Math.PI / 2, d / (2 * EARTH_RADIUS_KM)));
}

/**
 * Counts unordered pairs of the first n sites by great-circle distance: `counts[b]` gains the
 * pairs in [b · binKm, (b + 1) · binKm) for b < bins; farther pairs are skipped. `counts` holds
 * COUNT_COPIES copies of bins + 1 entries, back to back, of which this fills four (sum them afterwards; the last entry of each is
 * left for out-of-range pairs, as in addMatrixHistogram): four rows are processed at once and each
 * writes its own copy, which keeps increments of equal bins from waiting on each other.
 * Bins are on chord length mapped to arc length at the bin edges, so the binning is exact.
 * @example
 * const counts = new Int32Array(4 * (bins + 1));
 * addPairHistogram(sites, sites.x.length, 0.1, bins, counts);
 * @internal the hot loop when the candidate pool is too large for a distance matrix
 */
export function addPairHistogram(sites: SitePoints, n: number, binKm: number, bins: number, counts: Int32Array): void {
	const width = bins + 1;
	if (counts.length < 4 * width) throw new Error(`addPairHistogram: counts needs 4 × ${width} entries.`);
	const { x, y, z } = sites;
	// Squared chords of the bin edges: a pair's bin is found by comparing its squared chord with
	// them, starting from an estimate, so no asin is taken per pair.
	const edge2 = new Float64Array(bins + 1);
	for (let b = 0; b <= bins; b++) edge2[b] = chordOfArc(b * binKm) ** 2;
	const max2 = edge2[bins];
	const perBin = 1 / binKm;
	const bin = (c2: number): number => {
		// The chord is at most 0.0004 % shorter than the arc below 180 km, so the estimate is at
		// most one bin low; the loops settle it exactly.
		let b = (Math.sqrt(c2) * perBin) | 0;
		if (b >= bins) b = bins - 1;
		while (b > 0 && c2 < edge2[b]) b--;
		while (b + 1 < bins && c2 >= edge2[b + 1]) b++;
		return b;
	};
	let i = 0;
	for (; i + 3 < n - 1; i += 4) {
		for (let p = i; p < i + 3; p++) {
			for (let q = p + 1; q < i + 4; q++) {
				const c2 = (x[p] - x[q]) ** 2 + (y[p] - y[q]) ** 2 + (z[p] - z[q]) ** 2;
				if (c2 < max2) counts[bin(c2)]++;
			}
		}
		const xa = x[i], ya = y[i], za = z[i];
		const xb = x[i + 1], yb = y[i + 1], zb = z[i + 1];
		const xc = x[i + 2], yc = y[i + 2], zc = z[i + 2];
		const xd = x[i + 3], yd = y[i + 3], zd = z[i + 3];
		for (let j = i + 4; j < n; j++) {
			const xj = x[j], yj = y[j], zj = z[j];
			let dx = xa - xj, dy = ya - yj, dz = za - zj;
			const a2 = dx * dx + dy * dy + dz * dz;
			dx = xb - xj; dy = yb - yj; dz = zb - zj;
			const b2 = dx * dx + dy * dy + dz * dz;
			dx = xc - xj; dy = yc - yj; dz = zc - zj;
			const c2 = dx * dx + dy * dy + dz * dz;
			dx = xd - xj; dy = yd - yj; dz = zd - zj;
			const d2 = dx * dx + dy * dy + dz * dz;
			if (a2 < max2) counts[bin(a2)]++;
			if (b2 < max2) counts[width + bin(b2)]++;
			if (c2 < max2) counts[2 * width + bin(c2)]++;
			if (d2 < max2) counts[3 * width + bin(d2)]++;
		}
	}
	for (; i < n - 1; i++) {
		for (let j = i + 1; j < n; j++) {
			const c2 = (x[i] - x[j]) ** 2 + (y[i] - y[j]) ** 2 + (z[i] - z[j]) ** 2;
			if (c2 < max2) counts[bin(c2)]++;
		}
	}
}
