import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Download, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReadyApp, screenshot, type OpenedApp } from './harness';

/** Firms of the sample with an answer in `column`, read here in Node from the file the app shows. */
function answered(column: string): number {
	const text = readFileSync('static/generated/firms-sample.csv', 'utf8').replace(/^\uFEFF/, '');
	const { data } = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy' });
	return data.filter((row) => (row[column] ?? '').trim() !== '').length;
}

/** The numbers in a table cell such as "1,234 / 54,000" or "0.08 [0.06, 0.1]". */
const numbers = (text: string) => [...text.replace(/,(?=\d{3})/g, '').matchAll(/-?\d+(\.\d+)?/g)].map((m) => Number(m[0]));

async function text(download: Download): Promise<string> {
	return readFileSync((await download.path())!, 'utf8');
}

/**
 * Every table box lies within the results pane (a wide table scrolls inside its box); scrolled to
 * its far corner, the header row is still in view and the last column can be reached.
 */
async function expectTablesInPane(dialog: Locator) {
	const checks = await dialog.locator('[data-table]').evaluateAll((boxes) =>
		boxes.map((box) => {
			const pane = box.closest('section.results')!;
			const overflow = box.getBoundingClientRect().right - pane.getBoundingClientRect().right;
			box.scrollLeft = box.scrollWidth;
			box.scrollTop = box.scrollHeight;
			const head = box.querySelector('thead th:last-child')!.getBoundingClientRect();
			const frame = box.getBoundingClientRect();
			const result = { overflow, paneScrolls: pane.scrollWidth > pane.clientWidth + 1, headerShown: head.top >= frame.top - 1 && head.bottom <= frame.bottom + 1, lastRight: head.right - frame.right };
			box.scrollLeft = 0;
			box.scrollTop = 0;
			return result;
		})
	);
	for (const check of checks) {
		expect(check.overflow).toBeLessThanOrEqual(1);
		expect(check.paneScrolls).toBe(false);
		expect(check.headerShown).toBe(true);
		expect(check.lastRight).toBeLessThanOrEqual(1);
	}
}

