import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeImportProblem, InputError, rowCells } from '$lib/core/io';
import { corpusCases, expectOutcome, type CorpusCase } from '../../../tests/fixtures/import/corpus';
import { importFirms } from './import-firms';
import { checkSample, previewImport } from './import-preview';
import { bytesSource } from './import-source';
import { importZones } from './import-zones';

// The import corpus through the functions the browser's import worker runs: preview (with the
// guessed mapping and the exchanged-columns check), then the import. The input arrives in small
// chunks, as from a file stream, so every chunk boundary case is crossed.

async function outcome(c: CorpusCase): Promise<Record<string, unknown>> {
	const bytes = readFileSync(join(c.dir, c.file));
	const source = bytesSource(c.file, bytes, { chunkBytes: 7 });
	try {
		const { preview, features } = await previewImport(source);
		const swap = checkSample(preview, preview.guess, false).swap.suggest;
		const head = {
			format: preview.format,
			encoding: preview.encoding,
			delimiter: preview.delimiter,
			columns: preview.columns,
			guess: preview.guess,
			swapSuggested: swap,
			unusableInPreview: checkSample(preview, preview.guess, swap).unusable
		};
		const problems = (list: Parameters<typeof describeImportProblem>[0][]) =>
			list.map((p) => `${p.file}:${p.line} [${p.column}] ${p.severity}: ${describeImportProblem(p)}`);
		if (c.zones) {
			if (!features) throw new Error('zones need features');
			const nameColumn = preview.guess.name >= 0 ? preview.columns[preview.guess.name] : undefined;
			const { zones, problems: found } = importZones(features, { file: c.file, nameColumn });
			return { ...head, zones: zones.map((z) => `${z.id} "${z.name}" ${z.geometry.type}`), problems: problems(found) };
		}
		const result = await importFirms(source, { mapping: preview.guess, swap, features });
		return {
			...head,
			rows: result.rows,
			placed: result.table.rows.count,
			firstPlaced: result.table.rows.count > 0 ? rowCells(result.table.rows, 0) : null,
			firstPoint: result.table.rows.count > 0 ? [result.table.lon[0], result.table.lat[0]] : null,
			industryCounts: result.table.industryCounts,
			problems: problems(result.problems)
		};
	} catch (error) {
		if (error instanceof InputError) return { error: error.describe() };
		throw error;
	}
}

describe.each(corpusCases())('import corpus: $name', (c) => {
	it('gives the expected outcome', async () => {
		expectOutcome(c, 'expected.json', await outcome(c));
	});

	it('places every row or lists it as an error (nothing dropped)', async () => {
		const result = await outcome(c);
		if (result.error !== undefined || c.zones) return;
		const errorLines = new Set((result.problems as string[]).filter((p) => / error: /.test(p)).map((p) => p.split(' ')[0]));
		expect((result.placed as number) + errorLines.size).toBe(result.rows);
	});
});
