import type { FeatureCollection } from 'geojson';
import { validateZones, type ZoneProblem } from '../geo';
import type { Zone, ZoneSource } from '../model';
import { InputError } from './input-error';

/**
 * Zones from a GeoJSON FeatureCollection of Polygon/MultiPolygon features, checked and repaired by
 * `validateZones` (ids: feature `id`, else `properties.id`, else `properties.name`). Zones that
 * could not be used, and repairs made, come back as problems naming the zone id.
 *
 * @param collection from `parseGeoJson`
 * @throws InputError when there is not a single usable polygon
 * @example
 * const { zones, problems } = readZones(parseGeoJson(text, { file }), { file });
 */
export function readZones(
	collection: FeatureCollection,
	options: { file: string; source?: ZoneSource; onProgress?: (done: number, total: number) => void }
): { zones: Zone[]; problems: ZoneProblem[] } {
	const { file } = options;
	const features = collection.features;
	if (features.length === 0) throw new InputError(file, 'has no features', { code: 'no-features', hint: 'Add a Polygon or MultiPolygon feature for each zone.' });
	const polygonal = features.filter((f) => f?.geometry?.type === 'Polygon' || f?.geometry?.type === 'MultiPolygon').length;
	if (polygonal === 0) {
		const types = [...new Set(features.map((f) => f?.geometry?.type ?? 'no geometry'))].join(', ');
		throw new InputError(file, `has no polygons (its features are: ${types})`, {
			code: 'no-polygons',
			params: { types },
			hint: 'Zones must be Polygon or MultiPolygon features; points (firms, institutions) go to --firms or --institutions.'
		});
	}
	// A zipped Shapefile winds outer rings clockwise by its own rule: not a repair to report.
	const winding = /\.zip$/i.test(file) ? 'shapefile' : 'geojson';
	const result = validateZones(features, { source: options.source ?? 'imported', onProgress: options.onProgress, winding });
	if (result.zones.length === 0) {
		const first = result.problems.find((p) => p.severity === 'invalid');
		throw new InputError(file, `has no usable polygon${first ? `: zone "${first.zoneId}" ${first.message}` : ''}`, {
			code: 'no-usable-polygon',
			params: { detail: first ? `${first.zoneId}: ${first.message}` : '' },
			hint: 'Fix the geometries (e.g. QGIS "Fix geometries") and try again.'
		});
	}
	return result;
}
