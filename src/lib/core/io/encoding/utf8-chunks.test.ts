import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidUtf8 } from './utf8-chunks';

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
