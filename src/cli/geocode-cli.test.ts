import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';

// End-to-end: the real command on fixture files, compared with expected files in test/geocode/
// (reviewed by hand; REGEN=1 rewrites them after an intended change).

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/cluster-map.js');
const DIR = join(import.meta.dirname, 'test/geocode');
const EXAMPLE = join(ROOT, 'docs/examples/firms-addresses-sjis.csv');
const OUT = mkdtempSync(join(tmpdir(), 'cluster-map-geocode-'));

function run(env: Record<string, string>, ...args: string[]): Promise<{ status: number; lines: string[] }> {
	return new Promise((resolve) => {
		execFile(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } }, (error, _stdout, stderr) => {
			resolve({ status: error ? ((error as { code?: number }).code ?? 1) : 0, lines: stderr.split('\n').filter((l) => l !== '') });
		});
	});
}

function golden(name: string, actual: string): void {
	const path = join(DIR, name);
	if (process.env.REGEN) writeFileSync(path, actual);
	expect(actual, `${name} (REGEN=1 rewrites it after an intended change)`).toBe(readFileSync(path, 'utf8'));
}

describe('cluster-map geocode', () => {
	it('geocodes the Shift_JIS example, every row kept, counts per level last', async () => {
		const out = join(OUT, 'example.csv');
		const r = await run({}, 'geocode', '--firms', EXAMPLE, '--out', out);
		expect(r.status).toBe(0);
		golden('firms-addresses-sjis.expected.csv', readFileSync(out, 'utf8'));
		expect(r.lines[0]).toContain('Shift_JIS');
		expect(r.lines).toContain('placed (--min-level town): 11; not placed: 5 (coordinates empty, reason in the problem column)');
		expect(r.lines.at(-1)).toBe('by level: koaza 0, town 11, municipality 1, prefecture 0, not found 4');
		expect(r.lines.some((l) => l.includes('Geolonia 住所データ'))).toBe(true);
	});

	it('gives the same bytes when the file streams in many small batches', async () => {
		const out = join(OUT, 'example-batches.csv');
		const r = await run({ CLUSTER_MAP_BATCH_BYTES: '200' }, 'geocode', '--firms', EXAMPLE, '--out', out);
		expect(r.status).toBe(0);
		expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(DIR, 'firms-addresses-sjis.expected.csv'), 'utf8'));
	});

	it('keeps bad rows verbatim and flagged: formulas, line breaks, 10,000 characters, ragged rows; --min-level municipality', async () => {
		const out = join(OUT, 'bad.csv');
		const r = await run({}, 'geocode', '--firms', join(DIR, 'bad-rows.csv'), '--min-level', 'municipality', '--address-column', '所在地', '--out', out);
		expect(r.status).toBe(0);
		golden('bad-rows.expected.csv', readFileSync(out, 'utf8'));
		expect(r.lines.at(-1)).toBe('by level: koaza 1, town 3, municipality 2, prefecture 1, not found 2, not read (cells do not line up) 1');
	});

	it('gives the same bytes and summary with --threads 2, matching addresses in worker threads, chunk by chunk', async () => {
		// bad-rows.csv is UTF-8 with formulas, quoted line breaks and ragged rows; 300-byte chunks cut it in many places.
		const args = (out: string, threads: string) => ['geocode', '--firms', join(DIR, 'bad-rows.csv'), '--min-level', 'municipality', '--address-column', '所在地', '--out', out, '--threads', threads];
		const [one, two] = [join(OUT, 'bad-one.csv'), join(OUT, 'bad-two.csv')];
		const env = { CLUSTER_MAP_BATCH_BYTES: '300', CLUSTER_MAP_DEBUG: '1' };
		const [a, b] = await Promise.all([run(env, ...args(one, '1')), run(env, ...args(two, '2'))]);
		expect([a.status, b.status]).toEqual([0, 0]);
		expect(b.lines.some((l) => l.startsWith('reading again on one thread')), b.lines.join('\n')).toBe(false);
		expect(readFileSync(two, 'utf8')).toBe(readFileSync(join(DIR, 'bad-rows.expected.csv'), 'utf8'));
		expect(readFileSync(two).equals(readFileSync(one))).toBe(true);
		const summary = (lines: string[]) => lines.filter((l) => !l.startsWith('wrote '));
		expect(summary(b.lines)).toEqual(summary(a.lines));
	}, 120_000);

	it('writes GeoJSON: Points where placed, null geometry and the reason elsewhere', async () => {
		const out = join(OUT, 'example.geojson');
		expect((await run({}, 'geocode', '--firms', EXAMPLE, '--out', out)).status).toBe(0);
		const fc = JSON.parse(readFileSync(out, 'utf8')) as FeatureCollection<Point | null>;
		expect(fc.features).toHaveLength(16);
		const first = fc.features[0];
		expect(first.geometry).toEqual({ type: 'Point', coordinates: [139.707141, 35.578435] });
		expect(first.properties).toMatchObject({ 会社名: '松星精機株式会社', geocode_level: 'town', geocode_match: '東京都大田区池上一丁目', problem: null });
		const ota = fc.features.find((f) => f.properties?.会社名 === '都南電機')!;
		expect(ota.geometry).toBeNull();
		expect(ota.properties).toMatchObject({ geocode_lon: null, geocode_level: 'municipality', geocode_match: '東京都大田区' });
		expect(ota.properties?.problem).toBe('only the municipality 大田区 was found: 池上9丁目 is not a town of 大田区');
	});

	it.each([
		['two-address-columns.csv', [], 'has several address columns: "住所" and "本社所在地". Choose one with --address-column'],
		['no-address-column.csv', [], 'has no address column (looked for address, addr, 住所, 所在地, 本社所在地; the columns are "name", "lat", "lon")'],
		['two-address-columns.csv', ['--address-column', '所在'], 'has no column "所在" (the columns are "会社名", "住所", "本社所在地")'],
		['two-address-columns.csv', ['--min-level', 'koaza'], '--min-level must be town, municipality, prefecture, not "koaza"']
	])('%s %j: exit 2 with one line saying what to do', async (file, extra, message) => {
		const r = await run({}, 'geocode', '--firms', join(DIR, file), ...extra, '--out', join(OUT, 'x.csv'));
		expect(r.status).toBe(2);
		expect(r.lines).toHaveLength(1);
		expect(r.lines[0]).toContain(message);
	});
});

