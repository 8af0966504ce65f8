/**
 * The bundled firm sample and institutions as the engine sees them in Node, so browser tests can
 * compare what the app shows with the engine's own answer for the same inputs.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { InstitutionCollection, UniversityCollection } from '../../src/lib/core/geodata-types';
import { bundledInstitutionCollection } from '../../src/lib/core/institutions';

/** Every row of the firm sample, in file order (the app places every row of it). */
export function readFirms(): { lons: Float64Array; lats: Float64Array; industry: string[] } {
	const text = readFileSync('static/generated/firms-sample.csv', 'utf8').replace(/^\uFEFF/, '');
	const { data } = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy' });
	return {
		lons: Float64Array.from(data, (row) => Number(row.lon)),
		lats: Float64Array.from(data, (row) => Number(row.lat)),
		industry: data.map((row) => row.jsic_medium)
	};
}

/** The bundled institutions (hand-sourced, then the university campuses), in the order the app sends them to its worker. */
export function readInstitutions(): InstitutionCollection {
	const read = <T>(file: string) => JSON.parse(readFileSync(`geodata/${file}`, 'utf8')) as T;
	return bundledInstitutionCollection(read<InstitutionCollection>('institutions.geo.json'), read<UniversityCollection>('universities.geo.json'));
}
