import { booleanPointInPolygon, centroid, pointOnFeature } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { ringArea } from '../geo/ring-area';

/**
 * Where to write a polygon's name: the centroid of its largest part when that lies inside the
 * part, else a point on the part's surface (a crescent, a coast with bays).
 *
 * @example
 * labelPoint({ type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] }); // [1, 1]
 */
export function labelPoint(g: Polygon | MultiPolygon): [number, number] {
	const parts: Position[][][] = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
	let largest = parts[0];
	for (const part of parts) if (Math.abs(ringArea(part[0])) > Math.abs(ringArea(largest[0]))) largest = part;
	const polygon: Polygon = { type: 'Polygon', coordinates: largest };
	const c = centroid(polygon).geometry.coordinates;
	const p = booleanPointInPolygon(c, polygon) ? c : pointOnFeature(polygon).geometry.coordinates;
	return [p[0], p[1]];
}
