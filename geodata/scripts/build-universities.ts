/**
 * geodata/universities.geo.json: every university campus of MEXT's list (令和4年度, geodata/sources/universities/),
 * placed by the project's own offline geocoder over geodata/towns/, with its faculties and fields. The 32
 * hand-sourced institutions (institutions.geo.json) have better coordinates: a campus matched to one is listed in
 * the collection's `hand_sourced` member instead of being a feature, so no institution appears twice.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, Point } from 'geojson';
import { Geocoder, type GeocodeLevel } from '../../src/lib/core/geocode/geocoder';
import type { TownIndex, TownPrefectureFile } from '../../src/lib/core/geocode/town-data';
import { haversineKm } from '../../src/lib/core/geo/haversine';
import { municipalityFeatures, type MunicipalTopology } from '../../src/lib/core/geography';
import type { InstitutionCollection, UniversityCampusProperties, UniversityCollection } from '../../src/lib/core/geodata-types';
import { INSTITUTION_FIELDS, type InstitutionType } from '../../src/lib/core/model';
import { readSource } from './lib/io';
import { GEODATA_DIR } from './lib/paths';
import { campusesOf, type SourceUniversity } from './lib/university-campuses';
import { fieldsOfFaculties } from './lib/university-fields';

/** MEXT's 設置者 words → the project's InstitutionType. */
export const UNIVERSITY_TYPE_KEYS: Record<string, InstitutionType> = {
	国立: 'national-university',
	公立: 'public-university',
	私立: 'private-university'
};

/**
 * A hand-sourced institution and a campus of its university are the same place when this close (a 町丁目 point can
 * be ~1 km off), or when the campus is in the institution's own municipality (a large 大字's point can be further).
 */
export const SAME_PLACE_KM = 3;

export function readUniversitySource(): SourceUniversity[] {
	return readSource<SourceUniversity[]>('universities/r4-university-info.json');
}

/** The geocoder over the committed town points, as the CLI builds it. */
export function townGeocoder(): Geocoder {
	const dir = join(GEODATA_DIR, 'towns');
	const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as TownIndex;
	return new Geocoder(index, (code) => JSON.parse(readFileSync(join(dir, `${code}.json`), 'utf8')) as TownPrefectureFile);
}

/** The name of the MEXT university a hand-sourced institution belongs to: the longest listed name in its name_ja. */
function universityOf(nameJa: string, names: readonly string[]): string | undefined {
	return names.filter((n) => nameJa.includes(n)).sort((a, b) => b.length - a.length)[0];
}

/**
 * @param municipalTopologies the municipality files' texts (municipalities/PP.topo.json) as buildMunicipalities returns them
 * @param hand the hand-sourced institutions
 */
export function buildUniversities(
	municipalTopologies: Record<string, string>,
	hand: InstitutionCollection,
	source = readUniversitySource(),
	geocoder = townGeocoder()
): UniversityCollection {
	const polygons = new Map<string, Feature>();
	for (const [name, text] of Object.entries(municipalTopologies)) {
		if (!name.endsWith('.topo.json')) continue;
		for (const f of municipalityFeatures(JSON.parse(text) as MunicipalTopology)) polygons.set(f.properties.code, f);
	}
	const features: Feature<Point, UniversityCampusProperties>[] = [];
	const unplaced: UniversityCollection['unplaced'] = [];
	for (const [i, u] of source.entries()) {
		const type = UNIVERSITY_TYPE_KEYS[u.type];
		if (!type) throw new Error(`geodata/sources/universities entry ${i + 1} (${u.name}): unknown type "${u.type}"; add it to UNIVERSITY_TYPE_KEYS`);
		for (const [n, c] of campusesOf(u).entries()) {
			const id = `${u.mext_code}-${n + 1}`;
			const g = geocoder.geocode(c.address);
			if (!g.level) {
				unplaced.push({ id, university: u.name, address: c.address, problem: g.problem });
				continue;
			}
			const polygon = polygons.get(g.code);
			// The town points are representative points of N03-coded towns; one outside its municipality's 1 % simplified
			// polygon is kept and flagged, not moved.
			const inside = polygon ? booleanPointInPolygon([g.lon, g.lat], polygon as Feature<never>) : false;
			features.push({
				type: 'Feature',
				id,
				properties: {
					id,
					university: u.name,
					university_en: u.name_eng,
					mext_code: u.mext_code,
					type,
					campus: c.campus,
					faculties: c.faculties,
					fields: fieldsOfFaculties(c.faculties, INSTITUTION_FIELDS),
					precision: g.level as GeocodeLevel,
					address: c.address,
					matched_address: g.match,
					municipality_code: g.code,
					...(isTownLevel(g.level) && !inside ? { outside_municipality: true } : {})
				},
				geometry: { type: 'Point', coordinates: [round(g.lon), round(g.lat)] }
			});
		}
	}
	const hand_sourced = matchHandSourced(features, hand, source.map((u) => u.name));
	const matched = new Set(hand_sourced.map((m) => m.campus_id));
	return { type: 'FeatureCollection', hand_sourced, unplaced, features: features.filter((f) => !matched.has(f.properties.id)) };
}

const isTownLevel = (level: GeocodeLevel) => level === 'town' || level === 'koaza';
const round = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * Each hand-sourced university institution ↔ the nearest campus of its university, when within SAME_PLACE_KM or in
 * the institution's municipality.
 * The campus's faculties and fields go with the match so the hand-sourced point can be selected by field.
 */
function matchHandSourced(
	campuses: readonly Feature<Point, UniversityCampusProperties>[],
	hand: InstitutionCollection,
	names: readonly string[]
): UniversityCollection['hand_sourced'] {
	const out: UniversityCollection['hand_sourced'] = [];
	for (const h of hand.features) {
		const university = universityOf(h.properties.name_ja, names);
		if (!university) continue;
		const [lon, lat] = h.geometry.coordinates;
		const near = campuses
			.filter((c) => c.properties.university === university)
			.map((c) => ({ c, km: haversineKm(lon, lat, c.geometry.coordinates[0], c.geometry.coordinates[1]) }))
			.sort((a, b) => a.km - b.km)[0];
		if (!near || (near.km > SAME_PLACE_KM && near.c.properties.municipality_code !== h.properties.municipality_code)) continue;
		const p = near.c.properties;
		out.push({ institution_id: h.properties.id, campus_id: p.id, university, mext_code: p.mext_code, campus: p.campus, km: Math.round(near.km * 100) / 100, faculties: p.faculties, fields: p.fields });
	}
	return out;
}

/** One campus a line, like the other feature files; the matched and unplaced campuses first, one a line too. */
export function stringifyUniversities(fc: UniversityCollection): string {
	const lines = (xs: readonly unknown[]) => (xs.length ? `\n${xs.map((x) => JSON.stringify(x)).join(',\n')}\n` : '');
	return `{"type":"FeatureCollection","hand_sourced":[${lines(fc.hand_sourced)}],"unplaced":[${lines(fc.unplaced)}],"features":[${lines(fc.features)}]}\n`;
}
