import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReadyApp, screenshot, type OpenedApp } from './harness';
import { sourceFeatureCount } from './map-helpers';

// Municipal boundaries by local government code: from the bundled boundaries offline, or online at full
// resolution — the niiyz/JapanCityGeoJson URL answered from a local fixture (Ota), a 404 for a code
// without a file, and cut off for everything else.

const N03 = 'https://raw.githubusercontent.com/niiyz/JapanCityGeoJson/master/geojson';
const OTA = `${N03}/13/13111.json`;
const ATTRIBUTION = '「国土数値情報（行政区域データ）」（国土交通省）を加工して作成';

async function loadCode(page: Page, code: string, as: 'reference layer' | 'zone', online = true): Promise<void> {
	const form = page.locator('form.by-code');
	await form.getByLabel('Local government code').fill(code);
	await form.getByLabel('Add as').selectOption({ label: as });
	await form.getByLabel('Full resolution (online N03 file)', { exact: false }).setChecked(online);
	await form.getByRole('button', { name: 'Load' }).click();
}

const message = (page: Page) => page.locator('form.by-code [data-boundary-message]');

let app: OpenedApp;

beforeAll(async () => {
	app = await openReadyApp('/#10/35.56/139.72', {
		online: { [OTA]: readFileSync('tests/fixtures/boundaries/13111.json'), [`${N03}/13/13999.json`]: { status: 404, body: '404: Not Found' } }
	});
});

afterAll(async () => {
	await app?.close();
});

describe('municipal boundary by code', () => {
	it('explains a wrong check digit and a code that is not a municipality’s, without going online', async () => {
		const { page } = app;
		await loadCode(page, '131112', 'reference layer');
		await expect(message(page).textContent()).resolves.toBe('The last digit of 131112 is wrong: for 13111 it must be 3 (131113). Check the code, or type its first 5 digits only.');
		await loadCode(page, '13000', 'reference layer');
		await expect(message(page).textContent()).resolves.toContain('is the code of a prefecture');
		await loadCode(page, '1311', 'reference layer');
		await expect(message(page).textContent()).resolves.toContain('type 5 digits (13111) or 6 with the check digit (131113)');
		expect(app.blocked.filter((url) => url.includes('JapanCityGeoJson'))).toEqual([]);
	});

	it('loads a code as a reference layer: the outline on the map, with the N03 attribution', async () => {
		const { page } = app;
		await loadCode(page, '131113', 'reference layer');
		await expect.poll(() => message(page).textContent()).toBe('大田区 (13111) added.');
		await expect.poll(() => sourceFeatureCount(page, 'references')).toBe(1);
		await expect(page.locator('[data-reference-id]').textContent()).resolves.toContain('大田区 (13111)');
		await expect.poll(() => page.evaluate(() => window.__clusterMap!.queryRenderedFeatures({ layers: ['reference-line'] }).length)).toBeGreaterThan(0);
		await expect(page.locator('[data-code-attribution]').textContent()).resolves.toContain(ATTRIBUTION);
		await expect.poll(() => page.locator('.maplibregl-ctrl-attrib').textContent()).toContain(ATTRIBUTION);
		await screenshot(page, 'boundary-by-code');
	});

	it('says plainly when the source has no file for a code, or cannot be reached', async () => {
		const { page } = app;
		await loadCode(page, '13999', 'reference layer');
		await expect.poll(() => message(page).textContent()).toContain('No boundary file for code 13999.');
		await loadCode(page, '27227', 'zone');
		await expect.poll(() => message(page).textContent()).toBe(
			'The boundary of 27227 could not be downloaded (offline, or the source did not answer). Everything else works without it; try again when online.'
		);
		expect(app.blocked).toContain(`${N03}/27/27227.json`);
		await expect(page.locator('[data-zone-id]').count()).resolves.toBe(0);
		expect(await sourceFeatureCount(page, 'references')).toBe(1);
	});

	it('loads a cached code with the network cut off, here as a zone that firms are classified by', async () => {
		const { page } = app;
		await page.route(OTA, (route) => route.abort('internetdisconnected'));
		const requested: string[] = [];
		page.on('request', (request) => requested.push(request.url()));
		await page.getByRole('button', { name: 'Remove the reference layer 大田区' }).click();
		await expect.poll(() => sourceFeatureCount(page, 'references')).toBe(0);
		await loadCode(page, '13111', 'zone');
		await expect.poll(() => message(page).textContent()).toBe('大田区 (13111) added.');
		await expect(page.locator('[data-zone-id] input').first().inputValue()).resolves.toBe('大田区');
		await expect.poll(() => page.locator('[data-zone-id] .count').first().getAttribute('data-count')).toMatch(/^[1-9]\d*$/);
		expect(requested.filter((url) => url === OTA)).toEqual([]);
		// A zone made of N03 data carries the attribution too.
		await expect.poll(() => page.locator('.maplibregl-ctrl-attrib').textContent()).toContain(ATTRIBUTION);
		await expect(page.locator('[data-code-attribution]').count()).resolves.toBe(1);
		expect(app.errors.filter((e) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
	});

	it('adds any code from the bundled boundaries offline, a designated city as its wards, and names an unknown code’s date', async () => {
		const { page } = app;
		const blocked = app.blocked.length;
		await loadCode(page, '221309', 'reference layer', false);
		await expect.poll(() => message(page).textContent()).toBe('浜松市 (22130) added.');
		await expect(page.locator('[data-reference-id]').last().textContent()).resolves.toContain('浜松市 (22130)');
		await loadCode(page, '22138', 'reference layer', false);
		await expect.poll(() => message(page).textContent()).toContain('No municipality 22138 in the bundled boundaries of 2021-01-01');
		await loadCode(page, '27227', 'zone', false);
		await expect.poll(() => message(page).textContent()).toBe('東大阪市 (27227) added.');
		await expect(page.locator('[data-zone-id]').last().locator('input').inputValue()).resolves.toBe('東大阪市');
		await expect.poll(() => page.locator('[data-bundled-boundary-note]').count()).toBe(1);
		expect(app.blocked.length).toBe(blocked);
	});

	it('words the messages in Japanese', async () => {
		const { page } = app;
		await page.getByLabel('日本語').check();
		const form = page.locator('form.by-code');
		await form.getByLabel('全国地方公共団体コード').fill('27227');
		await form.getByLabel('完全な解像度', { exact: false }).check();
		await form.getByRole('button', { name: '読み込む' }).click();
		await expect.poll(() => message(page).textContent()).toContain('27227 の境界をダウンロードできませんでした');
		await page.getByLabel('English').check();
	});
});
