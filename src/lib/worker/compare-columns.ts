/**
 * What kind each survey column is (for the variable pickers) and sensible default picks. The
 * values themselves are read by the statistics engine's parseColumn / parseFactor.
 */
import { cellAt, type PackedRows } from '$lib/core/io/packed-rows';

export type ColumnKind = 'numeric' | 'binary' | 'categorical' | 'text';

export interface ColumnInfo {
	name: string;
	kind: ColumnKind;
	/** Levels in order, for categorical and binary columns (binary: ['no', 'yes']). */
	levels: string[];
}

/** Yes/no spellings, as the statistics engine's parseColumn reads them. */
const YES = new Set(['yes', 'y', 'true', 't', '1', 'はい', '有', 'あり', '○']);
const NO = new Set(['no', 'n', 'false', 'f', '0', 'いいえ', '無', 'なし', '×']);
/** Communication frequencies, least to most frequent, in English and Japanese. */
const FREQUENCY_ORDER = ['none', 'never', 'なし', 'rarely', 'yearly', 'annually', '年1回', '年数回', 'quarterly', 'monthly', '月1回', '月数回', 'weekly', '週1回', 'daily', '毎日'];
/** Columns that hold identifiers, codes or coordinates: numeric-looking but never an outcome. */
const NOT_A_MEASURE = /^(id|lat|lon|lng|latitude|longitude|x|y)$|_code$|^code|jsic|founded|year|緯度|経度|コード/i;
const MAX_LEVELS = 12;
const NON_ASCII = /[^\x00-\x7f]/;

/** Answers meaning "no answer", as the statistics engine reads them. */
const BLANK = new Set(['', '-', '－', 'na', 'n/a', 'nan', 'null', '無回答', '不明']);
/** A column is numeric or yes/no when at least this share of its answers read so; the rest are reported. */
const MOSTLY = 0.9;

const isNumber = (text: string) => text !== '' && Number.isFinite(Number(text.replaceAll(',', '')));

/**
 * The kind of every column: numeric or binary (yes/no) when at least 90% of its answers read as
 * such (the others are then reported as unreadable, not allowed to change the column's kind),
 * categorical (at most 12 distinct answers) or text.
 *
 * @example
 * describeColumns(['new_products'], packRows([['1'], ['0']])); // [{ name: 'new_products', kind: 'binary', levels: ['no', 'yes'] }]
 */
export function describeColumns(columns: readonly string[], rows: PackedRows): ColumnInfo[] {
	return columns.map((name, c) => {
		const distinct = new Set<string>();
		let filled = 0;
		let numbers = 0;
		let answers = 0;
		// A count such as patents is mostly 0 and 1: any other number makes it numeric, not yes/no.
		let otherNumbers = 0;
		for (let r = 0; r < rows.count; r++) {
			const raw = cellAt(rows, r, c);
			// NFKC (full-width digits, as the engine reads them) only where there is non-ASCII text: it is slow.
			const cell = (NON_ASCII.test(raw) ? raw.normalize('NFKC') : raw).trim();
			const key = cell.toLowerCase();
			if (BLANK.has(key)) continue;
			filled++;
			if (YES.has(key) || NO.has(key)) answers++;
			if (isNumber(cell)) {
				numbers++;
				if (key !== '0' && key !== '1') otherNumbers++;
			}
			if (distinct.size <= MAX_LEVELS) distinct.add(cell);
		}
		if (filled === 0) return { name, kind: 'text', levels: [] };
		if (answers >= MOSTLY * filled && otherNumbers === 0) return { name, kind: 'binary', levels: ['no', 'yes'] };
		const measure = !NOT_A_MEASURE.test(name);
		if (numbers >= MOSTLY * filled && measure) return { name, kind: 'numeric', levels: [] };
		if (distinct.size <= MAX_LEVELS && measure) return { name, kind: 'categorical', levels: orderLevels([...distinct]) };
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
