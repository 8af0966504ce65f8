import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firmsCsv } from '../../bench/lib/import-data';
import { openReadyApp, storedValue, waitForMap, type OpenedApp } from './harness';

/**
 * Firm rows of the import benchmark's CSV (1,000,000 by default, 78 MB; IMPORT_BENCH_FIRMS sets the
 * count) imported through the page as a user does it: chosen in the file picker, previewed,
 * imported in the worker, drawn on the map. What a user feels as a frozen page is a long
 * main-thread task, so the page's long tasks (the browser's own Long Tasks API) and its animation
 * frames are recorded from the click to the firms drawn.
 * Figures go to tests/output/bench-import.json and the console; only the counts are asserted, as
 * times depend on the machine's load.
 */
const FIRMS = Number(process.env.IMPORT_BENCH_FIRMS ?? 1_000_000);

interface PageTimes {
	longTasks: number[];
	frames: number;
}

let app: OpenedApp;
let path: string;
/** Firms placed by the import, for the reload that follows it. */
let placedCount = 0;

beforeAll(async () => {
	path = firmsCsv(FIRMS);
	app = await openReadyApp('/');
});

afterAll(async () => {
	await app?.close();
});

describe('import of a large firm list in the browser', () => {
	it('places every usable row without long stalls of the page', { timeout: 600_000 }, async () => {
		const { page } = app;
		const text = readFileSync(path, 'utf8');
		const unusable = text.split('\n').filter((line) => line.includes(',不明,')).length;
		const loadBefore = loadavg()[0];

		// The firms' source is replaced by one for the imported firms (its tile URL changes).
		const firmsUrl = () => page.evaluate(() => (window.__clusterMap!.getSource('firms')?.serialize() as { tiles?: string[] } | undefined)?.tiles?.[0] ?? null);
		const sampleUrl = await firmsUrl();
		expect(sampleUrl).not.toBeNull();

		await page.locator('#import-file').setInputFiles(path);
		const dialog = page.getByRole('dialog');
		await dialog.getByRole('button', { name: 'Import', exact: true }).waitFor({ timeout: 120_000 });
		await page.evaluate(() => {
			const times: PageTimes = { longTasks: [], frames: 0 };
			(window as unknown as { __importTimes: PageTimes }).__importTimes = times;
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries()) times.longTasks.push(entry.duration);
			}).observe({ type: 'longtask' });
			const frame = () => {
				times.frames++;
				requestAnimationFrame(frame);
			};
			requestAnimationFrame(frame);
		});
		const started = Date.now();
		await dialog.getByRole('button', { name: 'Import', exact: true }).click();
		const placed = (FIRMS - unusable).toLocaleString('en');
		await dialog.getByText(`${placed} of ${FIRMS.toLocaleString('en')} firms placed on the map.`).waitFor({ timeout: 480_000 });
		const imported = Date.now() - started;
		await dialog.getByRole('button', { name: 'Close' }).click();
		await page.waitForFunction(
			(before) => {
				const map = window.__clusterMap!;
				const source = map.getSource('firms');
				return !!source && (source.serialize() as { tiles?: string[] }).tiles?.[0] !== before && map.isSourceLoaded('firms') && map.loaded();
			},
			sampleUrl,
			{ timeout: 240_000, polling: 250 }
		);
		const drawn = Date.now() - started;
		const times = await page.evaluate(() => (window as unknown as { __importTimes: PageTimes }).__importTimes);

		const report = {
			firms: FIRMS,
			megabytes: Math.round(statSync(path).size / 1e6),
			importedMs: imported,
			drawnMs: drawn,
			longTasks: times.longTasks.length,
			longestTaskMs: Math.round(Math.max(0, ...times.longTasks)),
			longTaskTotalMs: Math.round(times.longTasks.reduce((a, b) => a + b, 0)),
			framesPerSecond: Math.round((times.frames / drawn) * 1000 * 10) / 10,
			loadBefore,
			loadAfter: loadavg()[0]
		};
		mkdirSync('tests/output', { recursive: true });
		writeFileSync('tests/output/bench-import.json', JSON.stringify(report, null, 1));
		console.log('browser import', report);

		await expect(page.getByText(`Imported: ${path.split('/').pop()}`).count()).resolves.toBe(1);
		expect(times.frames).toBeGreaterThan(0);
		expect(app.errors).toEqual([]);
		placedCount = FIRMS - unusable;
	});

	it('comes back from the browser’s session store after a reload', { timeout: 600_000 }, async () => {
		const { page } = app;
		expect(placedCount).toBeGreaterThan(0);
		// The import worker stores the firms after handing them to the page: wait for its manifest.
		const file = path.split('/').pop()!;
		const storedManifest = async () => {
			const manifest = await storedValue<{ sample?: { file: string; rowCount: number } }>(page, 'dataset');
			return manifest?.sample?.file === file && manifest.sample.rowCount === placedCount;
		};
		await expect.poll(storedManifest, { timeout: 240_000, interval: 1000 }).toBe(true);
		// Long tasks from the very start of the new page, before its own scripts run.
		await page.addInitScript(() => {
			const times: PageTimes = { longTasks: [], frames: 0 };
			(window as unknown as { __importTimes: PageTimes }).__importTimes = times;
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries()) times.longTasks.push(entry.duration);
			}).observe({ type: 'longtask', buffered: true });
		});
		// Should the page not have heard yet that the write is done, it asks before leaving: leave.
		page.on('dialog', (dialog) => void dialog.accept());
		const started = Date.now();
		await page.reload();
		await waitForMap(page, 240_000);
		await page.getByText(`${placedCount.toLocaleString('en')} firms`, { exact: true }).waitFor({ timeout: 240_000 });
		await page.waitForFunction(() => window.__clusterMap!.isSourceLoaded('firms') && window.__clusterMap!.loaded(), undefined, { timeout: 240_000, polling: 250 });
		const shown = Date.now() - started;
		const times = await page.evaluate(() => (window as unknown as { __importTimes: PageTimes }).__importTimes);
		const report = {
			firms: placedCount,
			restoredMs: shown,
			longTasks: times.longTasks.length,
			longestTaskMs: Math.round(Math.max(0, ...times.longTasks)),
			longTaskTotalMs: Math.round(times.longTasks.reduce((a, b) => a + b, 0)),
			loadAfter: loadavg()[0]
		};
		writeFileSync('tests/output/bench-import-reload.json', JSON.stringify(report, null, 1));
		console.log('browser reload of imported firms', report);
		await expect(page.getByText(`Imported: ${path.split('/').pop()}`).count()).resolves.toBe(1);
		expect(app.errors).toEqual([]);
	});
});
