const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A coordinate from a cell's text: a plain decimal number (sign, digits, point, exponent),
 * surrounding spaces ignored, full-width digits (３５．６) accepted. Anything else — empty, a
 * decimal comma, degrees-minutes-seconds, "N35.6" — is NaN; callers say why.
 *
 * @example
 * parseCoordinate(' 35.681 '); // 35.681
 * parseCoordinate('３５．６８１'); // 35.681
 * parseCoordinate('35,681'); // NaN
 */
export function parseCoordinate(text: string): number {
	let t = text.trim();
	if (!DECIMAL.test(t)) {
		t = t.normalize('NFKC').trim();
		if (!DECIMAL.test(t)) return NaN;
	}
	return Number(t);
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/**
 * The fast path of {@link parseCoordinate} for an unquoted ASCII cell in UTF-8 bytes, without
 * making a string: `[-+]digits[.digits]` with at most 15 significant digits. Such a value is an
 * integer below 2^53 divided by an exact power of ten, so one IEEE division gives exactly what
 * `Number(text)` gives (Clinger's fast path). Anything else returns NaN: call
 * {@link parseCoordinate} on the cell's text.
 *
 * @example
 * coordinateFromBytes(new TextEncoder().encode('139.7671'), 0, 8); // 139.7671
 */
export function coordinateFromBytes(b: Uint8Array, s: number, e: number): number {
	let i = s;
	let negative = false;
	if (i < e && (b[i] === 0x2d || b[i] === 0x2b)) negative = b[i++] === 0x2d;
	let mantissa = 0;
	let digits = 0;
	let significant = 0;
	let fraction = -1;
	for (; i < e; i++) {
		const c = b[i];
		if (c >= 0x30 && c <= 0x39) {
			digits++;
			if (mantissa !== 0 || c !== 0x30) significant++;
			mantissa = mantissa * 10 + (c - 0x30);
			if (fraction >= 0) fraction++;
		} else if (c === 0x2e && fraction < 0) fraction = 0;
		else return NaN;
	}
	if (digits === 0 || significant > 15 || fraction > 22) return NaN;
	const value = fraction > 0 ? mantissa / POW10[fraction] : mantissa;
	return negative ? -value : value;
}
