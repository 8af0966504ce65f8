import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReadyApp, type OpenedApp } from './harness';
import { mapIdle, writeFigures } from './map-helpers';

// The bundled administrative geography: what the first view loads, the municipal boundaries that
// load as a district comes into view, a municipality's popup and zone, and the screenshots of the
// README (Ota, Higashi-Osaka, Hamamatsu at district zoom, English and Japanese).

/** Bytes the page has fetched so far, by kind (decoded bodies, as served by the local server). */
function loadedBytes(page: Page): Promise<{ name: string; bytes: number }[]> {
	return page.evaluate(() =>
		(performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => ({ name: e.name, bytes: e.decodedBodySize }))
	);
}
const isMunicipal = (name: string) => /\/\d\d\.topo[-.][^/]*json$/.test(name);
const sum = (entries: { bytes: number }[]) => entries.reduce((total, e) => total + e.bytes, 0);

/** Picks a district and waits until its polygon and its municipalities are drawn; times both from the pick. */
async function showDistrict(page: Page, id: string): Promise<{ districtMs: number; municipalitiesMs: number }> {
	await page.evaluate(() => ((window as unknown as { __t0: number }).__t0 = performance.now()));
	await page.selectOption('#district-picker', id);
	const districtMs = await (
		await page.waitForFunction(
			(district) => {
				const map = window.__clusterMap!;
				const drawn = !map.isMoving() && map.queryRenderedFeatures({ layers: ['district-line'] }).some((f) => f.properties.id === district);
				return drawn ? performance.now() - (window as unknown as { __t0: number }).__t0 : false;
			},
			id,
			{ polling: 'raf', timeout: 30_000 }
		)
	).jsonValue();
	const municipalitiesMs = await (
		await page.waitForFunction(
			() => {
				const drawn = window.__clusterMap!.queryRenderedFeatures({ layers: ['municipality-line'] }).length > 0;
				return drawn ? performance.now() - (window as unknown as { __t0: number }).__t0 : false;
			},
			undefined,
			{ polling: 'raf', timeout: 30_000 }
		)
	).jsonValue();
	await mapIdle(page);
	return { districtMs: districtMs as number, municipalitiesMs: municipalitiesMs as number };
}

const figures: Record<string, unknown> = {};

describe('bundled geography in the app (English)', () => {
	let app: OpenedApp;
	beforeAll(async () => {
		app = await openReadyApp('/');
	});
	afterAll(async () => {
		await app?.close();
		writeFigures('geography-figures', figures);
	});

	it('loads no municipal boundary at start, then only the prefectures in view at district zoom', async () => {
		const { page } = app;
		const start = await loadedBytes(page);
		expect(start.filter((e) => isMunicipal(e.name))).toEqual([]);
		const geodata = start.filter((e) => /\.json$/.test(e.name));
		figures.startBytes = { all: sum(start), files: start.length, geodata: Object.fromEntries(geodata.map((e) => [e.name.split('/').pop(), e.bytes])) };
		const timing = await showDistrict(page, 'ota');
		const after = (await loadedBytes(page)).slice(start.length).filter((e) => isMunicipal(e.name));
		// Ota: Tokyo's file, and those of the neighbours whose bounding box the view touches (Kanagawa…).
		expect(after.length).toBeGreaterThan(0);
		expect(after.length).toBeLessThan(6);
		figures.ota = { ...timing, municipalFiles: after.map((e) => e.name.split('/').pop()), municipalBytes: sum(after) };
		expect(timing.districtMs).toBeLessThan(15_000);
		const codes = await page.evaluate(() => window.__clusterMap!.queryRenderedFeatures({ layers: ['municipality-fill'] }).map((f) => f.properties.code as string));
		expect(codes).toContain('13111');
		expect(codes).toContain('14131'); // Kawasaki-ku across the Tama river, a neighbouring prefecture's file
		expect(app.errors).toEqual([]);
		expect(app.blocked).toEqual([]);
	});

	it('draws Ota, Higashi-Osaka and Hamamatsu on their real polygons (screenshots for the README)', async () => {
		const { page } = app;
		// Ota is in view already: the others first, Ota last (the next test clicks in it).
		for (const id of ['higashiosaka', 'hamamatsu', 'ota']) {
			const before = (await loadedBytes(page)).length;
			const timing = await showDistrict(page, id);
			const fetched = (await loadedBytes(page)).slice(before).filter((e) => isMunicipal(e.name));
			figures[id] = { ...(figures[id] as object), ...timing, [`municipalBytesFromPrevious`]: sum(fetched), municipalFilesFromPrevious: fetched.map((e) => e.name.split('/').pop()) };
			await page.evaluate(() => document.getElementById('control-panel')!.scrollTo(0, 0));
			await page.screenshot({ path: `docs/screenshot-${id === 'higashiosaka' ? 'higashi-osaka' : id}.png` });
		}
		expect(app.errors).toEqual([]);
	});
	it('shows a clicked municipality with its code and firms, and adds it as a zone stating the boundaries’ date', async () => {
		const { page } = app;
		// Firms and institutions lie on top of the municipality; hide them so the click reaches it.
		await page.locator('input[name="layer-firms"]').uncheck();
		await page.locator('input[name="layer-institutions"]').uncheck();
		await mapIdle(page);
		const point = await page.evaluate(() => window.__clusterMap!.project([139.716, 35.561]));
		await page.mouse.click(point.x, point.y);
		const popup = page.locator('.details[data-kind="municipality"]');
		await popup.waitFor();
		await expect(popup.locator('.title').textContent()).resolves.toBe('大田区');
		const text = (await popup.textContent()) ?? '';
		expect(text).toContain('13111 (131113)');
		expect(text).toContain('東京都');
		expect(text).toContain('2021-01-01');
		await expect.poll(async () => Number((await popup.locator('dd').nth(2).textContent())?.replace(/,/g, ''))).toBeGreaterThan(1000);
		await popup.getByRole('button', { name: 'Add as zone' }).click();
		const row = page.locator('[data-zone-id="municipality-13111"]');
		await expect.poll(() => row.locator('.count').getAttribute('data-count'), { timeout: 20_000 }).toMatch(/^[1-9]\d+$/);
		await expect(page.locator('[data-bundled-boundary-note]').textContent()).resolves.toContain('2021-01-01');
		await page.locator('input[name="layer-firms"]').check();
		await page.locator('input[name="layer-institutions"]').check();
		expect(app.errors).toEqual([]);
	});

});

describe('bundled geography in the app (Japanese)', () => {
	let app: OpenedApp;
	beforeAll(async () => {
		app = await openReadyApp('/', { locale: 'ja-JP' });
	});
	afterAll(() => app?.close());

	it('names the municipalities in Japanese and draws the same districts', async () => {
		const { page } = app;
		await expect(page.locator('h1').textContent()).resolves.toBe('産業集積マップ');
		for (const id of ['ota', 'higashiosaka', 'hamamatsu']) {
			await showDistrict(page, id);
			await page.evaluate(() => document.getElementById('control-panel')!.scrollTo(0, 0));
			const names = await page.evaluate(() => window.__clusterMap!.queryRenderedFeatures({ layers: ['municipality-names'] }).map((f) => f.properties.name as string));
			expect(names.length).toBeGreaterThan(0);
			await page.screenshot({ path: `docs/screenshot-${id === 'higashiosaka' ? 'higashi-osaka' : id}-ja.png` });
		}
		expect(app.errors).toEqual([]);
	});
});
