import type { Feature } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildZoneIndex, classifyPoints } from '../../src/lib/core/classify';
import { haversineKm, validateZones } from '../../src/lib/core/geo';
import { INSTITUTION_TYPES } from '../../src/lib/core/model';
import { institutionBuffers } from '../../src/lib/core/proximity';
import { readFirms, readInstitutions } from './firms-reference';
import { openReadyApp, screenshot, type OpenedApp } from './harness';
import { writeFigures } from './map-helpers';
import { settled, sourceFeatureCount } from './map-helpers';

// The institutions in use, narrowed to engineering faculties in the institution panel: the map's layer, the buffer
// form and a buffer zone's firm count follow, as the engine in Node computes them for the same subset.

const firms = readFirms();
const sites = readInstitutions().features.map((f) => ({
	id: f.properties.id,
	type: f.properties.type,
	fields: f.properties.fields ?? [],
	lon: f.geometry.coordinates[0],
	lat: f.geometry.coordinates[1]
}));
const engineering = sites.filter((s) => s.fields.includes('engineering'));

/** Inside flags of the firms for buffers round each of `sets`, by the engine in Node, repaired as the worker repairs zones. */
function engineInside(radiusKm: number, ...sets: (typeof sites)[]): Uint8Array {
	const features: Feature[] = sets.map((chosen, k) => ({ type: 'Feature', id: `b${k}`, properties: {}, geometry: institutionBuffers(chosen, radiusKm, { types: [...INSTITUTION_TYPES] }).geometry }));
	return classifyPoints(buildZoneIndex(validateZones(features, { source: 'buffer' }).zones), firms.lons, firms.lats).inside;
}
const engineCount = (radiusKm: number, chosen: typeof sites) => engineInside(radiusKm, chosen).reduce((sum, flag) => sum + flag, 0);

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const n = sorted.length;
	return n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

