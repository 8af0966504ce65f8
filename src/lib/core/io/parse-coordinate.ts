const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Hemisphere words: N/E and 北緯/東経 keep the sign, S/W and 南緯/西経 make it negative. */
const HEMISPHERE = '([NSEW]|北緯|南緯|東経|西経)';
const NUM = '(\\d+(?:\\.\\d+)?)';
/** 35°33'36.5"N, 35度33分36.5秒, 北緯35度33分, 35°33.6', N35°: degrees marked with ° or 度. */
const DMS_MARKED = new RegExp(`^${HEMISPHERE}?([+-])?${NUM}(?:°|度)(?:${NUM}(?:'|′|分)(?:${NUM}(?:"|″|′′|''|秒)?)?)?${HEMISPHERE}?$`, 'i');
/** 139:42:30, 35:33.5, -35:33:36.5 (sexagesimal with colons). */
const DMS_COLON = new RegExp(`^${HEMISPHERE}?([+-])?(\\d+):${NUM}(?::${NUM})?${HEMISPHERE}?$`, 'i');

/**
 * A coordinate from a cell's text: a decimal number (sign, digits, point, exponent), or degrees,
 * minutes and seconds — `35°33'36.5"N`, `35度33分36.5秒`, `北緯35度33分`, `139:42:30`, `35°33.6'`
 * (S, W, 南緯, 西経 or a minus sign make it negative). Surrounding spaces are ignored and full-width
 * characters accepted (３５．６). Anything else — empty, a decimal comma, "N35.6", minutes or seconds
 * of 60 or more — is NaN; callers say why.
 *
 * @example
 * parseCoordinate(' 35.681 '); // 35.681
 * parseCoordinate('３５．６８１'); // 35.681
 * parseCoordinate(`35°33'36"N`); // 35.56
 * parseCoordinate('139:42:30'); // 139.708333…
 * parseCoordinate('35,681'); // NaN
 */
export function parseCoordinate(text: string): number {
	let t = text.trim();
	if (DECIMAL.test(t)) return Number(t);
	t = t.normalize('NFKC').trim();
	if (DECIMAL.test(t)) return Number(t);
	return parseDms(t.replace(/\s+/g, ''));
}

/** Degrees-minutes-seconds text (normalized, no spaces) as decimal degrees, or NaN. */
function parseDms(t: string): number {
	const m = DMS_MARKED.exec(t) ?? DMS_COLON.exec(t);
	if (m === null) return NaN;
	const [, before, sign, d, min, sec, after] = m;
	if (before !== undefined && after !== undefined) return NaN;
	const hemisphere = (before ?? after ?? '').toUpperCase();
	if (hemisphere !== '' && sign !== undefined) return NaN;
	const minutes = min === undefined ? 0 : Number(min);
	const seconds = sec === undefined ? 0 : Number(sec);
	// Decimal degrees with minutes, or decimal minutes with seconds, are not DMS.
	if ((min !== undefined && d.includes('.')) || (sec !== undefined && min.includes('.'))) return NaN;
	if (minutes >= 60 || seconds >= 60) return NaN;
	const value = Number(d) + minutes / 60 + seconds / 3600;
	const negative = sign === '-' || hemisphere === 'S' || hemisphere === 'W' || hemisphere === '南緯' || hemisphere === '西経';
	return negative ? -value : value;
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
