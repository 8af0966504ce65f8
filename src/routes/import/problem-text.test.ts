import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INPUT_ERROR_CODES, InputError } from '$lib/core/io';
import { importFirms } from '$lib/data/import-firms';
import { previewImport } from '$lib/data/import-preview';
import { bytesSource } from '$lib/data/import-source';
import { importZones } from '$lib/data/import-zones';
import { dictionaries, translate, type MessageKey } from '$lib/i18n';
import { corpusCases } from '../../../tests/fixtures/import/corpus';
import { failureText } from './problem-text';

const IO = join(import.meta.dirname, '../../lib/core/io');

/** Every `new InputError(…)` call in the engine's io folder, as source text. */
function inputErrorCalls(): { file: string; call: string }[] {
	const calls: { file: string; call: string }[] = [];
	for (const file of readdirSync(IO).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
		const source = readFileSync(join(IO, file), 'utf8');
		for (let at = source.indexOf('new InputError('); at >= 0; at = source.indexOf('new InputError(', at + 1)) {
			// The call runs to its balanced closing parenthesis.
			let depth = 0;
			let end = at + 'new InputError'.length;
			do {
				if (source[end] === '(') depth++;
				else if (source[end] === ')') depth--;
				end++;
			} while (depth > 0 && end < source.length);
			calls.push({ file, call: source.slice(at, end) });
		}
	}
	return calls;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('whole-file errors in the UI language', () => {
	const calls = inputErrorCalls();

	it('gives every InputError thrown in src/lib/core/io a code that has an English and a Japanese text', () => {
		expect(calls.length).toBeGreaterThan(20);
		for (const { file, call } of calls) {
			const code = /code: ([^\n]+)/.exec(call);
			expect(code, `${file}: ${call}`).not.toBeNull();
			const names = [...code![1].matchAll(/'([a-z0-9-]+)'/g)].map((m) => m[1]);
			expect(names.length, `${file}: ${call}`).toBeGreaterThan(0);
			for (const name of names) {
				expect(INPUT_ERROR_CODES, `${file}: ${name}`).toContain(name);
				for (const lang of ['en', 'ja'] as const) expect(dictionaries[lang][`import.error.${name}` as MessageKey], `${lang} ${name}`).toBeTruthy();
			}
		}
	});

	it('words every code in both languages with the same placeholders, Japanese in Japanese', () => {
		for (const code of INPUT_ERROR_CODES) {
			const key = `import.error.${code}` as MessageKey;
			expect(dictionaries.ja[key], code).not.toBe(dictionaries.en[key]);
			expect(placeholders(dictionaries.ja[key]), code).toEqual(placeholders(dictionaries.en[key]));
			expect(dictionaries.ja[key], code).toMatch(/[ぁ-んァ-ン一-龯]/);
		}
	});

	it('says each failing corpus file’s problem in Japanese, naming the file and line, every placeholder filled', async () => {
		const seen = new Set<string>();
		for (const c of corpusCases()) {
			const source = bytesSource(c.file, readFileSync(join(c.dir, c.file)), { chunkBytes: 64 });
			let error: unknown = null;
			try {
				const { preview, features } = await previewImport(source);
				if (c.zones) importZones(features!, { file: c.file });
				else await importFirms(source, { mapping: preview.guess, features });
			} catch (e) {
				error = e;
			}
			if (!(error instanceof InputError)) continue;
			expect(error.code, c.name).toBeDefined();
			seen.add(error.code!);
			const { file, line, message, hint, code, params } = error;
			const text = failureText({ file, line, message, hint, code, params, text: error.describe() }, (key, p) => translate('ja', key, p));
			expect(text, c.name).toContain(c.file);
			if (line !== undefined) expect(text, c.name).toContain(`${line} 行目`);
			expect(text, c.name).not.toMatch(/\{\w+\}/);
			expect(text, c.name).toMatch(/[ぁ-ん]/);
		}
		// The corpus reaches several kinds of whole-file error, not just one.
		expect(seen.size).toBeGreaterThanOrEqual(5);
	});

	it('keeps the English sentence of a failure that has no code', () => {
		expect(failureText({ file: 'a.csv', message: 'boom', text: 'a.csv: boom', unexpected: true }, (key, p) => translate('ja', key, p))).toBe('a.csv: boom');
	});
});
