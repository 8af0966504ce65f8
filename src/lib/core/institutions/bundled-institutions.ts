/**
 * The bundled R&D institutions as one collection: the hand-sourced points (geodata/institutions.geo.json, better
 * coordinates) and every university campus of MEXT's list (geodata/universities.geo.json). The app and the CLI
 * both take their institutions from here, so they agree on ids, names, types and fields.
 */
import type { InstitutionCollection, InstitutionProperties, UniversityCampusProperties, UniversityCollection } from '../geodata-types';
import type { InstitutionType } from '../model';

/** MEXT's words for the types its list has (国立 / 公立 / 私立 大学), kept as the type detail. */
const MEXT_TYPE: Partial<Record<InstitutionType, string>> = {
	'national-university': '国立大学',
	'public-university': '公立大学',
	'private-university': '私立大学'
};

/**
 * The hand-sourced institutions, then (unless `campuses` is false) every campus. A campus matched to a
 * hand-sourced institution (`universities.hand_sourced`) is not a feature of its own: the hand-sourced point
 * takes its university, faculties and fields, so no institution is counted twice.
 *
 * @example
 * const all = bundledInstitutionCollection(hand, universities);
 * all.features.find((f) => f.id === 'gunma-u-kiryu')?.properties.fields; // ['engineering', 'science']
 */
export function bundledInstitutionCollection(
	hand: InstitutionCollection,
	universities: UniversityCollection,
	options: { campuses?: boolean } = {}
): InstitutionCollection {
	const matched = new Map(universities.hand_sourced.map((m) => [m.institution_id, m]));
	const englishNames = new Map(universities.features.map((f) => [f.properties.mext_code, f.properties.university_en]));
	const features: InstitutionCollection['features'] = hand.features.map((feature) => {
		const m = matched.get(feature.properties.id);
		if (!m) return feature;
		const english = englishNames.get(m.mext_code);
		const campus = { university: m.university, ...(english && { university_en: english }), mext_code: m.mext_code, campus: m.campus, faculties: m.faculties, fields: m.fields };
		return { ...feature, properties: { ...feature.properties, ...campus } };
	});
	if (options.campuses === false) return { type: 'FeatureCollection', features };
	for (const feature of universities.features) {
		features.push({ type: 'Feature', id: feature.properties.id, properties: campusProperties(feature.properties), geometry: feature.geometry });
	}
	return { type: 'FeatureCollection', features };
}

/** A campus as an institution: named by university and campus, located to the level its address reached. */
export function campusProperties(p: UniversityCampusProperties): InstitutionProperties {
	return {
		id: p.id,
		name_ja: p.campus ? `${p.university} ${p.campus}` : p.university,
		name_en: p.campus ? `${p.university_en} (${p.campus})` : p.university_en,
		type: p.type,
		type_detail: MEXT_TYPE[p.type] ?? '',
		district: '',
		municipality_code: p.municipality_code,
		address_ja: p.address,
		// A geocoded address point is at best a block's representative point: the hand-sourced "low".
		confidence: 'low',
		coord_source: `文部科学省「大学一覧」 address, geocoded to ${p.precision} level: ${p.matched_address}`,
		university: p.university,
		university_en: p.university_en,
		mext_code: p.mext_code,
		campus: p.campus,
		faculties: p.faculties,
		fields: p.fields,
		precision: p.precision
	};
}

/**
 * Whether a point stands for a whole municipality or prefecture rather than the place itself (its address was
 * found only to that level): the map draws such points differently.
 *
 * @example
 * isCoarseLocation({ precision: 'municipality' }); // true
 */
export function isCoarseLocation(properties: Pick<InstitutionProperties, 'precision'>): boolean {
	return properties.precision === 'municipality' || properties.precision === 'prefecture';
}
