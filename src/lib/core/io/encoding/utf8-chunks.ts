import { detectEncoding, ENCODING_LABELS, firstInvalid, utf32Bom, type TextEncodingName } from './detect-encoding';
import { InputError } from '../input-error';

/** Bytes of a file, chunk by chunk: a Node read loop, `File.stream()`, or an array in tests. */
export type ByteSource = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

/** A piece of the file as UTF-8, always ending on a character boundary. */
export interface Utf8Chunk {
	bytes: Uint8Array;
	/** Bytes of the original file consumed so far, for progress. */
	bytesRead: number;
	/** The file's encoding (detected or given). */
	encoding: TextEncodingName;
}

export interface Utf8ChunksOptions {
	/** The file name used in messages. */
	file: string;
	/** Encoding of the file; 'auto' (default) detects it from the first `sampleBytes`. */
	encoding?: TextEncodingName | 'auto';
	/** How much to look at before deciding the encoding (default 64 KiB). */
	sampleBytes?: number;
	/** A faster UTF-8 validator (Node's `buffer.isUtf8`) than the default {@link isValidUtf8}. */
	isUtf8?: (bytes: Uint8Array) => boolean;
}

/**
 * Turns a file in any supported encoding into a stream of valid UTF-8 chunks without a byte order
 * mark, so the CSV scanner works on one encoding only. UTF-8 input passes through unchanged
 * (validated; a chunk boundary never splits a character); Shift_JIS, EUC-JP and UTF-16 are decoded
 * with a streaming TextDecoder and re-encoded.
 *
 * @throws InputError when the file is empty, in an unknown encoding, or has bytes invalid in its encoding
 * @example
 * for await (const { bytes } of utf8Chunks([sjisBytes], { file: 'firms.csv' })) scan(bytes);
 */
export async function* utf8Chunks(source: ByteSource, options: Utf8ChunksOptions): AsyncGenerator<Utf8Chunk> {
	const { file, sampleBytes = 65536 } = options;
	const iterator = toAsyncIterator(source);
	const head: Uint8Array[] = [];
	let headLength = 0;
	let done = false;
	while (headLength < sampleBytes) {
		const next = await iterator.next();
		if (next.done) {
			done = true;
			break;
		}
		head.push(next.value);
		headLength += next.value.length;
	}
	const first = concat(head, headLength);
	if (first.length === 0) throw new InputError(file, 'is empty', { code: 'empty', hint: 'Choose a file that has a header row and data rows.' });
	const encoding = options.encoding && options.encoding !== 'auto' ? options.encoding : detectEncoding(first.subarray(0, sampleBytes));
	if (encoding === null) throw unknownEncoding(file, first.subarray(0, sampleBytes));
	const convert = encoding === 'utf-8' ? utf8Passthrough(file, options.isUtf8) : transcoder(file, encoding);
	let bytesRead = first.length;
	yield* emit(convert(first, done), bytesRead, encoding);
	while (!done) {
		const next = await iterator.next();
		done = next.done === true;
		const chunk = next.done ? new Uint8Array(0) : next.value;
		bytesRead += chunk.length;
		yield* emit(convert(chunk, done), bytesRead, encoding);
	}
}

function* emit(pieces: Uint8Array[], bytesRead: number, encoding: TextEncodingName): Generator<Utf8Chunk> {
	for (const bytes of pieces) if (bytes.length > 0) yield { bytes, bytesRead, encoding };
}

/** A chunk of the file as UTF-8 pieces, each ending on a character boundary. */
type Converter = (chunk: Uint8Array, last: boolean) => Uint8Array[];

function utf8Passthrough(file: string, isUtf8?: (bytes: Uint8Array) => boolean): Converter {
	// The start of a character cut at the end of the last chunk.
	let carry: Uint8Array = new Uint8Array(0);
	let offset = 0;
	let lines = 0;
	const valid = isUtf8 ?? isValidUtf8;
	const check = (piece: Uint8Array) => {
		if (!valid(piece)) {
			const at = firstInvalidUtf8(piece);
			throw invalid(file, 'utf-8', offset + at, lines + countLineBreaks(piece, at) + 1);
		}
		offset += piece.length;
		lines += countLineBreaks(piece, piece.length);
		return piece;
	};
	// The first bytes, until there are enough to tell a byte order mark.
	let head: Uint8Array | null = new Uint8Array(0);
	return (chunk, last) => {
		const pieces: Uint8Array[] = [];
		let rest = chunk;
		if (head !== null) {
			rest = head.length > 0 ? concat([head, chunk], head.length + chunk.length) : chunk;
			if (rest.length < 3 && !last) {
				head = rest;
				return pieces;
			}
			head = null;
			if (rest[0] === 0xef && rest[1] === 0xbb && rest[2] === 0xbf) {
				rest = rest.subarray(3);
				offset = 3;
			}
		}
		if (carry.length > 0) {
			// The cut character is completed in a piece of its own: the chunk itself passes on
			// uncopied (a copy of every chunk cost a fresh buffer of the chunk's size each time).
			const lead = carry[0];
			const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
			const take = Math.min(length - carry.length, rest.length);
			const joined = concat([carry, rest.subarray(0, take)], carry.length + take);
			rest = rest.subarray(take);
			if (joined.length < length && !last) {
				carry = joined;
				return pieces;
			}
			carry = new Uint8Array(0);
			pieces.push(check(joined));
		}
		const cut = last ? rest.length : utf8Boundary(rest);
		carry = rest.slice(cut);
		pieces.push(check(rest.subarray(0, cut)));
		return pieces;
	};
}