describe('R&D institutions narrowed by field', () => {
	let app: OpenedApp;

	beforeAll(async () => {
		app = await openReadyApp('/#11/34.72/137.73');
	});
	afterAll(() => app?.close());

	it('loads every campus at start and says what that costs', async () => {
		const { page } = app;
		expect(await sourceFeatureCount(page, 'institutions')).toBe(sites.length);
		// The university list's credit, while the layer is shown.
		await expect.poll(() => page.locator('.maplibregl-ctrl-attrib').textContent()).toContain('文部科学省「大学一覧」');
		// The file's fetch and JSON parse as the browser did them, and a parse of it again (cached) on its own.
		const figures = await page.evaluate(async () => {
			const entry = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((e) => e.name.includes('universities.geo'))!;
			const text = await (await fetch(entry.name)).text();
			const start = performance.now();
			JSON.parse(text);
			const parseMs = performance.now() - start;
			// When the other start files arrived: the start waits for the universities only if they come last.
			const others = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => /\.json$/.test(e.name) && e !== entry && e.startTime < entry.responseEnd);
			return { bytes: entry.decodedBodySize, fetchMs: entry.duration, fetchEndMs: entry.responseEnd, otherGeodataEndMs: Math.max(...others.map((e) => e.responseEnd)), parseMs };
		});
		expect(figures.bytes).toBeGreaterThan(500_000);
		writeFigures('institutions-figures', figures);
	});

	it('narrows the map, the buffer form and a buffer zone to engineering faculties', async () => {
		const { page } = app;
		expect(engineering.length).toBeGreaterThan(100);
		expect(engineering.length).toBeLessThan(sites.length);

		await page.getByText('Zone within a distance of R&D institutions').click();
		await page.getByRole('spinbutton', { name: 'Radius in kilometres' }).fill('3');
		await page.getByRole('button', { name: `Add as a zone (${sites.length.toLocaleString('en')} institutions)` }).click();
		const all = engineCount(3, sites);
		await expect.poll(() => page.locator('[data-zone-id="buffer-1"] .count').getAttribute('data-count'), { timeout: 20_000 }).toBe(String(all));

		const panel = page.locator('[data-institution-panel]');
		await panel.getByText('R&D institutions in use').click();
		await expect(panel.locator('[data-institutions-used]').textContent()).resolves.toBe(`${sites.length.toLocaleString('en')} / ${sites.length.toLocaleString('en')}`);
		// With the keyboard: every field but engineering unticked.
		for (const field of ['Science', 'Medicine and health', 'Agriculture', 'Other fields']) {
			const box = panel.getByRole('checkbox', { name: new RegExp(`^${field}`) });
			await box.focus();
			await page.keyboard.press('Space');
			await expect(box.isChecked()).resolves.toBe(false);
		}
		await expect.poll(() => sourceFeatureCount(page, 'institutions')).toBe(engineering.length);
		await expect(panel.locator('[data-institutions-used]').textContent()).resolves.toBe(`${engineering.length.toLocaleString('en')} / ${sites.length.toLocaleString('en')}`);

		await page.getByRole('button', { name: `Add as a zone (${engineering.length.toLocaleString('en')} institutions)` }).click();
		const narrowed = engineCount(3, engineering);
		expect(narrowed).toBeLessThan(all);
		expect(narrowed).toBeGreaterThan(0);
		const zone = page.locator('[data-zone-id="buffer-2"]');
		await expect.poll(() => zone.locator('.count').getAttribute('data-count'), { timeout: 20_000 }).toBe(String(narrowed));
		expect(await zone.locator('input').inputValue()).toMatch(/\(Engineering\)$/);
		await settled(page);
		await screenshot(page, 'institutions-engineering-en');
	});

	it('shows a campus with its university, faculties and location precision', async () => {
		const { page } = app;
		const target = await page.evaluate(() => {
			const map = window.__clusterMap!;
			const visible = map
				.queryRenderedFeatures({ layers: ['institutions'] })
				.filter((feature) => typeof feature.properties.university === 'string')
				.map((feature) => ({ id: feature.properties.id as string, point: map.project((feature.geometry as GeoJSON.Point).coordinates as [number, number]) }))
				.find(({ point }) => point.x > 380 && point.x < 1000 && point.y > 80 && point.y < 720);
			if (!visible) throw new Error('no campus in the open part of the map');
			return { id: visible.id, x: visible.point.x, y: visible.point.y };
		});
		await page.mouse.click(target.x, target.y);
		const popup = page.locator('.feature-popup');
		await popup.waitFor();
		const expected = readInstitutions().features.find((f) => f.properties.id === target.id)!.properties;
		const text = (await popup.textContent())!;
		expect(text).toContain('Faculties and graduate schools');
		expect(text).toContain(expected.faculties![0]);
		expect(text).toContain('Engineering');
		expect(text).toContain(expected.university_en ?? expected.university!);
		// A campus placed by its address says to what level; a hand-sourced one how sure its coordinate is.
		expect(text).toContain(expected.precision ? 'Location precision' : 'Coordinate confidence');
		await screenshot(page, 'institutions-popup-en');
		await page.keyboard.press('Escape');
	});

	it('says it all in Japanese', async () => {
		const { page } = app;
		await page.getByText('日本語', { exact: true }).click();
		const panel = page.locator('[data-institution-panel]');
		await expect(panel.locator('summary').textContent()).resolves.toContain('使う研究開発機関');
		await expect(panel.getByRole('checkbox', { name: /^工学/ }).isChecked()).resolves.toBe(true);
		await expect(page.locator('[data-legend-coarse]').textContent()).resolves.toContain('市区町村までしか');
		await settled(page);
		await screenshot(page, 'institutions-engineering-ja');
		expect(app.errors).toEqual([]);
	});

	it('measures the comparison distance to the nearest institution with a chosen field', async () => {
		const { page } = app;
		await page.getByText('English', { exact: true }).click();
		const panel = page.locator('[data-institution-panel]');
		for (const field of ['Science', 'Medicine and health', 'Agriculture', 'Other fields']) await panel.getByRole('checkbox', { name: new RegExp(`^${field}`) }).check();
		await expect.poll(() => sourceFeatureCount(page, 'institutions')).toBe(sites.length);

		await page.getByRole('button', { name: 'Compare inside vs outside' }).click();
		const dialog = page.getByRole('dialog', { name: 'Inside vs outside: innovation comparison' });
		await expect.poll(() => dialog.isVisible()).toBe(true);
		await dialog.getByRole('spinbutton', { name: 'Permutations' }).fill('0');
		await dialog.locator('[data-distance-field]').selectOption('agriculture');
		// Brute force in Node: km to the nearest institution with an agriculture faculty, medians inside and outside the two buffers.
		const agriculture = sites.filter((s) => s.fields.includes('agriculture'));
		const inside = engineInside(3, sites, engineering);
		const km = Array.from(firms.lons, (lon, i) => Math.min(...agriculture.map((s) => haversineKm(lon, firms.lats[i], s.lon, s.lat))));
		const format = (value: number) => value.toLocaleString('en', { maximumFractionDigits: 2 });
		const expected = `Median km: inside ${format(median(km.filter((_, i) => inside[i])))}, outside ${format(median(km.filter((_, i) => !inside[i])))}`;
		await expect.poll(() => dialog.getByText(/^Median km:/).textContent(), { timeout: 60_000 }).toBe(expected);
		await screenshot(page, 'institutions-compare-agriculture-en');
		await page.keyboard.press('Escape');
		expect(app.errors).toEqual([]);
	});

	it('draws a campus located only to its municipality as a ring and says so in its popup', async () => {
		const { page } = app;
		// 信州大学 伊那キャンパス: its address reached only 伊那市.
		const campus = readInstitutions().features.find((f) => f.id === 'F120110105771-4')!;
		expect(campus.properties.precision).toBe('municipality');
		const point = await page.evaluate(
			(center) =>
				new Promise<{ x: number; y: number }>((done) => {
					const map = window.__clusterMap!;
					map.once('idle', () => done(map.project(center)));
					map.jumpTo({ center, zoom: 13 });
				}),
			campus.geometry.coordinates as [number, number]
		);
		await page.mouse.click(point.x, point.y);
		const popup = page.locator('.feature-popup');
		await popup.waitFor();
		expect(await popup.textContent()).toContain('Municipality only: the point is the municipality’s, not the campus’s');
		await screenshot(page, 'institutions-coarse-en');
		await page.keyboard.press('Escape');
	});
});
