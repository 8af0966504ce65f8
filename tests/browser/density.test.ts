import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReadyApp, screenshot, type OpenedApp } from './harness';
import { layerOrder, mapDrawn, sourceFeatures } from './map-helpers';


const hasLayer = (page: Page, id: string) => page.evaluate((layerId) => window.__clusterMap!.getLayer(layerId) !== undefined, id);

describe('density measures, cluster detection and the localisation test', () => {
	let app: OpenedApp;

	beforeAll(async () => {
		// Higashi-Osaka at zoom 13: the densest district of the sample.
		app = await openReadyApp('/#13/34.668/135.60');
		await app.page.getByText('Density and cluster detection').click();
	});
	afterAll(() => app?.close());

	it('draws the kernel density as an image with contour lines under the firms', async () => {
		const { page } = app;
		await page.getByLabel('Kernel density (heat map)').check();
		await expect.poll(() => hasLayer(page, 'density-kde'), { timeout: 20_000 }).toBe(true);
		const contours = await sourceFeatures(page, 'density-contours');
		expect(contours.count).toBeGreaterThan(0);
		expect(Number(contours.first?.level)).toBeGreaterThan(0);
		// The default bandwidth rule gave a positive radius, and the legend says so.
		const bandwidth = Number(await page.locator('[data-bandwidth]').getAttribute('data-bandwidth'));
		expect(bandwidth).toBeGreaterThan(0);
		await expect.poll(() => page.locator('[data-bandwidth]').textContent()).toContain('default rule');
		// The map legend reads the colours: firms per km² from 0 to the peak, and the contour levels.
		const key = page.locator('.legend-box .density-key');
		await expect.poll(() => key.getAttribute('data-measure')).toBe('kde');
		await expect.poll(() => key.textContent()).toContain('Firms per km² (kernel density)');
		expect(Number(await key.locator('[data-max]').getAttribute('data-max'))).toBeGreaterThan(0);
		expect(await key.textContent()).toContain('Contour lines at');
		const order = await layerOrder(page);
		expect(order.indexOf('density-kde')).toBeLessThan(order.indexOf('firms'));
		expect(order.indexOf('density-contours')).toBeLessThan(order.indexOf('firms'));
		await mapDrawn(page);
		await screenshot(page, 'density-kde-higashiosaka');
	});

	it('counts firms per third-order mesh cell with their mesh codes', async () => {
		const { page } = app;
		await page.getByLabel('Standard regional mesh (JIS X 0410)').check();
		await expect.poll(async () => (await sourceFeatures(page, 'density-cells')).count, { timeout: 20_000 }).toBeGreaterThan(10);
		const cells = await sourceFeatures(page, 'density-cells');
		expect(String(cells.first?.code)).toMatch(/^\d{8}$/);
		expect(Number(cells.first?.density)).toBeCloseTo(Number(cells.first?.count) / Number(cells.first?.areaKm2), 6);
		// The KDE layer went away with its measure.
		expect(await hasLayer(page, 'density-kde')).toBe(false);
		// The map legend's key gives the classes of firms per km² for this mesh order.
		const key = page.locator('.legend-box .density-key');
		await expect.poll(() => key.locator('li').count()).toBeGreaterThan(1);
		expect(await key.textContent()).toContain('Firms per km², standard mesh, 3rd order');
		// The counts download with their mesh codes, one row per cell on the map.
		const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
		expect(file.suggestedFilename()).toBe('mesh-third.csv');
		const lines = readFileSync((await file.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
		expect(lines[0]).toBe('mesh_code,firms,area_km2,firms_per_km2');
		expect(lines.length - 1).toBe((await sourceFeatures(page, 'density-cells')).count);
		await mapDrawn(page);
		await screenshot(page, 'density-mesh-higashiosaka');
	});

	it('counts firms per hexagon', async () => {
		const { page } = app;
		await page.getByLabel('Hexagons').check();
		await expect.poll(async () => String((await sourceFeatures(page, 'density-cells')).first?.code), { timeout: 20_000 }).toMatch(/^-?\d+,-?\d+$/);
	});

	it('shows location quotients per prefecture', async () => {
		const { page } = app;
		await page.getByLabel('Location quotient').check();
		await expect.poll(async () => (await sourceFeatures(page, 'density-lq')).count, { timeout: 20_000 }).toBe(47);
		const key = page.locator('.legend-box .density-key');
		await expect.poll(() => key.textContent()).toContain('Location quotient of');
		expect(await key.textContent()).toContain('specialised');
		expect(await key.locator('li').count()).toBe(6);
		await expect.poll(() => page.locator('.density .top li').count()).toBeGreaterThan(0);
	});

	it('aggregates by the municipalities loaded for the view: a choropleth and a CSV keyed by municipal code', async () => {
		const { page } = app;
		await page.locator('#density-lq-regions').selectOption('municipality');
		// Higashi-Osaka's view loaded Osaka and its neighbours: every municipality of Osaka is a region.
		const osaka = (JSON.parse(readFileSync('geodata/municipalities/index.json', 'utf8')) as { prefectures: Record<string, number> }).prefectures['27'];
		await expect.poll(async () => String((await sourceFeatures(page, 'density-lq')).first?.id), { timeout: 30_000 }).toMatch(/^\d{5}$/);
		expect((await sourceFeatures(page, 'density-lq')).count).toBeGreaterThanOrEqual(osaka);
		await expect.poll(() => page.locator('.density .top li').first().getAttribute('data-region')).toMatch(/^\d{5}$/);
		await expect(page.locator('[data-lq-municipalities]').textContent()).resolves.toContain('2021-01-01');
		await expect.poll(() => page.locator('.legend-box .density-key').textContent()).toContain('Municipalities (loaded)');
		const [file] = await Promise.all([page.waitForEvent('download'), page.locator('.density button.csv').click()]);
		const lines = readFileSync((await file.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
		expect(lines[0]).toBe('region_id,name,industry,industry_firms,all_firms,area_km2,firms_per_km2,lq');
		const higashiosaka = lines.find((l) => l.startsWith('27227,'))!.split(',');
		expect(higashiosaka[1]).toBe('東大阪市');
		expect(Number(higashiosaka[5])).toBeGreaterThan(50); // ≈ 62 km²
		expect(Number(higashiosaka[6])).toBeCloseTo(Number(higashiosaka[4]) / Number(higashiosaka[5]), 2);
		await page.locator('#density-lq-regions').selectOption('prefecture');
	});

	it('detects DBSCAN clusters at Higashi-Osaka and adds them as zones that classify firms', async () => {
		const { page } = app;
		await page.getByLabel('None', { exact: true }).check();
		await page.locator('.detect').getByLabel('Detect clusters').check();
		const result = page.locator('.detect .result');
		await expect.poll(async () => Number(await result.getAttribute('data-zones')), { timeout: 30_000 }).toBeGreaterThan(0);
		const zonesFound = Number(await result.getAttribute('data-zones'));
		expect(Number(await result.getAttribute('data-inside'))).toBeGreaterThan(0);
		expect((await sourceFeatures(page, 'density-detected')).count).toBe(zonesFound);
		// The map legend names the preview and its parameters.
		const key = page.locator('.legend-box .density-key');
		await expect.poll(() => key.locator('[data-detected]').getAttribute('data-detected')).toBe(String(zonesFound));
		expect(await key.textContent()).toContain('DBSCAN: eps 150 m');

		// Moving the eps slider by keyboard re-runs the detection.
		await page.locator('#detect-eps').focus();
		for (let k = 0; k < 10; k++) await page.keyboard.press('ArrowRight');
		await expect.poll(() => page.locator('#detect-eps').inputValue()).toBe('250');
		// Past the debounce, the newest detection has come back (no "Computing…" left).
		await page.waitForTimeout(600);
		await expect.poll(() => page.locator('.detect .result .help').count(), { timeout: 30_000 }).toBe(0);
		expect(Number(await result.getAttribute('data-inside'))).toBeGreaterThan(0);

		// The clusters are listed by firm count; the three largest become zones, not all of them.
		const pick = page.locator('.detect [data-detected-pick]');
		const firms = await pick.locator('tbody tr td:first-of-type').allTextContents();
		expect(firms.length).toBe(Number(await result.getAttribute('data-zones')));
		const counts = firms.map((c) => Number(c.replace(/,/g, '')));
		expect(counts.every((v, k) => k === 0 || v <= counts[k - 1])).toBe(true);
		await pick.getByRole('spinbutton', { name: 'Largest' }).fill('3');
		await pick.getByRole('button', { name: 'Add the 3 largest' }).click();
		await expect.poll(() => page.locator('.detect .added').count()).toBe(1);
		expect(Number(await page.locator('.detect .added').getAttribute('data-added'))).toBe(3);
		await expect.poll(() => page.locator('[data-zone-id]').count()).toBe(3);
		const largest = await pick.locator('tbody tr').first().getAttribute('data-cluster');
		await expect(page.locator('[data-zone-id] input[type="text"]').first().inputValue()).resolves.toBe(`DBSCAN cluster ${largest} (eps 250 m)`);
		// Two ticked clusters merge into one zone named after both.
		const rows = pick.locator('tbody tr');
		const [a, b] = [await rows.nth(3).getAttribute('data-cluster'), await rows.nth(4).getAttribute('data-cluster')];
		await rows.nth(3).getByRole('checkbox').check();
		await rows.nth(4).getByRole('checkbox').check();
		await pick.getByRole('button', { name: 'Merge ticked into one zone' }).click();
		await expect.poll(() => page.locator('[data-zone-id]').count()).toBe(4);
		await expect(page.locator('[data-zone-id] input[type="text"]').last().inputValue()).resolves.toBe(`DBSCAN clusters ${a}, ${b} (eps 250 m)`);
		await pick.getByText('Why counts differ from minPts, and overlaps').click();
		await expect(pick.textContent()).resolves.toContain('fewer than minPts');
		await expect.poll(async () => Number(await page.locator('.summary .inside').getAttribute('data-count')), { timeout: 30_000 }).toBeGreaterThan(0);
		await mapDrawn(page);
		await pick.scrollIntoViewIfNeeded();
		await screenshot(page, 'density-dbscan-added');
	});

	it('charts the sensitivity of the inside share to eps', async () => {
		const { page } = app;
		await page.getByText('Show how the inside share changes').click();
		await expect.poll(() => page.locator('.detect .plot svg').count(), { timeout: 60_000 }).toBeGreaterThan(0);
		expect(Number(await page.locator('.detect .plot').getAttribute('data-points'))).toBe(12);
	});

	it('ranks the DBSCAN clusters by their stability across eps (HDBSCAN-like)', async () => {
		const { page } = app;
		await page.getByLabel('Score stability across eps (HDBSCAN-like)').check();
		const table = page.locator('.detect table.stability');
		await expect.poll(() => table.count(), { timeout: 60_000 }).toBe(1);
		const scores = await table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-stability'))));
		expect(scores.length).toBeGreaterThan(0);
		expect(scores.every((v, k) => v > 0 && (k === 0 || v <= scores[k - 1]))).toBe(true);
		expect(Number(await table.getAttribute('data-clusters'))).toBe(Number(await page.locator('.detect .result').getAttribute('data-zones')));
		await table.scrollIntoViewIfNeeded();
		await screenshot(page, 'density-dbscan-stability');
	});

	it('previews the zones where the kernel density is above a percentile', async () => {
		const { page } = app;
		await page.locator('#detect-method').selectOption('kde-threshold');
		const result = page.locator('.detect .result');
		await expect.poll(() => result.textContent(), { timeout: 30_000 }).toContain('Threshold');
		expect(Number(await result.getAttribute('data-zones'))).toBeGreaterThan(0);
		expect((await sourceFeatures(page, 'density-detected')).count).toBe(Number(await result.getAttribute('data-zones')));
	});

	it('runs the Duranton–Overman test with 99 draws and charts it', async () => {
		const { page } = app;
		await page.locator('.detect').getByLabel('Detect clusters').uncheck();
		await page.locator('#do-industry').selectOption('39');
		await page.locator('#do-draws').fill('99');
		await page.getByRole('button', { name: 'Run the test' }).click();
		await expect.poll(() => page.locator('.do .result').getAttribute('data-draws'), { timeout: 60_000 }).toBe('99');
		await expect.poll(() => page.locator('.do .plot svg').count()).toBe(1);
		await page.locator('.do').scrollIntoViewIfNeeded();
		await mapDrawn(page);
		await screenshot(page, 'density-duranton-overman');
		expect(app.errors).toEqual([]);
	});

	it('gives Ripley’s L as the simpler option', async () => {
		const { page } = app;
		await page.locator('#do-statistic').selectOption('ripley');
		await page.getByRole('button', { name: 'Run the test' }).click();
		await expect.poll(() => page.locator('.do .result').getAttribute('data-statistic'), { timeout: 60_000 }).toBe('ripley');
		await expect.poll(() => page.locator('.do .plot svg').count()).toBe(1);
	});

	it('speaks Japanese', async () => {
		const { page } = app;
		await page.getByLabel('日本語').check();
		await expect.poll(() => page.locator('.density > summary').textContent()).toBe('集積密度とクラスター検出');
		await page.locator('input[name="density-measure"][value="kde"]').check();
		await expect.poll(() => page.locator('.legend-box .density-key h3').textContent(), { timeout: 20_000 }).toBe('集積密度');
		expect(await page.locator('.legend-box .density-key').textContent()).toContain('1 km² あたりの企業数（カーネル密度）');
		await expect.poll(() => page.locator('.do .result').textContent()).toContain('回');
		await page.locator('.density > summary').scrollIntoViewIfNeeded();
		await screenshot(page, 'density-ja');
		// The cluster picker and its explanation in Japanese; one word, 区域, for a zone.
		const detect = page.locator('.detect');
		const detecting = detect.getByRole('checkbox', { name: 'クラスターの検出' });
		if (!(await detecting.isChecked())) await detecting.check();
		await page.locator('#detect-method').selectOption('dbscan');
		const pick = detect.locator('[data-detected-pick]');
		await pick.waitFor({ timeout: 30_000 });
		await pick.getByText('企業数が minPts より少ない理由と重なり').click();
		expect(await pick.textContent()).toContain('チェックしたものを 1 つの区域に統合');
		expect(await detect.locator('.result').textContent()).toMatch(/^区域 \d+ 件。/);
		await pick.scrollIntoViewIfNeeded();
		await screenshot(page, 'density-pick-ja');
		expect(app.errors).toEqual([]);
	});
});
