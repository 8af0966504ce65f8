import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InstitutionCollection, UniversityCollection } from '../geodata-types';
import { INSTITUTION_FIELDS, INSTITUTION_TYPES, type InstitutionField, type InstitutionType } from '../model';
import { bundledInstitutionCollection, isCoarseLocation, matchesInstitutionFilter, selectInstitutions } from '.';

const GEODATA = join(import.meta.dirname, '../../../../geodata');
const hand = JSON.parse(readFileSync(join(GEODATA, 'institutions.geo.json'), 'utf8')) as InstitutionCollection;
const universities = JSON.parse(readFileSync(join(GEODATA, 'universities.geo.json'), 'utf8')) as UniversityCollection;

describe('bundledInstitutionCollection', () => {
	const all = bundledInstitutionCollection(hand, universities);

	it('holds every hand-sourced institution and every campus not matched to one, each once', () => {
		const matchedCampuses = new Set(universities.hand_sourced.map((m) => m.campus_id));
		const expected = [...hand.features.map((f) => f.properties.id), ...universities.features.map((f) => f.properties.id).filter((id) => !matchedCampuses.has(id))];
		const ids = all.features.map((f) => f.properties.id);
		expect(ids).toEqual(expected);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('gives a matched hand-sourced point its campus faculties and fields, and keeps its coordinate', () => {
		for (const m of universities.hand_sourced) {
			const feature = all.features.find((f) => f.id === m.institution_id)!;
			const source = hand.features.find((f) => f.id === m.institution_id)!;
			expect(feature.properties).toMatchObject({ fields: m.fields, faculties: m.faculties, university: m.university, mext_code: m.mext_code });
			expect(feature.geometry.coordinates).toEqual(source.geometry.coordinates);
		}
		expect(all.features.find((f) => f.id === 'gunma-u-kiryu')?.properties).toMatchObject({ fields: ['engineering', 'science'], university_en: 'Gunma University' });
	});

	it('names a campus by university and campus and keeps its precision', () => {
		const campus = universities.features.find((f) => f.properties.campus !== '' && !universities.hand_sourced.some((m) => m.campus_id === f.id))!;
		const p = all.features.find((f) => f.id === campus.id)!.properties;
		expect(p.name_ja).toBe(`${campus.properties.university} ${campus.properties.campus}`);
		expect(p.name_en).toBe(`${campus.properties.university_en} (${campus.properties.campus})`);
		expect(p.precision).toBe(campus.properties.precision);
	});

	it('leaves the campuses out when asked', () => {
		expect(bundledInstitutionCollection(hand, universities, { campuses: false }).features.map((f) => f.id)).toEqual(hand.features.map((f) => f.id));
	});

	it('marks municipality- and prefecture-level points as coarse, and only those', () => {
		const coarse = all.features.filter((f) => isCoarseLocation(f.properties));
		expect(coarse.length).toBe(universities.features.filter((f) => ['municipality', 'prefecture'].includes(f.properties.precision)).length);
		expect(coarse.length).toBeGreaterThan(0);
		expect(isCoarseLocation({ precision: 'town' })).toBe(false);
		expect(isCoarseLocation({})).toBe(false);
	});
});

describe('selectInstitutions', () => {
	const institution = fc.record({
		type: fc.option(fc.constantFrom(...INSTITUTION_TYPES), { nil: undefined }),
		fields: fc.option(fc.subarray([...INSTITUTION_FIELDS]), { nil: undefined })
	});
	const filter = fc.record({
		types: fc.option(fc.subarray([...INSTITUTION_TYPES], { minLength: 1 }), { nil: undefined }),
		fields: fc.option(fc.subarray([...INSTITUTION_FIELDS], { minLength: 1 }), { nil: undefined })
	});

	it('keeps exactly those of a listed type with a listed field, in order (against a plain statement of the rule)', () => {
		fc.assert(
			fc.property(fc.array(institution), filter, (list, f) => {
				const byRule = list.filter((i) => {
					const typeOk = f.types === undefined || f.types.some((t: InstitutionType) => t === i.type);
					const fieldOk = f.fields === undefined || f.fields.some((field: InstitutionField) => i.fields?.includes(field) === true);
					return typeOk && fieldOk;
				});
				expect(selectInstitutions(list, f)).toEqual(byRule);
			})
		);
	});

	it('reads features through a key', () => {
		const all = bundledInstitutionCollection(hand, universities);
		const chosen = selectInstitutions(all.features, { types: ['public-research-institute'] }, (f) => f.properties);
		expect(chosen.length).toBe(hand.features.filter((f) => f.properties.type === 'public-research-institute').length);
		expect(chosen.every((f) => matchesInstitutionFilter(f.properties, { types: ['public-research-institute'] }))).toBe(true);
	});
});
