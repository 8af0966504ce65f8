import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectEncoding } from './detect-encoding';
import { decodeText } from './decode-text';
import { isValidUtf8, utf8Chunks } from './utf8-chunks';

// Fixture files are named after their encoding; all hold the text of expected.csv.
const DIR = join(import.meta.dirname, 'test/encodings');
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
		}).rejects.toThrow(`not valid UTF-8 (near byte ${valid.length})`);
	});

	it('rejects an empty file', async () => {
		await expect(streamed([])).rejects.toThrow('is empty');
	});
});
