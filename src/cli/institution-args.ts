// The institution filters of a command line, apart from the selection itself so that reading the
// command line does not load the bundled institutions' code.
import { INSTITUTION_FIELDS, INSTITUTION_TYPES } from '../lib/core/model';
import { UsageError } from './usage-error';

/**
 * A comma-separated list of known values (`--institution-types`, `--institution-fields`).
 *
 * @throws UsageError naming the unknown values and listing the valid ones
 * @example
 * parseList('--institution-fields', 'engineering,science', INSTITUTION_FIELDS); // ['engineering', 'science']
 */
export function parseList<T extends string>(option: string, text: string, valid: readonly T[]): T[] {
	const values = text.split(',').map((s) => s.trim()).filter(Boolean);
	const unknown = values.filter((v) => !(valid as readonly string[]).includes(v));
	if (values.length === 0) throw new UsageError(`${option} needs one or more of: ${valid.join(', ')}`);
	if (unknown.length) throw new UsageError(`${option}: unknown ${unknown.map((v) => `"${v}"`).join(', ')}; valid values are ${valid.join(', ')}`);
	return [...new Set(values)] as T[];
}

export const parseTypes = (text: string) => parseList('--institution-types', text, INSTITUTION_TYPES);
export const parseFields = (text: string) => parseList('--institution-fields', text, INSTITUTION_FIELDS);
