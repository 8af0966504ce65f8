/**
 * Rows of a file that have no position, carried to the export so the file keeps every row: they are
 * written last, with empty results and their problem, as the command-line tool writes them.
 */
import { packRows } from '$lib/core/io/packed-rows';
import type { RowProblem } from '$lib/core/io/row-problem';
import type { FirmRows } from './export-firms';

/** Rows of the file that have no position, written after the placed ones (only when exporting all firms). */
export interface UnplacedRows {
	unplaced?: readonly { line: number; cells: readonly string[]; problems: readonly RowProblem[] }[];
}

/**
 * The rows without a position as a run of firms for the exporter: NaN coordinates and their problems.
 *
 * @example
 * exporter.write(unplacedRun(sample.unplaced ?? []));
 */
export function unplacedRun(unplaced: NonNullable<UnplacedRows['unplaced']>): FirmRows {
	return {
		rows: packRows(unplaced.map((row) => row.cells)),
		lon: new Float64Array(unplaced.length).fill(NaN),
		lat: new Float64Array(unplaced.length).fill(NaN),
		rowProblems: unplaced.map((row) => row.problems)
	};
}

