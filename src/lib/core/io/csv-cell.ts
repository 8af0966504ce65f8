// OWASP's list of formula starts: = + - @, tab and carriage return. Invisible format characters
// (zero-width space and joiners, word joiner, BOM) before = + - @ count too: a cleaning step that
// drops them would leave a formula. Full-width ＝＋－＠ are not guarded: spreadsheets read them from a
// file as text, and "－" is a common Japanese placeholder for "none" that a guard would alter.
const FORMULA_START = /^(?:[\t\r]|[\u200B-\u200D\u2060\uFEFF]*[=+\-@])/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * Whether a spreadsheet could run this text as a formula: it starts with `=`, `+`, `-` or `@`
 * (after any zero-width characters), a tab or a carriage return, and is not simply a number. Numbers such as "-12.5" or "+81" are left alone so that numeric
 * columns stay numeric; "+81-3-1234-5678" or "=SUM(A1)" are not numbers and are guarded.
 *
 * @example
 * needsFormulaGuard('=1+2'); // true
 * needsFormulaGuard('-12.5'); // false
 */
export function needsFormulaGuard(text: string): boolean {
	return FORMULA_START.test(text) && !NUMBER.test(text);
}

/**
 * One CSV cell, RFC 4180: quoted when it holds a quote, a comma or a line break (quotes doubled).
 * With the guard (the default), text {@link needsFormulaGuard} flags is written with a leading `'`
 * so that Excel or LibreOffice shows it as text instead of evaluating it (formula injection);
 * the apostrophe is then part of the cell's text.
 *
 * @param options.guard prefix formula-like text with `'` (default true)
 * @example
 * csvCell('大田区, 東京'); // '"大田区, 東京"'
 * csvCell('=HYPERLINK("x")'); // '"\'=HYPERLINK(""x"")"'
 */
export function csvCell(text: string, options: { guard?: boolean } = {}): string {
	const value = options.guard !== false && needsFormulaGuard(text) ? `'${text}` : text;
	return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
