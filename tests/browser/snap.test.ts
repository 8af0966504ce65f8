import type { Feature, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { openReadyApp, type OpenedApp } from './harness';
import { lngLatsAt } from './map-helpers';

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
		app = await openReadyApp('/#14/35.5615/139.716');
	});
	afterAll(() => app?.close());

	it('puts a corner clicked near a drawn corner exactly on it when snapping is on, and not when off', async () => {
		const toolbar = app.page.getByRole('toolbar');
		// Each polygon is found by a corner only it has (the app may store a zone again after it is
		// drawn, so the order or identity of the drawn features is no guide).
		const [firstFar, secondFar, thirdFar, sharedAt] = await lngLatsAt(app.page, [[500, 500], [900, 500], [900, 150], [700, 300]]);
		const near = (p: Position, q: Position) => Math.abs(p[0] - q[0]) < 1e-5 && Math.abs(p[1] - q[1]) < 1e-5;
		const withCorner = async (corner: Position) => (await drawnPolygons(app)).find((polygon) => polygon.coordinates[0].some((p) => near(p, corner)));
		const corners = async (corner: Position) => ((await withCorner(corner))?.coordinates[0] ?? []).map((p) => JSON.stringify(p));

		await toolbar.locator('[data-tool="polygon"]').click();
		await drawPolygon(app, [[500, 300], [700, 300], [700, 500], [500, 500]]);
		await expect.poll(async () => (await withCorner(firstFar)) !== undefined).toBe(true);

		// Off: a corner 4 px from (700, 300) stays where it was clicked.
		await drawPolygon(app, [[704, 303], [900, 300], [900, 500]]);
		await expect.poll(async () => (await withCorner(secondFar)) !== undefined).toBe(true);
		// The first zone's corner at (700, 300), as the zone holds it (its ring may be stored rewound).
		const firstCorner = async () => JSON.stringify((await withCorner(firstFar))!.coordinates[0].find((p) => near(p, sharedAt)));
		expect(await firstCorner()).toMatch(/^\[139\.\d+,35\.\d+\]$/);
		expect(await corners(secondFar)).not.toContain(await firstCorner());

		await toolbar.locator('[data-tool="snap"]').click();
		expect(await toolbar.locator('[data-tool="snap"]').getAttribute('aria-pressed')).toBe('true');
		// The polygon tool stays on, and the keys go back to the map for Enter to finish the shape.
		// 5 px from the first zone's corner, farther from the second zone's corner at (704, 303).
		await drawPolygon(app, [[696, 297], [900, 250], [900, 150]]);
		await expect.poll(async () => (await withCorner(thirdFar)) !== undefined).toBe(true);
		expect(await corners(thirdFar)).toContain(await firstCorner());
		expect(app.errors).toEqual([]);
	});
});
