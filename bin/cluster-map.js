#!/usr/bin/env node
// The `cluster-map` command: runs src/cli/main.ts straight from the TypeScript sources, so it
// works right after `npm install` with no build step.
//
// Loading ~60 TypeScript modules through a loader hook costs most of a second on every start, so
// the first run bundles them with esbuild (installed with tsx) into node_modules/.cache, under a
// name derived from the sources' paths, sizes and dates; later runs import that one file. If
// esbuild or the cache folder is unavailable, tsx's loader runs the sources directly.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'src/cli/main.ts');
// The engine's worker thread is a second entry point, bundled beside the command.
const workerEntry = join(root, 'src/cli/engine-worker.ts');

/** Paths, sizes and modification times of every source file the command is built from. */
function fingerprint() {
	const hash = createHash('sha256');
	const walk = (dir) => {
		for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) walk(path);
			else if (/\.(ts|js|json)$/.test(entry.name) && !entry.name.endsWith('.test.ts')) {
				const { size, mtimeMs } = statSync(path);
				hash.update(`${path}\0${size}\0${mtimeMs}\n`);
			}
		}
	};
	walk(join(root, 'src/cli'));
	walk(join(root, 'src/lib/core'));
	return hash.digest('hex').slice(0, 16);
}

async function bundled() {
	const cache = join(root, 'node_modules/.cache/cluster-map');
	const dir = join(cache, `cli-${fingerprint()}`);
	if (!existsSync(dir)) {
		const esbuild = await import('esbuild');
		const partial = `${dir}.partial-${process.pid}`;
		await esbuild.build({
			entryPoints: [entry, workerEntry],
			outdir: partial,
			outExtension: { '.js': '.mjs' },
			bundle: true,
			platform: 'node',
			format: 'esm',
			target: 'node20',
			packages: 'external',
			logLevel: 'silent'
		});
		try {
			renameSync(partial, dir); // atomic: a concurrent first run never imports half a bundle
		} catch {
			rmSync(partial, { recursive: true, force: true }); // another run got there first
		}
		for (const old of readdirSync(cache)) if (old.startsWith('cli-') && join(cache, old) !== dir && !old.includes('.partial-')) rmSync(join(cache, old), { recursive: true, force: true });
	}
	return import(pathToFileURL(join(dir, 'main.mjs')).href);
}

async function viaTsx() {
	const { register } = await import('tsx/esm/api');
	register();
	return import(pathToFileURL(entry).href);
}

const { main } = await bundled().catch(viaTsx);
process.exitCode = await main(process.argv.slice(2));
