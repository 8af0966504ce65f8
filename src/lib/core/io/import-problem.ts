import { describeRowProblem, isRowWarning, type RowProblem } from './row-problem';

/**
 * One problem found while importing, placed exactly: the file, the line (CSV) or feature number
 * (GeoJSON, Shapefile), the column. `severity` says whether the row was left unplaced ('error')
 * or kept with a doubt ('warning'); nothing is dropped either way.
 */
export interface ImportProblem {
	file: string;
	/** 1-based line (the header is line 1) or feature number; 0 for the file as a whole. */
	line: number;
	/** Header name, or '' when the problem is the whole row. */
	column: string;
	severity: 'error' | 'warning';
	problem: RowProblem | ZoneNote;
}

/** A zone's repair or rejection, as the geometry check words it (English). */
export interface ZoneNote {
	kind: 'zone';
	zoneId: string;
	message: string;
}

/**
 * An {@link ImportProblem} for a row problem, with the column it concerns.
 *
 * @example
 * importProblem('firms.csv', 7, { kind: 'missing', axis: 'latitude', column: '緯度' }); // { …, column: '緯度', severity: 'error' }
 */
export function importProblem(file: string, line: number, problem: RowProblem): ImportProblem {
	return { file, line, column: 'column' in problem ? problem.column : '', severity: isRowWarning(problem) ? 'warning' : 'error', problem };
}

/**
 * The English sentence of an import problem (the UI words it from `problem` in its own language).
 *
 * @example
 * describeImportProblem(importProblem('a.csv', 2, { kind: 'missing', axis: 'latitude', column: 'lat' })); // 'latitude (column "lat") is empty'
 */
export function describeImportProblem(p: ImportProblem): string {
	return p.problem.kind === 'zone' ? `zone "${p.problem.zoneId}" ${p.problem.message}` : describeRowProblem(p.problem);
}
