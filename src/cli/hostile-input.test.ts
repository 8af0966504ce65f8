import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Files and arguments built to break the command: each is exit 2 with one line naming the file or
// option and what is wrong, never "unexpected error" or a stack.

const BIN = join(import.meta.dirname, '../../bin/cluster-map.js');
const IN = join(import.meta.dirname, 'test/in');
const DIR = mkdtempSync(join(tmpdir(), 'cluster-map-hostile-'));

function run(...args: string[]): Promise<{ status: number; lines: string[] }> {
	return new Promise((resolve) => {
		execFile(process.execPath, [BIN, ...args], { cwd: DIR, encoding: 'utf8' }, (error, _stdout, stderr) => {
			resolve({ status: error ? ((error as { code?: number }).code ?? 1) : 0, lines: stderr.split('\n').filter((l) => l.startsWith('cluster-map:')) });
		});
	});
}

const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
const collection = (geometry: string, properties = '{}', extra = '') => `{"type":"FeatureCollection"${extra},"features":[{"type":"Feature","properties":${properties},"geometry":${geometry}}]}`;
const square = '{"type":"Polygon","coordinates":[[[139.7,35.5],[139.8,35.5],[139.8,35.6],[139.7,35.5]]]}';

describe('hostile GeoJSON', () => {
	it.each([
		['zones', 'deep-zone.geojson', collection(`{"type":"Polygon","coordinates":${nested(100_000)}}`), 'feature 1 is nested more than 64 levels deep'],
		['firms', 'deep-firm.geojson', collection('{"type":"Point","coordinates":[139.7,35.6]}', `{"memo":${nested(100_000)}}`), 'feature 1 is nested more than 64 levels deep'],
		['institutions', 'deep-institution.geojson', collection(`{"type":"Point","coordinates":${nested(100_000)}}`), 'feature 1 is nested more than 64 levels deep'],
		['zones', 'mercator.geojson', collection(square, '{}', ',"crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::3857"}}'), 'has a "crs" member naming urn:ogc:def:crs:EPSG::3857']
	])('--%s %s: exit 2 naming the file', async (option, name, text, message) => {
		writeFileSync(join(DIR, name), text);
		const files = { firms: join(IN, 'firms.csv'), zones: join(IN, 'zones.geojson'), [option]: name };
		const out = join(DIR, `${name}.csv`);
		const result = await run('classify', '--firms', files.firms, '--zones', files.zones, ...(option === 'institutions' ? ['--institutions', name] : []), '--out', out);
		expect(result.status).toBe(2);
		expect(result.lines).toEqual([expect.stringContaining(`${name}: ${message}`)]);
		expect(existsSync(out)).toBe(false);
	});
});

describe('out-of-range numbers', () => {
	it.each([
		[['compare', '--firms', 'f.csv', '--zones', 'z.geojson', '--outcome', 'x', '--permutations', '-1'], '--permutations must be a whole number, not "-1"'],
		[['compare', '--firms', 'f.csv', '--zones', 'z.geojson', '--outcome', 'x', '--seed', '-5'], '--seed must be a whole number, not "-5"'],
		[['classify', '--firms', 'f.csv', '--zones', 'z.geojson', '--institutions', 'bundled', '--buffer-km', '-2', '--out', 'o.csv'], '--buffer-km must be'],
		[['hotspots', '--firms', 'f.csv', '--cells', 'mesh3', '--permutations', '-1', '--out', 'o.csv'], '--permutations must be a whole number from 0 to 99,999, not "-1"'],
		[['geocode', '--firms', 'f.csv', '--address-column', '-1', '--out', 'o.csv'], 'f.csv: does not exist']
	])('%j says the value is out of range', async (args, message) => {
		const result = await run(...args);
		expect(result.status).toBe(2);
		expect(result.lines).toEqual([expect.stringContaining(message)]);
	});
});

describe('many zone repairs', () => {
	// 25 zones whose rings are not closed: each is repaired and named.
	const features = Array.from({ length: 25 }, (_, i) => {
		const x = 139.6 + i * 0.01;
		return { type: 'Feature', id: `z${i}`, properties: {}, geometry: { type: 'Polygon', coordinates: [[[x, 35.5], [x + 0.005, 35.5], [x + 0.005, 35.6], [x, 35.6]]] } };
	});

	it.each([
		[[], 20, 'the first 20 repairs named above, every one with --verbose'],
		[['--verbose'], 25, 'each named above']
	])('with %j lists %i and says where the rest are', async (flags, count, summary) => {
		writeFileSync(join(DIR, 'open-rings.geojson'), JSON.stringify({ type: 'FeatureCollection', features }));
		const out = join(DIR, `repairs${flags.length}.csv`);
		const stderr = await new Promise<string>((resolve) => {
			execFile(process.execPath, [BIN, 'classify', '--firms', join(IN, 'firms.csv'), '--zones', 'open-rings.geojson', '--out', out, ...flags], { cwd: DIR, encoding: 'utf8' }, (_e, _o, err) => resolve(err));
		});
		expect(stderr.split('\n').filter((l) => /zone "z\d+" the outer ring of the polygon was not closed/.test(l))).toHaveLength(count);
		expect(stderr.includes('more repairs (run with --verbose to list every one)')).toBe(count < 25);
		expect(stderr).toContain(`zones: 25 from open-rings.geojson (25 repaired; ${summary})`);
	});
});
