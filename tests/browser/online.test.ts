import { crc32, deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openReadyApp, type OpenedApp } from './harness';
import { mapIdle } from './map-helpers';

/** A solid-colour 256×256 PNG, as a GSI tile stand-in. */
function solidPng(rgb: [number, number, number]): Buffer {
	const size = 256;
	const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(size * 3).map((_, i) => rgb[i % 3])]);
	const chunk = (type: string, data: Buffer) => {
		const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
		const length = Buffer.alloc(4);
		length.writeUInt32BE(data.length);
		const crc = Buffer.alloc(4);
		crc.writeUInt32BE(crc32(body));
		return Buffer.concat([length, body, crc]);
	};
	const header = Buffer.alloc(13);
	header.writeUInt32BE(size, 0);
	header.writeUInt32BE(size, 4);
	header.set([8, 2, 0, 0, 0], 8);
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: size }, () => row)))),
		chunk('IEND', Buffer.alloc(0))
	]);
}

const GSI = 'https://cyberjapandata.gsi.go.jp/xyz/**';
/** Errors other than the browser's own report of a request the harness cut off on purpose. */
const unexpected = (errors: string[]) => errors.filter((e) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(e));

const layerIds = (page: Page) => page.evaluate(() => window.__clusterMap!.getStyle().layers.map((l) => l.id));

describe('online basemaps', () => {
	let app: OpenedApp | undefined;
	afterEach(() => app?.close());

	it('draws GSI tiles under the overlays with their attribution', async () => {
		app = await openReadyApp('/#9/35.56/139.72', { online: { [GSI]: solidPng([200, 230, 200]) } });
		const { page } = app;
		const tiles: string[] = [];
		page.on('requestfinished', (request) => {
			if (request.url().includes('cyberjapandata')) tiles.push(request.url());
		});
		await page.getByLabel('GSI Standard map (online)').check();
		await page.waitForFunction(() => window.__clusterMap!.getLayer('basemap-raster') !== undefined);
		await mapIdle(page);
		expect(tiles.length).toBeGreaterThan(0);
		expect(tiles.every((url) => url.startsWith('https://cyberjapandata.gsi.go.jp/xyz/std/'))).toBe(true);
		const ids = await layerIds(page);
		expect(ids.indexOf('basemap-raster')).toBeGreaterThan(ids.indexOf('land'));
		for (const overlay of ['prefecture-lines', 'district-fill', 'firms', 'institutions', 'district-labels']) {
			expect(ids.indexOf('basemap-raster'), overlay).toBeLessThan(ids.indexOf(overlay));
		}
		await expect(page.locator('.maplibregl-ctrl-attrib').innerHTML()).resolves.toContain(
			'href="https://maps.gsi.go.jp/development/ichiran.html"'
		);
		expect(await page.locator('[data-notice="tiles"]').count()).toBe(0);

		// Switching to the pale map replaces the tiles and keeps the overlays on top.
		await page.getByLabel('GSI Pale map (online)').check();
		await page.waitForFunction(() => {
			const source = window.__clusterMap!.getStyle().sources['basemap-tiles'] as { tiles?: string[] } | undefined;
			return source?.tiles?.[0]?.includes('/pale/');
		});
		const after = await layerIds(page);
		expect(after.indexOf('basemap-raster')).toBeLessThan(after.indexOf('firms'));
		await page.getByLabel('Offline (prefectures, municipalities)').check();
		await page.waitForFunction(() => window.__clusterMap!.getSource('basemap-tiles') === undefined);
		expect(unexpected(app.errors)).toEqual([]);
	});

	it('keeps working and says so plainly when tiles fail', async () => {
		app = await openReadyApp('/#9/34.66/135.57');
		const { page } = app;
		await page.getByLabel('GSI Standard map (online)').check();
		const notice = page.locator('[data-notice="tiles"]');
		await notice.waitFor();
		await expect(notice.textContent()).resolves.toContain('Basemap tiles could not be loaded');
		await mapIdle(page);
		// The offline layers remain: land, prefecture names and firms are still drawn.
		const drawn = await page.evaluate(() => {
			const map = window.__clusterMap!;
			return {
				firms: map.queryRenderedFeatures({ layers: ['firms'] }).length,
				land: map.queryRenderedFeatures({ layers: ['land'] }).length,
				labelsVisible: map.getLayoutProperty('prefecture-labels', 'visibility') !== 'none'
			};
		});
		expect(drawn.firms).toBeGreaterThan(100);
		expect(drawn.land).toBeGreaterThan(0);
		expect(drawn.labelsVisible).toBe(true);
		// The map still responds.
		await page.evaluate(() => window.__clusterMap!.jumpTo({ zoom: 10 }));
		expect(await page.evaluate(() => Math.round(window.__clusterMap!.getZoom()))).toBe(10);
		expect(app.blocked.some((url) => url.includes('cyberjapandata'))).toBe(true);
		expect(unexpected(app.errors)).toEqual([]);
	});
});
