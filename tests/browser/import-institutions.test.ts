import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInstitutions } from './firms-reference';
import { openReadyApp, screenshot, storedValue, waitForMap, type OpenedApp } from './harness';
import { OTA_VIEW, sourceFeatureCount } from './map-helpers';

// A user's own list of R&D institutions with Japanese headers and types: one type the vocabulary
// does not know (kept as "other", listed), one row without a usable latitude (listed, left out),
// markup in a name (shown as text). Imported in place of the bundled institutions, they must drive
// the map, the buffer form and the export's nearest-institution columns, survive a reload, and
// give way to the bundled ones again in a new session.

const INSTITUTIONS = [
	['東京工業大学 大岡山', '国立大学', 35.605, 139.6836],
	['東京都立産業技術研究センター', '公設試験研究機関', 35.6335, 139.7924],
	['<i>蒲田博物館</i>', '博物館', 35.562, 139.716]
] as const;
const CSV = ['機関名,種別,緯度,経度', ...INSTITUTIONS.map((row) => row.join(',')), '位置不明研究所,国立研究開発法人,不明,139.70'].join('\n') + '\n';
const FILE = '研究機関.csv';
const SAMPLE = 'static/generated/firms-sample.csv';
const OUT = mkdtempSync(join(tmpdir(), 'cluster-map-institutions-'));

/** Great-circle km on the engine's sphere, for a brute-force nearest institution. */
function haversineKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
	const rad = Math.PI / 180;
	const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
	return 2 * 6371.0088 * Math.asin(Math.sqrt(a));
}

/** Polls from here: a page function returning a promise would count as truthy at once. */
async function waitForInstitutions(page: Page, count: number): Promise<void> {
	await expect.poll(() => sourceFeatureCount(page, 'institutions'), { timeout: 30_000, interval: 200 }).toBe(count);
}

/** The hand-sourced institutions and every university campus, as the app starts with them. */
const bundledCount = readInstitutions().features.length;

let app: OpenedApp;

beforeAll(async () => {
	app = await openReadyApp(OTA_VIEW);
});

afterAll(async () => {
	await app?.close();
});

