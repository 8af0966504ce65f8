import type { Feature, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, waitForMap, type OpenedApp } from './harness';

/** Polygons terra-draw holds, from the GeoJSON source its MapLibre adapter draws them with. */
function drawnPolygons(app: OpenedApp): Promise<Polygon[]> {
	return app.page.evaluate(() => {
		const sources = window.__clusterMap!.getStyle().sources as Record<string, { type: string; data?: unknown }>;
		return Object.entries(sources)
			.filter(([id, source]) => id.startsWith('td-') && source.type === 'geojson')
			.flatMap(([, source]) => ((source.data as { features?: Feature[] })?.features ?? []).map((f) => f.geometry))
			.filter((g): g is Polygon => g.type === 'Polygon');
	});
}

async function drawPolygon(app: OpenedApp, corners: [number, number][]): Promise<void> {
	for (const [x, y] of corners) {
		await app.page.mouse.move(x, y, { steps: 4 });
		await app.page.mouse.click(x, y);
	}
	await app.page.keyboard.press('Enter');
}

describe('snapping new corners to drawn zones', () => {
	let app: OpenedApp;
	beforeAll(async () => {
		app = await openApp('/#14/35.5615/139.716');
		await waitForMap(app.page, 60_000);
	});
	afterAll(() => app?.close());

	it('puts a corner clicked near a drawn corner exactly on it when snapping is on, and not when off', async () => {
		const toolbar = app.page.getByRole('toolbar');
		await toolbar.locator('[data-tool="polygon"]').click();
		await drawPolygon(app, [[500, 300], [700, 300], [700, 500], [500, 500]]);
		await expect.poll(async () => (await drawnPolygons(app)).length).toBe(1);
		const [first] = await drawnPolygons(app);
		const corner = JSON.stringify(first.coordinates[0][1]);

		// Off: a corner 4 px from (700, 300) stays where it was clicked.
		await drawPolygon(app, [[704, 303], [900, 300], [900, 500]]);
		await expect.poll(async () => (await drawnPolygons(app)).length).toBe(2);
		const newest = async (known: Polygon[]) => (await drawnPolygons(app)).find((p) => !known.some((k) => JSON.stringify(k) === JSON.stringify(p)))!;
		const second = await newest([first]);
		expect(second.coordinates[0].map((p) => JSON.stringify(p))).not.toContain(corner);

		await toolbar.locator('[data-tool="snap"]').click();
		expect(await toolbar.locator('[data-tool="snap"]').getAttribute('aria-pressed')).toBe('true');
		// The polygon tool stays on, and the keys go back to the map for Enter to finish the shape.
		// 5 px from the first zone's corner, farther from the second zone's corner at (704, 303).
		await drawPolygon(app, [[696, 297], [900, 250], [900, 150]]);
		await expect.poll(async () => (await drawnPolygons(app)).length).toBe(3);
		expect((await newest([first, second])).coordinates[0].map((p) => JSON.stringify(p))).toContain(corner);
		expect(app.errors).toEqual([]);
	});
});
