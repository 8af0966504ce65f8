import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReadyApp, screenshot, type OpenedApp } from './harness';
import { mapIdle, writeFigures } from './map-helpers';

// Town (町丁目 / 大字) names at street zoom, offline: only the town files of the prefectures in view
// are loaded, the names are drawn under the firms, and the town data is credited while they show.

/** Town files fetched so far (geodata/towns/PP.json, served as assets/PP.<hash>.json), with their sizes. */
function townFiles(page: Page): Promise<{ code: string; bytes: number }[]> {
	return page.evaluate(() =>
		(performance.getEntriesByType('resource') as PerformanceResourceTiming[])
			.map((e) => ({ match: /\/assets\/(\d\d)\.[\w-]+\.json$/.exec(e.name), bytes: e.decodedBodySize }))
			.filter((e) => e.match)
			.map((e) => ({ code: e.match![1], bytes: e.bytes }))
	);
}

/** Jumps to Ota at zoom 14 and waits until town names are drawn; returns them. */
async function showOta(page: Page): Promise<string[]> {
	await page.evaluate(() => window.__clusterMap!.jumpTo({ center: [139.7, 35.57], zoom: 14 }));
	await page.waitForFunction(() => window.__clusterMap!.queryRenderedFeatures({ layers: ['town-names'] }).length > 0, undefined, { polling: 'raf', timeout: 30_000 });
	await mapIdle(page);
	return page.evaluate(() => window.__clusterMap!.queryRenderedFeatures({ layers: ['town-names'] }).map((f) => f.properties.name as string));
}

const attribution = (page: Page) => page.locator('.maplibregl-ctrl-attrib').textContent();
const figures: Record<string, unknown> = {};

describe('town names at street zoom (English)', () => {
	let app: OpenedApp;
	beforeAll(async () => {
		app = await openReadyApp('/');
	});
	afterAll(async () => {
		await app?.close();
		writeFigures('town-labels-figures', figures);
	});

	it('loads no town file at start, and at Ota only those of Tokyo and Kanagawa', async () => {
		const { page } = app;
		expect(await townFiles(page)).toEqual([]);
		await expect(attribution(page)).resolves.not.toContain('Geolonia');
		const names = await showOta(page);
		expect(names).toContain('池上一丁目');
		const files = await townFiles(page);
		figures.ota = { files, bytes: files.reduce((total, f) => total + f.bytes, 0), namesDrawn: names.length };
		expect(files.map((f) => f.code).sort()).toEqual(['13', '14']);
		await expect.poll(() => attribution(page)).toContain('Geolonia');
		expect(app.errors).toEqual([]);
		expect(app.blocked).toEqual([]);
	});

	it('draws the names under the firms, and credits the town data only while they show', async () => {
		const { page } = app;
		const order = await page.evaluate(() => window.__clusterMap!.getStyle().layers.map((l) => l.id));
		expect(order.indexOf('town-names')).toBeGreaterThan(-1);
		expect(order.indexOf('town-names')).toBeLessThan(order.indexOf('firms'));
		await screenshot(page, 'town-labels');
		// Zoomed out to the ward, no names and no credit.
		await page.evaluate(() => window.__clusterMap!.jumpTo({ zoom: 11 }));
		await mapIdle(page);
		expect(await page.evaluate(() => window.__clusterMap!.queryRenderedFeatures({ layers: ['town-names'] }).length)).toBe(0);
		await expect.poll(() => attribution(page)).not.toContain('Geolonia');
		// Back in, then switched off in the layer list.
		await showOta(page);
		await page.locator('input[name="layer-towns"]').uncheck();
		await mapIdle(page);
		expect(await page.evaluate(() => window.__clusterMap!.queryRenderedFeatures({ layers: ['town-names'] }).length)).toBe(0);
		await expect.poll(() => attribution(page)).not.toContain('Geolonia');
		await page.locator('input[name="layer-towns"]').check();
		expect(app.errors).toEqual([]);
	});
});

describe('town names at street zoom (Japanese)', () => {
	let app: OpenedApp;
	beforeAll(async () => {
		app = await openReadyApp('/', { locale: 'ja-JP' });
	});
	afterAll(() => app?.close());

	it('draws the same Japanese names, credited in Japanese', async () => {
		const { page } = app;
		expect(await showOta(page)).toContain('池上一丁目');
		await expect.poll(() => attribution(page)).toContain('町丁目名：「Geolonia 住所データ」');
		await page.evaluate(() => document.getElementById('control-panel')!.scrollTo(0, 0));
		await screenshot(page, 'town-labels-ja');
		expect(app.errors).toEqual([]);
	});
});
