/**
 * Zones made from the bundled boundaries (MLIT N03 of 2021-01-01, 1 % simplified): a whole
 * field-study district, each of its municipalities, or any municipality by code. Their parameters
 * say which boundaries they are, for the legend, the attribution and the exported zones.
 */
import type { District, DistrictPolygonFeature } from '$lib/core/geodata-types';
import { unionOfMunicipalities, type MunicipalLookup, type ResolvedMunicipality } from '$lib/core/geography';
import type { Zone } from '$lib/core/model';
import type { Lang } from '$lib/i18n';

/** `base`, or `base-2`, `base-3`… whichever is not taken yet. */
function freeId(base: string, taken: (id: string) => boolean): string {
	let n = 1;
	while (taken(n > 1 ? `${base}-${n}` : base)) n++;
	return n > 1 ? `${base}-${n}` : base;
}

/** Zone parameters of a bundled boundary: `boundary: 'N03'` also carries the MLIT credit. */
export function bundledBoundary(date: string, simplification: string) {
	return { boundary: 'N03', boundaryDate: date, simplification };
}

/**
 * The district as one zone: its polygon, the union of its member municipalities.
 *
 * @example
 * districtZone(ota, geodata.districtPolygons.features, 'en', (id) => zones.get(id) !== undefined); // { id: 'district-ota', … }
 */
export function districtZone(district: District, polygons: readonly DistrictPolygonFeature[], lang: Lang, taken: (id: string) => boolean): Zone | null {
	const polygon = polygons.find((f) => f.id === district.id);
	if (!polygon) return null;
	return {
		id: freeId(`district-${district.id}`, taken),
		name: lang === 'ja' ? district.name_ja : district.name_en,
		geometry: polygon.geometry,
		source: 'district',
		parameters: { districtId: district.id, municipalities: district.municipalities.map((m) => m.code5), ...bundledBoundary('2021-01-01', '1%') }
	};
}

/**
 * A municipality (or a designated city, the union of its wards) as a zone; null when its
 * prefecture's boundaries are not loaded in `lookup`.
 *
 * @example
 * municipalityZone(resolveMunicipality('13111', lookup), lookup, { name: '大田区', taken }); // { id: 'municipality-13111', … }
 */
export function municipalityZone(m: ResolvedMunicipality, lookup: MunicipalLookup, options: { name?: string; taken: (id: string) => boolean; districtId?: string }): Zone | null {
	const topology = lookup.topology(m.pref_code);
	const geometry = topology && unionOfMunicipalities(topology, m.codes);
	if (!geometry) return null;
	return {
		id: freeId(`municipality-${m.code}`, options.taken),
		name: options.name ?? m.name,
		geometry,
		source: 'municipality',
		parameters: { municipality: m.code, ...(options.districtId ? { districtId: options.districtId } : {}), ...bundledBoundary(lookup.index.date, lookup.index.simplification) }
	};
}

/**
 * Each municipality of the district as a zone of its own (the district's prefecture loaded in `lookup`).
 *
 * @example
 * municipalityZones(higashiosaka, lookup, 'ja', (id) => zones.get(id) !== undefined); // [{ id: 'municipality-27227', name: '東大阪市', … }, …]
 */
export function municipalityZones(district: District, lookup: MunicipalLookup, lang: Lang, taken: (id: string) => boolean): Zone[] {
	const made: Zone[] = [];
	const takenOrMade = (zoneId: string) => taken(zoneId) || made.some((zone) => zone.id === zoneId);
	for (const m of district.municipalities) {
		const resolved: ResolvedMunicipality = { code: m.code5, code6: m.code6, name: m.name_ja, pref_code: m.code5.slice(0, 2), codes: m.boundary_codes };
		const zone = municipalityZone(resolved, lookup, { name: lang === 'ja' ? m.name_ja : m.name_en, taken: takenOrMade, districtId: district.id });
		if (zone) made.push(zone);
	}
	return made;
}
