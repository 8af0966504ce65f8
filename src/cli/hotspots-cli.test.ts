import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { meshCode } from '../lib/core/density/jis-mesh';

// End-to-end: the real `cluster-map hotspots` on the seeded firms of test/make-hotspots-fixtures.ts,
// compared byte for byte with the goldens in test/out (seeded, so deterministic). REGEN=1 rewrites
// the goldens; review their diff. Other tests check the output against the firms themselves.

const BIN = join(import.meta.dirname, '../../bin/cluster-map.js');
const IN = join(import.meta.dirname, 'test/in');
const OUT = join(import.meta.dirname, 'test/out');
const DIR = mkdtempSync(join(tmpdir(), 'cluster-map-hotspots-'));
const FIRMS = join(IN, 'hotspots-firms.csv');

interface Run {
	status: number;
	stdout: string;
	stderr: string;
}

function run(...args: string[]): Promise<Run> {
	return new Promise((resolve) => {
		execFile(process.execPath, [BIN, 'hotspots', ...args], { cwd: DIR, encoding: 'utf8' }, (error, stdout, stderr) => {
			resolve({ status: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
		});
	});
}

function golden(name: string, actual: string): void {
	const path = join(OUT, name);
	if (process.env.REGEN === '1') writeFileSync(path, actual);
	expect(actual).toBe(readFileSync(path, 'utf8'));
}

const parse = (text: string) => Papa.parse<Record<string, string>>(text.replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true });

beforeAll(() => {
	writeFileSync(join(DIR, 'far.csv'), 'id,lat,lon\na,24.3,123.8\nb,45.4,141.7\n');
	writeFileSync(join(DIR, 'nowhere.csv'), 'id,lat,lon\na,,\nb,x,y\n');
	writeFileSync(join(DIR, 'firms.geojson'), JSON.stringify({
		type: 'FeatureCollection',
		features: parse(readFileSync(FIRMS, 'utf8')).data.filter((f) => f.lat !== '' && f.lat !== '不明').map((f) => ({ type: 'Feature', properties: { jsic_medium: f.jsic_medium }, geometry: { type: 'Point', coordinates: [Number(f.lon), Number(f.lat)] } }))
	}));
});

describe('cluster-map hotspots', () => {
	it('writes the golden CSV for one industry on the 500 m mesh', async () => {
		const r = await run('--firms', FIRMS, '--industry', '24', '--cells', 'mesh4', '--permutations', '999', '--seed', '7', '--out', 'mesh4.csv');
		expect(r.status, r.stderr).toBe(0);
		golden('hotspots-mesh4-industry24.csv', readFileSync(join(DIR, 'mesh4.csv'), 'utf8'));
		expect(r.stderr).toContain('176 of industry 24 (column "jsic_medium") counted; left out: 2 without usable coordinates');
		expect(r.stderr).toMatch(/LISA classes \(local Moran q ≤ 0\.05\): HH [1-9]/);
	});

	it('writes the golden GeoJSON of hexagons for all firms', async () => {
		const r = await run('--firms', FIRMS, '--cells', 'hex:400', '--permutations', '499', '--seed', '3', '--out', 'hex.geojson');
		expect(r.status, r.stderr).toBe(0);
		golden('hotspots-hex400.geojson', readFileSync(join(DIR, 'hex.geojson'), 'utf8'));
		const features = JSON.parse(readFileSync(join(DIR, 'hex.geojson'), 'utf8')).features;
		expect(features.reduce((s: number, f: { properties: { firms: number } }) => s + f.properties.firms, 0)).toBe(400);
		expect(features[0].geometry.coordinates[0]).toHaveLength(7);
	});

	it('counts each firm in its mesh cell, lists every cell of the rectangle once, with the contract columns', async () => {
		const r = await run('--firms', FIRMS, '--industry', '24', '--cells', 'mesh4', '--permutations', '99', '--out', 'check.csv');
		expect(r.status, r.stderr).toBe(0);
		const { data, meta } = parse(readFileSync(join(DIR, 'check.csv'), 'utf8'));
		expect(meta.fields).toEqual(['cell_id', 'firms', 'gi_star_z', 'gi_star_p_perm', 'gi_star_q', 'local_moran_i', 'local_moran_z', 'local_moran_p_perm', 'local_moran_q', 'lisa_class']);
		const expected = new Map<string, number>();
		for (const firm of parse(readFileSync(FIRMS, 'utf8')).data) {
			const code = meshCode(Number(firm.lon), Number(firm.lat), 'half');
			if (firm.jsic_medium === '24' && firm.lat !== '' && code !== null) expected.set(code, (expected.get(code) ?? 0) + 1);
		}
		expect(new Set(data.map((row) => row.cell_id)).size).toBe(data.length);
		for (const row of data) expect(Number(row.firms), row.cell_id).toBe(expected.get(row.cell_id) ?? 0);
		expect(data.filter((row) => row.firms !== '0')).toHaveLength(expected.size);
		for (const row of data) expect(row.lisa_class).toMatch(/^(HH|LL|HL|LH|not significant)$/);
	});

	it('gives the same bytes for the same seed, other p-values but the same z for another, none without permutations', async () => {
		await run('--firms', FIRMS, '--cells', 'mesh4', '--permutations', '199', '--seed', '5', '--out', 'a.csv');
		await run('--firms', FIRMS, '--cells', 'mesh4', '--permutations', '199', '--seed', '5', '--out', 'b.csv');
		await run('--firms', FIRMS, '--cells', 'mesh4', '--permutations', '199', '--seed', '6', '--out', 'c.csv');
		const r = await run('--firms', FIRMS, '--cells', 'mesh4', '--permutations', '0', '--out', 'd.csv');
		expect(r.stderr).toContain('permutations: none');
		const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((f) => readFileSync(join(DIR, `${f}.csv`), 'utf8'));
		expect(b).toBe(a);
		const [ra, rc, rd] = [a, c, d].map((t) => parse(t).data);
		expect(rc.map((x) => x.gi_star_z)).toEqual(ra.map((x) => x.gi_star_z));
		expect(rc.map((x) => x.gi_star_p_perm)).not.toEqual(ra.map((x) => x.gi_star_p_perm));
		expect(rd.every((x) => x.gi_star_p_perm === '' && x.local_moran_q === '' && x.lisa_class === '')).toBe(true);
	});

	it('reads GeoJSON firms and their industry property', async () => {
		const r = await run('--firms', 'firms.geojson', '--industry', '24', '--cells', 'mesh4', '--permutations', '999', '--seed', '7', '--out', 'geo.csv');
		expect(r.status, r.stderr).toBe(0);
		expect(readFileSync(join(DIR, 'geo.csv'), 'utf8')).toBe(readFileSync(join(OUT, 'hotspots-mesh4-industry24.csv'), 'utf8'));
	});

	it('prints its help', async () => {
		const r = await run('--help');
		expect(r.status).toBe(0);
		expect(r.stdout).toContain('--cells mesh1|mesh2|mesh3|mesh4|mesh5|hex:METRES');
	});

	const refused: [string, string[], RegExp][] = [
		['a missing file', ['--firms', 'missing.csv', '--cells', 'mesh3', '--out', 'x.csv'], /^cluster-map: missing\.csv: does not exist\. Check the path/],
		['an unknown grid', ['--firms', FIRMS, '--cells', 'mesh6', '--out', 'x.csv'], /--cells must be mesh1 \(80 km\), .* or hex:METRES .*not "mesh6"/],
		['hexagons below 10 m', ['--firms', FIRMS, '--cells', 'hex:5', '--out', 'x.csv'], /hexagons need a side of at least 10 metres/],
		['too many permutations', ['--firms', FIRMS, '--cells', 'mesh3', '--permutations', '100000', '--out', 'x.csv'], /--permutations must be a whole number from 0 to 99,999, not "100000"/],
		['an output that is neither CSV nor GeoJSON', ['--firms', FIRMS, '--cells', 'mesh3', '--out', 'x.txt'], /--out must end in \.csv or \.geojson/],
		['no --cells', ['--firms', FIRMS, '--out', 'x.csv'], /--cells is required/],
		['an industry no firm has', ['--firms', FIRMS, '--cells', 'mesh3', '--industry', '99', '--out', 'x.csv'], /has no firm of industry "99" in column "jsic_medium"\. Its most common codes are: 26 \(182\), 24 \(177\), 09 \(43\)/],
		['--industry without an industry column', ['--firms', join(IN, 'firms.csv'), '--cells', 'mesh3', '--industry', '24', '--out', 'x.csv'], /firms\.csv: has no industry column for --industry\. Name the column industry, jsic/],
		['a grid above the size limit', ['--firms', 'far.csv', '--cells', 'mesh5', '--out', 'x.csv'], /--cells mesh5: the rectangle of cells spanning the firms has [\d,]+ × [\d,]+ = [\d,]+ cells, more than 2,000,000; choose larger cells/],
		['firms without usable coordinates', ['--firms', 'nowhere.csv', '--cells', 'mesh3', '--out', 'x.csv'], /nowhere\.csv: has no firm with usable coordinates inside the JIS X 0410 mesh’s range/]
	];

	it.each(refused)('refuses %s with exit 2 and one line saying what to do', async (_label, args, message) => {
		const r = await run(...args);
		expect(r.status).toBe(2);
		const lines = r.stderr.trim().split('\n');
		expect(lines, r.stderr).toHaveLength(1);
		expect(lines[0]).toMatch(message);
		expect(r.stderr).not.toMatch(/\n\s+at /);
	});
});
