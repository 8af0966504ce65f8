import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReadyApp, screenshot, storedValue, waitForMap, type OpenedApp } from './harness';
import { OTA_VIEW, sourceFeatureCount } from './map-helpers';

// A municipality layer imported for reference: drawn as labelled outlines under the firms, never
// classified, listed with a remove button, kept with the session; a clicked polygon becomes a zone.

const square = (west: number, south: number, size: number) => [
	[
		[west, south],
		[west + size, south],
		[west + size, south + size],
		[west, south + size],
		[west, south]
	]
];
const WARDS = {
	type: 'FeatureCollection',
	features: [
		{ type: 'Feature', properties: { N03_004: '北地区' }, geometry: { type: 'Polygon', coordinates: square(139.7, 35.562, 0.012) } },
		{ type: 'Feature', properties: { N03_004: '南地区' }, geometry: { type: 'Polygon', coordinates: square(139.7, 35.55, 0.012) } }
	]
};

const rendered = (page: Page, layer: string) => page.evaluate((id) => window.__clusterMap!.queryRenderedFeatures({ layers: [id] }).length, layer);

let app: OpenedApp;

beforeAll(async () => {
	app = await openReadyApp(OTA_VIEW);
});

afterAll(async () => {
	await app?.close();
});

describe('a reference layer from a file', () => {
	it('imports polygons as outlines with labels under the firms, not as zones', async () => {
		const { page } = app;
		await page.locator('#import-file').setInputFiles({ name: 'wards.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(WARDS)) });
		const dialog = page.getByRole('dialog');
		await dialog.getByRole('button', { name: 'Import', exact: true }).waitFor();
		await dialog.getByLabel('Reference layer (outlines, not classified)').check();
		await dialog.getByLabel('Name', { exact: true }).selectOption({ label: 'N03_004' });
		await dialog.getByRole('button', { name: 'Import', exact: true }).click();
		await dialog.getByText('Reference layer added: 2 polygons', { exact: false }).waitFor();
		await dialog.getByRole('button', { name: 'Close' }).click();

		await expect.poll(() => sourceFeatureCount(page, 'references')).toBe(2);
		await expect.poll(() => rendered(page, 'reference-line')).toBeGreaterThan(0);
		await expect.poll(() => rendered(page, 'reference-labels')).toBeGreaterThan(0);
		const labels = () => page.evaluate(() => [...new Set(window.__clusterMap!.queryRenderedFeatures({ layers: ['reference-labels'] }).map((f) => String(f.properties.label)))].sort());
		await expect.poll(labels).toEqual(['北地区', '南地区'].sort());
		const order = await page.evaluate(() => window.__clusterMap!.getStyle().layers.map((l) => l.id));
		expect(order.indexOf('reference-line')).toBeLessThan(order.indexOf('firms'));
		// Not a zone: nothing is classified.
		expect(await sourceFeatureCount(page, 'zones')).toBe(0);
		await expect(page.locator('[data-zone-id]').count()).resolves.toBe(0);
		const item = page.locator('[data-reference-id]');
		await expect(item.textContent()).resolves.toContain('wards.geojson');
		await expect(item.textContent()).resolves.toContain('polygons: 2');
		await expect(page.locator('details.legend').getByText('Reference layer (outline, not a zone)').count()).resolves.toBe(1);
		await screenshot(page, 'reference-layer');
		expect(app.errors).toEqual([]);
	});

	it('makes a zone of a clicked polygon', async () => {
		const { page } = app;
		// A point inside 南地区 with no firm or institution under it, so the click reaches the polygon.
		const point = await page.evaluate(() => {
			const map = window.__clusterMap!;
			for (let lat = 35.5505; lat < 35.5615; lat += 0.0008) {
				for (let lon = 139.7005; lon < 139.7115; lon += 0.0008) {
					const { x, y } = map.project([lon, lat]);
					const box: [[number, number], [number, number]] = [
						[x - 8, y - 8],
						[x + 8, y + 8]
					];
					if (x > 380 && map.queryRenderedFeatures(box, { layers: ['firms', 'institutions'] }).length === 0) return { x, y };
				}
			}
			return null;
		});
		expect(point).not.toBeNull();
		await page.mouse.click(point!.x, point!.y);
		const popup = page.locator('.feature-popup');
		await popup.waitFor();
		await expect(popup.textContent()).resolves.toContain('南地区');
		await popup.getByRole('button', { name: 'Make a zone from this polygon' }).click();
		await page.locator('[data-zone-id]').first().waitFor();
		await expect(page.locator('[data-zone-id] input').first().inputValue()).resolves.toBe('南地区');
		await expect.poll(() => sourceFeatureCount(page, 'zones')).toBe(1);
		// The reference layer stays as it was.
		expect(await sourceFeatureCount(page, 'references')).toBe(2);
	});

	it('is kept with the session and removed with its button', async () => {
		const { page } = app;
		// The session is saved a moment after a change: reload once it holds the zone.
		await expect.poll(async () => (await storedValue<{ zones: unknown[] }>(page, 'session'))?.zones.length).toBe(1);
		await page.reload();
		await waitForMap(page, 90_000);
		await expect.poll(() => sourceFeatureCount(page, 'references')).toBe(2);
		await page.getByRole('button', { name: 'Remove the reference layer wards.geojson' }).click();
		await expect.poll(() => sourceFeatureCount(page, 'references')).toBe(0);
		await expect(page.locator('[data-reference-id]').count()).resolves.toBe(0);
		// The zone made from it is a zone of its own and stays.
		await expect(page.locator('[data-zone-id]').count()).resolves.toBe(1);
		expect(app.errors).toEqual([]);
	});
});
