import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReadyApp, screenshot, type OpenedApp } from './harness';
import { layerOrder, mapDrawn, sourceFeatures } from './map-helpers';

/** Hot-spot cells MapLibre has drawn in view (rendered features of the fill layer). */
const renderedCells = (page: Page) => page.evaluate(() => window.__clusterMap!.queryRenderedFeatures(undefined, { layers: ['hotspots-fill'] }).length);
const fillColour = (page: Page) => page.evaluate(() => JSON.stringify(window.__clusterMap!.getPaintProperty('hotspots-fill', 'fill-color')));

describe('hot spots in the density panel', () => {
	let app: OpenedApp;

	beforeAll(async () => {
		// Higashi-Osaka at zoom 13: the densest district of the sample.
		app = await openReadyApp('/#13/34.668/135.60');
		await app.page.getByText('Density and cluster detection').click();
	});
	afterAll(() => app?.close());

	it('runs Gi* and local Moran on the half mesh in view and maps the hot spots under the firms', async () => {
		const { page } = app;
		const section = page.locator('.hotspots');
		await section.locator('#hotspots-permutations').fill('999');
		await section.getByRole('button', { name: 'Find hot spots' }).click();
		await expect.poll(() => section.locator('.result').getAttribute('data-cells'), { timeout: 60_000 }).not.toBeNull();
		const cells = Number(await section.locator('.result').getAttribute('data-cells'));
		expect(cells).toBeGreaterThan(10);
		const source = await sourceFeatures(page, 'hotspots');
		expect(source.count).toBe(cells);
		expect(String(source.first?.code)).toMatch(/^\d{9}$/);
		expect(Number(await section.locator('.result').getAttribute('data-significant'))).toBeGreaterThan(0);
		const order = await layerOrder(page);
		expect(order.indexOf('hotspots-fill')).toBeLessThan(order.indexOf('firms'));
		expect(await section.locator('.legend li').count()).toBe(6);
		await mapDrawn(page);
		await expect.poll(() => renderedCells(page)).toBeGreaterThan(0);
		await screenshot(page, 'hotspots-gi-higashiosaka');
		expect(app.errors).toEqual([]);
	});

	it('restyles for LISA clusters and another adjustment without a new run, and names the choice in the legend', async () => {
		const { page } = app;
		const section = page.locator('.hotspots');
		const before = await fillColour(page);
		await section.locator('#hotspots-show').selectOption('lisa');
		await section.locator('#hotspots-adjust').selectOption('bonferroni');
		await expect.poll(() => fillColour(page)).not.toBe(before);
		expect(await fillColour(page)).toContain('moranBonferroni');
		expect(await section.locator('.legend li').count()).toBe(4);
		expect(await section.locator('.note').textContent()).toContain('Bonferroni');
	});

	it('downloads the cells keyed by mesh code with the command’s columns', async () => {
		const { page } = app;
		const section = page.locator('.hotspots');
		const [file] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: 'Download CSV' }).click()]);
		expect(file.suggestedFilename()).toBe('hotspots-half-bonferroni.csv');
		const lines = readFileSync((await file.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
		expect(lines[0]).toBe('cell_id,firms,gi_star_z,gi_star_p_perm,gi_star_q,local_moran_i,local_moran_z,local_moran_p_perm,local_moran_q,lisa_class');
		expect(lines.length - 1).toBe(Number(await section.locator('.result').getAttribute('data-cells')));
		expect(app.errors).toEqual([]);
	});
});
