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
	if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8';
	if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf-16le';
	if (sample[0] === 0xfe && sample[1] === 0xff) return 'utf-16be';
	if (sample.includes(0)) return null;
	if (isUtf8Prefix(sample)) return 'utf-8';
	// A cut in the middle of a two-byte character makes both tests fail. No encoding here uses
	// 0x0A inside a character, so bytes up to the last line break are whole characters; without a
	// line break, try dropping the last byte or two. EUC-JP first: Shift_JIS accepts more.
	const lastBreak = sample.lastIndexOf(0x0a);
	const candidates = lastBreak > 0 ? [sample.subarray(0, lastBreak + 1)] : [0, 1, 2].map((drop) => sample.subarray(0, Math.max(0, sample.length - drop)));
	if (candidates.some((c) => Encoding.detect(c, 'EUCJP') === 'EUCJP')) return 'euc-jp';
	if (candidates.some((c) => Encoding.detect(c, 'SJIS') === 'SJIS')) return 'shift_jis';
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
