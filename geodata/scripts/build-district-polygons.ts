/**
 * geodata/districts.geo.json: each field-study district as the union of its member municipalities'
 * N03 boundaries (2021-01-01, 1 % simplified), merged by topology (topojson-client `merge`), so its
 * outline is exactly the outer border of its members. Feature id = district id.
 */
import type { DistrictId, DistrictPolygonCollection, DistrictPolygonFeature } from '../../src/lib/core/geodata-types';
import type { N03Source } from './build-municipalities';
import { BOUNDARY_CODES } from './build-districts';
import { mergeN03 } from './build-prefectures';
import { readFacts } from './lib/facts';

/**
 * Builds the district polygons in the field study's order.
 *
 * @example
 * buildDistrictPolygons(readN03Source()).features[6].properties.boundary_codes; // ['22131', …, '22137'] (Hamamatsu)
 */
export function buildDistrictPolygons(source: N03Source, facts = readFacts()): DistrictPolygonCollection {
	const features = facts.districts.map((d): DistrictPolygonFeature => {
		const codes = d.municipalities.flatMap((m) => BOUNDARY_CODES[m.code5] ?? [m.code5]);
		const members = codes.map((code) => {
			const g = source.byPrefecture.get(code.slice(0, 2))?.find((x) => x.properties.N03_007 === code);
			if (!g) throw new Error(`district ${d.id}: no N03 boundary with code ${code}; check BOUNDARY_CODES in build-districts.ts`);
			return g;
		});
		const geometry = mergeN03(source, members, `district ${d.id}`);
		return {
			type: 'Feature',
			id: d.id,
			properties: { id: d.id as DistrictId, name_en: d.name_en, name_ja: d.name_ja, pref_code: d.pref_code, boundary_codes: codes },
			geometry
		};
	});
	return { type: 'FeatureCollection', features };
}
