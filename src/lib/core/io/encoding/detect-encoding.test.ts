import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectEncoding } from './detect-encoding';
import { decodeText } from './decode-text';
import type { InputError } from '../input-error';
import { isValidUtf8, utf8Chunks } from './utf8-chunks';

// Fixture files are named after their encoding; all hold the text of expected.csv.
const DIR = join(import.meta.dirname, '../test/encodings');
const expected = readFileSync(join(DIR, 'expected.csv'), 'utf8');
const fixtures = readdirSync(DIR)
	.filter((name) => name !== 'expected.csv')
	.map((name) => ({ name, encoding: name.replace(/\.csv$/, '').replace(/-bom$/, ''), bytes: new Uint8Array(readFileSync(join(DIR, name))) }));

async function streamed(chunks: Uint8Array[]): Promise<{ text: string; encoding: string }> {
	const decoder = new TextDecoder();
	let text = '';
	let encoding = '';
	for await (const chunk of utf8Chunks(chunks, { file: 'test.csv', sampleBytes: 16 })) {
		text += decoder.decode(chunk.bytes, { stream: true });
		encoding = chunk.encoding;
	}
	return { text: text + decoder.decode(), encoding };
}

function splitAt(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
	const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
	const parts: Uint8Array[] = [];
	let from = 0;
	for (const p of [...points, bytes.length]) {
		parts.push(bytes.slice(from, p));
		from = p;
	}
	return parts;
}

/** Shift_JIS lines "n,大田区" (ASCII digits and a two-byte name), 16 bytes each with the line break. */
function sjisLines(count: number): Uint8Array[] {
	const name = [0x91, 0xe5, 0x93, 0x63, 0x8b, 0xe6]; // 大田区
	return Array.from({ length: count }, (_, i) => Uint8Array.from([...new TextEncoder().encode(`${String(i).padStart(8, '0')},`), ...name, 0x0a]));
}

describe('detectEncoding', () => {
	it('has a fixture per encoding', () => {
		expect(fixtures.map((f) => f.name).sort()).toEqual(['euc-jp.csv', 'shift_jis.csv', 'utf-16le.csv', 'utf-8-bom.csv', 'utf-8.csv']);
	});

	it.each(fixtures)('$name is detected as $encoding and decodes to the expected text', ({ bytes, encoding }) => {
		expect(detectEncoding(bytes)).toBe(encoding);
		expect(decodeText(bytes, { file: 'x' })).toBe(expected);
	});

	it('calls plain ASCII UTF-8', () => {
		expect(detectEncoding(new TextEncoder().encode('id,lat,lon\n1,35.5,139.7\n'))).toBe('utf-8');
	});

	it('refuses binary data', () => {
		expect(detectEncoding(Uint8Array.from({ length: 256 }, (_, i) => i))).toBeNull();
	});

	it('is not misled by a sample cut inside a UTF-8 character', () => {
		const bytes = new TextEncoder().encode('名前\n大田区\n');
		expect(detectEncoding(bytes.subarray(0, bytes.length - 2))).toBe('utf-8');
	});
});

describe('utf8Chunks', () => {
	it.each(fixtures)('streams $name in 1-byte chunks to the expected UTF-8', async ({ bytes, encoding }) => {
		const result = await streamed(Array.from(bytes, (b) => Uint8Array.of(b)));
		expect(result).toEqual({ text: expected, encoding });
	});

	it('gives the same text wherever the chunk boundaries fall (multibyte characters never split)', async () => {
		await fc.assert(
			fc.asyncProperty(fc.constantFrom(...fixtures), fc.array(fc.nat(400), { maxLength: 12 }), async ({ bytes }, cuts) => {
				expect((await streamed(splitAt(bytes, cuts))).text).toBe(expected);
			}),
			{ numRuns: 200 }
		);
	});

	it('passes UTF-8 through with a fast validator too, rejecting invalid bytes with their offset', async () => {
		const valid = new TextEncoder().encode('a,b\n大田,蒲田\n');
		let calls = 0;
		const isUtf8 = (b: Uint8Array) => (calls++, isValidUtf8(b));
		const chunks = splitAt(valid, [5, 6, 9]);
		let text = '';
		for await (const c of utf8Chunks(chunks, { file: 'x.csv', isUtf8, sampleBytes: 4 })) text += new TextDecoder().decode(c.bytes);
		expect(text).toBe('a,b\n大田,蒲田\n');
		expect(calls).toBeGreaterThan(0);
		const mixed = [valid, Uint8Array.of(0x93, 0xfa, 0x0a)];
		await expect(async () => {
			for await (const c of utf8Chunks(mixed, { file: 'x.csv', isUtf8, sampleBytes: 4 })) void c;
		}).rejects.toThrow(`has bytes that are not valid UTF-8 (byte ${valid.length})`);
	});

	it.each([
		['a Shift_JIS file with an invalid byte at 650', () => [...sjisLines(40), Uint8Array.of(0x81, 0x0a)], 'has bytes that are not valid Shift_JIS (CP932) (byte 640)', 41],
		['a UTF-8 file with an overlong form (not EUC-JP)', () => [new TextEncoder().encode('id,名前\n1,大田\n2,'), Uint8Array.of(0xc0, 0xae, 0x0a)], 'has bytes that are not valid UTF-8 (byte 21)', 3],
		['a UTF-8 file with a surrogate encoded', () => [new TextEncoder().encode('id,名前\n'), Uint8Array.of(0xed, 0xa0, 0x80, 0x0a)], 'has bytes that are not valid UTF-8 (byte 10)', 2],
		['UTF-32LE with its BOM', () => [Uint8Array.of(0xff, 0xfe, 0, 0, 0x61, 0, 0, 0, 0x0a, 0, 0, 0)], 'is UTF-32 (it starts with a UTF-32 byte order mark), which is not supported', undefined],
		['UTF-32BE with its BOM', () => [Uint8Array.of(0, 0, 0xfe, 0xff, 0, 0, 0, 0x61)], 'is UTF-32 (it starts with a UTF-32 byte order mark), which is not supported', undefined],
		['binary data', () => [new TextEncoder().encode('PK\n'), Uint8Array.from({ length: 64 }, (_, i) => (i * 37) % 256)], 'is not text in a known encoding (UTF-8, Shift_JIS, EUC-JP, or UTF-16 with a byte order mark); the first byte that does not fit is byte 3 (a NUL)', 2]
	])('names where %s goes wrong, the same in the stream and on the whole file', async (_, chunks, message, line) => {
		const parts = chunks();
		const bytes = Uint8Array.from(parts.flatMap((p) => [...p]));
		const caught: InputError[] = [];
		for (const isUtf8 of [undefined, (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.length).toString('utf8') === new TextDecoder().decode(b) && isValidUtf8(b)]) {
			try {
				for await (const c of utf8Chunks(parts, { file: 'x.csv', isUtf8, sampleBytes: 256 })) void c;
			} catch (error) {
				caught.push(error as InputError);
			}
		}
		try {
			decodeText(bytes, { file: 'x.csv' });
		} catch (error) {
			caught.push(error as InputError);
		}
		expect(caught).toHaveLength(3);
		for (const error of caught) {
			expect(error.message).toBe(message);
			expect(error.line).toBe(line);
		}
	});

	it('reads a UTF-8 file with a stray NUL, keeping it as a character', async () => {
		const text = 'id,name\n1,a\u0000b\n';
		expect(await streamed([new TextEncoder().encode(text)])).toEqual({ text, encoding: 'utf-8' });
	});

	it('rejects an empty file', async () => {
		await expect(streamed([])).rejects.toThrow('is empty');
	});
});
