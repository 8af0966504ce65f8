import { detectEncoding, ENCODING_LABELS, type TextEncodingName } from './detect-encoding';
import { InputError } from './input-error';

/**
 * A whole small file (GeoJSON, a zones or institutions list) as text: encoding detected as for CSV,
 * byte order mark removed.
 *
 * @throws InputError when the file is empty or not text in a known encoding
 * @example
 * const text = decodeText(await file.bytes(), { file: file.name });
 */
export function decodeText(bytes: Uint8Array, options: { file: string; encoding?: TextEncodingName }): string {
	if (bytes.length === 0) throw new InputError(options.file, 'is empty', { code: 'empty', hint: 'Choose the file again, or export it again.' });
	const encoding = options.encoding ?? detectEncoding(bytes.subarray(0, 65536));
	if (encoding === null) throw new InputError(options.file, 'is not text in a known encoding (UTF-8, Shift_JIS, EUC-JP, or UTF-16 with a byte order mark)', { code: 'unknown-encoding' });
	try {
		return new TextDecoder(encoding, { fatal: true }).decode(bytes);
	} catch {
		throw new InputError(options.file, `has bytes that are not valid ${ENCODING_LABELS[encoding]}`, { code: 'invalid-bytes', params: { encoding: ENCODING_LABELS[encoding] }, hint: 'Save it again as UTF-8.' });
	}
}
