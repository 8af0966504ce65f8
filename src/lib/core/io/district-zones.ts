import type { Feature, MultiPolygon } from 'geojson';
import type { District, DistrictExtentCollection } from '../geodata-types';
import { InputError } from './input-error';

/**
 * The bundled field-study districts as zone features: one MultiPolygon per district, made of the
 * approximate extents of its member municipalities (`geodata/district-extents.geo.json`: circles
 * of each municipality's land area around its office — not true boundaries). Feed the result to
 * `validateZones` with `source: 'district'`.
 *
 * @param districts `geodata/districts.json`
 * @param extents `geodata/district-extents.geo.json`
 * @param options.ids district ids (e.g. `['ota']`), or 'all' for every district in file order
 * @param options.file how the user named them, for messages (e.g. `district:ota`)
 * @throws InputError for an unknown district id
 * @example
 * const features = districtZones(districts, extents, { ids: ['ota', 'kiryu'] });
 */
export function districtZones(
	districts: readonly District[],
	extents: DistrictExtentCollection,
	options: { ids: readonly string[] | 'all'; file?: string }
): Feature<MultiPolygon>[] {
	const chosen =
		options.ids === 'all'
			? districts
			: options.ids.map((id) => {
					const district = districts.find((d) => d.id === id.trim().toLowerCase());
					if (district) return district;
					throw new InputError(options.file ?? `district:${id}`, `names no bundled district "${id}"`, {
						code: 'unknown-district',
						params: { id, known: districts.map((d) => d.id).join(', ') },
						hint: `Use one of: ${districts.map((d) => d.id).join(', ')}, or all.`
					});
				});
	return chosen.map((district) => {
		const members = new Set(district.municipalities.map((m) => m.code5));
		const polygons = extents.features.filter((f) => f.properties.district_id === district.id && members.has(f.properties.code5)).map((f) => f.geometry.coordinates);
		return {
			type: 'Feature',
			id: district.id,
			properties: { id: district.id, name: district.name_en, name_ja: district.name_ja, approximate: true },
			geometry: { type: 'MultiPolygon', coordinates: polygons }
		};
	});
}
