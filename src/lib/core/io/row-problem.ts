/**
 * Why a row's coordinates were not used, or (the {@link RowWarning} kinds) something doubtful about
 * a row that is used all the same. Structured, so a UI can word it in its own language;
 * {@link describeRowProblem} gives the English sentence the CLI writes in the `problem` column.
 */
export type RowProblem = RowError | RowWarning;

/** A row whose point is kept and used, with something the user should look at. */
export type RowWarning =
	| { kind: 'outside-japan'; lon: number; lat: number }
	| { kind: 'duplicate-id'; column: string; id: string; firstLine: number }
	/** An institution type the vocabulary does not know: the institution counts as 'other'. */
	| { kind: 'unknown-type'; column: string; text: string };

/** A row whose point cannot be used. */
export type RowError =
	| { kind: 'ragged'; cells: number; expected: number; extra: readonly string[] }
	| { kind: 'malformed-quotes' }
	| { kind: 'missing'; axis: Axis; column: string }
	| { kind: 'unparsable'; axis: Axis; column: string; text: string }
	| { kind: 'out-of-range'; axis: Axis; column: string; value: number }
	| { kind: 'not-a-point'; geometry: string | null }
	/** An institution without an id (nor a name standing in for it). */
	| { kind: 'no-id'; column: string }
	/** An address that was not placed at the level asked for: the geocoder's reason. */
	| { kind: 'not-geocoded'; column: string; reason: string };

export type Axis = 'latitude' | 'longitude';

/**
 * Whether the row is still used (a warning) rather than left unplaced.
 *
 * @example
 * isRowWarning({ kind: 'outside-japan', lon: 2.35, lat: 48.85 }); // true
 */
export function isRowWarning(problem: RowProblem): problem is RowWarning {
	return problem.kind === 'outside-japan' || problem.kind === 'duplicate-id' || problem.kind === 'unknown-type';
}

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
			return `${problem.axis} (column "${problem.column}") ${JSON.stringify(problem.text)} is not a decimal number (35.6812) or degrees-minutes-seconds (35°40'52"N)${hint}`;
		}
		case 'out-of-range': {
			const limit = problem.axis === 'latitude' ? '-90..90' : '-180..180';
			return `${problem.axis} (column "${problem.column}") ${problem.value} is outside ${limit}`;
		}
		case 'outside-japan':
			return `point ${problem.lat}, ${problem.lon} (latitude, longitude) is outside Japan; kept — check for a typing error or exchanged columns`;
		case 'duplicate-id':
			return `id ${JSON.stringify(problem.id)} (column "${problem.column}") was already used on line ${problem.firstLine}; both rows are kept`;
		case 'not-a-point':
			return problem.geometry === null ? 'feature has no geometry' : `feature is a ${problem.geometry}, not a Point`;
		case 'no-id':
			return `the id (column "${problem.column}") is empty`;
		case 'not-geocoded':
			return problem.reason;
		case 'unknown-type':
			return `type ${JSON.stringify(problem.text)} (column "${problem.column}") is not a known institution type (national university, public university, private university, public research institute, national research institute, other); counted as other`;
	}
}
