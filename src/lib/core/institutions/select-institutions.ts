/**
 * Choosing institutions by type and research field, the same way in the app and in the CLI
 * (`--institution-types`, `--institution-fields`).
 */
import type { InstitutionField, InstitutionType } from '../model';

/** Types and fields to keep; a filter left out (undefined) does not narrow. */
export interface InstitutionFilter {
	types?: readonly InstitutionType[];
	fields?: readonly InstitutionField[];
}

/** What the filter reads of an institution (an `InstitutionPoint`, or a feature's properties). */
export interface Classifiable {
	type?: InstitutionType;
	fields?: readonly InstitutionField[];
}

/**
 * Whether an institution is of one of the types and has at least one of the fields. An institution without
 * fields (a research institute, an imported point) has none of them.
 *
 * @example
 * matchesInstitutionFilter({ type: 'national-university', fields: ['engineering'] }, { fields: ['engineering', 'science'] }); // true
 */
export function matchesInstitutionFilter(institution: Classifiable, filter: InstitutionFilter): boolean {
	const { types, fields } = filter;
	if (types && (institution.type === undefined || !types.includes(institution.type))) return false;
	if (fields && !(institution.fields ?? []).some((field) => fields.includes(field))) return false;
	return true;
}

/**
 * The institutions the filter keeps, in their order; `key` reads the type and fields (default: the item itself).
 *
 * @example
 * selectInstitutions(points, { types: ['national-university'], fields: ['engineering'] });
 * selectInstitutions(collection.features, { fields: ['engineering'] }, (f) => f.properties);
 */
export function selectInstitutions<T>(
	institutions: readonly T[],
	filter: InstitutionFilter,
	key: (institution: T) => Classifiable = (institution) => institution as Classifiable
): T[] {
	if (!filter.types && !filter.fields) return [...institutions];
	return institutions.filter((institution) => matchesInstitutionFilter(key(institution), filter));
}

