import Encoding from 'encoding-japanese';

/** Text encodings the readers understand; names are WHATWG labels, usable with TextDecoder. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'shift_jis' | 'euc-jp';

/** Human names for messages. */
export const ENCODING_LABELS: Record<TextEncodingName, string> = {
	'utf-8': 'UTF-8',
	'utf-16le': 'UTF-16 (little-endian)',
	'utf-16be': 'UTF-16 (big-endian)',
	shift_jis: 'Shift_JIS (CP932)',
	'euc-jp': 'EUC-JP'
};

/**
 * Guesses the encoding of a text file from its first bytes: a byte order mark decides; else valid
 * UTF-8 (including plain ASCII) is UTF-8; else encoding-japanese's detector tells EUC-JP from
 * Shift_JIS (CP932, as Excel writes it). Returns null for data that is none of these (binary files,
 * UTF-16 without a BOM).
 *
 * The sample may end in the middle of a character; it is cut at its last line break first.
 *
 * @param sample the first bytes of the file (64 KiB is plenty)
 * @example
 * detectEncoding(new Uint8Array([0x93, 0xfa, 0x96, 0x7b])); // 'shift_jis' (日本)
 */
export function detectEncoding(sample: Uint8Array): TextEncodingName | null {
	if (utf32Bom(sample)) return null;
	if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8';
	if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf-16le';
	if (sample[0] === 0xfe && sample[1] === 0xff) return 'utf-16be';
	// A stray NUL or two in UTF-8 text is damage, kept as a character; more, or in anything else,
	// is binary data.
	const nuls = countByte(sample, 0);
	if (nuls > 0) return nuls <= Math.max(8, sample.length >>> 10) && (isUtf8Prefix(sample) || hasUtf8Shape(sample)) ? 'utf-8' : null;
	if (isUtf8Prefix(sample)) return 'utf-8';
	// UTF-8's shape with an overlong or surrogate form in it is damaged UTF-8, not EUC-JP:
	// reading it as UTF-8 names the bad bytes instead of turning the text into mojibake.
	if (hasUtf8Shape(sample)) return 'utf-8';
	// A cut in the middle of a two-byte character makes both tests fail. No encoding here uses
	// 0x0A inside a character, so bytes up to the last line break are whole characters; without a
	// line break, try dropping the last byte or two. EUC-JP first: Shift_JIS accepts more.
	const lastBreak = sample.lastIndexOf(0x0a);
	const candidates = lastBreak > 0 ? [sample.subarray(0, lastBreak + 1)] : [0, 1, 2].map((drop) => sample.subarray(0, Math.max(0, sample.length - drop)));
	if (candidates.some((c) => Encoding.detect(c, 'EUCJP') === 'EUCJP')) return 'euc-jp';
	if (candidates.some((c) => Encoding.detect(c, 'SJIS') === 'SJIS')) return 'shift_jis';
	return encodingBeforeBadByte(sample);
}

/**
 * A sample with one bad byte in it (a damaged file, or one line in another encoding) is judged by
 * the whole lines before that byte, so that the reader can then name the line and byte instead of
 * calling the whole file unknown. UTF-8 first: its multibyte shape rarely occurs by chance.
 */
function encodingBeforeBadByte(sample: Uint8Array): TextEncodingName | null {
	for (const [encoding, name] of [['utf-8', 'UTF8'], ['euc-jp', 'EUCJP'], ['shift_jis', 'SJIS']] as const) {
		const cut = sample.lastIndexOf(0x0a, firstInvalid(sample, encoding) - 1);
		if (cut <= 0) continue;
		const lines = sample.subarray(0, cut + 1);
		if (lines.some((b) => b >= 0x80) && (encoding === 'utf-8' ? isUtf8Prefix(lines) : Encoding.detect(lines, name) === name)) return encoding;
	}
	return null;
}

/** Valid UTF-8, allowing a character cut off at the very end (stream mode keeps it pending). */
function isUtf8Prefix(bytes: Uint8Array): boolean {
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
		return true;
	} catch {
		return false;
	}
}

/** UTF-32 byte order marks (FF FE 00 00, 00 00 FE FF): the first also starts like UTF-16LE's. */
export function utf32Bom(sample: Uint8Array): boolean {
	return (sample[0] === 0xff && sample[1] === 0xfe && sample[2] === 0 && sample[3] === 0) || (sample[0] === 0 && sample[1] === 0 && sample[2] === 0xfe && sample[3] === 0xff);
}

function countByte(bytes: Uint8Array, value: number): number {
	let n = 0;
	for (let i = bytes.indexOf(value); i !== -1; i = bytes.indexOf(value, i + 1)) n++;
	return n;
}

/**
 * Every byte above 0x7F is part of a lead byte (C0–F7) followed by as many continuation bytes
 * (80–BF) as it announces, with at least one such sequence: UTF-8's structure, even where a
 * strict decoder refuses a form. Shift_JIS and EUC-JP text almost never has it.
 */
function hasUtf8Shape(b: Uint8Array): boolean {
	let sequences = 0;
	for (let i = 0; i < b.length; ) {
		const c = b[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		const need = c >= 0xc0 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf7 ? 3 : -1;
		if (need < 0) return false;
		for (let k = 1; k <= need; k++) {
			if (i + k >= b.length) return sequences > 0; // cut at the end of the sample
			if ((b[i + k] & 0xc0) !== 0x80) return false;
		}
		sequences++;
		i += need + 1;
	}
	return sequences > 0;
}

/** Offset of the first byte a strict decoder of `encoding` rejects (slow: for messages and for a sample with a bad byte). */
export function firstInvalid(bytes: Uint8Array, encoding: TextEncodingName): number {
	let lo = 0;
	let hi = bytes.length;
	const ok = (end: number) => {
		try {
			new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(0, end), { stream: true });
			return true;
		} catch {
			return false;
		}
	};
	while (hi - lo > 1) {
		const mid = (lo + hi) >>> 1;
		if (ok(mid)) lo = mid;
		else hi = mid;
	}
	// Back from the byte that broke the sequence to the start of the character it belongs to.
	const whole = (end: number) => {
		try {
			new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(0, end));
			return true;
		} catch {
			return false;
		}
	};
	for (let back = 0; back < 3 && lo > 0 && !whole(lo); back++) lo--;
	return lo;
}
