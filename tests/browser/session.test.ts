import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Position } from 'geojson';
import Papa from 'papaparse';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReadyApp, screenshot, waitForMap, type OpenedApp } from './harness';
import { OTA_CORNERS, OTA_VIEW, engineInsideFlags, lngLatsAt, settled } from './map-helpers';

// The export, zones file, session file and browser storage, end to end in Chromium: a zone drawn by
// mouse at Ota, the downloads checked against the firm file and against `cluster-map classify`.

const SAMPLE = 'static/generated/firms-sample.csv';
const OUT = mkdtempSync(join(tmpdir(), 'cluster-map-session-'));
const APPENDED = ['zone_names', 'zone_ids', 'inside_cluster', 'nearest_institution_id', 'nearest_institution_km', 'within_buffer', 'problem'];

/** The firm file as a table of its original cells, header first. */
const original = Papa.parse<string[]>(readFileSync(SAMPLE, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' }).data;
const lonAt = original[0].indexOf('lon');
const latAt = original[0].indexOf('lat');
const firms = original.slice(1);
const lons = Float64Array.from(firms, (row) => Number(row[lonAt]));
const lats = Float64Array.from(firms, (row) => Number(row[latAt]));

/** How many firms the engine puts inside the polygon, computed here in Node. */
function engineCount(ring: Position[]): number {
	return engineInsideFlags(ring, lons, lats).reduce((n, flag) => n + flag, 0);
}

/** Counts the zone list shows, once the list has `zones` entries that all have a count. */
async function zoneCounts(page: Page, zones: number): Promise<number[]> {
	await page
		.waitForFunction(
			(n) => {
				const counts = [...document.querySelectorAll('[data-zone-id] .count')].map((el) => el.getAttribute('data-count'));
				return counts.length === n && counts.every((c) => c !== null && c !== '');
			},
			zones,
			{ timeout: 30_000 }
		)
		.catch(() => undefined);
	return page.locator('[data-zone-id] .count').evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-count'))));
}

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer; path: string }> {
	const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }) as Promise<Download>, click()]);
	const path = join(OUT, file.suggestedFilename());
	await file.saveAs(path);
	return { name: file.suggestedFilename(), bytes: readFileSync(path), path };
}

async function exportFirms(page: Page, format: string, filter: string) {
	await page.locator('[data-export="format"]').selectOption(format);
	await page.locator('[data-export="filter"]').selectOption(filter);
	return download(page, () => page.getByRole('button', { name: 'Export firms' }).click());
}

function cli(...args: string[]): Promise<void> {
	return new Promise((resolve, reject) => execFile(process.execPath, ['bin/cluster-map.js', ...args], (error, _o, stderr) => (error ? reject(new Error(stderr)) : resolve())));
}

function parseCsv(text: string): string[][] {
	return Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' }).data;
}

