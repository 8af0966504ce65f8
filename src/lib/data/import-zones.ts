/**
 * Zones from polygon features (GeoJSON, zipped Shapefile), checked and repaired by the engine's
 * `validateZones`; every repair and every zone left out is listed by feature number. Pure.
 */
import type { FeatureCollection } from 'geojson';
import type { Zone } from '$lib/core/model';
import { readZones, type ImportProblem } from '$lib/core/io';

export interface ZoneImport {
	zones: Zone[];
	problems: ImportProblem[];
}

/**
 * Zones of source 'imported'. A feature without an id gets `<file name>-<feature number>`, so a
 * Shapefile (which has no ids) imports without a note per zone; the name comes from `nameColumn`
 * when given.
 *
 * @param options.nameColumn property holding each zone's name
 * @throws InputError when there is no usable polygon
 * @example
 * const { zones, problems } = importZones(features, { file: 'wards.zip', nameColumn: 'N03_004' });
 */
export function importZones(collection: FeatureCollection, options: { file: string; nameColumn?: string }): ZoneImport {
	const { file, nameColumn } = options;
	const base = file.replace(/\.[^.]*$/, '');
	const features = collection.features.map((feature, i) => {
		const properties = { ...(feature?.properties ?? {}) };
		const name = nameColumn ? properties[nameColumn] : undefined;
		if (name !== undefined && name !== null && String(name).trim() !== '') properties.name = String(name);
		const id = feature?.id ?? properties.id ?? `${base}-${i + 1}`;
		return { ...feature, id, properties };
	});
	const { zones, problems } = readZones({ type: 'FeatureCollection', features }, { file, source: 'imported' });
	return {
		zones: zones.map((zone) => ({ ...zone, parameters: { ...zone.parameters, file } })),
		problems: problems.map((p) => ({
			file,
			line: p.index + 1,
			column: 'geometry',
			severity: p.severity === 'invalid' ? 'error' : 'warning',
			problem: { kind: 'zone', zoneId: p.zoneId, message: p.message }
		}))
	};
}
