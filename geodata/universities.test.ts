import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import type { InstitutionCollection, UniversityCollection } from '../src/lib/core/geodata-types';
import { INSTITUTION_FIELDS } from '../src/lib/core/model';
import { municipalityFeatures, type MunicipalTopology } from '../src/lib/core/geography';
import { UNIVERSITY_TYPE_KEYS } from './scripts/build-universities';
import type { SourceUniversity } from './scripts/lib/university-campuses';

const dir = import.meta.dirname;
const read = <T>(name: string): T => JSON.parse(readFileSync(join(dir, name), 'utf8')) as T;
const universities = read<UniversityCollection>('universities.geo.json');
const hand = read<InstitutionCollection>('institutions.geo.json');
const source = read<SourceUniversity[]>('sources/universities/r4-university-info.json');
const municipalities = new Map<string, ReturnType<typeof municipalityFeatures>[number]>();
for (let p = 1; p <= 47; p++) {
	const pref = String(p).padStart(2, '0');
	for (const f of municipalityFeatures(read<MunicipalTopology>(`municipalities/${pref}.topo.json`))) municipalities.set(f.properties.code, f);
}

/** Every campus of the list: the features and the campuses matched to a hand-sourced institution. */
const allCampuses = [
	...universities.features.map((f) => ({ id: f.properties.id, mext_code: f.properties.mext_code })),
	...universities.hand_sourced.map((h) => ({ id: h.campus_id, mext_code: h.mext_code }))
];

describe('universities.geo.json', () => {
	it('has every university of the source, by type (国立 86, 公立 101, 私立 626 in MEXT\'s 2022 list)', () => {
		const expected: Record<string, number> = {};
		for (const u of source) expected[UNIVERSITY_TYPE_KEYS[u.type]] = (expected[UNIVERSITY_TYPE_KEYS[u.type]] ?? 0) + 1;
		expect(expected).toEqual({ 'national-university': 86, 'public-university': 101, 'private-university': 626 });
		const typeOf = new Map(source.map((u) => [u.mext_code, UNIVERSITY_TYPE_KEYS[u.type]]));
		const placed = new Set(allCampuses.map((c) => c.mext_code));
		const got: Record<string, number> = {};
		for (const code of placed) got[typeOf.get(code)!] = (got[typeOf.get(code)!] ?? 0) + 1;
		expect(got).toEqual(expected);
		for (const f of universities.features) expect(f.properties.type, f.properties.id).toBe(typeOf.get(f.properties.mext_code));
	});

	it('has unique ids, known fields, a precision and a coordinate in Japan for each campus', () => {
		const ids = allCampuses.map((c) => c.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const f of universities.features) {
			const p = f.properties;
			expect(f.id).toBe(p.id);
			expect(p.fields.length, p.id).toBeGreaterThan(0);
			for (const field of p.fields) expect(INSTITUTION_FIELDS, p.id).toContain(field);
			expect(['koaza', 'town', 'municipality', 'prefecture'], p.id).toContain(p.precision);
			const [lon, lat] = f.geometry.coordinates;
			expect(lon > 122 && lon < 154 && lat > 20 && lat < 46, p.id).toBe(true);
		}
	});

	it('places every town-level campus inside its municipality, or flags it (and flags only those)', () => {
		let checked = 0;
		for (const f of universities.features) {
			const p = f.properties;
			if (p.precision !== 'town' && p.precision !== 'koaza') {
				expect(p.outside_municipality, p.id).toBeUndefined();
				continue;
			}
			const polygon = municipalities.get(p.municipality_code);
			const inside = polygon ? booleanPointInPolygon(f.geometry.coordinates, polygon) : false;
			expect(p.outside_municipality === true, `${p.id} ${p.matched_address}`).toBe(!inside);
			checked++;
		}
		expect(checked).toBeGreaterThan(1000);
	});

	it('matches every hand-sourced university to one campus and does not repeat it as a feature', () => {
		const handUniversities = hand.features.filter((f) => f.properties.type.endsWith('-university')).map((f) => f.properties.id);
		expect(universities.hand_sourced.map((h) => h.institution_id).sort()).toEqual(handUniversities.sort());
		const featureIds = new Set(universities.features.map((f) => f.properties.id));
		for (const h of universities.hand_sourced) {
			expect(featureIds.has(h.campus_id), h.institution_id).toBe(false);
			const institution = hand.features.find((f) => f.properties.id === h.institution_id)!;
			expect(institution.properties.name_ja, h.institution_id).toContain(h.university);
		}
		expect(new Set(universities.hand_sourced.map((h) => h.campus_id)).size).toBe(universities.hand_sourced.length);
	});
});