describe('comparing the firms inside and outside a zone', () => {
	let app: OpenedApp;
	/** A zone name that would run script if any export or view read it as HTML. */
	const hostile = '<img src=x onerror=alert(1)>東大阪';

	beforeAll(async () => {
		app = await openReadyApp('/');
	});
	afterAll(() => app?.close());

	it('shows n, tests, charts and regressions for the Higashi-Osaka district against the rest of the sample', async () => {
		const { page } = app;
		await page.selectOption('#district-picker', 'higashiosaka');
		await page.getByRole('button', { name: 'Add this district as a zone' }).click();
		await page.waitForFunction(() => Number(document.querySelector('[data-zone-id] .count')?.getAttribute('data-count')) > 0, undefined, { timeout: 20_000 });
		const zoneCount = Number(await page.locator('[data-zone-id] .count').getAttribute('data-count'));
		const name = page.getByRole('textbox', { name: 'Zone name' });
		await name.fill(hostile);
		await name.press('Enter');

		await page.getByRole('button', { name: 'Compare inside vs outside' }).click();
		const dialog = page.getByRole('dialog', { name: 'Inside vs outside: innovation comparison' });
		await expect.poll(() => dialog.isVisible()).toBe(true);
		// The guessed outcomes of the sample.
		for (const outcome of ['new_products', 'new_processes', 'patents_3y']) {
			await expect.poll(() => dialog.getByRole('checkbox', { name: outcome }).isChecked()).toBe(true);
		}
		// Defaults of the study; fewer permutations keep this test short on a shared machine.
		const permutations = dialog.getByRole('spinbutton', { name: 'Permutations' });
		expect(await permutations.inputValue()).toBe('10000');
		await permutations.fill('2000');
		const started = Date.now();
		await page.locator('[data-table="outcomes"] tbody tr').first().waitFor({ timeout: 60_000 });
		const firstTable = Date.now() - started;

		const row = page.locator('[data-table="outcomes"] tbody tr', { has: page.locator('th', { hasText: /^new_products$/ }) });
		const cells = await row.locator('td').allTextContents();
		const [nInside, nOutside] = numbers(cells[0]);
		const [missingInside, missingOutside] = numbers(cells[1]);
		expect(nInside + nOutside).toBe(answered('new_products'));
		expect(nInside + missingInside).toBe(zoneCount);
		expect(missingInside + missingOutside).toBe(0);
		// The generator plants a higher chance of a new product inside the districts.
		const [difference, low, high] = numbers(cells[5]);
		expect(difference).toBeGreaterThan(0);
		expect(low).toBeLessThan(difference);
		expect(high).toBeGreaterThan(difference);
		// The permutation p-values follow the first answer.
		await expect.poll(() => row.locator('td').nth(9).textContent(), { timeout: 60_000 }).not.toBe('…');
		expect(numbers((await row.locator('td').nth(9).textContent()) ?? '')[0]).toBeLessThan(0.01);
		console.info(`compare: first table ${firstTable} ms, complete ${Date.now() - started} ms`);
		// Charts: the distance distribution and a bar chart per outcome and linkage variable.
		await expect.poll(() => dialog.locator('[data-chart] svg').count()).toBeGreaterThanOrEqual(10);
		await expect.poll(() => dialog.locator('[data-table="regression"]').count()).toBe(3);
		await expectTablesInPane(dialog);
		// At 1280 px every column of the outcome table shows without scrolling (cells wrap at their spaces).
		expect(await dialog.locator('[data-table="outcomes"]').first().evaluate((box) => box.scrollWidth - box.clientWidth)).toBeLessThanOrEqual(1);
		// Industry terms by name, against a named baseline.
		const terms = await dialog.locator('[data-table="regression"]').first().locator('tbody th').allTextContents();
		expect(terms.filter((term) => term.startsWith('Industry: ')).every((term) => /^Industry: [A-Z][a-z].* \([A-Z]\)$/.test(term))).toBe(true);
		expect(await dialog.locator('[data-table="regression"] caption').first().textContent()).toMatch(/against the baseline [A-Z][a-z].* \([A-Z]\)/);
		await screenshot(page, 'compare-higashiosaka');
		await dialog.locator('[data-table="regression"]').first().scrollIntoViewIfNeeded();
		await screenshot(page, 'compare-higashiosaka-regression');
		// Nothing from the zone name was run as markup in the page.
		expect(await page.locator('img[src="x"]').count()).toBe(0);
	});

	it('downloads the tables as CSV and a standalone report with the map, tables and charts', async () => {
		const { page } = app;
		const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tables (CSV)', exact: true }).click()]);
		expect(csvDownload.suggestedFilename()).toMatch(/^compare-outcomes-\d+\.csv$/);
		const csv = await text(csvDownload);
		expect(csv.startsWith('\uFEFFgroup_a,group_b,outcome,kind,n_a,')).toBe(true);
		const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true }).data;
		expect(parsed.map((r) => r.outcome)).toEqual(['new_products', 'new_processes', 'patents_3y']);
		const products = parsed[0];
		expect(Number(products.n_a) + Number(products.n_b)).toBe(answered('new_products'));
		expect(Number(products.difference)).toBeGreaterThan(0);
		expect(Number(products.permutations)).toBe(2000);

		const [htmlDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Report (HTML)' }).click()]);
		const html = await text(htmlDownload);
		expect(html).toMatch(/^<!doctype html>/);
		expect(html).toContain('<img class="map" alt="Zones map" src="data:image/png;base64,');
		expect(html).toContain('new_products');
		expect((html.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(10);
		// The zone name is in the parameters, escaped; the raw tag is nowhere.
		expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;東大阪');
		expect(html).not.toContain(hostile);
		// The report stands alone: open it as a colleague would and look at it.
		const report = await page.context().newPage();
		await report.setContent(html);
		expect(await report.locator('img.map').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(100);
		expect(await report.locator('figure svg').count()).toBeGreaterThanOrEqual(10);
		await report.setViewportSize({ width: 1200, height: 1400 });
		await screenshot(report, 'compare-report');
		await report.close();
	});

	it('saves a chart as PNG and as SVG', async () => {
		const { page } = app;
		const figure = page.locator('[data-chart]').first();
		const [png] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: /as PNG$/ }).click()]);
		expect(png.suggestedFilename()).toBe('compare-distance-distribution.png');
		expect(readFileSync((await png.path())!).subarray(1, 4).toString()).toBe('PNG');
		const [svg] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: /as SVG$/ }).click()]);
		const svgText = await text(svg);
		expect(svgText).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
		expect(svgText).toContain('</svg>');
	});

	it('closes with Esc and leaves the page without errors', async () => {
		const { page } = app;
		await page.keyboard.press('Escape');
		await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
		expect(app.errors).toEqual([]);
	});

	it('compares each zone with the firms outside every zone', async () => {
		const { page } = app;
		await page.getByRole('button', { name: 'Add each municipality as a zone' }).click();
		await expect.poll(() => page.locator('[data-zone-id]').count()).toBeGreaterThan(2);
		const zoneCount = await page.locator('[data-zone-id]').count();
		await page.waitForFunction(() => [...document.querySelectorAll('[data-zone-id] .count')].every((c) => c.getAttribute('data-count') !== ''), undefined, { timeout: 20_000 });
		const counts = await page.locator('[data-zone-id] .count').evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-count'))));
		await page.getByRole('button', { name: 'Compare inside vs outside' }).click();
		const dialog = page.getByRole('dialog');
		await dialog.getByRole('spinbutton', { name: 'Permutations' }).fill('0');
		await dialog.getByRole('radio', { name: 'Each zone vs outside' }).check();
		await expect.poll(() => dialog.locator('[data-table="outcomes"]').count(), { timeout: 60_000 }).toBe(zoneCount);
		await expect.poll(() => dialog.locator('[data-table="regression"]').count(), { timeout: 60_000 }).toBe(3);
		const captions = await dialog.locator('[data-table="outcomes"] caption').allTextContents();
		expect(captions.every((c) => c.includes(' vs Outside — '))).toBe(true);
		// n inside each zone plus its missing answers is the zone's count in the zone list.
		const inside = await dialog.locator('[data-table="outcomes"]').evaluateAll((tables) =>
			tables.map((table) => {
				const cells = table.querySelectorAll('tbody tr:first-child td');
				const first = (cell: Element) => Number(cell.textContent!.split(' / ')[0].replace(/,/g, ''));
				return first(cells[0]) + first(cells[1]);
			})
		);
		expect(inside).toEqual(counts);
		await screenshot(page, 'compare-each-zone');
		await page.keyboard.press('Escape');
		expect(app.errors).toEqual([]);
	});
});

