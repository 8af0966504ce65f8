import Encoding from 'encoding-japanese';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReadyApp, screenshot, type OpenedApp } from './harness';

// A user's own firm list, as Excel in Japan saves it: Shift_JIS, Japanese headers, CRLF. One row
// has an unusable latitude, one a quoted comma, one markup in its name (which must stay text).

const HEADER = '企業ID,会社名,住所,業種,緯度,経度';
const BAD_LINE = 7;
const rows = Array.from({ length: 40 }, (_, i) => {
	const lat = (35.55 + (i % 8) * 0.006).toFixed(5);
	const lon = (139.69 + Math.floor(i / 8) * 0.011).toFixed(5);
	const name = i === 2 ? '"有限会社蒲田製作所, 第二工場"' : i === 3 ? '<b>太字工業</b>' : `大田精機${i + 1}`;
	return `F${String(i + 1).padStart(3, '0')},${name},東京都大田区${i + 1},24,${i + 2 === BAD_LINE ? '緯度不明' : lat},${lon}`;
});
const csv = Uint8Array.from(Encoding.convert(Encoding.stringToCode([HEADER, ...rows].join('\r\n') + '\r\n'), { to: 'SJIS', from: 'UNICODE' }));
const FILE = '大田区企業.csv';

let app: OpenedApp;

beforeAll(async () => {
	app = await openReadyApp('/');
});

afterAll(async () => {
	await app?.close();
});

describe('import a Shift_JIS CSV with Japanese headers', () => {
	it('guesses the columns, shows the first rows and the unusable count before importing', async () => {
		const { page } = app;
		await expect(page.getByText(/up to 256 MB/).count()).resolves.toBe(1);
		await page.locator('#import-file').setInputFiles({ name: FILE, mimeType: 'text/csv', buffer: Buffer.from(csv) });
		const dialog = page.getByRole('dialog');
		await dialog.getByRole('button', { name: 'Import', exact: true }).waitFor();
		await expect(dialog.getByText('Shift_JIS (CP932), comma-separated').count()).resolves.toBe(1);
		const chosen = async (label: string) => dialog.getByLabel(label, { exact: true }).evaluate((s: HTMLSelectElement) => s.selectedOptions[0].textContent);
		expect(await chosen('Latitude')).toBe('緯度');
		expect(await chosen('Longitude')).toBe('経度');
		expect(await chosen('Name')).toBe('会社名');
		expect(await chosen('Id')).toBe('企業ID');
		expect(await chosen('Industry (JSIC)')).toBe('業種');
		await expect(dialog.getByText('Rows without usable coordinates: 1 of 40.').count()).resolves.toBe(1);
		// Markup in a cell is shown as text, never made into elements.
		await expect(dialog.locator('td', { hasText: '<b>太字工業</b>' }).count()).resolves.toBe(1);
		await expect(dialog.locator('td b').count()).resolves.toBe(0);
		await screenshot(page, 'import-dialog');
	});

	it('imports: the firms are on the map and the bad row is listed by line and column', async () => {
		const { page } = app;
		const dialog = page.getByRole('dialog');
		await dialog.getByRole('button', { name: 'Import', exact: true }).click();
		await dialog.getByText('39 of 40 firms placed on the map.').waitFor();
		const problem = dialog.locator('li', { hasText: `line ${BAD_LINE}` });
		await expect(problem.count()).resolves.toBe(1);
		expect(await problem.textContent()).toContain('column “緯度”');
		expect(await problem.textContent()).toContain('緯度不明');
		await expect(dialog.getByRole('button', { name: 'Download problems CSV' }).count()).resolves.toBe(1);
		await screenshot(page, 'import-done');
		await dialog.getByRole('button', { name: 'Close' }).click();

		await expect(page.getByText(`Imported: ${FILE}`).count()).resolves.toBe(1);
		await expect(page.getByText('Synthetic sample — not real firms').count()).resolves.toBe(0);

		await page.evaluate(() => window.__clusterMap!.fitBounds([[139.68, 35.54], [139.75, 35.6]], { duration: 0, padding: 40 }));
		// Every placed firm, and only those, drawn (the view holds all of them).
		await page.waitForFunction(() => window.__clusterMap!.loaded() && new Set(window.__clusterMap!.queryRenderedFeatures({ layers: ['firms'] }).map((f) => f.id)).size === 39);
		await screenshot(page, 'import-map');
		expect(app.errors).toEqual([]);
	});

	it('a file dropped on the map opens the import; a projected Shapefile is refused, naming its system', async () => {
		const { page } = app;
		const zip = readFileSync('tests/fixtures/import/projected-prj/wards.zip');
		await page.evaluate(
			([bytes, name]) => {
				const transfer = new DataTransfer();
				transfer.items.add(new File([new Uint8Array(bytes)], name, { type: 'application/zip' }));
				for (const type of ['dragenter', 'dragover', 'drop']) {
					document.body.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
				}
			},
			[Array.from(zip), 'wards.zip'] as const
		);
		const alert = page.getByRole('dialog').getByRole('alert');
		await alert.waitFor();
		expect(await alert.textContent()).toContain('projected coordinate system “JGD2011 / Japan Plane Rectangular CS IX”');
		await screenshot(page, 'import-refused');
		await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
		expect(app.errors).toEqual([]);
	});
});

describe('import in Japanese', () => {
	it('words the dialog and the problems in Japanese', async () => {
		const ja = await openReadyApp('/', { locale: 'ja-JP' });
		try {
			const { page } = ja;
			await expect(page.getByRole('heading', { name: '手元のデータ' }).count()).resolves.toBe(1);
			await page.locator('#import-file').setInputFiles({ name: FILE, mimeType: 'text/csv', buffer: Buffer.from(csv) });
			const dialog = page.getByRole('dialog');
			await dialog.getByText('座標が使えない行').or(dialog.getByText('行のうち 1 行は座標が使えません')).first().waitFor();
			await dialog.getByRole('button', { name: '読み込む', exact: true }).click();
			const problem = dialog.locator('li', { hasText: `${BAD_LINE} 行目` });
			await problem.waitFor();
			expect(await problem.textContent()).toContain('列「緯度」');
			expect(await problem.textContent()).toContain('度の数値として読めません');
			await screenshot(page, 'import-done-ja');
			await dialog.getByRole('button', { name: '閉じる' }).click();
			// A file that cannot be used at all is explained in Japanese too.
			await page.locator('#import-file').setInputFiles({ name: 'header-only.csv', mimeType: 'text/csv', buffer: Buffer.from('id,lat,lon\n') });
			const alert = page.getByRole('dialog').getByRole('alert');
			await alert.waitFor({ timeout: 60_000 });
			expect(await alert.textContent()).toContain('header-only.csv の 1 行目：見出し行はありますが、データ行がありません');
			await screenshot(page, 'import-failed-ja');
			expect(ja.errors).toEqual([]);
		} finally {
			await ja.close();
		}
	});
});
