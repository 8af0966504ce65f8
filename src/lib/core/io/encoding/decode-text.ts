import { detectEncoding, type TextEncodingName } from './detect-encoding';
import { InputError } from '../input-error';
import { invalidBytes, unknownEncoding } from './utf8-chunks';

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
	if (encoding === null) throw unknownEncoding(options.file, bytes.subarray(0, 65536));
	try {
		return new TextDecoder(encoding, { fatal: true }).decode(bytes);
	} catch {
		throw invalidBytes(options.file, encoding, bytes);
	}
}
