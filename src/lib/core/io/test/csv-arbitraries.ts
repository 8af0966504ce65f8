import fc from 'fast-check';
import { csvCell } from '../csv-cell';

/** Characters that stress CSV handling: Japanese, quotes, delimiters, line breaks, formula starts. */
const UNITS = ['a', 'Z', '0', '7', '.', ' ', '大', '田', '区', '株', '①', '～', 'ｱ', '"', ',', ';', '\t', '\r', '\n', '=', '+', '-', '@', "'", '😀', '\u200B', '\u2060', '＝'];

/** A cell's text. */
export const cellText = fc.string({ unit: fc.constantFrom(...UNITS), maxLength: 12 });

/** A table with a header: 2–6 columns, 1–25 rows, every row as wide as the header. */
export const table = fc.integer({ min: 2, max: 6 }).chain((width) =>
	fc.record({
		header: fc.array(cellText, { minLength: width, maxLength: width }),
		rows: fc.array(fc.array(cellText, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 25 })
	})
);

/** RFC 4180 text of rows (no formula guard), each line ended by `newline`. */
export function toCsv(rows: readonly (readonly string[])[], newline: '\n' | '\r\n' = '\n', delimiter = ','): string {
	return rows
		.map((row) =>
			row
				.map((c) => (delimiter === ',' ? csvCell(c, { guard: false }) : c.includes('"') || c.includes(delimiter) || /[\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c))
				.join(delimiter)
		)
		.map((line) => line + newline)
		.join('');
}

/** The bytes cut into pieces at the given offsets (as chunks from a file or a network). */
export function chunked(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
	const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
	const parts: Uint8Array[] = [];
	let from = 0;
	for (const p of [...points, bytes.length]) {
		parts.push(bytes.slice(from, p));
		from = p;
	}
	return parts;
}