describe('cluster-map classify on a file with addresses and no coordinates', () => {
	it('geocodes first, appends the geocode columns before zone_ids and classifies the placed rows', async () => {
		const out = join(OUT, 'classified.csv');
		const r = await run({}, 'classify', '--firms', EXAMPLE, '--zones', 'district:all', '--institutions', 'bundled', '--out', out);
		expect(r.status).toBe(0);
		golden('classify-addresses.expected.csv', readFileSync(out, 'utf8'));
		expect(r.lines).toContain(
			`firms: ${EXAMPLE} has addresses and no coordinates: placing them offline from column "住所" first, --min-level town (rows below it are kept, not classified)`
		);
		expect(r.lines).toContain('classified: 11 (9 inside a zone)');
		expect(r.lines.at(-1)).toBe('by level: koaza 0, town 11, municipality 1, prefecture 0, not found 4');
	});

	it('geocodes and classifies in worker threads with --threads 2, the same bytes and summary as one thread', async () => {
		const args = (out: string, threads: string) => ['classify', '--firms', join(DIR, 'bad-rows.csv'), '--address-column', '所在地', '--min-level', 'municipality', '--zones', 'district:all', '--institutions', 'bundled', '--out', out, '--threads', threads];
		const [one, two] = [join(OUT, 'classify-one.csv'), join(OUT, 'classify-two.csv')];
		const env = { CLUSTER_MAP_BATCH_BYTES: '300', CLUSTER_MAP_DEBUG: '1' };
		const [a, b] = await Promise.all([run(env, ...args(one, '1')), run(env, ...args(two, '2'))]);
		expect([a.status, b.status]).toEqual([0, 0]);
		expect(b.lines.some((l) => l.startsWith('reading again on one thread')), b.lines.join('\n')).toBe(false);
		expect(readFileSync(two).equals(readFileSync(one))).toBe(true);
		const summary = (lines: string[]) => lines.filter((l) => !l.startsWith('wrote '));
		expect(summary(b.lines)).toEqual(summary(a.lines));
	}, 120_000);

	it('classifies municipality-level rows too with --min-level municipality', async () => {
		const out = join(OUT, 'classified-municipality.csv');
		const r = await run({}, 'classify', '--firms', EXAMPLE, '--zones', 'district:ota', '--min-level', 'municipality', '--out', out);
		expect(r.status).toBe(0);
		const row = readFileSync(out, 'utf8').split('\r\n').find((l) => l.startsWith('都南電機'));
		expect(row).toBe('都南電機,大田区池上九丁目,電気機械,139.716869,35.572709,municipality,東京都大田区,ota,true,');
	});

	it('stops with exit 2 when the address column is ambiguous', async () => {
		const r = await run({}, 'classify', '--firms', join(DIR, 'two-address-columns.csv'), '--zones', 'district:ota', '--out', join(OUT, 'y.csv'));
		expect(r.status).toBe(2);
		expect(r.lines.at(-1)).toContain('has several address columns: "住所" and "本社所在地"');
	});
});
