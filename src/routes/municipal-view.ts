/**
 * What the municipality layer needs from the view and the firms: which prefectures' boundaries to
 * load for the map's bounds, and how many firms a clicked municipality holds. Pure functions.
 */
import { bboxPolygon, booleanIntersects, bbox as turfBbox } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { buildZoneIndex, classifyPoints } from '$lib/core/classify';
import type { PrefectureCollection } from '$lib/core/geodata-types';

const bboxes = new WeakMap<PrefectureCollection, [string, number[]][]>();

/**
 * Codes of the prefectures whose land meets the view [west, south, east, north]: bounding boxes
 * first, then the polygons, so a neighbour whose box only overlaps the view is not fetched.
 *
 * @example
 * prefecturesInView(prefectures, [139.65, 35.52, 139.83, 35.62]); // ['13', '14'] (Ota: Tokyo and Kawasaki)
 */
export function prefecturesInView(prefectures: PrefectureCollection, view: [number, number, number, number]): string[] {
	let boxes = bboxes.get(prefectures);
	if (!boxes) bboxes.set(prefectures, (boxes = prefectures.features.map((f) => [f.properties.code, turfBbox(f)])));
	const [w, s, e, n] = view;
	const rectangle = bboxPolygon(view);
	return boxes
		.filter(([, b]) => b[0] <= e && b[2] >= w && b[1] <= n && b[3] >= s)
		.filter(([code]) => booleanIntersects(rectangle, prefectures.features.find((f) => f.properties.code === code)!))
		.map(([code]) => code);
}

/**
 * Firms inside a polygon (its boundary counts as inside), by the engine's classifier.
 *
 * @example
 * firmsInside(ota.geometry, sample.lon, sample.lat); // 6,038 in the synthetic sample
 */
export function firmsInside(geometry: Polygon | MultiPolygon, lon: Float64Array, lat: Float64Array): number {
	const result = classifyPoints(buildZoneIndex([{ id: 'm', name: 'm', geometry, source: 'municipality' }]), lon, lat);
	let count = 0;
	for (let i = 0; i < result.inside.length; i++) count += result.inside[i];
	return count;
}
