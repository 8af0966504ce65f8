import type { InstitutionCollection, UniversityCollection } from '../lib/core/geodata-types';
import { bundledInstitutionCollection, selectInstitutions as selectEngine, type InstitutionFilter } from '../lib/core/institutions';
import type { InstitutionPoint } from '../lib/core/io';
import { INSTITUTION_TYPES, type InstitutionType } from '../lib/core/model';
import { readBundled } from './bundled-data';
import { UsageError } from './usage-error';

/**
 * `--institutions bundled` (or `all`): the hand-sourced institutions (geodata/institutions.geo.json, better
 * coordinates) and every university campus of geodata/universities.geo.json, in the app's order, so its export and
 * the command agree; `campuses: false` gives the hand-sourced ones only. A campus matched to a hand-sourced
 * institution is not among the campuses; its faculties' fields are given to the hand-sourced point instead (the
 * engine's `bundledInstitutionCollection`).
 *
 * @example
 * bundledInstitutions({ campuses: true }).find((i) => i.id === 'gunma-u-kiryu')?.fields; // ['engineering', 'science']
 */
export function bundledInstitutions(options: { campuses: boolean }): InstitutionPoint[] {
	const collection = bundledInstitutionCollection(
		readBundled<InstitutionCollection>('institutions.geo.json'),
		readBundled<UniversityCollection>('universities.geo.json'),
		options
	);
	return collection.features.map(({ properties: p, geometry }) => {
		const [lon, lat] = geometry.coordinates;
		return { id: p.id, lon, lat, name: p.name_ja, type: p.type, ...(p.fields ? { fields: p.fields } : {}) };
	});
}


/**
 * The institutions of the given types that have at least one of the given fields (either filter left out: no
 * filtering by it), by the engine's rule (`matchesInstitutionFilter`), with the command's errors.
 *
 * @throws UsageError when a filter cannot apply (the file gives no types, or no fields) or nothing is left
 * @example
 * selectInstitutions(all, { types: ['national-university'], fields: ['engineering'] }, 'bundled');
 */
export function selectInstitutions(
	institutions: readonly InstitutionPoint[],
	filter: InstitutionFilter,
	spec: string
): InstitutionPoint[] {
	const { types, fields } = filter;
	if (types && institutions.every((i) => i.type === undefined)) {
		throw new UsageError(`--institution-types: ${spec} gives no institution type (add a type column, or use --institutions bundled)`);
	}
	if (fields && institutions.every((i) => i.fields === undefined)) {
		throw new UsageError(`--institution-fields: ${spec} gives no research fields; the bundled institutions have them (--institutions bundled)`);
	}
	const chosen = selectEngine(institutions, filter);
	if (chosen.length === 0) {
		const asked = [types ? `types ${types.join(', ')}` : '', fields ? `fields ${fields.join(', ')}` : ''].filter(Boolean).join(' and ');
		throw new UsageError(`no institution in ${spec} has ${asked}`);
	}
	return chosen;
}

/**
 * The institutions grouped by type, in the order of INSTITUTION_TYPES, one group per type present.
 *
 * @throws UsageError when an institution has no type
 * @example
 * groupByType(bundledInstitutions({ campuses: true })).map((g) => g.type); // ['national-university', 'public-university', …]
 */
export function groupByType(institutions: readonly InstitutionPoint[], spec: string): { type: InstitutionType; institutions: InstitutionPoint[] }[] {
	const untyped = institutions.find((i) => i.type === undefined);
	if (untyped) throw new UsageError(`--nearest-by-type: institution "${untyped.id}" of ${spec} has no type (add a type column, or use --institutions bundled)`);
	return INSTITUTION_TYPES.map((type) => ({ type, institutions: institutions.filter((i) => i.type === type) })).filter((g) => g.institutions.length > 0);
}
