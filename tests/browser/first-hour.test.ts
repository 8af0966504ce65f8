import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReadyApp, screenshot, type OpenedApp } from './harness';

// A small firm list of a user, in Ota ward: after importing it the map must go there, and the
// popup, the layer switch and the attribution must speak of it in the UI language.
const FILE = 'ota-survey.csv';
const FIRMS = Array.from({ length: 12 }, (_, i) => ({ lon: 139.7 + (i % 4) * 0.006, lat: 35.55 + Math.floor(i / 4) * 0.005 }));
const CSV = ['id,name,lat,lon,jsic_medium,subcontractor,rd_communication', ...FIRMS.map((f, i) => `F${i + 1},大田工業${i + 1},${f.lat},${f.lon},24,${i % 2 ? 'no' : 'yes'},weekly`)].join('\n') + '\n';
const EXTENT = { w: 139.7, s: 35.55, e: 139.718, n: 35.56 };

/** Whether the view holds every firm of the file, and its zoom. */
const view = (page: Page) =>
	page.evaluate((box) => {
		const map = window.__clusterMap!;
		const b = map.getBounds();
		return { holds: b.getWest() <= box.w && b.getEast() >= box.e && b.getSouth() <= box.s && b.getNorth() >= box.n, zoom: map.getZoom() };
	}, EXTENT);
const still = (page: Page) => page.waitForFunction(() => !window.__clusterMap!.isMoving() && window.__clusterMap!.loaded());
const attribution = (page: Page) => page.locator('.maplibregl-ctrl-attrib').textContent();

/** Clicks the second firm of the file (clear of the panel) where the map draws it, and returns the popup. */
async function clickFirm(page: Page) {
	const [x, y] = await page.evaluate(({ lon, lat }) => {
		const p = window.__clusterMap!.project([lon, lat]);
		const r = window.__clusterMap!.getCanvas().getBoundingClientRect();
		return [r.left + p.x, r.top + p.y];
	}, FIRMS[1]);
	await page.mouse.click(x, y);
	const popup = page.locator('.maplibregl-popup');
	await popup.waitFor();
	return popup;
}

describe('the first hour with an imported file', () => {
	let app: OpenedApp;
	beforeAll(async () => {
		app = await openReadyApp('/');
	});
	afterAll(() => app?.close());

	it('fits the map to the imported firms, and "Zoom to data" brings them back by keyboard', async () => {
		const { page } = app;
		expect((await view(page)).zoom).toBeLessThan(7); // all Japan
		await expect(attribution(page)).resolves.toContain('1 % simplified');
		await page.locator('#import-file').setInputFiles({ name: FILE, mimeType: 'text/csv', buffer: Buffer.from(CSV) });
		const dialog = page.getByRole('dialog');
		await dialog.getByRole('button', { name: 'Import', exact: true }).click();
		await dialog.getByText('12 of 12 firms placed on the map.').waitFor();
		await dialog.getByRole('button', { name: 'Close' }).click();
		await expect.poll(async () => (await view(page)).holds && (await view(page)).zoom > 12, { timeout: 20_000 }).toBe(true);
		await still(page);
		await expect(page.locator('input[name="layer-firms"]').locator('xpath=..').textContent()).resolves.toContain(`Firms: ${FILE}`);
		await screenshot(page, 'zoom-to-data-after-import');

		// Away to all of Japan, then back with the keyboard alone.
		await page.evaluate(() => window.__clusterMap!.jumpTo({ center: [137, 37], zoom: 5 }));
		const button = page.getByRole('button', { name: 'Zoom to data' });
		await button.focus();
		await page.keyboard.press('Enter');
		await expect.poll(async () => (await view(page)).holds && (await view(page)).zoom > 12, { timeout: 20_000 }).toBe(true);
		await still(page);

		const popup = await clickFirm(page);
		await expect(popup.textContent()).resolves.toContain(`Imported: ${FILE}`);
		await expect(popup.textContent()).resolves.not.toContain('synthetic');
		await expect(popup.textContent()).resolves.toContain('weekly');
		await expect(popup.textContent()).resolves.toContain('大田工業2');
		await screenshot(page, 'firm-popup-imported');
		expect(app.errors).toEqual([]);
	});

	it('in Japanese: the attribution, the layer switch and the popup follow, data values in Japanese', async () => {
		const { page } = app;
		await page.keyboard.press('Escape');
		await page.getByText('日本語', { exact: true }).click();
		await expect.poll(() => attribution(page)).toContain('1% 簡略化');
		await expect(attribution(page)).resolves.not.toContain('1 % simplified');
		await expect(page.getByRole('button', { name: 'データ全体を表示' }).count()).resolves.toBe(1);
		await expect(page.locator('input[name="layer-firms"]').locator('xpath=..').textContent()).resolves.toContain(`企業：${FILE}`);
		const popup = await clickFirm(page);
		const text = await popup.textContent();
		expect(text).toContain(`読み込んだデータ：${FILE}`);
		expect(text).toContain('週単位');
		expect(text).toContain('いいえ'); // subcontractor: no
		expect(text).not.toContain('weekly');
		await screenshot(page, 'firm-popup-imported-ja');
		expect(app.errors).toEqual([]);
	});

	it('keeps 既定の規則 on one line beside the bandwidth', async () => {
		const { page } = app;
		await page.keyboard.press('Escape');
		await page.getByText('集積密度とクラスター検出').click();
		await page.getByLabel('カーネル密度（ヒートマップ）').check();
		const label = page.locator('[data-label="bandwidth-default"]');
		await label.scrollIntoViewIfNeeded();
		const { height, lineHeight } = await label.evaluate((el) => ({ height: el.getBoundingClientRect().height, lineHeight: parseFloat(getComputedStyle(el).fontSize) * 1.6 }));
		expect(height).toBeLessThanOrEqual(lineHeight);
		await screenshot(page, 'density-bandwidth-ja');
		await page.getByText('English', { exact: true }).click();
		await label.scrollIntoViewIfNeeded();
		await screenshot(page, 'density-bandwidth-en');
		expect(app.errors).toEqual([]);
	});
});
