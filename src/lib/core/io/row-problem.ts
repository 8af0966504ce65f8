/**
 * Why a row's coordinates were not used. Structured, so a UI can word it in its own language;
 * {@link describeRowProblem} gives the English sentence the CLI writes in the `problem` column.
 */
export type RowProblem =
	| { kind: 'ragged'; cells: number; expected: number; extra: readonly string[] }
	| { kind: 'malformed-quotes' }
	| { kind: 'missing'; axis: Axis; column: string }
	| { kind: 'unparsable'; axis: Axis; column: string; text: string }
	| { kind: 'out-of-range'; axis: Axis; column: string; value: number }
	| { kind: 'not-a-point'; geometry: string | null };

export type Axis = 'latitude' | 'longitude';

/**
 * An English sentence for a row problem, short enough for a spreadsheet cell.
 *
 * @example
 * describeRowProblem({ kind: 'missing', axis: 'latitude', column: '緯度' }); // 'latitude (column "緯度") is empty'
 */
export function describeRowProblem(problem: RowProblem): string {
	switch (problem.kind) {
		case 'ragged': {
			const extra = problem.extra.length > 0 ? `; the extra cells were ${problem.extra.map((c) => JSON.stringify(c)).join(', ')}` : '';
			return `row has ${problem.cells} cells but the header has ${problem.expected} (a delimiter inside an unquoted cell, or a missing cell?)${extra}`;
		}
		case 'malformed-quotes':
			return 'row has a double quote inside an unquoted cell or after a closing quote; quote the whole cell and double the quotes inside it';
		case 'missing':
			return `${problem.axis} (column "${problem.column}") is empty`;
		case 'unparsable': {
			const hint = /^\s*[+-]?\d+,\d+\s*$/.test(problem.text) ? ' (use a point as the decimal separator)' : '';
			return `${problem.axis} (column "${problem.column}") ${JSON.stringify(problem.text)} is not a decimal number${hint}`;
		}
		case 'out-of-range': {
			const limit = problem.axis === 'latitude' ? '-90..90' : '-180..180';
			return `${problem.axis} (column "${problem.column}") ${problem.value} is outside ${limit}`;
		}
		case 'not-a-point':
			return problem.geometry === null ? 'feature has no geometry' : `feature is a ${problem.geometry}, not a Point`;
	}
}
