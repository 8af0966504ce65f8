import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFirms, readInstitutions } from './firms-reference';
import { openReadyApp, screenshot, waitForMap, type OpenedApp } from './harness';
import { drawnFirmsCheck } from './map-helpers';

const districts: { id: string; bbox: [number, number, number, number] }[] = JSON.parse(
	readFileSync('geodata/districts.json', 'utf8')
);
const bboxOf = (id: string) => districts.find((d) => d.id === id)!.bbox;

/** Feature count of a GeoJSON source as the map holds it. */
function sourceCount(page: Page, id: string): Promise<number> {
	return page.evaluate(async (sourceId) => {
		const source = window.__clusterMap!.getSource(sourceId) as unknown as {
			getData(): Promise<{ features: unknown[] }>;
		};
		return (await source.getData()).features.length;
	}, id);
}

/** Waits until the map has stopped moving and drawn everything. */
async function settled(page: Page): Promise<void> {
	// Poll rather than wait for one 'idle' event: a failed tile does not trigger another frame.
	await page.waitForFunction(() => !window.__clusterMap!.isMoving() && window.__clusterMap!.loaded());
	await page.evaluate(
		() =>
			new Promise<void>((resolve) => {
				window.__clusterMap!.once('idle', () => resolve());
				window.__clusterMap!.triggerRepaint();
			})
	);
}

/** True when the current viewport contains the whole bbox. */
function viewContains(page: Page, bbox: [number, number, number, number]): Promise<boolean> {
	return page.evaluate(([w, s, e, n]) => {
		const b = window.__clusterMap!.getBounds();
		return b.getWest() <= w && b.getSouth() <= s && b.getEast() >= e && b.getNorth() >= n;
	}, bbox);
}

