/**
 * The firm table: the one shape every dataset takes once read, in the app's workers, its state and
 * the command-line tool's tests. Codes are stored once per distinct value so that a million firms
 * travel between workers as typed arrays.
 */
import type { PackedRows } from './io/packed-rows';
import type { RowProblem } from './io/row-problem';

/**
 * A per-firm code column stored once per distinct code: firm i has `codes[index[i]]`. A million
 * firms then cost two megabytes to send between workers, to store and to read, instead of a
 * million strings.
 */
export interface CodeColumn {
	codes: string[];
	index: Uint16Array;
}

/**
 * The column of `values`, codes in order of first appearance.
 *
 * @example
 * codeColumn(['24', '26', '24']); // { codes: ['24', '26'], index: Uint16Array [0, 1, 0] }
 */
export function codeColumn(values: readonly string[]): CodeColumn {
	const codes: string[] = [];
	const indexOf = new Map<string, number>();
	const index = new Uint16Array(values.length);
	for (let i = 0; i < values.length; i++) {
		let k = indexOf.get(values[i]);
		if (k === undefined) {
			if (codes.length === 65_536) throw new Error('more than 65,536 different codes in one column');
			indexOf.set(values[i], (k = codes.push(values[i]) - 1));
		}
		index[i] = k;
	}
	return { codes, index };
}

/** The code of firm `i`. */
export function codeAt(column: CodeColumn, i: number): string {
	return column.codes[column.index[i]];
}

/** Firms per code, largest first, ties by code (see {@link sortedIndustryCounts}). */
export function codeCounts(column: CodeColumn): [code: string, count: number][] {
	const counts = new Array<number>(column.codes.length).fill(0);
	for (const k of column.index) counts[k]++;
	return sortedIndustryCounts(new Map(column.codes.map((code, k) => [code, counts[k]])));
}

/** A row that could not be placed on the map, named by file, line and column. */
export interface TableProblem {
	/** 1-based line in the file (the header is line 1). */
	line: number;
	column: string;
	message: string;
}

/**
 * A table of firms, whatever its size or origin (the bundled sample, an imported file, a restored
 * session): positions as typed arrays, industry codes, every row verbatim and what could not be placed.
 */
export interface FirmTable {
	file: string;
	/** Header names in file order. */
	columns: string[];
	/**
	 * Placed rows, verbatim, in file order; row i matches lon[i], lat[i], industry i. Packed (see
	 * `PackedRows`): read with `rowCells`, `cellAt`, `columnCells`; `rows.count` firms.
	 */
	rows: PackedRows;
	lon: Float64Array;
	lat: Float64Array;
	/** Two-digit JSIC medium division per placed row ("" when missing): read with `codeAt`. */
	industry: CodeColumn;
	/** Placed firms per industry code, largest first. */
	industryCounts: [code: string, count: number][];
	/** Rows that were not placed, with the reason. */
	problems: TableProblem[];
	/**
	 * The cells of the rows that could not be placed, in file order, so an export still holds every
	 * row of the file (with its problem) as the command-line tool writes it. Absent or empty when
	 * every row was placed.
	 */
	unplaced?: UnplacedRow[];
	/**
	 * `datasetHash` of the columns and rows, computed by the worker that read them, so that the
	 * page never hashes a million rows itself (absent: computed when needed).
	 */
	sha256?: string;
}

/** A row without a usable position: its line, its cells verbatim and what is wrong with it. */
export interface UnplacedRow {
	line: number;
	cells: string[];
	problems: RowProblem[];
}

/**
 * Firms per industry code, largest first, ties by code: the order the legend lists them in.
 *
 * @example
 * sortedIndustryCounts(new Map([['24', 3], ['18', 5]])); // [['18', 5], ['24', 3]]
 */
export function sortedIndustryCounts(counts: ReadonlyMap<string, number>): [code: string, count: number][] {
	return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
