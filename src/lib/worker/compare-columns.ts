/**
 * Reading survey columns as numbers for the comparison: what kind each column is, sensible
 * default picks, and numeric codes with every unreadable cell counted (never silently dropped).
 * Written by hand: no library knows Japanese survey answers such as はい/いいえ or 月1回.
 */
import type { CodingNote } from './compare-protocol';

export type ColumnKind = 'numeric' | 'binary' | 'categorical' | 'text';

export interface ColumnInfo {
	name: string;
	kind: ColumnKind;
	/** Levels in order, for categorical and binary columns (binary: ['no', 'yes']). */
	levels: string[];
}

const YES = new Set(['yes', 'y', 'true', '1', 'はい', '有', 'あり', '該当', '○']);
const NO = new Set(['no', 'n', 'false', '0', 'いいえ', '無', 'なし', '非該当', '×']);
/** Communication frequencies, least to most frequent, in English and Japanese. */
const FREQUENCY_ORDER = ['none', 'never', 'なし', 'rarely', 'yearly', 'annually', '年1回', '年数回', 'quarterly', 'monthly', '月1回', '月数回', 'weekly', '週1回', 'daily', '毎日'];
/** Columns that hold identifiers, codes or coordinates: numeric-looking but never an outcome. */
const NOT_A_MEASURE = /^(id|lat|lon|lng|latitude|longitude|x|y)$|_code$|^code|jsic|founded|year|緯度|経度|コード/i;
const MAX_LEVELS = 12;

const isNumber = (text: string) => text !== '' && Number.isFinite(Number(text));

/**
 * The kind of every column: numeric (every filled cell a number), binary (yes/no answers),
 * categorical (at most 12 distinct answers) or text.
 *
 * @example
 * describeColumns(['new_products'], [['1'], ['0']]); // [{ name: 'new_products', kind: 'binary', levels: ['no', 'yes'] }]
 */
export function describeColumns(columns: readonly string[], rows: readonly string[][]): ColumnInfo[] {
	return columns.map((name, c) => {
		const distinct = new Set<string>();
		let numeric = true;
		let binary = true;
		for (const row of rows) {
			const cell = (row[c] ?? '').trim();
			if (cell === '') continue;
			if (numeric && !isNumber(cell)) numeric = false;
			const lower = cell.toLowerCase();
			if (binary && !YES.has(lower) && !NO.has(lower)) binary = false;
			if (distinct.size <= MAX_LEVELS) distinct.add(cell);
			if (!numeric && !binary && distinct.size > MAX_LEVELS) break;
		}
		if (distinct.size === 0) return { name, kind: 'text', levels: [] };
		if (binary) return { name, kind: 'binary', levels: ['no', 'yes'] };
		if (numeric && !NOT_A_MEASURE.test(name)) return { name, kind: 'numeric', levels: [] };
		if (distinct.size <= MAX_LEVELS && !NOT_A_MEASURE.test(name)) return { name, kind: 'categorical', levels: orderLevels([...distinct]) };
		return { name, kind: 'text', levels: [] };
	});
}

/** Levels ordered as frequencies when they are (none < yearly < monthly < weekly), else as numbers, else alphabetically. */
function orderLevels(levels: string[]): string[] {
	const rank = (level: string) => FREQUENCY_ORDER.indexOf(level.toLowerCase());
	if (levels.every((level) => rank(level) >= 0)) return levels.sort((a, b) => rank(a) - rank(b));
	if (levels.every(isNumber)) return levels.sort((a, b) => Number(a) - Number(b));
	return levels.sort((a, b) => a.localeCompare(b));
}

export interface ColumnGuesses {
	outcomes: string[];
	communication: string | null;
	subcontractor: string | null;
	size: string | null;
	industry: string | null;
}

/**
 * Default picks from the column names and kinds: innovation outcomes, the communication and
 * subcontractor columns, firm size and the broadest industry code.
 *
 * @example
 * guessVariables(describeColumns(sample.columns, sample.rows)).outcomes; // ['new_products', 'new_processes', 'patents_3y']
 */
export function guessVariables(info: readonly ColumnInfo[]): ColumnGuesses {
	const find = (pattern: RegExp, kinds: ColumnKind[]) => info.find((c) => pattern.test(c.name) && kinds.includes(c.kind))?.name ?? null;
	const outcomes = info.filter((c) => (c.kind === 'numeric' || c.kind === 'binary') && /new_?product|new_?process|patent|innovat|新製品|新工程|特許|革新/i.test(c.name)).map((c) => c.name);
	return {
		outcomes,
		communication: find(/communic|contact|交流|連絡|頻度/i, ['categorical', 'numeric']),
		subcontractor: find(/subcontract|下請/i, ['binary']),
		size: find(/employ|staff|従業員|社員数/i, ['numeric']),
		industry: info.find((c) => /jsic_major|^industry$|業種/i.test(c.name))?.name ?? info.find((c) => /jsic/i.test(c.name))?.name ?? null
	};
}

/**
 * Numeric codes of a column: numbers as they are, yes/no as 1/0, categories as their level's
 * position. Empty cells are NaN; filled cells that cannot be read are NaN too and counted in the note.
 *
 * @param info the column's description from {@link describeColumns}
 * @example
 * codeColumn([['yes'], ['no'], ['']], 0, { name: 'subcontractor', kind: 'binary', levels: ['no', 'yes'] }).values; // [1, 0, NaN]
 */
export function codeColumn(rows: readonly string[][], c: number, info: ColumnInfo): { values: Float64Array; note: CodingNote | null } {
	const values = new Float64Array(rows.length);
	let bad = 0;
	let first = -1;
	const level = new Map(info.levels.map((l, k) => [l, k]));
	rows.forEach((row, i) => {
		const cell = (row[c] ?? '').trim();
		let value = NaN;
		if (cell !== '') {
			if (info.kind === 'binary') value = YES.has(cell.toLowerCase()) ? 1 : NO.has(cell.toLowerCase()) ? 0 : NaN;
			else if (info.kind === 'categorical') value = level.get(cell) ?? NaN;
			else value = isNumber(cell) ? Number(cell) : NaN;
			if (Number.isNaN(value)) {
				bad++;
				if (first < 0) first = i;
			}
		}
		values[i] = value;
	});
	const note = bad > 0 ? { column: info.name, count: bad, row: first + 1, value: rows[first][c] } : null;
	return { values, note };
}
