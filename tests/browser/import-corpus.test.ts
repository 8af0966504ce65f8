import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusCases } from '../fixtures/import/corpus';
import { openReadyApp, type OpenedApp } from './harness';

// The import corpus through the real page: each file is chosen in the file picker and imported
// as the dialog guesses (the exchanged-columns fix taken when offered), and the outcome the user
// sees — firms placed of rows read, the problems CSV they can download, or the refusal — must
// agree with the case's expected.json, which the Node corpus test pins for the same reader.

interface Expected {
	error?: string;
	swapSuggested?: boolean;
	rows?: number;
	placed?: number;
	zones?: string[];
	problems?: string[];
}

/** `file:line [column] severity: text` → `line|column|severity` (the wording is the UI's own). */
function place(problem: string): string {
	const match = /^.*?:(\d+) \[(.*?)\] (error|warning): /.exec(problem);
	if (!match) throw new Error(`unexpected problem format: ${problem}`);
	return `${match[1]}|${match[2]}|${match[3]}`;
}

let app: OpenedApp;

beforeAll(async () => {
	app = await openReadyApp('/');
});

afterAll(async () => {
	await app?.close();
});

describe.each(corpusCases())('import corpus in the page: $name', (c) => {
	const expected = JSON.parse(readFileSync(join(c.dir, 'expected.json'), 'utf8')) as Expected;

	it('shows the outcome the reader gives', async () => {
		const { page } = app;
		const dialog = page.getByRole('dialog');
		await page.locator('#import-file').setInputFiles(join(c.dir, c.file));

		if (expected.error !== undefined && /has no (latitude|longitude) column/.test(expected.error)) {
			// The page does not refuse the file: it asks for the columns and imports nothing until then.
			await dialog.getByText('No latitude or longitude column was recognised', { exact: false }).waitFor({ timeout: 60_000 });
			await expect(dialog.getByRole('button', { name: 'Import', exact: true }).isDisabled()).resolves.toBe(true);
			await dialog.getByRole('button', { name: 'Cancel' }).click();
			return;
		}
		if (expected.error !== undefined) {
			const alert = dialog.getByRole('alert');
			await alert.waitFor({ timeout: 60_000 });
			const text = (await alert.textContent()) ?? '';
			// The refusal names the file and, where the reader names one, the line.
			expect(text).toContain(c.file);
			const line = /^[^:]+:(\d+):/.exec(expected.error)?.[1];
			if (line) expect(text).toMatch(new RegExp(`line ${line}\\b`));
			await dialog.getByRole('button', { name: 'Close' }).click();
			return;
		}

		await dialog.getByRole('button', { name: 'Import', exact: true }).waitFor({ timeout: 60_000 });
		const swap = dialog.getByLabel('Exchange latitude and longitude');
		await expect(swap.count()).resolves.toBe(expected.swapSuggested ? 1 : 0);
		if (expected.swapSuggested) await swap.check();
		await dialog.getByRole('button', { name: 'Import', exact: true }).click();

		const done = dialog.getByRole('status').filter({ hasText: c.zones ? /zones added/ : /firms placed on the map/ });
		await done.waitFor({ timeout: 60_000 });
		const summary = (await done.textContent()) ?? '';
		if (c.zones) expect(summary).toContain(`${expected.zones!.length} zones added`);
		else expect(summary).toContain(`${expected.placed!.toLocaleString('en')} of ${expected.rows!.toLocaleString('en')} firms placed`);

		const wanted = (expected.problems ?? []).map(place);
		if (wanted.length === 0) {
			await expect(dialog.getByRole('button', { name: 'Download problems CSV' }).count()).resolves.toBe(0);
		} else {
			const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download problems CSV' }).click()]);
			const text = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
			const [header, ...rows] = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' }).data;
			const [fileAt, lineAt, columnAt, severityAt] = ['file', 'line', 'column', 'severity'].map((name) => header.indexOf(name));
			expect(rows.every((row) => row[fileAt] === c.file)).toBe(true);
			expect(rows.map((row) => `${row[lineAt]}|${row[columnAt]}|${row[severityAt]}`)).toEqual(wanted);
		}
		await dialog.getByRole('button', { name: 'Close' }).click();
		expect(app.errors).toEqual([]);
	});
});
