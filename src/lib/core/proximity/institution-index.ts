import KDBush from 'kdbush';
import { around, distance as geokdbushKm } from 'geokdbush';
import { haversineKm } from '../geo/haversine';

/**
 * A nearest-neighbour index over institution points: a KDBush searched with geokdbush's
 * great-circle `around`. Query results are indices into the institutions given to
 * {@link buildInstitutionIndex}.
 */
export interface InstitutionIndex {
	readonly count: number;
	readonly ids: readonly string[];
	/** @internal institution coordinates */
	readonly lons: Float64Array;
	readonly lats: Float64Array;
	/** @internal KDBush over distinct coordinates; item k stands for institution `firstAt[k]` */
	readonly tree: KDBush | null;
	readonly firstAt: Uint32Array;
}

/**
 * Builds an {@link InstitutionIndex}. Institutions sharing one coordinate (several labs of one
 * campus) are indexed once, under the earliest, because ties go to the lower index anyway.
 *
 * @param institutions points with an id; coordinates must be finite WGS84 degrees
 * @throws Error naming the institution when a coordinate is missing or out of range
 * @example
 * const index = buildInstitutionIndex([{ id: 'tokyo-tech', lon: 139.6835, lat: 35.6049 }]);
 */
export function buildInstitutionIndex(institutions: readonly { id: string; lon: number; lat: number }[]): InstitutionIndex {
	const count = institutions.length;
	const lons = new Float64Array(count);
	const lats = new Float64Array(count);
	const seen = new Map<string, number>();
	const firstAt: number[] = [];
	institutions.forEach(({ id, lon, lat }, i) => {
		if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) {
			throw new Error(`Institution "${id}" (number ${i + 1}) has coordinate (${lon}, ${lat}); give a longitude in -180..180 and a latitude in -90..90.`);
		}
		lons[i] = lon;
		lats[i] = lat;
		const key = `${lon},${lat}`;
		if (!seen.has(key)) {
			seen.set(key, firstAt.length);
			firstAt.push(i);
		}
	});
	let tree: KDBush | null = null;
	if (firstAt.length > 0) {
		tree = new KDBush(firstAt.length);
		for (const i of firstAt) tree.add(lons[i], lats[i]);
		tree.finish();
	}
	return { count, ids: institutions.map((inst) => inst.id), lons, lats, tree, firstAt: Uint32Array.from(firstAt) };
}

/** Relative gap under which two candidates count as tied and are re-ranked by {@link haversineKm}. */
const TIE = 1e-9;

/**
 * The institution nearest to a point by great-circle distance, and that distance in km on the
 * 6371.0088 km sphere ({@link haversineKm}). The search is geokdbush's `around`; geokdbush ranks on
 * its own 6371 km sphere, which orders points identically but reports other kilometres, so the km
 * are recomputed here. Equal distances go to the lower institution index.
 *
 * @returns null when the index is empty or a coordinate is NaN
 * @example
 * nearestInstitution(index, 139.72, 35.56); // { index: 0, km: 4.6 }
 */
export function nearestInstitution(index: InstitutionIndex, lon: number, lat: number): { index: number; km: number } | null {
	const { tree, firstAt, lons, lats } = index;
	if (tree === null || lon !== lon || lat !== lat) return null;
	const found = around(tree, lon, lat, 2);
	let best = firstAt[found[0]];
	if (found.length === 2) {
		// geokdbush and haversineKm round differently: near-ties are settled by haversineKm, then index.
		const d1 = geokdbushKm(lon, lat, lons[best], lats[best]);
		const second = firstAt[found[1]];
		if (geokdbushKm(lon, lat, lons[second], lats[second]) <= d1 * (1 + TIE) + TIE) {
			let bestKm = Infinity;
			for (const k of around(tree, lon, lat, Infinity, d1 * (1 + 2 * TIE) + 2 * TIE)) {
				const i = firstAt[k];
				const km = haversineKm(lon, lat, lons[i], lats[i]);
				if (km < bestKm || (km === bestKm && i < best)) {
					bestKm = km;
					best = i;
				}
			}
		}
	}
	return { index: best, km: haversineKm(lon, lat, lons[best], lats[best]) };
}

/**
 * {@link nearestInstitution} for many points at once, into typed arrays.
 *
 * @returns `nearest[i]` the institution index (-1 when none: empty index or NaN coordinate) and
 * `km[i]` the distance (NaN when none)
 * @example
 * const { nearest, km } = nearestInstitutions(index, lons, lats);
 */
export function nearestInstitutions(index: InstitutionIndex, lons: Float64Array, lats: Float64Array): { nearest: Int32Array; km: Float64Array } {
	const n = lons.length;
	if (lats.length !== n) throw new Error(`nearestInstitutions: ${n} longitudes but ${lats.length} latitudes; pass arrays of the same length.`);
	const nearest = new Int32Array(n).fill(-1);
	const km = new Float64Array(n).fill(NaN);
	for (let i = 0; i < n; i++) {
		const hit = nearestInstitution(index, lons[i], lats[i]);
		if (hit !== null) {
			nearest[i] = hit.index;
			km[i] = hit.km;
		}
	}
	return { nearest, km };
}