describe('export, session files and browser storage', () => {
	let app: OpenedApp;
	let expected = 0;
	const corners = OTA_CORNERS;

	beforeAll(async () => {
		app = await openReadyApp(OTA_VIEW);
		await settled(app.page);
		const { page } = app;
		await page.getByRole('toolbar').locator('[data-tool="polygon"]').click();
		for (const [x, y] of corners) {
			await page.mouse.move(x, y, { steps: 4 });
			await page.mouse.click(x, y);
		}
		await page.keyboard.press('Enter');
		expected = engineCount(await lngLatsAt(page, corners));
		expect(expected).toBeGreaterThan(20);
		expect(await zoneCounts(page, 1)).toEqual([expected]);
		// Leave drawing so that the panel's buttons get the clicks.
		await page.getByRole('toolbar').locator('[data-tool="polygon"]').click();
	});
	afterAll(() => app?.close());

	it('exports the classified firms as CSV: BOM, every original cell, the CLI columns, the same result as the CLI', async () => {
		const { page } = app;
		const started = Date.now();
		const csv = await exportFirms(page, 'csv', 'all');
		console.log(`export of ${firms.length} firms as CSV, click to download: ${Date.now() - started} ms`);
		expect(csv.name).toBe('firms-sample-classified.csv');
		expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const table = parseCsv(csv.bytes.toString('utf8').slice(1));
		const width = original[0].length;
		expect(table[0]).toEqual([...original[0], ...APPENDED]);
		expect(table.length).toBe(original.length);
		// Original cells as they were (the sample has no formula-like text to guard).
		expect(table.map((row) => row.slice(0, width))).toEqual(original);
		const inside = table.slice(1).filter((row) => row[width + 2] === 'true');
		expect(inside.length).toBe(expected);
		const zoneName = await page.locator('[data-zone-id] input').first().inputValue();
		expect(new Set(inside.map((row) => row[width]))).toEqual(new Set([zoneName]));

		// The zones file through the CLI with the bundled institutions and the default 5 km: the same table.
		const zones = await download(page, () => page.getByRole('button', { name: 'Export zones (GeoJSON)' }).click());
		await cli('classify', '--firms', SAMPLE, '--zones', zones.path, '--institutions', 'bundled', '--buffer-km', '5', '--out', join(OUT, 'cli.csv'));
		const byCli = parseCsv(readFileSync(join(OUT, 'cli.csv'), 'utf8').slice(1));
		expect(table.map((row) => row.filter((_, j) => j !== width))).toEqual(byCli);
		expect(app.errors).toEqual([]);
	});

	it('exports only the firms inside as Shift_JIS CSV and only those outside as GeoJSON', async () => {
		const { page } = app;
		const sjis = await exportFirms(page, 'csv-sjis', 'inside');
		expect(sjis.name).toBe('firms-sample-classified-inside.sjis.csv');
		expect([...sjis.bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
		const table = parseCsv(new TextDecoder('shift_jis').decode(sjis.bytes));
		expect(table[0]).toEqual([...original[0], ...APPENDED]);
		expect(table.length - 1).toBe(expected);
		const byId = new Map(firms.map((row) => [row[0], row]));
		for (const row of table.slice(1)) expect(row.slice(0, original[0].length)).toEqual(byId.get(row[0]));

		const geojson = await exportFirms(page, 'geojson', 'outside');
		const collection = JSON.parse(geojson.bytes.toString('utf8'));
		expect(collection.features.length).toBe(firms.length - expected);
		const first = collection.features[0];
		expect(Object.keys(first.properties)).toEqual([...original[0], ...APPENDED]);
		expect(first.properties.inside_cluster).toBe(false);
		expect(Object.values(first.properties).slice(0, original[0].length)).toEqual(byId.get(first.properties.id));
		expect(first.geometry).toEqual({ type: 'Point', coordinates: [Number(first.properties.lon), Number(first.properties.lat)] });
	});

	it('restores the zones after a reload', async () => {
		const { page } = app;
		await page.waitForTimeout(1000); // the session is saved a moment after the last change
		await page.reload();
		await waitForMap(page, 60_000);
		expect(await zoneCounts(page, 1)).toEqual([expected]);
		await screenshot(page, 'session-restored');
	});

	it('imports exported zones into a new session with the same counts, and names a bad file', async () => {
		const { page } = app;
		const zones = await download(page, () => page.getByRole('button', { name: 'Export zones (GeoJSON)' }).click());
		// The question can be answered from the keyboard: Esc keeps everything.
		await page.getByRole('button', { name: 'New session' }).click();
		const dialog = page.getByRole('dialog', { name: 'Start a new session?' });
		await expect.poll(() => dialog.isVisible()).toBe(true);
		await page.keyboard.press('Escape');
		await expect.poll(() => dialog.isVisible()).toBe(false);
		expect(await page.locator('[data-zone-id]').count()).toBe(1);
		await page.getByRole('button', { name: 'New session' }).click();
		await screenshot(page, 'session-new-confirm');
		await page.keyboard.press('Tab'); // Cancel has the focus first; Tab reaches the confirming button
		await page.keyboard.press('Enter');
		await expect.poll(() => page.locator('[data-zone-id]').count()).toBe(0);

		await page.locator('input[data-input="zones"]').setInputFiles(zones.path);
		expect(await zoneCounts(page, 1)).toEqual([expected]);
		// The same zone: id, name and source as exported.
		const exported = JSON.parse(zones.bytes.toString('utf8')).features[0];
		expect(await page.locator('[data-zone-id]').getAttribute('data-zone-id')).toBe(exported.id);
		expect(await page.locator('[data-zone-id] input').first().inputValue()).toBe(exported.properties.name);
		expect(exported.properties.source).toBe('drawn');
		await expect.poll(() => page.locator('[data-notice="session-info"]').textContent()).toContain('Zones imported from zones.geojson: 1.');

		const bad = join(OUT, 'bad-zones.geojson');
		writeFileSync(bad, JSON.stringify({ type: 'FeatureCollection', features: [JSON.parse(zones.bytes.toString()).features[0], { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [139.7, 35.5] } }] }));
		await page.locator('input[data-input="zones"]').setInputFiles(bad);
		await expect.poll(() => page.locator('[data-notice="session-error"]').textContent()).toContain('bad-zones.geojson: feature 2 is a Point, not a Polygon or MultiPolygon');
		expect(await page.locator('[data-zone-id]').count()).toBe(1);
		expect(app.errors).toEqual([]);
	});

	it('saves a session file and opens it again in a new session', async () => {
		const { page } = app;
		await page.locator('[data-export="buffer"]').fill('3');
		await page.locator('[data-export="buffer"]').press('Enter');
		await page.locator('[data-zone-id] input').first().fill('大田区 北部');
		await page.locator('[data-zone-id] input').first().press('Enter');
		const file = await download(page, () => page.getByRole('button', { name: 'Save session' }).click());
		const saved = JSON.parse(file.bytes.toString('utf8'));
		expect(saved).toMatchObject({ format: 'cluster-map-session', version: 1, settings: { bufferKm: 3 }, dataset: { file: 'firms-sample.csv', rows: firms.length, bundled: true } });
		expect(saved.dataset.sha256).toMatch(/^[0-9a-f]{64}$/);

		await page.getByRole('button', { name: 'New session' }).click();
		await page.getByRole('button', { name: 'Clear and start again' }).click();
		await expect.poll(() => page.locator('[data-zone-id]').count()).toBe(0);
		expect(await page.locator('[data-export="buffer"]').inputValue()).toBe('5');

		await page.locator('input[data-input="session"]').setInputFiles(file.path);
		expect(await zoneCounts(page, 1)).toEqual([expected]);
		expect(await page.locator('[data-zone-id] input').first().inputValue()).toBe('大田区 北部');
		expect(await page.locator('[data-export="buffer"]').inputValue()).toBe('3');
		await expect.poll(() => page.locator('[data-notice="session-warning"]').count()).toBe(0);

		// Made with other firms: opened, with a warning naming both datasets.
		const other = join(OUT, 'other-firms.json');
		writeFileSync(other, JSON.stringify({ ...saved, dataset: { file: 'survey.csv', rows: 120, sha256: 'f'.repeat(64), bundled: false } }));
		await page.locator('input[data-input="session"]').setInputFiles(other);
		await expect.poll(() => page.locator('[data-notice="session-warning"]').textContent()).toContain('was made with other firms (survey.csv, 120 rows)');
		expect(await zoneCounts(page, 1)).toEqual([expected]);

		// A file from a newer version is refused with a clear message.
		const future = join(OUT, 'future.json');
		writeFileSync(future, JSON.stringify({ ...saved, version: 2 }));
		await page.locator('input[data-input="session"]').setInputFiles(future);
		await expect.poll(() => page.locator('[data-notice="session-error"]').textContent()).toContain('future.json: was saved by a newer version of the app');
		await screenshot(page, 'session-panel');
		await page.getByRole('radio', { name: '日本語' }).check();
		await expect.poll(() => page.getByRole('button', { name: '企業をエクスポート' }).isVisible()).toBe(true);
		// The refusal follows the language switch too, as the notices' own words do.
		await expect.poll(() => page.locator('[data-notice="session-error"]').textContent()).toContain('future.json：より新しい版のアプリで保存されたファイルです');
		await screenshot(page, 'session-panel-ja');
		expect(app.errors).toEqual([]);
	});
});
