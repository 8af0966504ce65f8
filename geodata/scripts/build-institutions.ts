/**
 * geodata/institutions.geo.json: the R&D institutions near the districts that have a citable
 * coordinate (geodata/sources/institutions.json), as Points with a confidence per coordinate.
 */
import type { Feature, Point } from 'geojson';
import type { DistrictId, InstitutionCollection, InstitutionProperties } from '../../src/lib/core/geodata-types';
import { DISTRICT_IDS } from '../../src/lib/core/geodata-types';
import type { CoordinateConfidence, InstitutionType } from '../../src/lib/core/model';
import { readInstitutions, type RawInstitution } from './lib/facts';

/** The source's type words → the app's InstitutionType key (type_detail keeps the words). */
export const INSTITUTION_TYPE_KEYS: Record<string, InstitutionType> = {
	'national university': 'national-university',
	'public university': 'public-university',
	'private university': 'private-university',
	'public research institute (kosetsushi)': 'public-research-institute',
	'national research institute': 'national-research-institute',
	'national college of technology': 'other'
};

const CONFIDENCES: readonly string[] = ['high', 'medium', 'low'];

function toFeature(r: RawInstitution, row: number): Feature<Point, InstitutionProperties> {
	const where = `geodata/sources/institutions.json entry ${row} (${r.id})`;
	const type = INSTITUTION_TYPE_KEYS[r.type];
	if (!type) throw new Error(`${where}: unknown type "${r.type}"; add it to INSTITUTION_TYPE_KEYS`);
	if (!CONFIDENCES.includes(r.confidence)) throw new Error(`${where}: confidence must be high, medium or low, not "${r.confidence}"`);
	if (!(DISTRICT_IDS as readonly string[]).includes(r.district)) throw new Error(`${where}: unknown district "${r.district}"`);
	if (!Number.isFinite(r.lat) || !Number.isFinite(r.lon)) throw new Error(`${where}: lat/lon missing; entries without a coordinate are left out of the source`);
	if (!/^\d{5}$/.test(r.municipality_code)) throw new Error(`${where}: municipality_code must be 5 digits`);
	return {
		type: 'Feature',
		id: r.id,
		properties: {
			id: r.id,
			name_en: r.name_en,
			name_ja: r.name_ja,
			type,
			type_detail: r.type,
			district: r.district as DistrictId,
			municipality_code: r.municipality_code,
			address_ja: r.address_ja,
			confidence: r.confidence as CoordinateConfidence,
			coord_source: r.coord_source
		},
		geometry: { type: 'Point', coordinates: [r.lon, r.lat] }
	};
}

/**
 * Builds the institution points in the source's order.
 *
 * @example
 * buildInstitutions().features.length; // 32
 */
export function buildInstitutions(raw = readInstitutions()): InstitutionCollection {
	const ids = new Set<string>();
	const features = raw.map((r, i) => {
		if (ids.has(r.id)) throw new Error(`geodata/sources/institutions.json entry ${i + 1}: duplicate id "${r.id}"`);
		ids.add(r.id);
		return toFeature(r, i + 1);
	});
	return { type: 'FeatureCollection', features };
}
