/**
 * The extent of the firms shown, for "Zoom to data": the box round every firm with a position
 * (rows without one are NaN and are skipped), or null when no firm has one.
 *
 * @example
 * dataExtent(Float64Array.of(139.7, NaN, 139.8), Float64Array.of(35.5, NaN, 35.6)); // [139.7, 35.5, 139.8, 35.6]
 */
export function dataExtent(lons: ArrayLike<number>, lats: ArrayLike<number>): [number, number, number, number] | null {
	let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
	for (let i = 0; i < lons.length; i++) {
		const lon = lons[i], lat = lats[i];
		if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
		if (lon < w) w = lon;
		if (lon > e) e = lon;
		if (lat < s) s = lat;
		if (lat > n) n = lat;
	}
	return w <= e ? [w, s, e, n] : null;
}
