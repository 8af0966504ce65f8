/**
 * The JSIC medium division of a row as a small number, read straight from a CSV cell's bytes when
 * it can be: an import of a million rows then makes no string per row for it. The rule is
 * `jsicMediumCode`'s: the first run of ASCII digits, at most two of them ('E24' → 24, '5' → 5).
 */
import { jsicMediumCode } from '$lib/i18n/jsic';

/** No industry code in the cell. */
export const NO_INDUSTRY = -1;

/** The code's text by number ('05', '24'), shared by every row that has it. */
export const INDUSTRY_CODE_TEXT: readonly string[] = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));

/**
 * The code of a cell's raw bytes (quotes included: a quote is no digit, and UTF-8 multibyte
 * characters have no ASCII bytes, so the first digit run is the same as in the decoded text).
 *
 * @example
 * industryCodeOfBytes(new TextEncoder().encode('E24'), 0, 3); // 24
 */
export function industryCodeOfBytes(b: Uint8Array, s: number, e: number): number {
	for (let i = s; i < e; i++) {
		const d = b[i] - 0x30;
		if (d < 0 || d > 9) continue;
		const next = i + 1 < e ? b[i + 1] - 0x30 : -1;
		return next >= 0 && next <= 9 ? d * 10 + next : d;
	}
	return NO_INDUSTRY;
}

/**
 * The code of a cell's text.
 *
 * @example
 * industryCodeOfText('製造業 26'); // 26
 */
export function industryCodeOfText(text: string): number {
	const code = jsicMediumCode(text);
	return code === null ? NO_INDUSTRY : Number(code);
}
