import { EARTH_RADIUS_KM } from '../model';

/** Degrees to radians exactly as @turf/helpers does it, so results match bit for bit. */
function rad(degrees: number): number {
	return ((degrees % 360) * Math.PI) / 180;
}

/**
 * Great-circle distance in kilometres between two WGS84 positions, by the haversine formula on a
 * sphere of radius {@link EARTH_RADIUS_KM} (6371.0088 km, the mean radius Turf uses), so results
 * agree with `@turf/distance` to the last few digits.
 *
 * @param lon1 longitude of the first position, degrees
 * @param lat1 latitude of the first position, degrees
 * @param lon2 longitude of the second position, degrees
 * @param lat2 latitude of the second position, degrees
 * @returns distance in km; NaN if any input is NaN
 * @example
 * haversineKm(139.7671, 35.6812, 135.4959, 34.7024); // Tokyo → Osaka station ≈ 403 km
 */
export function haversineKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
	// Same operation order as @turf/distance, for bit-compatible results in the common case.
	const sinDLat = Math.sin(rad(lat2 - lat1) / 2);
	const sinDLon = Math.sin(rad(lon2 - lon1) / 2);
	const a = sinDLat * sinDLat + sinDLon * sinDLon * Math.cos(rad(lat1)) * Math.cos(rad(lat2));
	return 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a)) * EARTH_RADIUS_KM;
}
