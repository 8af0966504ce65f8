import type { Factor, ParsedColumn } from './types';

/**
 * A yes/no column as a two-level factor (no, yes) for a linkage table, e.g. subcontractor status.
 *
 * @example
 * yesNoFactor(parseColumn(['yes', 'no', ''], { column: 'subcontractor' })).codes; // [1, 0, -1]
 */
export function yesNoFactor(column: ParsedColumn): Factor {
	return { name: column.column, levels: ['no', 'yes'], codes: Int32Array.from(column.values, (v) => (v === 0 || v === 1 ? v : -1)) };
}