describe('import R&D institutions', () => {
	it('guesses the columns and types, imports in place of the bundled ones and lists the problems', async () => {
		const { page } = app;
		await waitForInstitutions(page, bundledCount);
		await page.locator('#import-file').setInputFiles({ name: FILE, mimeType: 'text/csv', buffer: Buffer.from(CSV) });
		const dialog = page.getByRole('dialog');
		await dialog.getByRole('button', { name: 'Import', exact: true }).waitFor();
		// A type column and no industry: the dialog takes the file for institutions.
		expect(await dialog.getByLabel('R&D institutions (points)').isChecked()).toBe(true);
		const chosen = (label: string) => dialog.getByLabel(label, { exact: true }).evaluate((s: HTMLSelectElement) => s.selectedOptions[0].textContent);
		expect(await chosen('Name')).toBe('機関名');
		expect(await chosen('Type')).toBe('種別');
		expect(await chosen('Latitude')).toBe('緯度');
		expect(await chosen('Longitude')).toBe('経度');
		await expect(dialog.getByText('Rows without usable coordinates: 1 of 4.').count()).resolves.toBe(1);
		expect(await dialog.getByLabel('Keep them and add these').isChecked()).toBe(true);
		await dialog.getByLabel('Replace them by these').check();
		await dialog.getByRole('button', { name: 'Import', exact: true }).click();

		await dialog.getByText('3 of 4 institutions imported.', { exact: false }).waitFor();
		const missing = dialog.locator('li', { hasText: 'line 5' });
		expect(await missing.textContent()).toContain('column “緯度”');
		const unknown = dialog.locator('li', { hasText: 'line 4' });
		expect(await unknown.textContent()).toContain('“博物館” is not one of the known kinds');
		await screenshot(page, 'import-institutions-done');
		await dialog.getByRole('button', { name: 'Close' }).click();
		await waitForInstitutions(page, 3);
		expect(app.errors).toEqual([]);
	});

	it('gives a clicked firm its nearest imported institution (the worker computed them again)', async () => {
		const { page } = app;
		const firm = await page.evaluate((sites) => {
			const map = window.__clusterMap!;
			const away = (x: number, y: number) => sites.every(([lon, lat]) => Math.hypot(map.project([lon, lat]).x - x, map.project([lon, lat]).y - y) > 40);
			for (const feature of map.queryRenderedFeatures({ layers: ['firms'] })) {
				const [lon, lat] = (feature.geometry as GeoJSON.Point).coordinates as [number, number];
				const { x, y } = map.project([lon, lat]);
				if (x > 450 && x < 1000 && y > 80 && y < 700 && away(x, y)) return { lon, lat, x, y };
			}
			return null;
		}, INSTITUTIONS.map(([, , lat, lon]) => [lon, lat]));
		expect(firm).not.toBeNull();
		const distances = INSTITUTIONS.map(([, , lat, lon]) => haversineKm(firm!.lon, firm!.lat, lon, lat));
		const nearest = INSTITUTIONS[distances.indexOf(Math.min(...distances))][0];
		await page.mouse.click(firm!.x, firm!.y);
		const popup = page.locator('.feature-popup');
		await popup.waitFor();
		await expect.poll(async () => (await popup.textContent())?.replace(/\s+/g, ' ')).toContain(`Nearest R&D institution ${nearest}, `);
		await page.keyboard.press('Escape');
	});

	it('offers the buffer form the types in the data', async () => {
		const { page } = app;
		await page.getByText('Zone within a distance of R&D institutions').click();
		const form = page.locator('details.buffer');
		await expect(form.getByLabel(/National university/).isEnabled()).resolves.toBe(true);
		await expect(form.getByLabel(/Public research institute/).isEnabled()).resolves.toBe(true);
		await expect(form.getByLabel(/Private university/).isEnabled()).resolves.toBe(false);
		await expect(form.getByRole('button', { name: /Add/ }).textContent()).resolves.toContain('3');
		await page.getByText('Zone within a distance of R&D institutions').click();
		// The legend keys only the types on the map.
		const legend = page.locator('details.legend');
		await expect(legend.getByText('National university', { exact: true }).count()).resolves.toBe(1);
		await expect(legend.getByText('Public research institute', { exact: true }).count()).resolves.toBe(1);
		await expect(legend.getByText('Private university', { exact: true }).count()).resolves.toBe(0);
	});

	it('exports every firm with its nearest imported institution, as brute force finds it', async () => {
		const { page } = app;
		await page.locator('[data-export="format"]').selectOption('csv');
		await page.locator('[data-export="filter"]').selectOption('all');
		const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }) as Promise<Download>, page.getByRole('button', { name: 'Export firms' }).click()]);
		const path = join(OUT, file.suggestedFilename());
		await file.saveAs(path);
		const table = Papa.parse<string[]>(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' }).data;
		const header = table[0];
		const [lonAt, latAt, idAt, kmAt] = ['lon', 'lat', 'nearest_institution_id', 'nearest_institution_km'].map((name) => header.indexOf(name));
		const sample = readFileSync(SAMPLE, 'utf8').split('\n').filter(Boolean).length - 1;
		expect(table.length - 1).toBe(sample);
		let mismatches = 0;
		for (const row of table.slice(1)) {
			const lon = Number(row[lonAt]);
			const lat = Number(row[latAt]);
			const distances = INSTITUTIONS.map(([, , ilat, ilon]) => haversineKm(lon, lat, ilon, ilat));
			const best = distances.indexOf(Math.min(...distances));
			// The formula guard does not touch these names; ties are not expected with real coordinates.
			if (row[idAt] !== INSTITUTIONS[best][0] || Math.abs(Number(row[kmAt]) - distances[best]) > 0.001) mismatches++;
		}
		expect(mismatches).toBe(0);
	});

	it('keeps the imported institutions after a reload; a new session brings back the bundled ones', async () => {
		const { page } = app;
		// The session is saved a moment after a change: reload once it holds the imported institutions.
		await expect.poll(async () => (await storedValue<{ institutions?: { institutions: unknown[] } | null }>(page, 'session'))?.institutions?.institutions.length).toBe(3);
		await page.reload();
		await waitForMap(page, 90_000);
		await waitForInstitutions(page, 3);
		await page.getByRole('button', { name: 'New session' }).click();
		await page.getByRole('button', { name: 'Clear and start again' }).click();
		await waitForInstitutions(page, bundledCount);
		expect(app.errors).toEqual([]);
	});
});
