import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReadyApp, type OpenedApp } from './harness';

describe('popups show data as text', () => {
	let app: OpenedApp;

	beforeAll(async () => {
		app = await openReadyApp('/test/popup-escape');
	});
	afterAll(() => app?.close());

	it('shows a firm name containing an HTML tag literally, without creating the element', async () => {
		const { page } = app;
		const point = await page.evaluate(() => window.__clusterMap!.project([139.72, 35.56]));
		await page.mouse.click(point.x, point.y);
		const popup = page.locator('.feature-popup');
		await popup.waitFor();
		const text = await popup.textContent();
		expect(text).toContain('<img src=x onerror="window.__injected=1">');
		expect(text).toContain('<b>Parent</b> & Co');
		expect(await popup.locator('img').count()).toBe(0);
		expect(await popup.locator('b').count()).toBe(0);
		expect(await page.evaluate(() => (window as { __injected?: number }).__injected)).toBeUndefined();
		// Every column of the row is listed.
		for (const label of ['ID', 'Name', 'Latitude', 'Longitude', 'JSIC medium division', 'Parent firm']) {
			expect(text).toContain(label);
		}
		expect(app.errors).toEqual([]);
	});
});
