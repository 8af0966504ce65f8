import type { MultiPolygon, Polygon } from 'geojson';
import { createLocalProjection } from './local-projection';

/**
 * Area of a Polygon or MultiPolygon on the sphere of radius 6371.0088 km, km²: outer rings minus
 * holes, measured in a Lambert azimuthal equal-area projection centred on the geometry's extent
 * (exact for the projected polygon; edges are straight in the projection rather than on the
 * sphere, a difference far below 0.01 % for zones a few kilometres across). Orientation is ignored.
 *
 * @param geometry GeoJSON polygon or multipolygon, [lon, lat]
 * @example
 * polygonAreaKm2(meshPolygon('53394611')); // ≈ 1.05 (a standard mesh cell in Tokyo, 30″ × 45″)
 */
export function polygonAreaKm2(geometry: Polygon | MultiPolygon): number {
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
	for (const polygon of polygons) {
		for (const [lon, lat] of polygon[0] ?? []) {
			w = Math.min(w, lon);
			e = Math.max(e, lon);
			s = Math.min(s, lat);
			n = Math.max(n, lat);
		}
	}
	if (!Number.isFinite(w)) return 0;
	const projection = createLocalProjection([(w + e) / 2, (s + n) / 2]);
	const xy: [number, number] = [0, 0];
	let total = 0;
	for (const polygon of polygons) {
		polygon.forEach((ring, k) => {
			let twice = 0;
			let px = 0, py = 0;
			ring.forEach(([lon, lat], i) => {
				projection.forward(lon, lat, xy);
				if (i > 0) twice += px * xy[1] - xy[0] * py;
				px = xy[0];
				py = xy[1];
			});
			const area = Math.abs(twice) / 2;
			total += k === 0 ? area : -area;
		});
	}
	return total / 1e6;
}
