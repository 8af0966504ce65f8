import { readFileSync } from 'node:fs';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildZoneIndex, classifyPoints } from '../../src/lib/core/classify';
import { haversineKm } from '../../src/lib/core/geo';
import { readFirms, readInstitutions } from './firms-reference';
import { openReadyApp, screenshot, type OpenedApp } from './harness';
import { OTA_CORNERS, OTA_VIEW, engineInsideFlags, lngLatsAt, settled } from './map-helpers';

const firms = readFirms();

/** Row indices of the firms inside the polygon by the engine, computed here in Node. */
function engineInside(ring: Position[]): number[] {
	const rows: number[] = [];
	engineInsideFlags(ring, firms.lons, firms.lats).forEach((flag, i) => flag && rows.push(i));
	return rows;
}

const engineCount = (ring: Position[]) => engineInside(ring).length;

/** Firm feature ids (row indices) the map styles as inside. */
function styledInside(page: Page, total: number): Promise<number[]> {
	return page.evaluate((n) => {
		const map = window.__clusterMap!;
		const ids: number[] = [];
		for (let i = 0; i < n; i++) if (map.getFeatureState({ source: 'firms', sourceLayer: 'firms', id: i }).inside === true) ids.push(i);
		return ids;
	}, total);
}

/** The count the zone list shows for its only zone, once it equals `expected` (or the last seen value). */
async function zoneCountBecomes(page: Page, expected: number): Promise<number> {
	const count = page.locator('[data-zone-id] .count');
	await page
		.waitForFunction((want) => document.querySelector('[data-zone-id] .count')?.getAttribute('data-count') === String(want), expected, { timeout: 20_000 })
		.catch(() => undefined);
	return Number(await count.getAttribute('data-count'));
}

