import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCli, currentBundle, root } from '../../bin/build-cli.js';

const made: string[] = [];
afterEach(() => made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A project folder with two source files and a bundle built from them, as `buildCli` leaves it. */
function project() {
	const base = mkdtempSync(join(tmpdir(), 'cluster-map-bundle-'));
	made.push(base);
	mkdirSync(join(base, 'src/cli'), { recursive: true });
	const files = ['src/cli/main.ts', 'package.json'];
	files.forEach((file, i) => writeFileSync(join(base, file), `content ${i}`));
	// Whole seconds: every file system keeps them exactly.
	files.forEach((file) => utimesSync(join(base, file), 1_700_000_000, 1_700_000_000));
	const bundle = join(base, 'node_modules/.cache/cluster-map/cli-0123456789abcdef');
	mkdirSync(bundle, { recursive: true });
	writeFileSync(join(bundle, 'main.mjs'), '');
	const pointer = (value: unknown) => writeFileSync(join(base, 'node_modules/.cache/cluster-map/current.json'), JSON.stringify(value));
	pointer({ dir: 'cli-0123456789abcdef', files: files.map((file, i) => [file, `content ${i}`.length, 1_700_000_000_000]) });
	return { base, bundle, pointer };
}

describe('currentBundle', () => {
	it('names the bundle while the files it was built from are as they were', () => {
		const { base, bundle } = project();
		expect(currentBundle(base)).toBe(bundle);
	});

	it('is null once a file it was built from changes its content, its date or is gone', () => {
		const resized = project();
		writeFileSync(join(resized.base, 'src/cli/main.ts'), 'content 0, edited');
		expect(currentBundle(resized.base)).toBeNull();
		const redated = project();
		utimesSync(join(redated.base, 'package.json'), 1_700_000_001, 1_700_000_001);
		expect(currentBundle(redated.base)).toBeNull();
		const removed = project();
		rmSync(join(removed.base, 'src/cli/main.ts'));
		expect(currentBundle(removed.base)).toBeNull();
	});

	it('is null without a bundle, or with a record it cannot read', () => {
		const empty = project();
		rmSync(join(empty.bundle, 'main.mjs'));
		expect(currentBundle(empty.base)).toBeNull();
		for (const damaged of [null, { dir: '../../x', files: [] }, { dir: 'cli-0123456789abcdef' }, { dir: 'cli-0123456789abcdef', files: [3] }]) {
			const { base, pointer } = project();
			pointer(damaged);
			expect(currentBundle(base)).toBeNull();
		}
		const { base } = project();
		writeFileSync(join(base, 'node_modules/.cache/cluster-map/current.json'), '{"dir": "cli-01');
		expect(currentBundle(base)).toBeNull();
	});
});

describe('buildCli', () => {
	it('records the project files the bundle was built from, and the settings, not the packages', async () => {
		const dir = await buildCli();
		expect(currentBundle()).toBe(dir);
		const record = JSON.parse(readFileSync(join(root, 'node_modules/.cache/cluster-map/current.json'), 'utf8')) as { files: [string, number, number][] };
		const paths = record.files.map(([path]) => path);
		expect(paths).toEqual(expect.arrayContaining(['src/cli/main.ts', 'src/cli/engine-worker.ts', 'src/cli/chunk-worker.ts', 'src/lib/core/firm-results.ts', 'package-lock.json', 'tsconfig.json']));
		expect(paths.filter((path) => path.includes('node_modules') || path.endsWith('.test.ts'))).toEqual([]);
	}, 60_000);
});
