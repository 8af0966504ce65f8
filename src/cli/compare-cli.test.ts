import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';

// End-to-end: the real `cluster-map compare` on a file built here. Firms are placed inside or
// outside a square zone by construction, and their survey values are textbook data sets, so the
// printed statistics must be the published ones:
//   extra     — R datasets::sleep; t.test(extra ~ group, data = sleep): t = -1.8608, df = 17.776,
//               p-value = 0.07939, 95% CI -3.3654832 0.2054832
//   taste     — the tea-tasting lady (Agresti 2002, p. 91); fisher.test: p-value = 0.4857

const BIN = join(import.meta.dirname, '../../bin/cluster-map.js');
const DIR = mkdtempSync(join(tmpdir(), 'cluster-map-compare-'));
const SLEEP_1 = ['0.7', '-1.6', '-0.2', '-1.2', '-0.1', '3.4', '3.7', '0.8', '0.0', '2.0'];
const SLEEP_2 = ['1.9', '0.8', '1.1', '0.1', '-0.1', '4.4', '5.5', '1.6', '4.6', '3.4'];
// Inside: 3 of 4 said yes (one blank, five unanswered); outside: 1 of 4.
const TASTE_1 = ['はい', 'yes', '1', 'no', '', '', '', '', '', ''];
const TASTE_2 = ['いいえ', '0', 'no', '有', '', '', '', '', '', ''];

interface Run {
	status: number;
	stdout: string;
	stderr: string;
}

