/**
 * Reads the bundled synthetic firm sample (static/generated/firms-sample.csv) into columns the
 * map can draw: positions as typed arrays, the industry code per firm, and every original row
 * verbatim (packed) for popups. Pure: runs in the loader worker and in unit tests.
 */
import Papa from 'papaparse';
import { packRows, type PackedRows } from '$lib/core/io/packed-rows';
import type { RowProblem } from '$lib/core/io/row-problem';
import { jsicMediumCode } from '$lib/i18n/jsic';

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
export interface SampleProblem {
	/** 1-based line in the file (the header is line 1). */
	line: number;
	column: string;
	message: string;
}

export interface FirmSample {
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
	problems: SampleProblem[];
	/**
	 * The cells of the rows that could not be placed, in file order, so an export still holds every
	 * row of the file (with its problem) as the command-line tool writes it. Absent for the bundled
	 * sample, whose rows are all placed.
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

/** Columns without which a firm cannot be drawn. */
export const REQUIRED_COLUMNS = ['id', 'lat', 'lon'] as const;

/**
 * Parses the CSV text of a firm sample. Rows with a missing or out-of-range coordinate are not
 * placed but reported in `problems`; a missing required column throws a message naming the file.
 *
 * @example
 * const sample = parseFirmSample('id,lat,lon,jsic_medium\nF1,35.56,139.71,26\n', { file: 'firms.csv' });
 * sample.rows.count // → 1
 */
export function parseFirmSample(text: string, options: { file: string }): FirmSample {
	const { file } = options;
	const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: 'greedy' });
	const [header = [], ...data] = parsed.data;
	const columns = header.map((name) => name.trim());
	const col = (name: string) => columns.indexOf(name);
	const missing = REQUIRED_COLUMNS.filter((name) => col(name) < 0);
	if (missing.length > 0) {
		throw new Error(
			`${file}: line 1 has no column ${missing.map((m) => `"${m}"`).join(', ')}; ` +
				`the header must name the columns ${REQUIRED_COLUMNS.join(', ')}.`
		);
	}
	const latAt = col('lat');
	const lonAt = col('lon');
	const industryAt = col('jsic_medium');
	const rows: string[][] = [];
	const lon: number[] = [];
	const lat: number[] = [];
	const industry: string[] = [];
	const problems: SampleProblem[] = [];

	data.forEach((row, index) => {
		const line = index + 2;
		if (row.length !== columns.length) {
			problems.push({
				line,
				column: '',
				message: `${file}: line ${line} has ${row.length} fields but the header has ${columns.length}; check for an unquoted comma.`
			});
			return;
		}
		const y = Number(row[latAt]);
		const x = Number(row[lonAt]);
		const bad = coordinateProblem(row[latAt], y, 90) ? 'lat' : coordinateProblem(row[lonAt], x, 180) ? 'lon' : null;
		if (bad) {
			const value = bad === 'lat' ? row[latAt] : row[lonAt];
			problems.push({
				line,
				column: bad,
				message: `${file}: line ${line}, column "${bad}": "${value}" is not a decimal degree; write it like 35.5614 (WGS84).`
			});
			return;
		}
		const code = industryAt >= 0 ? (jsicMediumCode(row[industryAt]) ?? '') : '';
		rows.push(row);
		lon.push(x);
		lat.push(y);
		industry.push(code);
	});

	for (const error of parsed.errors) {
		// Papa reports quote errors per data row (0-based, header included).
		const line = (error.row ?? 0) + 1;
		problems.push({ line, column: '', message: `${file}: line ${line}: ${error.message}.` });
	}

	const industryColumn = codeColumn(industry);
	return {
		file,
		columns,
		rows: packRows(rows),
		lon: Float64Array.from(lon),
		lat: Float64Array.from(lat),
		industry: industryColumn,
		industryCounts: codeCounts(industryColumn),
		problems
	};
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

function coordinateProblem(text: string, value: number, limit: number): boolean {
	return text.trim() === '' || !Number.isFinite(value) || Math.abs(value) > limit;
}
