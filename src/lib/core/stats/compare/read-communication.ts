import { COMMUNICATION_ALIASES, COMMUNICATION_LEVELS } from './defaults';
import { parseColumn } from './parse-column';
import { parseFactor } from './parse-factor';
import type { Factor } from './types';

/**
 * Reads a communication-frequency column both ways the analysis needs it: as a factor for the
 * linkage table and as numbers for the regression. A column of numbers (any scale, e.g. 0–3 or
 * contacts per year) keeps its values, levels sorted; otherwise cells are matched to the levels
 * none, yearly, monthly, weekly (coded 0–3; also なし, 年, 月, 週, …). Cells matching nothing are
 * missing and listed in `unmatched` with their index.
 *
 * @param cells the column's text, one cell per firm
 * @param options.name column name
 * @example
 * readCommunication(['weekly', 'none', '月1回', ''], { name: 'rd_communication' }).numbers; // [3, 0, 2, NaN]
 */
export function readCommunication(
	cells: readonly string[],
	options: { name: string }
): { factor: Factor; numbers: Float64Array; unmatched: { index: number; value: string }[] } {
	const { name } = options;
	const numeric = parseColumn(cells, { column: name, kind: 'numeric' });
	if (numeric.problems.length === 0 && numeric.blank < cells.length) {
		const levels = [...new Set(numeric.values.filter((v) => !Number.isNaN(v)))].sort((a, b) => a - b);
		const codes = Int32Array.from(numeric.values, (v) => (Number.isNaN(v) ? -1 : levels.indexOf(v)));
		return { factor: { name, levels: levels.map(String), codes }, numbers: numeric.values, unmatched: [] };
	}
	const { levels, codes, unmatched } = parseFactor(cells, { name, levels: COMMUNICATION_LEVELS, aliases: COMMUNICATION_ALIASES });
	return { factor: { name, levels, codes }, numbers: Float64Array.from(codes, (c) => (c < 0 ? NaN : c)), unmatched };
}