describe('the app, offline', () => {
	let app: OpenedApp;

	beforeAll(async () => {
		app = await openReadyApp('/');
	});
	afterAll(() => app?.close());

	it('opens on Japan with no errors and no network access', async () => {
		const { page } = app;
		const view = await page.evaluate(() => {
			const map = window.__clusterMap!;
			return { zoom: map.getZoom(), center: map.getCenter().toArray() };
		});
		expect(view.zoom).toBeGreaterThan(3);
		expect(view.zoom).toBeLessThan(6.5);
		expect(view.center[0]).toBeGreaterThan(130);
		expect(view.center[0]).toBeLessThan(142);
		expect(view.center[1]).toBeGreaterThan(30);
		expect(view.center[1]).toBeLessThan(42);
		expect(await page.evaluate(() => window.__clusterMap!.getStyle().glyphs)).toBeUndefined();
		await screenshot(page, 'default-view');
		expect(app.errors).toEqual([]);
		expect(app.blocked).toEqual([]);
	});

	it('holds every reference layer with the right feature counts', async () => {
		const { page } = app;
		expect(await sourceCount(page, 'prefectures')).toBe(47);
		expect(await sourceCount(page, 'prefecture-labels')).toBe(47);
		expect(await sourceCount(page, 'district-labels')).toBe(9);
		const polygons = await page.evaluate(async () => {
			const source = window.__clusterMap!.getSource('districts') as unknown as {
				getData(): Promise<{ features: { properties: { id: string; boundary_codes: string[] } }[] }>;
			};
			return (await source.getData()).features.map((f) => f.properties);
		});
		expect(polygons.map((p) => p.id)).toEqual(districts.map((d) => d.id));
		expect(polygons.find((p) => p.id === 'hamamatsu')?.boundary_codes).toEqual(['22131', '22132', '22133', '22134', '22135', '22136', '22137']);
		// No municipal boundary is loaded at country scale.
		expect(await sourceCount(page, 'municipalities')).toBe(0);
		// The 32 hand-sourced institutions and every university campus not one of them.
		expect(await sourceCount(page, 'institutions')).toBe(readInstitutions().features.length);
		const layers = await page.evaluate(() => window.__clusterMap!.getStyle().layers.map((l) => l.id));
		for (const id of [
			'background',
			'land',
			'prefecture-lines',
			'district-fill',
			'district-line',
			'municipality-line',
			'municipality-names',
			'firms',
			'institutions',
			'prefecture-labels',
			'district-labels'
		]) {
			expect(layers, id).toContain(id);
		}
		// Overlays sit below the labels, institutions above firms.
		expect(layers.indexOf('firms')).toBeLessThan(layers.indexOf('institutions'));
		expect(layers.indexOf('institutions')).toBeLessThan(layers.indexOf('prefecture-labels'));
		// Cluster programme regions are optional and start hidden.
		expect(layers).not.toContain('cluster-programs-fill');
	});

	it('draws prefecture and district labels with local fonts', async () => {
		const { page } = app;
		await page.evaluate(() => window.__clusterMap!.jumpTo({ center: [137.5, 36], zoom: 5.5 }));
		await settled(page);
		const labels = await page.evaluate(() => ({
			prefectures: window.__clusterMap!.queryRenderedFeatures({ layers: ['prefecture-labels'] }).length,
			districts: window.__clusterMap!.queryRenderedFeatures({ layers: ['district-labels'] }).length
		}));
		expect(labels.prefectures).toBeGreaterThan(10);
		expect(labels.districts).toBeGreaterThan(3);
		expect(app.errors).toEqual([]);
	});

	it('flies to Ota from the district picker and shows its firms and institutions', async () => {
		const { page } = app;
		await page.selectOption('#district-picker', 'ota');
		await page.waitForFunction(() => !window.__clusterMap!.isMoving());
		await settled(page);
		expect(await viewContains(page, bboxOf('ota'))).toBe(true);
		expect(await page.evaluate(() => window.__clusterMap!.getZoom())).toBeGreaterThan(10);
		const rendered = await page.evaluate(() => ({
			firms: window.__clusterMap!.queryRenderedFeatures({ layers: ['firms'] }).length,
			institutions: window.__clusterMap!.queryRenderedFeatures({ layers: ['institutions'] }).length
		}));
		expect(rendered.firms).toBeGreaterThan(100);
		// The firm tiles hold every firm in view and none far outside it.
		const firms = readFirms();
		const check = await drawnFirmsCheck(page, firms.lons, firms.lats);
		expect(check.missing).toEqual([]);
		expect(check.stray).toEqual([]);
		expect(check.drawn).toBeGreaterThan(1000);
		expect(rendered.institutions).toBeGreaterThan(0);
		await expect(page.locator('#control-panel').textContent()).resolves.toContain('13111');
		expect(page.url()).toMatch(/#1[0-9.]+\/35\.5/);
	});

	it('flies to Higashi-Osaka when 東大阪 is typed and Enter pressed', async () => {
		const { page } = app;
		await page.fill('#place-search', '東大阪');
		await page.locator('#place-search').press('Enter');
		await page.waitForFunction(() => !window.__clusterMap!.isMoving());
		await settled(page);
		expect(await viewContains(page, bboxOf('higashiosaka'))).toBe(true);
		const center = await page.evaluate(() => window.__clusterMap!.getCenter().toArray());
		expect(center[0]).toBeGreaterThan(135.4);
		expect(center[0]).toBeLessThan(135.8);
		const rendered = await page.evaluate(() => ({
			firms: window.__clusterMap!.queryRenderedFeatures({ layers: ['firms'] }).length,
			institutions: window.__clusterMap!.queryRenderedFeatures({ layers: ['institutions'] }).length,
			district: window.__clusterMap!.queryRenderedFeatures({ layers: ['district-fill'] }).map((f) => f.properties.id)
		}));
		expect(rendered.firms).toBeGreaterThan(1000);
		expect(rendered.institutions).toBeGreaterThan(0);
		expect(rendered.district).toContain('higashiosaka');
		// The five members are drawn among Osaka's municipalities, loaded for the view.
		await page.waitForFunction(() => window.__clusterMap!.queryRenderedFeatures({ layers: ['municipality-line'] }).length > 0);
		const municipalities = await page.evaluate(() => window.__clusterMap!.queryRenderedFeatures({ layers: ['municipality-fill'] }).map((f) => f.properties.code as string));
		for (const code of ['27227', '27212', '27115', '27116', '27126']) expect(municipalities, code).toContain(code);
		await expect(page.inputValue('#district-picker')).resolves.toBe('higashiosaka');
		await screenshot(page, 'higashi-osaka');
		expect(app.errors).toEqual([]);
	});

	it('opens a popup with the type, address and coordinate confidence (or precision) of a clicked institution', async () => {
		const { page } = app;
		const target = await page.evaluate(() => {
			const map = window.__clusterMap!;
			// Only a point in the middle of the window: the panel and the legend cover the sides.
			const visible = map
				.queryRenderedFeatures({ layers: ['institutions'] })
				.map((feature) => ({
					id: feature.properties.id as string,
					point: map.project((feature.geometry as GeoJSON.Point).coordinates as [number, number])
				}))
				.find(({ point }) => point.x > 380 && point.x < 980 && point.y > 80 && point.y < 720);
			if (!visible) throw new Error('no institution in the open part of the map');
			return { id: visible.id, x: visible.point.x, y: visible.point.y };
		});
		await page.mouse.click(target.x, target.y);
		const popup = page.locator('.feature-popup');
		await popup.waitFor();
		const expected = readInstitutions().features.find((f) => f.properties.id === target.id)!.properties;
		const text = await popup.textContent();
		expect(text).toContain(expected.name_en);
		expect(text).toContain(expected.name_ja);
		expect(text).toContain(expected.address_ja);
		// A campus placed by its address says to what level; a hand-sourced point how sure its coordinate is.
		if (expected.precision) expect(text).toContain('Location precision');
		else {
			expect(text).toContain('Coordinate confidence');
			if (expected.confidence === 'low') expect(text).toContain('approximate location (±a few hundred m)');
		}
		await page.keyboard.press('Escape');
		await popup.waitFor({ state: 'detached' });
	});

	it('moves through search results with the arrow keys and clears with Esc', async () => {
		const { page } = app;
		const input = page.locator('#place-search');
		await input.fill('osaka');
		const options = page.locator('#search-results [role="option"]');
		await options.first().waitFor();
		expect(await options.count()).toBeGreaterThan(1);
		await expect(options.first().textContent()).resolves.toContain('大阪府');
		await expect(input.getAttribute('aria-activedescendant')).resolves.toBe('search-option-0');
		await input.press('ArrowDown');
		await expect(input.getAttribute('aria-activedescendant')).resolves.toBe('search-option-1');
		await expect(options.nth(1).getAttribute('aria-selected')).resolves.toBe('true');
		await input.press('ArrowUp');
		await expect(input.getAttribute('aria-activedescendant')).resolves.toBe('search-option-0');
		await input.press('Escape');
		await expect(input.inputValue()).resolves.toBe('');
		expect(await page.locator('#search-results').count()).toBe(0);
	});

	it('switches the UI and the map labels to Japanese, and keeps the choice after a reload', async () => {
		const { page } = app;
		const labelFields = () =>
			page.evaluate(() => ({
				prefectures: window.__clusterMap!.getLayoutProperty('prefecture-labels', 'text-field'),
				districts: window.__clusterMap!.getLayoutProperty('district-labels', 'text-field')
			}));
		expect(await labelFields()).toEqual({ prefectures: ['get', 'name_en'], districts: ['get', 'name_en'] });
		await page.getByText('日本語', { exact: true }).click();
		await expect(page.locator('h1').textContent()).resolves.toBe('産業集積マップ');
		await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('ja');
		await expect(page.locator('#control-panel').textContent()).resolves.toContain('合成サンプル（実在の企業ではありません）');
		expect(await labelFields()).toEqual({ prefectures: ['get', 'name_ja'], districts: ['get', 'name_ja'] });
		await expect(page.getAttribute('.maplibregl-ctrl-zoom-in', 'title')).resolves.toBe('拡大');

		await page.reload();
		await waitForMap(page, 60_000);
		await settled(page);
		await screenshot(page, 'higashi-osaka-ja');
		await expect(page.locator('h1').textContent()).resolves.toBe('産業集積マップ');
		expect(await labelFields()).toEqual({ prefectures: ['get', 'name_ja'], districts: ['get', 'name_ja'] });
		// The map hash brought the view back to Higashi-Osaka.
		const center = await page.evaluate(() => window.__clusterMap!.getCenter().toArray());
		expect(center[0]).toBeGreaterThan(135.4);
		expect(center[0]).toBeLessThan(135.8);
		expect(app.errors).toEqual([]);
	});

	it('describes a prefecture and, once switched on, a cluster programme region in popups', async () => {
		const { page } = app;
		await page.evaluate(() => window.__clusterMap!.jumpTo({ center: [142.8, 43.4], zoom: 6 }));
		await settled(page);
		// A spot on land with no firm, institution or district under it.
		const spot = await page.evaluate(() => {
			const map = window.__clusterMap!;
			for (let x = 450; x < 950; x += 23) {
				for (let y = 150; y < 650; y += 23) {
					const box: [[number, number], [number, number]] = [
						[x - 6, y - 6],
						[x + 6, y + 6]
					];
					const busy = map.queryRenderedFeatures(box, { layers: ['firms', 'institutions', 'district-fill'] });
					const land = map.queryRenderedFeatures([x, y], { layers: ['land'] });
					if (busy.length === 0 && land[0]?.properties.code === '01') return { x, y };
				}
			}
			throw new Error('no free spot on Hokkaido');
		});
		const popup = page.locator('.feature-popup');
		await page.mouse.click(spot.x, spot.y);
		await popup.waitFor();
		await expect(popup.textContent()).resolves.toMatch(/都道府県.*北海道.*Hokkaido.*JP-01/s);
		await page.keyboard.press('Escape');
		await popup.waitFor({ state: 'detached' });

		await page.getByLabel('経産省・文科省のクラスター計画地域').check();
		await page.waitForFunction(() => window.__clusterMap!.getLayer('cluster-programs-fill') !== undefined);
		expect(await sourceCount(page, 'cluster-programs')).toBe(
			JSON.parse(readFileSync('geodata/cluster-programs.geo.json', 'utf8')).features.length
		);
		await settled(page);
		await page.mouse.click(spot.x, spot.y);
		await popup.waitFor();
		await expect(popup.textContent()).resolves.toMatch(/クラスター計画地域.*事業.*(経済産業省|文部科学省)/s);
		await expect(page.locator('.legend').textContent()).resolves.toContain('経済産業省 産業クラスター計画の地域');
		expect(app.errors).toEqual([]);
	});
});
