import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { distance } from '@turf/distance';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { shapefileZip } from '../../tests/fixtures/import/shapefile-zip';

// End-to-end: the real command on fixture files (made by test/make-fixtures.ts). Expected values
// come from Papa Parse (cells) and a brute-force Turf loop (zones, nearest institution), not from
// the engine under test.

const BIN = join(import.meta.dirname, '../../bin/cluster-map.js');
const IN = join(import.meta.dirname, 'test/in');
const BAD = join(import.meta.dirname, 'test/bad');
const OUT = mkdtempSync(join(tmpdir(), 'cluster-map-cli-'));

interface Run {
	status: number;
	stdout: string;
	stderr: string;
	lines: string[];
}

function run(...args: string[]): Promise<Run> {
	return runWith({}, ...args);
}

function runWith(env: Record<string, string>, ...args: string[]): Promise<Run> {
	return new Promise((resolve) => {
		execFile(process.execPath, [BIN, ...args], { cwd: join(import.meta.dirname, 'test'), encoding: 'utf8', env: { ...process.env, ...env } }, (error, stdout, stderr) => {
			const status = error ? ((error as { code?: number }).code ?? 1) : 0;
			resolve({ status, stdout, stderr, lines: stderr.split('\n').filter((l) => l !== '') });
		});
	});
}

const FORMULA = /^(?:[\t\r]|[\u200B-\u200D\u2060\uFEFF]*[=+\-@])/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** The formula guard as the CLI contract states it. */
const guarded = (cell: string) => (FORMULA.test(cell) && !NUMBER.test(cell) ? `'${cell}` : cell);

function parseCsv(text: string, delimiter = ','): string[][] {
	const rows = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false }).data;
	return rows.at(-1)?.length === 1 && rows.at(-1)?.[0] === '' ? rows.slice(0, -1) : rows;
}

/** A coordinate as the contract defines it; null when the row must be a problem row. */
function coordinate(text: string | undefined, limit: number): number | null {
	const t = (text ?? '').normalize('NFKC').trim();
	if (!NUMBER.test(t)) return null;
	const value = Number(t);
	return Math.abs(value) <= limit ? value : null;
}

