import type { ParsedColumn, ValueKind, ValueProblem } from './types';

/** Cells read as "no answer": counted as missing, not as a problem. */
const BLANK = new Set(['', '-', '－', 'na', 'n/a', 'nan', 'null', '無回答', '不明']);
const YES = new Set(['yes', 'y', 'true', 't', '1', 'はい', '有', 'あり', '○']);
const NO = new Set(['no', 'n', 'false', 'f', '0', 'いいえ', '無', 'なし', '×']);

/**
 * Reads a survey column into numbers. `kind: 'auto'` (the default) chooses binary when every
 * non-blank cell is a yes/no answer (yes/no, 1/0, true/false, はい/いいえ, 有/無, あり/なし) and
 * numeric otherwise. Blank cells are missing; a cell that is neither blank nor readable is missing
 * too and reported in `problems` with its line and column, never silently dropped. Full-width
 * digits and thousands separators ("1,200") are read.
 *
 * @param values the column's cells, verbatim, one per firm
 * @param options.column column name for messages
 * @param options.kind 'numeric', 'binary' or 'auto' (default)
 * @param options.lineOffset file line of values[0] (default 2: header on line 1)
 * @example
 * parseColumn(['1', 'no', 'はい', ''], { column: 'new_products' });
 * // → kind 'binary', values [1, 0, 1, NaN], blank 1
 */
export function parseColumn(
	values: readonly string[],
	options: { column: string; kind?: ValueKind | 'auto'; lineOffset?: number }
): ParsedColumn {
	const { column, lineOffset = 2 } = options;
	const keys = values.map(normalise);
	const kind: ValueKind = options.kind === undefined || options.kind === 'auto' ? guessKind(keys) : options.kind;
	const out = new Float64Array(values.length);
	const problems: ValueProblem[] = [];
	let blank = 0;
	keys.forEach((key, index) => {
		let value = NaN;
		if (BLANK.has(key)) blank++;
		else {
			value = kind === 'binary' ? binary(key) : numeric(key);
			if (Number.isNaN(value)) {
				const expected = kind === 'binary' ? 'a yes/no answer (yes, no, 1, 0, はい, いいえ, 有, 無)' : 'a number';
				problems.push({
					index,
					line: index + lineOffset,
					column,
					value: values[index],
					message: `line ${index + lineOffset}, column "${column}": "${values[index]}" is not ${expected}; the firm is counted as missing for this column.`
				});
			}
		}
		out[index] = value;
	});
	return { column, kind, values: out, blank, unreadable: problems.length, problems };
}

function normalise(text: string): string {
	// NFKC turns full-width digits, letters and signs into ASCII ones; the minus sign U+2212 it keeps.
	return (text ?? '').normalize('NFKC').replace(/\u2212/g, '-').trim().toLowerCase();
}

function binary(key: string): number {
	return YES.has(key) ? 1 : NO.has(key) ? 0 : NaN;
}

function numeric(key: string): number {
	const plain = /^[+-]?(\d{1,3}(,\d{3})+)(\.\d+)?$/.test(key) ? key.replace(/,/g, '') : key;
	if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(plain)) return NaN;
	return Number(plain);
}

function guessKind(keys: readonly string[]): ValueKind {
	let answers = 0;
	for (const key of keys) {
		if (BLANK.has(key)) continue;
		if (Number.isNaN(binary(key))) return 'numeric';
		answers++;
	}
	return answers > 0 ? 'binary' : 'numeric';
}
