import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../input-error';
import { isValidUtf8, utf8Chunks } from './utf8-chunks';

const strictlyValid = (b: Uint8Array) => {
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(b);
		return true;
	} catch {
		return false;
	}
};

describe('isValidUtf8', () => {
	it('agrees with a fatal TextDecoder on arbitrary bytes (property)', () => {
		// Bytes around every boundary that matters: ASCII, continuations, lead bytes, overlong and surrogate leads.
		const byte = fc.constantFrom(0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe3, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff);
		fc.assert(
			fc.property(fc.array(byte, { maxLength: 12 }), (bytes) => {
				const b = Uint8Array.from(bytes);
				expect(isValidUtf8(b)).toBe(strictlyValid(b));
			}),
			{ numRuns: 5000 }
		);
	});

	it('accepts any text encoded by TextEncoder (property)', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme' }), (text) => {
				expect(isValidUtf8(new TextEncoder().encode(text))).toBe(true);
			})
		);
	});
});

/** The file cut into chunks at the given points (sorted, deduplicated, inside the file). */
function cutAt(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
	const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
	return [...points, bytes.length].map((end, i) => bytes.slice(i === 0 ? 0 : points[i - 1], end));
}

async function passedThrough(chunks: Uint8Array[]): Promise<{ bytes: number[]; error: string | null }> {
	const bytes: number[] = [];
	try {
		for await (const piece of utf8Chunks(chunks, { file: 'f.csv', encoding: 'utf-8', sampleBytes: 1 })) {
			// Every piece ends on a character boundary: it decodes alone.
			new TextDecoder('utf-8', { fatal: true }).decode(piece.bytes);
			bytes.push(...piece.bytes);
		}
		return { bytes, error: null };
	} catch (error) {
		return { bytes, error: error instanceof InputError ? `${error.message} line ${error.line}` : String(error) };
	}
}

describe('utf8Chunks on UTF-8', () => {
	it('passes the file through unchanged, in pieces that end on characters, however it is cut (property)', async () => {
		await fc.assert(
			fc.asyncProperty(fc.string({ unit: 'grapheme', minLength: 1 }), fc.boolean(), fc.array(fc.nat(), { maxLength: 8 }), async (text, bom, cuts) => {
				const encoded = new TextEncoder().encode(text);
				const file = bom ? Uint8Array.of(0xef, 0xbb, 0xbf, ...encoded) : encoded;
				const { bytes, error } = await passedThrough(cutAt(file, cuts));
				expect(error).toBeNull();
				expect(bytes).toEqual([...encoded]);
			}),
			{ numRuns: 500 }
		);
	});

	it('names the same first bad byte and line however the file is cut (property)', async () => {
		const byte = fc.constantFrom(0x41, 0x0a, 0x80, 0xbf, 0xc2, 0xe3, 0x81, 0x82, 0xf0, 0x9f, 0xff);
		await fc.assert(
			fc.asyncProperty(fc.array(byte, { minLength: 1, maxLength: 16 }), fc.array(fc.nat(), { maxLength: 6 }), async (values, cuts) => {
				const file = Uint8Array.from(values);
				const whole = await passedThrough([file]);
				const cut = await passedThrough(cutAt(file, cuts));
				expect(cut.error).toBe(whole.error);
				if (whole.error === null) expect(cut.bytes).toEqual(whole.bytes);
			}),
			{ numRuns: 2000 }
		);
	});
});
