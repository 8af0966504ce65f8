/** Small helpers for browser tests that read the map and compare with the engine. */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Polygon, Position } from 'geojson';
import type { Page } from 'playwright-core';
import { buildZoneIndex, classifyPoints } from '../../src/lib/core/classify';

/** Central Ota at zoom 14, dense with firms: where the drawing tests work. */
export const OTA_VIEW = '/#14/35.5615/139.716';

/** Pixels of a quadrilateral round the middle of the map (viewport 1280 × 800). */
export const OTA_CORNERS: [number, number][] = [
	[600, 300],
	[900, 320],
	[880, 560],
	[620, 540]
];

/** Map coordinates of screen pixels, as the map converts them. */
export function lngLatsAt(page: Page, pixels: [number, number][]): Promise<Position[]> {
	return page.evaluate((points) => {
		const map = window.__clusterMap!;
		const rect = map.getCanvas().getBoundingClientRect();
		return points.map(([x, y]) => map.unproject([x - rect.left, y - rect.top]).toArray());
	}, pixels);
}

/** Resolves once the map has stopped moving and has loaded what it shows. */
export async function settled(page: Page): Promise<void> {
	await page.waitForFunction(() => !window.__clusterMap!.isMoving() && window.__clusterMap!.loaded());
}

/** Inside flags of the firms for the polygon `ring` (closed here), by the engine in Node. */
export function engineInsideFlags(ring: Position[], lons: Float64Array, lats: Float64Array): Uint8Array {
	const geometry: Polygon = { type: 'Polygon', coordinates: [[...ring, ring[0]]] };
	return classifyPoints(buildZoneIndex([{ id: 'z', name: 'z', geometry, source: 'drawn' }]), lons, lats).inside;
}

/** Features a GeoJSON source of the map holds (its data, not what is drawn): count (-1 without the source) and the first one's properties. */
export function sourceFeatures(page: Page, id: string): Promise<{ count: number; first: Record<string, unknown> | null }> {
	return page.evaluate(async (sourceId) => {
		const source = window.__clusterMap!.getSource(sourceId) as unknown as { getData?: () => Promise<GeoJSON.FeatureCollection> } | undefined;
		if (!source?.getData) return { count: -1, first: null };
		const data = await source.getData();
		return { count: data.features.length, first: (data.features[0]?.properties as Record<string, unknown>) ?? null };
	}, id);
}

/** Features in a GeoJSON source of the map, or -1 while the source is not there. */
export async function sourceFeatureCount(page: Page, source: string): Promise<number> {
	return (await sourceFeatures(page, source)).count;
}

/** Waits until the map has drawn what it has: tiles loaded and no movement. */
export async function mapDrawn(page: Page): Promise<void> {
	await page.waitForFunction(() => {
		const map = window.__clusterMap!;
		return map.loaded() && map.areTilesLoaded() && !map.isMoving();
	});
}

/**
 * Waits until the map has settled and then drawn one more frame, so what it shows is complete.
 * Polls first rather than waiting for one 'idle' event: a failed tile does not trigger another frame.
 */
export async function mapIdle(page: Page): Promise<void> {
	await settled(page);
	await page.evaluate(() => new Promise<void>((resolve) => (window.__clusterMap!.once('idle', () => resolve()), window.__clusterMap!.triggerRepaint())));
}

/** The map style's layer ids, bottom to top. */
export const layerOrder = (page: Page) => page.evaluate(() => window.__clusterMap!.getStyle().layers.map((layer) => layer.id));

/** Writes a browser benchmark's figures to tests/output/NAME.json and prints them. */
export function writeFigures(name: string, figures: Record<string, unknown>): void {
	mkdirSync('tests/output', { recursive: true });
	writeFileSync(`tests/output/${name}.json`, JSON.stringify(figures, null, '\t') + '\n');
	console.log(name, JSON.stringify(figures));
}

/**
 * Compares the firms the map draws with those it should: firm row indices (from `lons`/`lats`)
 * that lie `margin` pixels or more inside the canvas but are not drawn, and drawn firms lying
 * more than `margin` pixels outside it. Both are empty when the firm tiles are complete and right.
 */
export function drawnFirmsCheck(page: Page, lons: Float64Array, lats: Float64Array, margin = 12): Promise<{ drawn: number; missing: number[]; stray: number[] }> {
	return page.evaluate(
		({ lons, lats, margin }) => {
			const map = window.__clusterMap!;
			const { width, height } = map.getCanvas().getBoundingClientRect();
			const drawn = new Set(map.queryRenderedFeatures({ layers: ['firms'] }).map((f) => Number(f.id)));
			const within = (i: number, pad: number) => {
				const p = map.project([lons[i], lats[i]]);
				return p.x >= pad && p.y >= pad && p.x <= width - pad && p.y <= height - pad;
			};
			const missing: number[] = [];
			for (let i = 0; i < lons.length; i++) if (!drawn.has(i) && within(i, margin)) missing.push(i);
			const stray = [...drawn].filter((i) => !(i < lons.length) || !within(i, -margin));
			return { drawn: drawn.size, missing, stray };
		},
		{ lons: [...lons], lats: [...lats], margin }
	);
}