describe('the comparison in Japanese', () => {
	let app: OpenedApp;
	beforeAll(async () => {
		// A small laptop screen, narrower than the outcome table.
		app = await openReadyApp('/', { locale: 'ja-JP', viewport: { width: 1024, height: 768 } });
	});
	afterAll(() => app?.close());

	it('labels the dialog, the tables and the charts in Japanese', async () => {
		const { page } = app;
		await page.selectOption('#district-picker', 'ota');
		await page.locator('.add-zone button').first().click();
		await page.waitForFunction(() => Number(document.querySelector('[data-zone-id] .count')?.getAttribute('data-count')) > 0, undefined, { timeout: 20_000 });
		await page.getByRole('button', { name: 'クラスター内外を比較' }).click();
		const dialog = page.getByRole('dialog', { name: 'クラスター内外のイノベーション比較' });
		await dialog.getByRole('spinbutton', { name: '並べ替え回数' }).fill('0');
		await dialog.locator('[data-table="outcomes"]').first().waitFor({ timeout: 60_000 });
		expect(await dialog.locator('[data-table="outcomes"] caption').first().textContent()).toBe('内側 対 外側 — 2つ並んだ値は 内側 / 外側');
		await expect.poll(() => dialog.locator('[data-chart] svg').count()).toBeGreaterThanOrEqual(10);
		expect(await dialog.locator('[data-chart]').first().getAttribute('data-chart')).toBe('最寄りの研究機関までの距離、1 km ごとの企業の割合');
		await screenshot(page, 'compare-ja');
		// Industry terms and the baseline by their Japanese names; survey answers in Japanese.
		const regression = dialog.locator('[data-table="regression"]').first();
		await regression.waitFor({ timeout: 60_000 });
		expect((await regression.locator('tbody th').allTextContents()).some((term) => /^業種：\S+業 \([A-Z]\)$/.test(term))).toBe(true);
		expect(await regression.locator('caption').textContent()).toMatch(/基準カテゴリー \S+ \([A-Z]\)/);
		expect(await dialog.locator('[data-chart] svg').allTextContents().then((texts) => texts.join(' '))).toContain('週単位');
		await expectTablesInPane(dialog);
		// Narrower than the table: it scrolls sideways inside its box, the outcome names staying in view.
		const outcomes = dialog.locator('[data-table="outcomes"]').first();
		const sticky = await outcomes.evaluate((box) => {
			box.scrollLeft = box.scrollWidth;
			const name = box.querySelector('tbody th')!.getBoundingClientRect().left - box.getBoundingClientRect().left;
			box.scrollLeft = 0;
			return { scrolls: box.scrollWidth > box.clientWidth, name };
		});
		expect(sticky.scrolls).toBe(true);
		expect(Math.abs(sticky.name)).toBeLessThanOrEqual(2);
		await regression.scrollIntoViewIfNeeded();
		await screenshot(page, 'compare-ja-regression');
		expect(app.errors).toEqual([]);
	});
});