const zones = JSON.parse(readFileSync(join(IN, 'zones.geojson'), 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
const zoneId = (f: Feature) => String(f.id ?? f.properties?.id ?? f.properties?.name);
const institutions = parseCsv(readFileSync(join(IN, 'institutions.csv'), 'utf8')).slice(1);

/** zone_ids, inside_cluster, nearest_institution_id, nearest_institution_km, within_buffer by brute force. */
function expected(lon: number, lat: number, zoneFeatures: Feature<Polygon | MultiPolygon>[], bufferKm: number): string[] {
	const inside = zoneFeatures.filter((f) => booleanPointInPolygon([lon, lat], f)).map(zoneId);
	let best = -1;
	let bestKm = Infinity;
	institutions.forEach(([, , ilat, ilon], i) => {
		const km = distance([lon, lat], [Number(ilon), Number(ilat)], { units: 'kilometers' });
		if (km < bestKm) [best, bestKm] = [i, km];
	});
	return [guarded(inside.join(';')), String(inside.length > 0), institutions[best][0], String(Math.round(bestKm * 1000) / 1000), String(bestKm <= bufferKm)];
}

const APPENDED = ['zone_ids', 'inside_cluster', 'nearest_institution_id', 'nearest_institution_km', 'within_buffer', 'problem'];

describe.each([
	{ file: 'firms.csv', encoding: 'utf-8', delimiter: ',', lat: '緯度', lon: '経度' },
	{ file: 'firms-sjis.csv', encoding: 'shift_jis', delimiter: ',', lat: '緯度', lon: '経度' },
	{ file: 'firms-bom.tsv', encoding: 'utf-8', delimiter: '\t', lat: 'Latitude', lon: 'Longitude' }
])('classify --firms $file', ({ file, encoding, delimiter, lat, lon }) => {
	const input = parseCsv(new TextDecoder(encoding).decode(readFileSync(join(IN, file))), delimiter);
	const [header, ...rows] = input;
	let result: Run;
	let output: string[][];
	let raw: Buffer;

	beforeAll(async () => {
		const out = join(OUT, `${file}.csv`);
		result = await run('classify', '--firms', `in/${file}`, '--zones', 'in/zones.geojson', '--institutions', 'in/institutions.csv', '--buffer-km', '2', '--out', out);
		raw = readFileSync(out);
		output = parseCsv(raw.toString('utf8').replace(/^\ufeff/, ''));
	});

	it('exits 0 and writes UTF-8 with a byte order mark', () => {
		expect(result.status, result.stderr).toBe(0);
		expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	});

	it('keeps every row and every original cell (Japanese, quotes, commas, line breaks), guarding only formula-like cells', () => {
		expect(output).toHaveLength(input.length);
		expect(output[0]).toEqual([...header.map(guarded), ...APPENDED]);
		rows.forEach((row, i) => {
			const cells = [...row, ...Array(Math.max(0, header.length - row.length)).fill('')].slice(0, header.length);
			expect(output[i + 1].slice(0, header.length), `row ${i + 1}`).toEqual(cells.map(guarded));
			expect(output[i + 1]).toHaveLength(header.length + APPENDED.length);
		});
		// The fixture really has the awkward cells this is about.
		const cells = rows.flat();
		for (const awkward of ['大田区, 蒲田', '社長曰く "品質第一"', '改行\nあり', 'CRLF\r\n改行', '=SUM(A1:A2)', '-12.5', '@取引先']) expect(cells).toContain(awkward);
	});

	it('appends zones, nearest institution and buffer equal to a brute-force Turf computation', () => {
		const [latAt, lonAt] = [header.indexOf(lat), header.indexOf(lon)];
		let checked = 0;
		rows.forEach((row, i) => {
			const y = coordinate(row[latAt], 90);
			const x = coordinate(row[lonAt], 180);
			if (y === null || x === null || row.length !== header.length) return;
			expect(output[i + 1].slice(header.length), `row ${i + 1}: ${row.join('|')}`).toEqual([...expected(x, y, zones.features, 2), '']);
			checked++;
		});
		expect(checked).toBeGreaterThan(200);
	});

	it('keeps rows with unusable coordinates, computed columns empty and the problem said', () => {
		const [latAt, lonAt] = [header.indexOf(lat), header.indexOf(lon)];
		const bad = rows.map((row, i) => ({ row, out: output[i + 1] })).filter(({ row }) => coordinate(row[latAt], 90) === null || coordinate(row[lonAt], 180) === null || row.length !== header.length);
		expect(bad.length).toBeGreaterThanOrEqual(5);
		for (const { out } of bad) {
			expect(out.slice(header.length, -1)).toEqual(['', '', '', '', '']);
			expect(out.at(-1)).toMatch(/is empty|is not a decimal number|is outside|cells but the header has/);
		}
		expect(result.lines.slice(-3)).toEqual([`rows read: ${rows.length}`, expect.stringMatching(new RegExp(`^classified: ${rows.length - bad.length} \\(`)), expect.stringMatching(new RegExp(`^with problems: ${bad.length}\\b`))]);
	});
});

describe('classify, other inputs and outputs', () => {
	it('writes GeoJSON points with the original text and typed fields; problem rows keep a null geometry', async () => {
		const out = join(OUT, 'firms.geojson');
		const result = await run('classify', '--firms', 'in/firms.csv', '--zones', 'in/zones.geojson', '--institutions', 'in/institutions.geojson', '--out', out);
		expect(result.status, result.stderr).toBe(0);
		const [header, ...rows] = parseCsv(readFileSync(join(IN, 'firms.csv'), 'utf8'));
		const features = (JSON.parse(readFileSync(out, 'utf8')) as FeatureCollection).features;
		expect(features).toHaveLength(rows.length);
		rows.forEach((row, i) => {
			const { geometry, properties } = features[i];
			const y = coordinate(row[3], 90);
			const x = coordinate(row[4], 180);
			if (y === null || x === null || row.length !== header.length) {
				expect(geometry).toBeNull();
				expect(properties).toMatchObject({ zone_ids: null, inside_cluster: null, problem: expect.any(String) });
				return;
			}
			expect(geometry).toEqual({ type: 'Point', coordinates: [x, y] });
			expect(header.map((h) => properties?.[h])).toEqual(row);
			const [zoneIds, inside, nearest, km] = expected(x, y, zones.features, Infinity);
			expect(properties).toMatchObject({ zone_ids: zoneIds.replace(/^'/, ''), inside_cluster: inside === 'true', nearest_institution_id: nearest, nearest_institution_km: Number(km), problem: null });
		});
	});

	it('reads GeoJSON firms, its properties becoming the columns', async () => {
		const out = join(OUT, 'from-geojson.csv');
		const result = await run('classify', '--firms', 'in/firms.geojson', '--zones', 'in/zones.geojson', '--out', out);
		expect(result.status, result.stderr).toBe(0);
		const input = (JSON.parse(readFileSync(join(IN, 'firms.geojson'), 'utf8')) as FeatureCollection).features;
		const [header, ...rows] = parseCsv(readFileSync(out, 'utf8').replace(/^\ufeff/, ''));
		expect(header).toEqual(['id', '会社名', 'メモ', '従業者数', 'tags', 'zone_ids', 'inside_cluster', 'problem']);
		rows.forEach((row, i) => {
			const f = input[i];
			expect(row.slice(0, 5)).toEqual([String(f.id), f.properties?.会社名, f.properties?.メモ, String(f.properties?.従業者数), f.properties?.tags ? JSON.stringify(f.properties.tags) : ''].map(guarded));
			if (f.geometry?.type === 'Point' && f.geometry.coordinates.every(Number.isFinite)) {
				const [x, y] = f.geometry.coordinates;
				expect(row.slice(5)).toEqual([...expected(x, y, zones.features, 0).slice(0, 2), '']);
			} else expect(row.at(-1)).not.toBe('');
		});
	});

	it('writes the same bytes when worker threads classify (as they do for large inputs)', async () => {
		const args = (out: string) => ['classify', '--firms', 'in/firms-sjis.csv', '--zones', 'in/zones.geojson', '--institutions', 'in/institutions.csv', '--buffer-km', '1.5', '--out', out];
		const [inline, threaded] = [join(OUT, 'inline.csv'), join(OUT, 'threaded.csv')];
		const results = await Promise.all([runWith({ CLUSTER_MAP_WORKERS: '0' }, ...args(inline)), runWith({ CLUSTER_MAP_WORKERS: '2', CLUSTER_MAP_BATCH_BYTES: '1500', CLUSTER_MAP_DEBUG: '1' }, ...args(threaded))]);
		expect(results.map((r) => r.status)).toEqual([0, 0]);
		expect(results[1].stderr).not.toContain('worker unavailable');
		expect(readFileSync(threaded).equals(readFileSync(inline))).toBe(true);
	});

	it('writes the same bytes and summary with --threads 2 as with --threads 1: Japanese text, quoted cells, line breaks inside quotes', async () => {
		// firms.csv is UTF-8 with all three, a formula-like cell and a row without coordinates; small
		// chunks cut it in dozens of places, some next to quoted line breaks. A second file adds a stray
		// quote, which makes the threaded run start again on one thread (CLUSTER_MAP_DEBUG says so).
		const firms = readFileSync(join(IN, 'firms.csv'), 'utf8');
		const stray = join(OUT, 'stray-quote.csv');
		const lines = firms.split('\n');
		writeFileSync(stray, [...lines.slice(0, 40), 'F9999,田中"製作所,,35.55,139.72,3,,', ...lines.slice(40)].join('\n'));
		for (const [file, fallback, formats] of [[join(IN, 'firms.csv'), false, ['csv', 'geojson']], [stray, true, ['csv']]] as const) {
			for (const format of formats) {
				const args = (out: string) => ['classify', '--firms', file, '--zones', 'in/zones.geojson', '--institutions', 'in/institutions.csv', '--buffer-km', '1.5', '--out', out];
				const [one, two] = [join(OUT, `one-thread-${fallback ? 'stray' : 'firms'}.${format}`), join(OUT, `two-threads.${format}`)];
				const env = { CLUSTER_MAP_BATCH_BYTES: '700', CLUSTER_MAP_DEBUG: '1' };
				const results = await Promise.all([runWith(env, ...args(one), '--threads', '1'), runWith(env, ...args(two), '--threads', '2')]);
				expect(results.map((r) => r.status)).toEqual([0, 0]);
				expect(results[1].stderr.includes('reading again on one thread'), results[1].stderr).toBe(fallback);
				expect(readFileSync(two).equals(readFileSync(one)), `${file} ${format}`).toBe(true);
				const summary = (r: Run) => r.lines.filter((l) => !l.startsWith('wrote ') && !l.startsWith('reading again'));
				expect(summary(results[1])).toEqual(summary(results[0]));
			}
		}
		// Three threads: this one and two workers share the chunks.
		const three = join(OUT, 'three-threads.csv');
		const env = { CLUSTER_MAP_BATCH_BYTES: '700', CLUSTER_MAP_DEBUG: '1' };
		const result = await runWith(env, 'classify', '--firms', join(IN, 'firms.csv'), '--zones', 'in/zones.geojson', '--institutions', 'in/institutions.csv', '--buffer-km', '1.5', '--out', three, '--threads', '3');
		expect(result.status).toBe(0);
		expect(result.stderr).not.toContain('reading again on one thread');
		expect(readFileSync(three).equals(readFileSync(join(OUT, 'one-thread-firms.csv')))).toBe(true);
	}, 300_000); // seven runs of the command: room for a machine busy with other work

	it('reads --threads as a whole number from 1', async () => {
		const result = await run('classify', '--firms', 'in/firms.csv', '--zones', 'in/zones.geojson', '--out', join(OUT, 'x.csv'), '--threads', '0');
		expect(result.status).toBe(2);
		expect(result.lines[0]).toBe('cluster-map: --threads must be a whole number from 1 to 64 (1: one thread, no workers), not "0". See cluster-map classify --help.');
	});

	it('classifies against a bundled district with --zones district:ota', async () => {
		const out = join(OUT, 'ota.csv');
		const result = await run('classify', '--firms', 'in/firms.csv', '--zones', 'district:ota', '--out', out);
		expect(result.status, result.stderr).toBe(0);
		expect(result.stderr).toContain('N03 boundaries of 2021-01-01, simplified to 1% of the vertices');
		const root = join(import.meta.dirname, '../../geodata');
		const extents = (JSON.parse(readFileSync(join(root, 'districts.geo.json'), 'utf8')) as FeatureCollection<Polygon>).features.filter((f) => f.id === 'ota');
		const [header, ...rows] = parseCsv(readFileSync(join(IN, 'firms.csv'), 'utf8'));
		const output = parseCsv(readFileSync(out, 'utf8').replace(/^\ufeff/, '')).slice(1);
		let inside = 0;
		rows.forEach((row, i) => {
			const y = coordinate(row[3], 90);
			const x = coordinate(row[4], 180);
			if (y === null || x === null || row.length !== header.length) return;
			const hit = extents.some((f) => booleanPointInPolygon([x, y], f));
			inside += hit ? 1 : 0;
			expect(output[i].slice(header.length)).toEqual([hit ? 'ota' : '', String(hit), '']);
		});
		expect(inside).toBeGreaterThan(10);
	});

	it('classifies against municipalities, a designated city and a prefecture from the bundled boundaries', async () => {
		// Offices: Ota ward, Shinagawa ward, Hamamatsu (Naka ward of 2021), Higashi-Osaka; and Kawasaki across the Tama river.
		const firms = join(OUT, 'offices.csv');
		writeFileSync(firms, 'id,lat,lon\nota,35.5613,139.7161\nshinagawa,35.6092,139.7302\nhamamatsu,34.7108,137.7261\nhigashiosaka,34.6794,135.6008\nkawasaki,35.5308,139.7029\n');
		const zonesOf = async (spec: string) => {
			const out = join(OUT, 'offices-out.csv');
			const result = await run('classify', '--firms', firms, '--zones', spec, '--out', out);
			expect(result.status, result.stderr).toBe(0);
			expect(result.stderr).toContain('2021-01-01');
			return parseCsv(readFileSync(out, 'utf8').replace(/^\ufeff/, '')).slice(1, 6).map((r) => r[3]);
		};
		expect(await zonesOf('municipality:13111,131091')).toEqual(['13111', '13109', '', '', '']);
		expect(await zonesOf('municipality:22130,27227')).toEqual(['', '', '22130', '27227', '']);
		expect(await zonesOf('prefecture:13,27')).toEqual(['13', '13', '', '27', '']);
		expect(await zonesOf('district:Higashi-Osaka,ota')).toEqual(['ota', '', '', 'higashiosaka', '']);
		expect(await zonesOf('district:東大阪')).toEqual(['', '', '', 'higashiosaka', '']);
	});

	it('classifies against zones from a zipped Shapefile as against the same zones in GeoJSON', async () => {
		// Two wards as squares; the Shapefile's outer rings run clockwise, as that format wants.
		const squares: [string, number, number][] = [['north', 139.7, 35.7], ['south', 139.7, 35.5]];
		const ring = (x: number, y: number) => [[x, y], [x, y + 0.1], [x + 0.1, y + 0.1], [x + 0.1, y], [x, y]];
		const zip = join(OUT, 'wards.zip');
		writeFileSync(zip, shapefileZip('wards', { type: 'polygon', fields: ['id'], records: squares.map(([id, x, y]) => ({ geometry: [ring(x, y)], values: [id] })) }, { prj: 'GEOGCS["GCS_JGD_2011",DATUM["D_JGD_2011"]]' }));
		const geojson = join(OUT, 'wards.geojson');
		const features = squares.map(([id, x, y]) => ({ type: 'Feature', id, properties: {}, geometry: { type: 'Polygon', coordinates: [ring(x, y).reverse()] } }));
		writeFileSync(geojson, JSON.stringify({ type: 'FeatureCollection', features }));
		const firms = join(OUT, 'ward-firms.csv');
		writeFileSync(firms, 'id,lat,lon\na,35.75,139.75\nb,35.55,139.72\nc,35.65,139.75\n');
		const outputs = await Promise.all(
			[zip, geojson].map(async (zones) => {
				const out = join(OUT, `ward-firms-${zones.endsWith('.zip') ? 'zip' : 'geojson'}.csv`);
				const result = await run('classify', '--firms', firms, '--zones', zones, '--out', out);
				expect(result.status, result.stderr).toBe(0);
				return readFileSync(out, 'utf8');
			})
		);
		expect(parseCsv(outputs[0].replace(/^\ufeff/, '')).slice(1).map((r) => r.slice(3, 5))).toEqual([
			['north', 'true'],
			['south', 'true'],
			['', 'false']
		]);
		expect(outputs[0]).toBe(outputs[1]);
	});

	it('refuses an unknown municipality code or district with what to use instead', async () => {
		const out = join(OUT, 'never.csv');
		const code = await run('classify', '--firms', 'in/firms.csv', '--zones', 'municipality:22138', '--out', out);
		expect(code.status).toBe(2);
		expect(code.stderr).toMatch(/no municipality 22138 in the bundled boundaries of 2021-01-01.*22130/);
		const check = await run('classify', '--firms', 'in/firms.csv', '--zones', 'municipality:131112', '--out', out);
		expect(check.status).toBe(2);
		expect(check.stderr).toContain('the 6-digit code is 131113');
		const district = await run('classify', '--firms', 'in/firms.csv', '--zones', 'district:osaka', '--out', out);
		expect(district.status).toBe(2);
		expect(district.stderr).toContain('hitachi, musashimurayama, ota, higashiosaka, kiryu, taito, hamamatsu, suwa, fukui');
		expect(code.stderr + check.stderr + district.stderr).not.toMatch(/\n\s+at /);
		expect(existsSync(out)).toBe(false);
	});

	it('uses the bundled institutions with --institutions bundled', async () => {
		const out = join(OUT, 'bundled.csv');
		const result = await run('classify', '--firms', 'in/firms.csv', '--zones', 'district:all', '--institutions', 'bundled', '--buffer-km', '3', '--out', out);
		expect(result.status, result.stderr).toBe(0);
		// The hand-sourced institutions and every university campus.
		const bundled = ['institutions.geo.json', 'universities.geo.json'].flatMap((name) =>
			(JSON.parse(readFileSync(join(import.meta.dirname, '../../geodata', name), 'utf8')) as FeatureCollection).features.map((f) => String(f.id ?? f.properties?.id))
		);
		const ids = parseCsv(readFileSync(out, 'utf8').replace(/^\ufeff/, '')).slice(1).map((r) => r[10]);
		expect(ids.filter((id) => id !== '').every((id) => bundled.includes(id))).toBe(true);
		expect(new Set(ids).size).toBeGreaterThan(1);
	});
});

describe('classify, exchanged latitude and longitude', () => {
	// The fixture firms with the values of 緯度 and 経度 exchanged, the header as it was.
	const [header, ...rows] = parseCsv(readFileSync(join(IN, 'firms.csv'), 'utf8'));
	const swapped = join(OUT, 'firms-swapped.csv');
	writeFileSync(swapped, Papa.unparse([header, ...rows.map((row) => row.map((cell, j) => (j === 3 ? row[4] : j === 4 ? row[3] : cell)))]));
	const computed = (out: string) => parseCsv(readFileSync(out, 'utf8').replace(/^\ufeff/, '')).map((row) => row.slice(header.length));

	it('says so on stderr, with the fix, and classifies the rows as given', async () => {
		const out = join(OUT, 'swapped-as-given.csv');
		const result = await run('classify', '--firms', swapped, '--zones', 'in/zones.geojson', '--out', out);
		expect(result.status, result.stderr).toBe(0);
		const warning = result.lines.find((line) => line.startsWith('warning: latitude and longitude look exchanged'));
		expect(warning).toMatch(/lie in Japan only with the columns "緯度" and "経度" the other way round; run again with --swap-lat-lon/);
		expect(result.lines.at(-1)).toMatch(/^with problems: [1-9]/);
		expect(computed(out).slice(1).filter((row) => row.at(-1) === '').length).toBeLessThan(5);
	});

	it('with --swap-lat-lon classifies as the file with the columns the right way round, cells unchanged', async () => {
		const [fixed, original] = [join(OUT, 'swapped-fixed.csv'), join(OUT, 'unswapped.csv')];
		const results = await Promise.all([
			run('classify', '--firms', swapped, '--zones', 'in/zones.geojson', '--swap-lat-lon', '--out', fixed),
			run('classify', '--firms', 'in/firms.csv', '--zones', 'in/zones.geojson', '--out', original)
		]);
		expect(results.map((r) => r.status)).toEqual([0, 0]);
		expect(results[0].stderr).not.toContain('look exchanged');
		expect(results[0].stderr).toContain('latitude from column "経度", longitude from column "緯度" (exchanged by --swap-lat-lon)');
		const [a, b] = [computed(fixed), computed(original)];
		// Zones and flags as for the original file; problem texts name the column read, so only their presence is compared.
		expect(a.map((row) => [...row.slice(0, -1), row.at(-1) !== ''])).toEqual(b.map((row) => [...row.slice(0, -1), row.at(-1) !== '']));
		expect(b.slice(1).filter((row) => row[1] === 'true').length).toBeGreaterThan(10);
		// Rows as wide as the header (ragged rows are checked in the tests above).
		const input = parseCsv(readFileSync(swapped, 'utf8'));
		const output = parseCsv(readFileSync(fixed, 'utf8').replace(/^\ufeff/, ''));
		const whole = input.flatMap((row, i) => (row.length === header.length ? [i] : []));
		expect(whole.length).toBeGreaterThan(200);
		expect(whole.map((i) => output[i].slice(0, header.length))).toEqual(whole.map((i) => input[i].map(guarded)));
	});
});

describe('unusable input: exit 2, one line naming the file and what to fix, nothing written', () => {
	it.each([
		['firms', 'bad/empty.csv', 'is empty'],
		['firms', 'bad/header-only.csv', 'has a header row but no data rows'],
		['firms', 'bad/no-location.csv', 'has no latitude column'],
		['firms', 'bad/binary.csv', 'is not text in a known encoding'],
		['firms', 'bad/unclosed-quote.csv', ':3: a quoted cell is never closed'],
		['firms', 'bad/mixed-encoding.csv', 'not valid UTF-8'],
		['firms', 'bad/does-not-exist.csv', 'does not exist'],
		['firms', 'bad', 'is a directory'],
		['zones', 'bad/not-json.geojson', ':2: is not valid JSON'],
		['zones', 'bad/single-feature.geojson', 'is a GeoJSON Feature, not a GeoJSON FeatureCollection'],
		['zones', 'bad/points-as-zones.geojson', 'has no polygons'],
		['zones', 'in/firms.csv', 'is not valid JSON'],
		['zones', 'district:osaka', 'names no bundled district "osaka"'],
		['institutions', 'bad/no-coordinates.csv', 'has no latitude column'],
		['institutions', 'bad/empty.csv', 'is empty']
	])('--%s %s', async (flag, file, message) => {
		const out = join(OUT, `bad-${flag}-${file.replace(/\W/g, '_')}.csv`);
		const args = { firms: 'in/firms.csv', zones: 'in/zones.geojson', [flag]: file };
		const result = await run('classify', '--firms', args.firms, '--zones', args.zones, ...(flag === 'institutions' ? ['--institutions', file] : []), '--out', out);
		expect(result.status).toBe(2);
		const errors = result.lines.filter((l) => l.startsWith('cluster-map:'));
		expect(errors).toHaveLength(1);
		expect(errors[0]).toContain(file.replace(/^district:/, ''));
		expect(errors[0]).toContain(message);
		expect(result.stderr).not.toMatch(/\n\s+at /);
		expect(existsSync(out)).toBe(false);
		// The same when an engine thread reads the zones and institutions while this one reads the firms.
		const threadedOut = out.replace(/\.csv$/, '-threaded.csv');
		const threaded = await runWith({ CLUSTER_MAP_WORKERS: '1', CLUSTER_MAP_DEBUG: '1' }, 'classify', '--firms', args.firms, '--zones', args.zones, ...(flag === 'institutions' ? ['--institutions', file] : []), '--out', threadedOut);
		expect([threaded.status, threaded.stderr]).toEqual([result.status, result.stderr]);
		expect(existsSync(threadedOut)).toBe(false);
	});
});

describe('command line', () => {
	it.each([
		[['classify', '--firms', 'in/firms.csv', '--zones', 'in/zones.geojson', '--out', 'x.csv', '--colour', 'red'], 'unknown option --colour'],
		[['classify', '--firms', 'in/firms.csv', '--zones'], '--zones needs a value'],
		[['classify', '--zones', 'in/zones.geojson', '--out', 'x.csv'], '--firms is required'],
		[['classify', '--firms', 'in/firms.csv', '--zones', 'in/zones.geojson', '--out', 'x.csv', '--buffer-km', '2'], '--buffer-km needs --institutions'],
		[['classify', '--firms', 'in/firms.csv', '--zones', 'in/zones.geojson', '--institutions', 'bundled', '--buffer-km', 'two', '--out', 'x.csv'], '--buffer-km must be a distance in kilometres'],
		[['classify', '--firms', 'in/firms.csv', '--zones', 'in/zones.geojson', '--out', 'x.xlsx'], '--out must end in .csv or .geojson'],
		[['classify', 'firms.csv'], 'unexpected argument firms.csv'],
		[['classify', '--firms', 'in/firms.geojson', '--zones', 'in/zones.geojson', '--out', 'x.csv', '--swap-lat-lon'], '--swap-lat-lon exchanges two CSV columns'],
		[['map'], 'unknown command "map"']
	])('%j → exit 2: %s', async (args, message) => {
		const result = await run(...args);
		expect(result.status).toBe(2);
		expect(result.lines).toEqual([expect.stringContaining(message)]);
	});

	it('prints help', async () => {
		const main = await run('--help');
		expect(main.status).toBe(0);
		expect(main.stdout).toContain('cluster-map classify --firms FIRMS --zones ZONES [--institutions INST] [--buffer-km KM] [--swap-lat-lon] --out OUT');
		const classify = await run('classify', '--help');
		expect(classify.status).toBe(0);
		expect(classify.stdout).toMatch(/--zones ZONES[\s\S]*district:ota[\s\S]*municipality:13111[\s\S]*prefecture:27[\s\S]*2021-01-01[\s\S]*simplified to 1%/);
		expect(classify.stdout).not.toMatch(/APPROXIMATE|circles/);
		expect(classify.stdout).toContain("leading '");
		expect(classify.stdout).toMatch(/--swap-lat-lon\s+Read the CSV's latitude column as longitude/);
	});
});