function run(...args: string[]): Promise<Run> {
	return new Promise((resolve) => {
		execFile(process.execPath, [BIN, 'compare', ...args], { cwd: DIR, encoding: 'utf8' }, (error, stdout, stderr) => {
			resolve({ status: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
		});
	});
}

beforeAll(() => {
	const zone = { type: 'FeatureCollection', features: [{ type: 'Feature', id: 'square', properties: { name: 'Square' }, geometry: { type: 'Polygon', coordinates: [[[139, 35], [140, 35], [140, 36], [139, 36], [139, 35]]] } }] };
	writeFileSync(join(DIR, 'zones.geojson'), JSON.stringify(zone));
	const rows = ['id,lat,lon,extra,taste,patents'];
	SLEEP_1.forEach((extra, i) => rows.push(`A${i},${35.1 + i * 0.05},${139.2 + i * 0.05},${extra},${TASTE_1[i]},${i}`));
	SLEEP_2.forEach((extra, i) => rows.push(`B${i},${34.6 + i * 0.01},${135.5 + i * 0.01},${extra},${TASTE_2[i]},${i === 3 ? 'many' : i}`));
	rows.push('C0,,,9,yes,9'); // no coordinates: in no group
	writeFileSync(join(DIR, 'firms.csv'), rows.join('\n') + '\n');
	writeFileSync(join(DIR, 'institutions.csv'), 'id,lat,lon\nlab,35.1,139.2\n');
	const features = [...SLEEP_1.map((extra, i) => [139.2 + i * 0.05, 35.1 + i * 0.05, extra]), ...SLEEP_2.map((extra, i) => [135.5 + i * 0.01, 34.6 + i * 0.01, extra])].map(
		([lon, lat, extra], i) => ({ type: 'Feature', id: `F${i}`, properties: { extra: Number(extra), note: null }, geometry: { type: 'Point', coordinates: [lon, lat] } })
	);
	writeFileSync(join(DIR, 'firms.geojson'), JSON.stringify({ type: 'FeatureCollection', features }));
});

describe('cluster-map compare', () => {
	it("prints R's Welch test of the sleep data and Fisher's test of the tea-tasting table", async () => {
		const r = await run('--firms', 'firms.csv', '--zones', 'zones.geojson', '--outcome', 'extra,taste', '--permutations', '2000', '--seed', '3');
		expect(r.status, r.stderr).toBe(0);
		const [extra, taste] = r.stdout.split('\n\n');
		expect(extra).toMatch(/^extra \(numeric\): inside any zone vs outside every zone/);
		expect(extra).toMatch(/\n {2}n +10 +10\n/);
		expect(extra).toMatch(/\n {2}mean +0\.750 +2\.330\n/);
		expect(extra).toContain('difference      -1.580 (95% CI -3.365 to 0.205)');
		expect(extra).toContain('Welch t-test    p 0.07939  (t = -1.86, df = 17.8)');
		expect(extra).toMatch(/permutation +p 0\.0\d+ +\(2,000 permutations, seed 3\)/);
		expect(taste).toMatch(/^taste \(yes\/no\)/);
		expect(taste).toMatch(/\n {2}missing +6 +6\n/);
		expect(taste).toMatch(/\n {2}share yes +0\.750 +0\.250\n/);
		expect(taste).toContain('Fisher exact    p 0.4857');
		expect(r.stderr).toContain('firms: 21 read from firms.csv; 10 inside a zone; 1 without usable coordinates, left out of every group');
	});

	it('reads the survey columns of GeoJSON firms from their properties', async () => {
		const r = await run('--firms', 'firms.geojson', '--zones', 'zones.geojson', '--outcome', 'extra', '--permutations', '0');
		expect(r.status, r.stderr).toBe(0);
		expect(r.stdout).toContain('Welch t-test    p 0.07939  (t = -1.86, df = 17.8)');
	});

	it('writes every statistic at full precision as CSV', async () => {
		const r = await run('--firms', 'firms.csv', '--zones', 'zones.geojson', '--outcome', 'extra', '--format', 'csv', '--permutations', '0');
		expect(r.status, r.stderr).toBe(0);
		const [row] = Papa.parse<Record<string, string>>(r.stdout, { header: true, skipEmptyLines: true }).data;
		expect(Number(row.welch_t)).toBeCloseTo(-1.8608, 4);
		expect(Number(row.welch_df)).toBeCloseTo(17.776, 3);
		expect(Number(row.ci_low)).toBeCloseTo(-3.3654832, 7);
		expect(Number(row.ci_high)).toBeCloseTo(0.2054832, 7);
		expect([row.n_1, row.n_0, row.permutation_p, row.permutations]).toEqual(['10', '10', '', '0']);
	});

	it('reports an unreadable cell by file line and column and counts it missing', async () => {
		const r = await run('--firms', 'firms.csv', '--zones', 'zones.geojson', '--outcome', 'patents', '--permutations', '0');
		expect(r.status, r.stderr).toBe(0);
		expect(r.stderr).toContain('firms.csv:15: "many" is not a number (column "patents"); counted as missing');
		expect(r.stdout).toMatch(/\n {2}missing +0 +1\n/);
	});

	it('gives the linkage table by distance band, and the regression whose inside coefficient is the difference in means', async () => {
		const linkage = await run('--firms', 'firms.csv', '--zones', 'zones.geojson', '--institutions', 'institutions.csv', '--outcome', 'extra', '--table', 'linkage', '--bands', '100,300');
		expect(linkage.status, linkage.stderr).toBe(0);
		expect(linkage.stdout).toMatch(/^extra by distance to nearest institution \(mean, 95% CI, n\)/);
		// R: t.test(extra[group == 1]) 95% CI -0.5297804 2.0297804; t.test(extra[group == 2]) 0.8976775 3.7623225
		expect(linkage.stdout).toMatch(/\n {2}<100 km +0\.750 \[-0\.530, 2\.030\] +10 +– +0 +0\.750 \[-0\.530, 2\.030\] +10\n/);
		expect(linkage.stdout).toMatch(/\n {2}≥300 km +– +0 +2\.330 \[0\.898, 3\.762\] +10 +2\.330 \[0\.898, 3\.762\] +10\n/);

		const regression = await run('--firms', 'firms.csv', '--zones', 'zones.geojson', '--outcome', 'extra', '--table', 'regression', '--format', 'csv');
		expect(regression.status, regression.stderr).toBe(0);
		const rows = Papa.parse<Record<string, string>>(regression.stdout, { header: true, skipEmptyLines: true }).data;
		const inside = rows.find((r) => r.term === 'inside')!;
		expect(Number(inside.estimate)).toBeCloseTo(0.75 - 2.33, 12);
		// With two groups of 10 the HC1 standard error equals Welch's: √(s₁²/10 + s₂²/10) = 0.849091.
		expect(Number(inside.robust_se)).toBeCloseTo(0.849091, 6);
		expect(inside.n).toBe('20');
	});

	it.each([
		[['--outcome', 'sales'], /^cluster-map: firms\.csv: has no column "sales"\. Its columns are: id, lat, lon, extra, taste, patents\.$/],
		[['--outcome', 'extra', '--bands', '5,2'], /^cluster-map: --bands must be increasing distances in km, comma-separated, such as 2,5,10,20 — not "5,2"\. See cluster-map compare --help\.$/],
		[['--outcome', 'extra', '--group', 'zone:nope'], /^cluster-map: --group zone:nope names no zone of zones\.geojson; its zones are square\. See cluster-map compare --help\.$/],
		[['--outcome', 'extra', '--table', 'linkage'], /^cluster-map: --table linkage needs --institutions/],
		[['--outcome', 'extra', '--permutations', 'lots'], /^cluster-map: --permutations must be a whole number, not "lots"/],
		[[], /^cluster-map: --outcome is required/]
	])('refuses unusable input with one line and exit 2: %j', async (extra, message) => {
		const r = await run('--firms', 'firms.csv', '--zones', 'zones.geojson', ...extra);
		expect(r.status).toBe(2);
		const lines = r.stderr.split('\n').filter((l) => l !== '');
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(message);
		expect(r.stdout).toBe('');
	});
});
