/**
 * Zones made from a field-study district: the whole district as one zone, or each of its
 * municipalities as a zone of its own, from the extents the map now shows (approximate circles
 * or real boundaries).
 */
import type { District, DistrictId } from '$lib/core/geodata-types';
import type { Zone } from '$lib/core/model';
import type { Lang } from '$lib/i18n';
import type { ExtentFeature as Extent } from '$lib/data/features';

/** `base`, or `base-2`, `base-3`… whichever is not taken yet. */
function freeId(base: string, taken: (id: string) => boolean): string {
	let n = 1;
	while (taken(n > 1 ? `${base}-${n}` : base)) n++;
	return n > 1 ? `${base}-${n}` : base;
}

/**
 * The district as one zone: the union (as a MultiPolygon) of its municipalities' extents.
 *
 * @example
 * districtZone(ota, extents.features, 'en', (id) => zones.get(id) !== undefined); // { id: 'district-ota', … }
 */
export function districtZone(district: District, extents: readonly Extent[], lang: Lang, taken: (id: string) => boolean): Zone | null {
	const parts = extents.filter((f) => f.properties.district_id === district.id);
	if (parts.length === 0) return null;
	return {
		id: freeId(`district-${district.id}`, taken),
		name: lang === 'ja' ? district.name_ja : district.name_en,
		geometry: { type: 'MultiPolygon', coordinates: parts.flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates)) },
		source: 'district',
		parameters: {
			districtId: district.id,
			municipalities: parts.map((f) => f.properties.code5),
			approximate: parts.some((f) => f.properties.approximate)
		}
	};
}

/**
 * Each municipality of the district as a zone of its own.
 *
 * @example
 * municipalityZones('ota', extents.features, 'ja', (id) => zones.get(id) !== undefined); // [{ id: 'municipality-13111', name: '大田区', … }]
 */
export function municipalityZones(id: DistrictId, extents: readonly Extent[], lang: Lang, taken: (id: string) => boolean): Zone[] {
	const made: Zone[] = [];
	const takenOrMade = (zoneId: string) => taken(zoneId) || made.some((zone) => zone.id === zoneId);
	for (const f of extents.filter((e) => e.properties.district_id === id)) {
		made.push({
			id: freeId(`municipality-${f.properties.code5}`, takenOrMade),
			name: lang === 'ja' ? f.properties.name_ja : f.properties.name_en,
			geometry: f.geometry,
			source: 'municipality',
			parameters: { districtId: id, municipality: f.properties.code5, approximate: f.properties.approximate }
		});
	}
	return made;
}
