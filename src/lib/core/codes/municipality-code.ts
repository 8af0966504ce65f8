/**
 * 全国地方公共団体コード (local government codes): five digits — the JIS X 0401 prefecture code and
 * the JIS X 0402 municipality number — optionally followed by a check digit. The check digit rule
 * (the sixth digit): (11 − (d1·6 + d2·5 + d3·4 + d4·3 + d5·2) mod 11) mod 10.
 */

/** A code read from the user's text, or why it cannot be one. */
export type MunicipalityCodeCheck =
	| { ok: true; code5: string; code6: string }
	| { ok: false; reason: 'format'; text: string }
	| { ok: false; reason: 'prefecture'; text: string }
	| { ok: false; reason: 'prefecture-only'; text: string }
	| { ok: false; reason: 'check-digit'; text: string; expected: string };

/**
 * The check digit of a five-digit code.
 *
 * @example
 * checkDigit('13111'); // '3' (大田区 is 131113)
 */
export function checkDigit(code5: string): string {
	const weights = [6, 5, 4, 3, 2];
	const sum = weights.reduce((total, weight, i) => total + weight * Number(code5[i]), 0);
	return String((11 - (sum % 11)) % 10);
}

/**
 * Reads a municipality code typed by a user: five digits, or six with a correct check digit;
 * full-width digits, spaces and hyphens are allowed. A prefecture code outside 01–47 or a
 * prefecture's own code (municipality number 000) is refused with its reason.
 *
 * @example
 * parseMunicipalityCode('131113'); // { ok: true, code5: '13111', code6: '131113' }
 * parseMunicipalityCode('131112'); // { ok: false, reason: 'check-digit', text: '131112', expected: '131113' }
 */
export function parseMunicipalityCode(input: string): MunicipalityCodeCheck {
	const text = input.normalize('NFKC').replace(/[\s-]/g, '');
	if (!/^\d{5,6}$/.test(text)) return { ok: false, reason: 'format', text };
	const code5 = text.slice(0, 5);
	const prefecture = Number(code5.slice(0, 2));
	if (prefecture < 1 || prefecture > 47) return { ok: false, reason: 'prefecture', text };
	if (code5.slice(2) === '000') return { ok: false, reason: 'prefecture-only', text };
	const code6 = code5 + checkDigit(code5);
	if (text.length === 6 && text !== code6) return { ok: false, reason: 'check-digit', text, expected: code6 };
	return { ok: true, code5, code6 };
}
