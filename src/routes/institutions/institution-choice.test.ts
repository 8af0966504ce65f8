import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { InstitutionCollection, UniversityCollection } from '$lib/core/geodata-types';
import { bundledInstitutionCollection } from '$lib/core/institutions';
import { INSTITUTION_FIELDS } from '$lib/core/model';
import { InstitutionChoice } from './institution-choice.svelte';

const read = <T>(file: string) => JSON.parse(readFileSync(`geodata/${file}`, 'utf8')) as T;
const all = bundledInstitutionCollection(read<InstitutionCollection>('institutions.geo.json'), read<UniversityCollection>('universities.geo.json'));

describe('InstitutionChoice', () => {
	it('keeps every institution, the same collection, while every type and field is ticked', () => {
		const choice = new InstitutionChoice();
		expect(choice.filter).toEqual({ types: undefined, fields: undefined });
		expect(choice.apply(all)).toBe(all);
	});

	it('narrows to the ticked fields, leaving out institutions without faculties', () => {
		const choice = new InstitutionChoice();
		for (const field of INSTITUTION_FIELDS) if (field !== 'engineering') choice.toggleField(field, false);
		expect(choice.filter.fields).toEqual(['engineering']);
		const chosen = choice.apply(all).features;
		expect(chosen.length).toBe(all.features.filter((f) => f.properties.fields?.includes('engineering')).length);
		expect(chosen.some((f) => f.properties.type === 'public-research-institute')).toBe(false);
		choice.toggleField('science', true);
		expect(choice.filter.fields).toEqual(['engineering', 'science']);
	});

	it('narrows to the ticked types, keeping the types in their usual order', () => {
		const choice = new InstitutionChoice();
		choice.toggleType('private-university', false);
		choice.toggleType('private-university', true);
		expect(choice.filter.types).toBeUndefined();
		for (const type of ['national-university', 'public-university', 'private-university', 'national-research-institute', 'other'] as const) choice.toggleType(type, false);
		expect(choice.filter.types).toEqual(['public-research-institute']);
		const chosen = choice.apply(all).features;
		expect(chosen.length).toBeGreaterThan(0);
		expect(chosen.every((f) => f.properties.type === 'public-research-institute')).toBe(true);
	});
});
