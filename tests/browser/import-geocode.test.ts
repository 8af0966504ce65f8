import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReadyApp, screenshot, type OpenedApp } from './harness';

// A firm list with addresses and no coordinates (the example that ships in docs/examples:
// Shift_JIS, 会社名/住所/業種, a few bad rows), located by address in the browser with the
// network cut off: the town data comes with the app, nothing leaves the machine.

const EXAMPLE = readFileSync(join(import.meta.dirname, '../../docs/examples/firms-addresses-sjis.csv'));

describe.each([
	['en-US', 'Import', 'Locate by address (offline)', /of 16 firms placed on the map/, 'import-geocode'],
	['ja-JP', '読み込む', '住所から位置を求める（オフライン）', /16 社のうち/, 'import-geocode-ja']
])('locating firms by address (%s)', (locale, importLabel, locateTitle, done, shot) => {
	let app: OpenedApp;
	beforeAll(async () => {
		app = await openReadyApp('/', { locale });
		if (locale === 'ja-JP') {
			await app.page.getByText('日本語', { exact: true }).click();
		}
	});
	afterAll(() => app?.close());

	it('offers to locate by address, places the firms at their towns offline, and lists the rest', async () => {
		const { page } = app;
		await page.locator('#import-file').setInputFiles({ name: 'firms-addresses-sjis.csv', mimeType: 'text/csv', buffer: EXAMPLE });
		const dialog = page.getByRole('dialog');
		await dialog.getByText(locateTitle).waitFor();
		expect(await dialog.locator('[data-locate]').isChecked()).toBe(true);
		expect(await dialog.locator('[data-locate-level]').inputValue()).toBe('town');
		await screenshot(page, `${shot}-dialog`);
		await dialog.getByRole('button', { name: importLabel, exact: true }).click();
		const levels = dialog.locator('[data-levels]');
		await levels.waitFor();
		const summary = await dialog.getByRole('status').first().textContent();
		expect(summary).toMatch(done);
		const placed = Number(/(\d+) of 16|うち (\d+) 社/.exec(summary ?? '')!.slice(1).find(Boolean));
		expect(placed).toBeGreaterThanOrEqual(10);
		// The rows not placed are listed by line with the matcher's reason.
		expect(await dialog.locator('li').count()).toBe(16 - placed);
		await expect(dialog.locator('li', { hasText: '池上9丁目' }).count()).resolves.toBe(1);
		await screenshot(page, `${shot}-done`);
		await dialog.getByRole('button', { name: locale === 'ja-JP' ? '閉じる' : 'Close' }).click();

		// On the map at their towns, with the town data's credit.
		await page.evaluate(() => window.__clusterMap!.jumpTo({ center: [139.707, 35.578], zoom: 14 }));
		await page.waitForFunction(() => window.__clusterMap!.loaded() && window.__clusterMap!.queryRenderedFeatures({ layers: ['firms'] }).length > 0);
		await expect(page.locator('.maplibregl-ctrl-attrib').textContent()).resolves.toContain('Geolonia');
		expect(app.blocked).toEqual([]);
		expect(app.errors).toEqual([]);
	});
});

describe('firms found only to their municipality', () => {
	let app: OpenedApp;
	beforeAll(async () => {
		app = await openReadyApp('/');
	});
	afterAll(() => app?.close());

	it('are placed at its point when that level is chosen, drawn as rings and keyed in the legend', async () => {
		const { page } = app;
		await page.locator('#import-file').setInputFiles({ name: 'firms-addresses-sjis.csv', mimeType: 'text/csv', buffer: EXAMPLE });
		const dialog = page.getByRole('dialog');
		await dialog.locator('[data-locate-level]').waitFor();
		await dialog.locator('[data-locate-level]').selectOption('municipality');
		await dialog.getByRole('button', { name: 'Import', exact: true }).click();
		await dialog.locator('[data-levels]').waitFor();
		await expect(dialog.getByRole('status').first().textContent()).resolves.toMatch(/12 of 16 firms placed/);
		await dialog.getByRole('button', { name: 'Close' }).click();
		await expect(page.locator('[data-legend-area-placed]').textContent()).resolves.toMatch(/only to the municipality.*: 1$/);
		// 大田区 as a whole: its representative point, in the tiles as `a`.
		await page.evaluate(() => window.__clusterMap!.jumpTo({ center: [139.72, 35.57], zoom: 11 }));
		await page.waitForFunction(() => {
			const map = window.__clusterMap!;
			return map.loaded() && map.querySourceFeatures('firms', { sourceLayer: 'firms' }).some((f) => f.properties.a === 'area');
		});
		const marked = await page.evaluate(() => window.__clusterMap!.querySourceFeatures('firms', { sourceLayer: 'firms' }).filter((f) => f.properties.a === 'area').map((f) => f.id));
		expect(new Set(marked).size).toBe(1);
		await screenshot(page, 'import-geocode-municipality');
		expect(app.errors).toEqual([]);
	});
});