describe('drawing a zone and classifying the firms', () => {
	let app: OpenedApp;
	const corners = OTA_CORNERS;

	beforeAll(async () => {
		app = await openReadyApp(OTA_VIEW);
		await settled(app.page);
	});
	afterAll(() => app?.close());

	it('draws a polygon by mouse and counts the firms inside as the engine does', async () => {
		const { page } = app;
		await page.getByRole('toolbar').locator('[data-tool="polygon"]').click();
		for (const [x, y] of corners) {
			await page.mouse.move(x, y, { steps: 4 });
			await page.mouse.click(x, y);
		}
		await page.keyboard.press('Enter');

		await expect.poll(() => page.locator('[data-zone-id]').count(), { timeout: 10_000 }).toBe(1);
		const expected = engineCount(await lngLatsAt(page, corners));
		expect(expected).toBeGreaterThan(20);
		expect(await zoneCountBecomes(page, expected)).toBe(expected);
		await expect.poll(() => page.locator('.summary .inside').getAttribute('data-count')).toBe(String(expected));
		// The map styles exactly those firms as inside (the sample places every row of the file).
		expect(await styledInside(page, firms.lons.length)).toEqual(engineInside(await lngLatsAt(page, corners)));
		// The breakdown by industry adds up as the engine's result does.
		await page.locator('[data-zone-id] details.industries summary').click();
		const shown = await page.locator('[data-zone-id] tr[data-industry]').evaluateAll((rows) =>
			Object.fromEntries(rows.map((row) => [row.getAttribute('data-industry'), Number(row.querySelector('.n')!.textContent!.replace(/,/g, ''))]))
		);
		const byIndustry: Record<string, number> = {};
		for (const i of engineInside(await lngLatsAt(page, corners))) byIndustry[firms.industry[i]] = (byIndustry[firms.industry[i]] ?? 0) + 1;
		expect(shown).toEqual(byIndustry);
		const colour = await page.evaluate(() => JSON.stringify(window.__clusterMap!.getPaintProperty('firms', 'circle-color')));
		expect(colour).toContain('feature-state');
		await screenshot(page, 'draw-polygon-ota');
	});

	it('updates the count after a vertex is dragged in select mode', async () => {
		const { page } = app;
		await page.getByRole('toolbar').locator('[data-tool="select"]').click();
		// Select the zone by clicking inside it, then drag its second corner outwards.
		await page.mouse.move(750, 430, { steps: 4 });
		await page.mouse.click(750, 430);
		// The control reports the selection and the page keeps it: the list highlights the zone.
		await expect.poll(() => page.locator('[data-zone-id].selected').count()).toBe(1);
		const [from, to]: [number, number][] = [corners[1], [975, 255]];
		await page.mouse.move(from[0], from[1], { steps: 4 });
		await page.mouse.down();
		await page.mouse.move(to[0], to[1], { steps: 12 });
		await page.mouse.up();

		const moved = corners.map((corner, k) => (k === 1 ? to : corner));
		const expected = engineCount(await lngLatsAt(page, moved));
		expect(expected).toBeGreaterThan(engineCount(await lngLatsAt(page, corners)));
		expect(await zoneCountBecomes(page, expected)).toBe(expected);
		await expect.poll(() => page.locator('[data-zone-id]').count()).toBe(1);
		await expect.poll(() => styledInside(page, firms.lons.length)).toEqual(engineInside(await lngLatsAt(page, moved)));
		await screenshot(page, 'draw-polygon-ota-edited');
		expect(app.errors).toEqual([]);
	});

	it('undoes and redoes zone changes from the keyboard, deletes from the list, and Esc cancels a shape', async () => {
		const { page } = app;
		const original = engineCount(await lngLatsAt(page, corners));
		const edited = Number(await page.locator('[data-zone-id] .count').getAttribute('data-count'));
		expect(edited).not.toBe(original);
		await page.locator('#control-panel h1').click(); // focus away from any input: the shortcut is global
		await page.keyboard.press('Control+z');
		expect(await zoneCountBecomes(page, original)).toBe(original);
		await page.keyboard.press('Control+Shift+z');
		expect(await zoneCountBecomes(page, edited)).toBe(edited);

		await page.getByRole('button', { name: 'Delete Zone 1' }).click();
		await expect.poll(() => page.locator('[data-zone-id]').count()).toBe(0);
		await expect.poll(() => styledInside(page, firms.lons.length)).toEqual([]);
		await page.keyboard.press('Control+z');
		await expect.poll(() => page.locator('[data-zone-id]').count()).toBe(1);
		expect(await zoneCountBecomes(page, edited)).toBe(edited);

		// Three corners, Esc, then Enter: had Esc not cancelled the shape, Enter would finish it.
		await page.getByRole('toolbar').locator('[data-tool="polygon"]').click();
		for (const [x, y] of [[450, 200], [550, 220], [500, 650]] as const) {
			await page.mouse.move(x, y, { steps: 4 });
			await page.mouse.click(x, y);
		}
		await page.keyboard.press('Escape');
		await page.keyboard.press('Enter');
		await page.waitForTimeout(500);
		expect(await page.locator('[data-zone-id]').count()).toBe(1);
		expect(app.errors).toEqual([]);
	});

	it('lists the zones containing a clicked firm and its nearest R&D institution in its popup', async () => {
		const { page } = app;
		await page.getByRole('toolbar').locator('[data-tool="polygon"]').click(); // back to panning and picking
		await expect.poll(() => page.getByRole('toolbar').locator('[aria-pressed="true"]').count()).toBe(0);
		const moved = corners.map((corner, k) => (k === 1 ? ([975, 255] as [number, number]) : corner));
		const inside = engineInside(await lngLatsAt(page, moved));
		// A firm that is the only thing clickable within a few pixels of its position.
		const target = await page.evaluate(
			({ lons, lats }) => {
				const map = window.__clusterMap!;
				const rect = map.getCanvas().getBoundingClientRect();
				for (let i = 0; i < lons.length; i++) {
					const p = map.project([lons[i], lats[i]]);
					const near = map.queryRenderedFeatures(
						[
							[p.x - 8, p.y - 8],
							[p.x + 8, p.y + 8]
						],
						{ layers: ['firms', 'institutions'] }
					);
					if (near.length === 1 && near[0].layer.id === 'firms') return { x: p.x + rect.left, y: p.y + rect.top, k: i };
				}
				return null;
			},
			{ lons: inside.map((i) => firms.lons[i]), lats: inside.map((i) => firms.lats[i]) }
		);
		expect(target).not.toBeNull();
		await page.mouse.click(target!.x, target!.y);
		const popup = page.locator('.feature-popup');
		await popup.waitFor();
		expect(await popup.textContent()).toContain('In zones');
		expect(await popup.textContent()).toContain('Zone 1');
		// The nearest institution by exhaustive search in Node, distance to two decimals.
		const firm = inside[target!.k];
		const [nearest] = readInstitutions()
			.features.map((f) => ({ name: f.properties.name_en, km: haversineKm(firms.lons[firm], firms.lats[firm], f.geometry.coordinates[0], f.geometry.coordinates[1]) }))
			.sort((a, b) => a.km - b.km);
		const row = popup.locator('dt', { hasText: 'Nearest R&D institution' }).locator('xpath=following-sibling::dd[1]');
		expect(await row.textContent()).toBe(`${nearest.name}, ${nearest.km.toFixed(2).replace(/\.?0+$/, '')} km`);
		await page.keyboard.press('Escape');
	});

	it('draws a circle showing its radius in km, and the zone has the area of that circle', async () => {
		const { page } = app;
		await page.getByRole('toolbar').locator('[data-tool="circle"]').click();
		const [centre, edge]: [number, number][] = [
			[700, 420],
			[790, 420]
		];
		await page.mouse.move(centre[0], centre[1], { steps: 3 });
		await page.mouse.click(centre[0], centre[1]);
		await page.mouse.move(edge[0], edge[1], { steps: 10 });
		const radius = page.getByRole('toolbar').locator('.radius');
		await expect.poll(() => radius.textContent(), { timeout: 10_000 }).toMatch(/^Radius \d+\.\d\d km$/);
		const shownKm = Number((await radius.textContent())!.match(/[\d.]+/)![0]);
		await page.mouse.click(edge[0], edge[1]);
		await expect.poll(() => page.locator('[data-zone-id]').count()).toBe(2);
		// The finished circle's radius goes, and its shape takes the colour the page gave its zone.
		await expect.poll(() => radius.count()).toBe(0);
		const swatch = await page.locator('[data-zone-id]').nth(1).locator('.swatch').evaluate((el) => getComputedStyle(el).backgroundColor);
		const fills = () =>
			page.evaluate(async () => {
				const source = window.__clusterMap!.getSource('td-polygon') as unknown as { getData(): Promise<{ features: { properties: { polygonFillColor?: string } }[] }> };
				const probe = document.body.appendChild(document.createElement('i'));
				const rgb = (await source.getData()).features.map((f) => ((probe.style.color = f.properties.polygonFillColor ?? ''), getComputedStyle(probe).color));
				probe.remove();
				return rgb;
			});
		await expect.poll(fills).toContain(swatch);

		const [[lon0, lat0], [lon1, lat1]] = await lngLatsAt(page, [centre, edge]);
		const rad = Math.PI / 180;
		const h = Math.sin(((lat1 - lat0) * rad) / 2) ** 2 + Math.cos(lat0 * rad) * Math.cos(lat1 * rad) * Math.sin(((lon1 - lon0) * rad) / 2) ** 2;
		const km = 2 * 6371.0088 * Math.asin(Math.sqrt(h));
		expect(shownKm).toBeCloseTo(km, 1);
		const area = Number((await page.locator('[data-zone-id]').nth(1).locator('.area').textContent())!.match(/[\d.]+/)![0]);
		// A 64-gon inscribed in the circle has 0.16% less area; the list rounds to 0.01 km².
		expect(Math.abs(area - Math.PI * km * km) / (Math.PI * km * km)).toBeLessThan(0.02);
		await page.getByRole('toolbar').locator('[data-tool="circle"]').click();
		expect(app.errors).toEqual([]);
	});

	it('adds a district as a zone, counted as the engine counts its polygon', async () => {
		const { page } = app;
		const polygons: { features: { id: string; geometry: Polygon | MultiPolygon }[] } = JSON.parse(readFileSync('geodata/districts.geo.json', 'utf8'));
		const geometry = polygons.features.find((f) => f.id === 'ota')!.geometry;
		const { inside } = classifyPoints(buildZoneIndex([{ id: 'ota', name: 'Ota', geometry, source: 'district' }]), firms.lons, firms.lats);
		const expected = inside.reduce((sum, flag) => sum + flag, 0);
		expect(expected).toBeGreaterThan(100);

		await page.locator('#district-picker').selectOption('ota');
		await page.getByRole('button', { name: 'Add this district as a zone' }).click();
		const row = page.locator('[data-zone-id="district-ota"]');
		await expect.poll(() => row.locator('.count').getAttribute('data-count'), { timeout: 20_000 }).toBe(String(expected));
		expect(await page.evaluate(() => window.__clusterMap!.getLayer('zone-line') !== undefined)).toBe(true);

		// Ota is one municipality: as a municipality zone it counts the same firms.
		await page.getByRole('button', { name: 'Add each municipality as a zone' }).click();
		const municipality = page.locator('[data-zone-id^="municipality-"]');
		await expect.poll(() => municipality.count()).toBe(1);
		await expect.poll(() => municipality.first().locator('.count').getAttribute('data-count'), { timeout: 20_000 }).toBe(String(expected));

		// A rename shows at once and keeps the counts.
		const name = row.locator('input');
		await name.fill('Ota cluster');
		await name.press('Enter');
		await expect.poll(() => row.locator('button.fit').getAttribute('aria-label')).toBe('Show Ota cluster on the map');
		expect(await row.locator('.count').getAttribute('data-count')).toBe(String(expected));
		await screenshot(page, 'draw-zone-list');
		expect(app.errors).toEqual([]);
	});

	it('names the drawing tools in Japanese', async () => {
		const { page } = app;
		await page.getByLabel('日本語').check();
		const polygon = page.getByRole('toolbar').locator('[data-tool="polygon"]');
		await expect.poll(() => polygon.getAttribute('aria-label')).toBe('多角形を描く');
		expect(await polygon.getAttribute('title')).toMatch(/Enter/);
		expect(await page.locator('#zones-heading').textContent()).toBe('区域');
	});
});