function transcoder(file: string, encoding: TextEncodingName): Converter {
	const decoder = new TextDecoder(encoding, { fatal: true });
	const encoder = new TextEncoder();
	let offset = 0;
	let lines = 0;
	return (chunk, last) => {
		let text: string;
		try {
			text = decoder.decode(chunk, { stream: !last });
		} catch {
			const at = firstInvalid(chunk, encoding);
			const before = new TextDecoder(encoding).decode(chunk.subarray(0, at));
			throw invalid(file, encoding, offset + at, lines + countChar(before, '\n') + 1);
		}
		offset += chunk.length;
		lines += countChar(text, '\n');
		return [encoder.encode(text)];
	};
}

function invalid(file: string, encoding: TextEncodingName, offset: number, line: number): InputError {
	return new InputError(file, `has bytes that are not valid ${ENCODING_LABELS[encoding]} (byte ${offset})`, {
		code: 'invalid-bytes',
		line,
		params: { encoding: ENCODING_LABELS[encoding], offset },
		hint: 'The file may mix encodings; open it in a text editor and save it again as UTF-8.'
	});
}

/** The error for a whole file that is not valid in its encoding, naming the first bad byte and its line. */
export function invalidBytes(file: string, encoding: TextEncodingName, bytes: Uint8Array): InputError {
	const at = firstInvalid(bytes, encoding);
	return invalid(file, encoding, at, countChar(new TextDecoder(encoding).decode(bytes.subarray(0, at)), '\n') + 1);
}

/**
 * Why no encoding fits: UTF-32 (named, as it is not supported), or the line and byte of the first
 * byte that is not UTF-8 text (a NUL, or an invalid sequence), so the user can look there.
 */
export function unknownEncoding(file: string, sample: Uint8Array): InputError {
	if (utf32Bom(sample)) {
		return new InputError(file, 'is UTF-32 (it starts with a UTF-32 byte order mark), which is not supported', {
			code: 'utf-32',
			hint: 'Save it again as UTF-8 (or Shift_JIS) in a text editor or spreadsheet.'
		});
	}
	const nul = sample.indexOf(0);
	const bad = firstInvalidUtf8(sample);
	const at = nul !== -1 && nul < bad ? nul : bad;
	return new InputError(file, `is not text in a known encoding (UTF-8, Shift_JIS, EUC-JP, or UTF-16 with a byte order mark); the first byte that does not fit is byte ${at}${sample[at] === 0 ? ' (a NUL)' : ''}`, {
		code: 'unknown-encoding',
		line: countLineBreaks(sample, at) + 1,
		params: { offset: at },
		hint: 'If it is a spreadsheet, save it from Excel as "CSV UTF-8" or "CSV".'
	});
}

function countLineBreaks(bytes: Uint8Array, end: number): number {
	let n = 0;
	for (let i = bytes.indexOf(0x0a); i !== -1 && i < end; i = bytes.indexOf(0x0a, i + 1)) n++;
	return n;
}

function countChar(text: string, char: string): number {
	let n = 0;
	for (let i = text.indexOf(char); i !== -1; i = text.indexOf(char, i + 1)) n++;
	return n;
}

/**
 * Whether bytes are well-formed UTF-8 as the WHATWG decoder takes it (no overlong forms,
 * surrogates or code points past U+10FFFF), ending on a character boundary. Written by hand because
 * the browser's only check, a fatal TextDecoder, makes a string of the whole file just to say yes:
 * this loop, mostly over ASCII, is several times faster (`bench/import.bench.ts`).
 *
 * @example
 * isValidUtf8(new TextEncoder().encode('大田区')); // true
 * isValidUtf8(Uint8Array.of(0xc0, 0x80)); // false (overlong)
 */
export function isValidUtf8(b: Uint8Array): boolean {
	const n = b.length;
	let i = 0;
	while (i < n) {
		const c = b[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		const c1 = i + 1 < n ? b[i + 1] : 0;
		if (c >= 0xc2 && c <= 0xdf) {
			if ((c1 & 0xc0) !== 0x80) return false;
			i += 2;
		} else if (c >= 0xe0 && c <= 0xef) {
			if (i + 2 >= n || (c1 & 0xc0) !== 0x80 || (b[i + 2] & 0xc0) !== 0x80) return false;
			if ((c === 0xe0 && c1 < 0xa0) || (c === 0xed && c1 > 0x9f)) return false;
			i += 3;
		} else if (c >= 0xf0 && c <= 0xf4) {
			if (i + 3 >= n || (c1 & 0xc0) !== 0x80 || (b[i + 2] & 0xc0) !== 0x80 || (b[i + 3] & 0xc0) !== 0x80) return false;
			if ((c === 0xf0 && c1 < 0x90) || (c === 0xf4 && c1 > 0x8f)) return false;
			i += 4;
		} else return false;
	}
	return true;
}

/** Length of the longest prefix that does not end inside a multibyte character. */
function utf8Boundary(bytes: Uint8Array): number {
	const n = bytes.length;
	for (let back = 1; back <= 4 && back <= n; back++) {
		const b = bytes[n - back];
		if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back
		const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
		return need > back ? n - back : n;
	}
	return n;
}

/** Offset of the first byte a strict UTF-8 decoder rejects (slow; only on error). */
function firstInvalidUtf8(bytes: Uint8Array): number {
	return firstInvalid(bytes, 'utf-8');
}

function toAsyncIterator(source: ByteSource): AsyncIterator<Uint8Array> | Iterator<Uint8Array> {
	return Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
}

function concat(parts: Uint8Array[], length: number): Uint8Array {
	if (parts.length === 1) return parts[0];
	const out = new Uint8Array(length);
	let at = 0;
	for (const part of parts) {
		out.set(part, at);
		at += part.length;
	}
	return out;
}
