import { spawn, execFile } from 'node:child_process';
import { existsSync, linkSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../lib/core/io';
import { AtomicOutput } from './node-files';

// The output never harms an input, a full disk is a clear exit 2, and an interrupted run leaves
// nothing behind.

const BIN = join(import.meta.dirname, '../../bin/cluster-map.js');
const IN = join(import.meta.dirname, 'test/in');
const DIR = mkdtempSync(join(tmpdir(), 'cluster-map-out-'));

function run(...args: string[]): Promise<{ status: number; stderr: string }> {
	return new Promise((resolve) => {
		execFile(process.execPath, [BIN, ...args], { cwd: DIR, encoding: 'utf8' }, (error, _stdout, stderr) => {
			resolve({ status: error ? ((error as { code?: number }).code ?? 1) : 0, stderr });
		});
	});
}

describe('--out naming an input', () => {
	const firms = join(DIR, 'firms.csv');
	const original = readFileSync(join(IN, 'firms.csv'));

	it.each([
		['the same path', () => firms],
		['the same path written differently', () => join(DIR, '.', 'firms.csv')],
		['a hard link to it', () => (linkSync(firms, join(DIR, 'hard.csv')), join(DIR, 'hard.csv'))],
		['a symbolic link to it', () => (symlinkSync(firms, join(DIR, 'soft.csv')), join(DIR, 'soft.csv'))]
	])('is refused when it is %s, and the input is left as it was', async (_, out) => {
		writeFileSync(firms, original);
		const result = await run('classify', '--firms', firms, '--zones', join(IN, 'zones.geojson'), '--out', out());
		expect(result.status).toBe(2);
		expect(result.stderr).toContain('writing it would replace the input');
		expect(result.stderr).not.toMatch(/\n\s+at /);
		expect(readFileSync(firms).equals(original)).toBe(true);
		rmSync(join(DIR, 'hard.csv'), { force: true });
		rmSync(join(DIR, 'soft.csv'), { force: true });
	});

	it('is refused when it is the zones file', async () => {
		const zones = join(DIR, 'zones.geojson');
		writeFileSync(zones, readFileSync(join(IN, 'zones.geojson')));
		const result = await run('classify', '--firms', join(IN, 'firms.csv'), '--zones', zones, '--out', zones);
		expect(result.status).toBe(2);
		expect(result.stderr).toContain('is the --zones file');
	});
});

describe('a full disk', () => {
	it('is an InputError naming the output and the cause, and the partial file is removed', () => {
		// /dev/full answers every write with ENOSPC; the partial file is made a link to it.
		const out = join(DIR, 'full.csv');
		const partial = `${out}.partial-${process.pid}`;
		symlinkSync('/dev/full', partial);
		const output = new AtomicOutput(out);
		let thrown: unknown;
		try {
			output.write('id,lat,lon\n');
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toBeInstanceOf(InputError);
		expect((thrown as InputError).describe()).toMatch(/full\.csv.*the disk is full \(ENOSPC\); nothing was written/);
		expect(existsSync(partial)).toBe(false);
		expect(existsSync(out)).toBe(false);
	});
});

describe('an interrupted run', () => {
	// Big enough that the run is still writing when the signal comes.
	const big = join(DIR, 'big.csv');
	const rows = ['id,lat,lon'];
	for (let i = 0; i < 600_000; i++) rows.push(`F${i},${(35 + (i % 1000) / 2000).toFixed(5)},${(139 + (i % 997) / 2000).toFixed(5)}`);
	writeFileSync(big, rows.join('\n'));

	it.each([
		['SIGINT', 130],
		['SIGTERM', 143]
	] as const)('by %s exits %i, says nothing was written and leaves no partial file', async (signal, status) => {
		const out = join(DIR, `interrupted-${signal}.geojson`);
		// Tiny batches, every bundled institution and GeoJSON output keep the run writing for seconds
		// (about 3 s on a quiet machine), so the signal comes while it writes.
		const env = { ...process.env, CLUSTER_MAP_BATCH_BYTES: '2048' };
		const args = ['classify', '--firms', big, '--zones', join(IN, 'zones.geojson'), '--institutions', 'bundled', '--out', out];
		const child = spawn(process.execPath, [BIN, ...args], { cwd: DIR, env });
		let stderr = '';
		child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
		const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
		const partialOf = () => readdirSync(DIR).find((name) => name.startsWith(`interrupted-${signal}.geojson.partial-`));
		const deadline = Date.now() + 60_000;
		while (partialOf() === undefined && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
		expect(partialOf()).toBeDefined();
		child.kill(signal);
		expect(await exited).toBe(status);
		expect(stderr).toContain(`interrupted (${signal}); nothing was written to ${out}`);
		expect(partialOf()).toBeUndefined();
		expect(existsSync(out)).toBe(false);
	}, 90_000);
});

describe('geocode --out naming its input', () => {
	it('is refused and the input is left as it was', async () => {
		const firms = join(DIR, 'addresses.csv');
		const original = Buffer.from('name,住所\nA,東京都大田区池上一丁目\n');
		writeFileSync(firms, original);
		const result = await run('geocode', '--firms', firms, '--out', firms);
		expect(result.status).toBe(2);
		expect(result.stderr).toContain('is the --firms file');
		expect(readFileSync(firms).equals(original)).toBe(true);
	});
});
