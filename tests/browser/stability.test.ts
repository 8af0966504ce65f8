import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReadyApp, screenshot, type OpenedApp } from './harness';
import { mapDrawn } from './map-helpers';


/** The `stability` feature state of firm features (row indices), as the map holds it. */
const stabilityStates = (page: Page, ids: number[]) =>
	page.evaluate((list) => list.map((id) => window.__clusterMap!.getFeatureState({ source: 'firms', sourceLayer: 'firms', id }).stability as number | undefined), ids);

describe('membership stability of the detected clusters', () => {
	let app: OpenedApp;
	const counts = { inside: 0, outside: 0, uncertain: 0 };

	beforeAll(async () => {
		// Higashi-Osaka at zoom 13: the densest district of the sample.
		app = await openReadyApp('/#13/34.668/135.60');
		await app.page.getByText('Density and cluster detection').click();
	});
	afterAll(() => app?.close());

	it('runs DBSCAN over eps × minPts round the current detection, with progress, and counts stably inside, outside and uncertain firms', async () => {
		const { page } = app;
		await page.getByLabel('None', { exact: true }).check();
		await page.locator('.detect').getByLabel('Detect clusters').check();
		await expect.poll(async () => Number(await page.locator('.detect .result').getAttribute('data-zones')), { timeout: 30_000 }).toBeGreaterThan(0);
		const section = page.locator('section.stability');
		expect(await section.locator('.axes').textContent()).toBe('eps 100, 120, 150, 188, 225 m × minPts 13, 16, 20, 25, 30');
		// Progress shows while the 25 settings run (watched from inside the page, so a quick run is not missed).
		const sawProgress = page.evaluate(
			() =>
				new Promise<boolean>((resolve) => {
					const observer = new MutationObserver(() => {
						if (document.querySelector('section.stability progress')) {
							observer.disconnect();
							resolve(true);
						}
					});
					observer.observe(document.body, { subtree: true, childList: true });
					setTimeout(() => resolve(false), 60_000);
				})
		);
		await section.getByRole('button', { name: 'Run stability' }).click();
		expect(await sawProgress).toBe(true);
		const result = section.locator('.result');
		await result.waitFor({ timeout: 60_000 });
		for (const key of ['inside', 'outside', 'uncertain'] as const) counts[key] = Number(await result.getAttribute(`data-${key}`));
		expect(counts.inside).toBeGreaterThan(0);
		expect(counts.outside).toBeGreaterThan(0);
		expect(counts.uncertain).toBeGreaterThan(0);
		expect(await result.textContent()).toContain(`Of ${(counts.inside + counts.outside + counts.uncertain).toLocaleString('en')} firms in the run (25 settings)`);

		// The firms are coloured by their stability: a paint mode reading the feature state.
		const colour = await page.evaluate(() => JSON.stringify(window.__clusterMap!.getPaintProperty('firms', 'circle-color')));
		expect(colour).toContain('"feature-state","stability"');
		const firms = Number((await page.locator('.sample span').textContent())?.replace(/\D/g, ''));
		const states = await stabilityStates(page, Array.from({ length: firms }, (_, i) => i));
		const scored = states.filter((s) => s !== undefined && s >= 0);
		expect(scored.length).toBe(counts.inside + counts.outside + counts.uncertain);
		expect(scored.every((s) => s! <= 1)).toBe(true);
		// The map legend follows the paint.
		await expect.poll(() => page.locator('.legend-box').textContent()).toContain('Firms by membership stability (inside_stability)');
		await section.scrollIntoViewIfNeeded();
		await mapDrawn(page);
		await screenshot(page, 'stability-dbscan-higashiosaka');
		await page.screenshot({ path: 'docs/screenshot-stability.png' });
		expect(app.errors).toEqual([]);
	});

	it('adds the grouping "stably inside vs stably outside" to the comparison, and a sensitivity band per outcome', async () => {
		const { page } = app;
		// Every detected cluster becomes a zone (the panel adds the largest n).
		const zonesFound = Number(await page.locator('.detect .result').getAttribute('data-zones'));
		const pick = page.locator('.detect [data-detected-pick]');
		await pick.getByRole('spinbutton', { name: 'Largest' }).fill(String(zonesFound));
		await pick.getByRole('button', { name: `Add the ${zonesFound} largest` }).click();
		await expect.poll(async () => Number(await page.locator('.summary .inside').getAttribute('data-count')), { timeout: 30_000 }).toBeGreaterThan(0);
		await page.getByRole('button', { name: 'Compare inside vs outside' }).click();
		const dialog = page.getByRole('dialog', { name: 'Inside vs outside: innovation comparison' });
		await expect.poll(() => dialog.isVisible()).toBe(true);
		await dialog.getByRole('spinbutton', { name: 'Permutations' }).fill('0');
		await dialog.getByLabel('Stably inside vs stably outside (uncertain left out)').check();
		const row = dialog.locator('[data-table="outcomes"] tbody tr', { has: page.locator('th', { hasText: /^new_products$/ }) });
		await expect.poll(() => dialog.locator('[data-table="outcomes"]').first().textContent(), { timeout: 60_000 }).toContain('Stably inside');
		await row.waitFor({ timeout: 60_000 });
		const bands = dialog.locator('table.bands');
		await expect.poll(() => bands.getAttribute('data-bands'), { timeout: 60_000 }).toBe('3');
		const band = bands.locator('tbody tr').first();
		expect(Number(await band.getAttribute('data-max'))).toBeGreaterThanOrEqual(Number(await band.getAttribute('data-min')));
		expect(await bands.locator('caption').textContent()).toContain('25 settings, DBSCAN eps × minPts');
		expect(await bands.locator('circle').count()).toBeGreaterThan(3 * 10);
		await bands.scrollIntoViewIfNeeded();
		await screenshot(page, 'stability-compare-bands');
		await page.keyboard.press('Escape');
		expect(app.errors).toEqual([]);
	});

	it('exports inside_stability for every firm, empty for firms outside the run', async () => {
		const { page } = app;
		const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }) as Promise<Download>, page.getByRole('button', { name: 'Export firms' }).click()]);
		const text = readFileSync((await file.path())!, 'utf8').replace(/^\uFEFF/, '');
		const { data } = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy' });
		const values = data.map((row) => row.inside_stability);
		expect(values.every((v) => v !== undefined)).toBe(true);
		const scored = values.filter((v) => v !== '').map(Number);
		expect(scored.length).toBe(counts.inside + counts.outside + counts.uncertain);
		expect(scored.filter((v) => v >= 0.9).length).toBe(counts.inside);
		expect(scored.filter((v) => v <= 0.1).length).toBe(counts.outside);
	});

	it('speaks Japanese', async () => {
		const { page } = app;
		await page.getByLabel('日本語').check();
		const section = page.locator('section.stability');
		await expect.poll(() => section.locator('h4').textContent()).toBe('内外判定の安定性');
		expect(await section.locator('.result').textContent()).toContain(`安定して内側（設定の 90 % 以上）：${counts.inside.toLocaleString('ja')} 社`);
		expect(await page.locator('.legend-box').textContent()).toContain('内外判定の安定性による企業の色分け');
		await section.scrollIntoViewIfNeeded();
		await mapDrawn(page);
		await screenshot(page, 'stability-ja');
		await page.getByRole('button', { name: 'クラスター内外を比較' }).click();
		const bands = page.locator('table.bands');
		await expect.poll(() => bands.locator('caption').textContent(), { timeout: 60_000 }).toContain('感度の幅');
		await bands.scrollIntoViewIfNeeded();
		await screenshot(page, 'stability-compare-bands-ja');
		expect(app.errors).toEqual([]);
	});
});
