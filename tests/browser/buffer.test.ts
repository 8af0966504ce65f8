import type { Feature } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildZoneIndex, classifyPoints } from '../../src/lib/core/classify';
import { validateZones } from '../../src/lib/core/geo';
import type { InstitutionType } from '../../src/lib/core/model';
import { institutionBuffers } from '../../src/lib/core/proximity';
import { readFirms, readInstitutions } from './firms-reference';
import { openReadyApp, screenshot, type OpenedApp } from './harness';

const firms = readFirms();
const sites = readInstitutions().features.map((f) => ({
	id: f.properties.id,
	type: f.properties.type,
	lon: f.geometry.coordinates[0],
	lat: f.geometry.coordinates[1]
}));

/** Firms inside the buffer zone by the engine in Node, repaired as the worker repairs zones. */
function engineCount(radiusKm: number, types: InstitutionType[]): number {
	const { geometry } = institutionBuffers(sites, radiusKm, { types });
	const feature: Feature = { type: 'Feature', id: 'b', properties: {}, geometry };
	const { inside } = classifyPoints(buildZoneIndex(validateZones([feature], { source: 'buffer' }).zones), firms.lons, firms.lats);
	return inside.reduce((sum, flag) => sum + flag, 0);
}

describe('zones within a distance of R&D institutions', () => {
	let app: OpenedApp;

	beforeAll(async () => {
		app = await openReadyApp('/#11/34.68/135.58');
	});
	afterAll(() => app?.close());

	it('previews the circles, adds them as a zone and classifies the firms as the engine does', async () => {
		const { page } = app;
		await page.getByText('Zone within a distance of R&D institutions').click();
		await page.getByRole('spinbutton', { name: 'Radius in kilometres' }).fill('3');
		await page.getByRole('checkbox', { name: /National university/ }).uncheck();
		await page.getByRole('checkbox', { name: /Private university/ }).uncheck();
		await expect.poll(() => page.evaluate(() => window.__clusterMap!.getLayer('buffer-preview-fill') !== undefined)).toBe(true);

		const types = sites.map((s) => s.type).filter((type, k, all) => all.indexOf(type) === k && type !== 'national-university' && type !== 'private-university');
		const chosen = sites.filter((s) => types.includes(s.type)).length;
		await page.getByRole('button', { name: `Add as a zone (${chosen} institutions)` }).click();

		const expected = engineCount(3, types);
		expect(expected).toBeGreaterThan(100);
		await expect.poll(() => page.locator('.summary .inside').getAttribute('data-count'), { timeout: 20_000 }).toBe(String(expected));
		const zone = page.locator('[data-zone-id="buffer-1"]');
		await expect.poll(() => zone.locator('.count').getAttribute('data-count')).toBe(String(expected));
		expect(await zone.locator('input').inputValue()).toMatch(/^Within 3 km: /);
		await page.evaluate(
			() =>
				new Promise((done) => {
					const map = window.__clusterMap!;
					map.once('idle', done);
					map.triggerRepaint();
				})
		);
		await screenshot(page, 'buffer-zone-higashi-osaka');
	});

	it('colours firms by zone on request and keys the legend to it', async () => {
		const { page } = app;
		await page.getByLabel('Colour firms by').selectOption('zone');
		const colour = await page.evaluate(() => JSON.stringify(window.__clusterMap!.getPaintProperty('firms', 'circle-color')));
		expect(colour).toContain('"match"');
		expect(colour).toContain('#d9480f'); // the first zone colour
		await expect.poll(() => page.locator('.legend .classified li').count()).toBe(2);
		await page.getByLabel('Colour firms by').selectOption('industry');
		expect(await page.evaluate(() => JSON.stringify(window.__clusterMap!.getPaintProperty('firms', 'circle-color')))).not.toContain('feature-state');
		expect(app.errors).toEqual([]);
	});
});
