/** Which firms to use: a mask (non-zero = use) or a predicate over firm indices. */
export type FirmFilter = Uint8Array | ((index: number) => boolean);

/**
 * Firms that pass the filter and have finite coordinates, copied into new arrays, with their
 * indices and the number that passed the filter but had no coordinates (so callers can report
 * them instead of dropping them silently).
 *
 * @example
 * const { lons, lats, index, withoutCoordinates } = selectFirms(allLons, allLats, isMachinery);
 * @internal shared by the density, detection and localisation functions
 */
export function selectFirms(lons: ArrayLike<number>, lats: ArrayLike<number>, filter?: FirmFilter) {
	const n = lons.length;
	if (lats.length !== n) throw new Error(`${n} longitudes but ${lats.length} latitudes; pass arrays of the same length.`);
	if (filter instanceof Uint8Array && filter.length !== n) throw new Error(`The filter mask has ${filter.length} entries for ${n} firms; pass one entry per firm.`);
	const index = new Uint32Array(n);
	let m = 0;
	let withoutCoordinates = 0;
	for (let i = 0; i < n; i++) {
		if (filter !== undefined && (filter instanceof Uint8Array ? filter[i] === 0 : !filter(i))) continue;
		if (Number.isFinite(lons[i]) && Number.isFinite(lats[i])) index[m++] = i;
		else withoutCoordinates++;
	}
	const out = { lons: new Float64Array(m), lats: new Float64Array(m), index: index.slice(0, m), withoutCoordinates };
	for (let k = 0; k < m; k++) {
		out.lons[k] = lons[index[k]];
		out.lats[k] = lats[index[k]];
	}
	return out;
}

/**
 * Centre of the bounding box of positions, [lon, lat].
 *
 * @example
 * bboxCentre(Float64Array.of(139, 140), Float64Array.of(35, 36)); // [139.5, 35.5]
 * @internal
 */
export function bboxCentre(lons: Float64Array, lats: Float64Array): [number, number] {
	let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
	for (let i = 0; i < lons.length; i++) {
		if (lons[i] < w) w = lons[i];
		if (lons[i] > e) e = lons[i];
		if (lats[i] < s) s = lats[i];
		if (lats[i] > n) n = lats[i];
	}
	return [(w + e) / 2, (s + n) / 2];
}
