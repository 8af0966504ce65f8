import { circle } from '@turf/circle';
import type { Polygon } from 'geojson';

/**
 * A geodesic circle: the polygon whose vertices all lie `radiusKm` great-circle kilometres from
 * the centre on the 6371.0088 km sphere (Turf's `circle`, which steps `destination` round the
 * compass), not a circle in degrees. Vertices run counter-clockwise (RFC 7946 right-hand rule).
 *
 * @param lon centre longitude, degrees
 * @param lat centre latitude, degrees
 * @param radiusKm radius in km, > 0
 * @param options.steps number of vertices (default 64)
 * @example
 * geodesicBuffer(139.6835, 35.6049, 5); // a 5 km zone round a campus
 */
export function geodesicBuffer(lon: number, lat: number, radiusKm: number, options: { steps?: number } = {}): Polygon {
	const steps = options.steps ?? 64;
	if (!(radiusKm > 0 && Number.isFinite(radiusKm))) throw new Error(`Buffer radius ${radiusKm} km: give a positive number of kilometres.`);
	if (!(Number.isInteger(steps) && steps >= 3)) throw new Error(`Buffer steps ${steps}: give a whole number of 3 or more.`);
	if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) throw new Error(`Buffer centre (${lon}, ${lat}) is not a WGS84 longitude, latitude.`);
	return circle([lon, lat], radiusKm, { steps, units: 'kilometers' }).geometry;
}

/**
 * Flags distances within a radius; the radius itself counts as within (as a zone boundary counts
 * as inside). NaN distances (no institution) are not within.
 *
 * @example
 * withinKm(new Float64Array([1, 5, NaN]), 5); // Uint8Array [1, 1, 0]
 */
export function withinKm(kmArray: Float64Array, radiusKm: number): Uint8Array {
	const out = new Uint8Array(kmArray.length);
	for (let i = 0; i < kmArray.length; i++) out[i] = kmArray[i] <= radiusKm ? 1 : 0;
	return out;
}
