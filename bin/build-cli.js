#!/usr/bin/env node
// Bundles the `cluster-map` command (src/cli, the engine it uses and their packages) with esbuild into
// node_modules/.cache/cluster-map/cli-<fingerprint>/, one file per entry point plus shared
// chunks, so that a command imports only the modules it needs. Run by `npm install`
// (postinstall), so the first command after an install starts at once; bin/cluster-map.js
// calls it again only when the sources have changed since. Without esbuild it does nothing and
// the command runs the sources through tsx.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sources = join(root, 'src/cli');
/** Entry points: the command, and the worker threads it starts. */
const entries = ['main.ts', 'engine-worker.ts', 'chunk-worker.ts'].map((file) => join(sources, file));

/** Paths, sizes and modification times of every source file the command is built from. */
function fingerprint() {
	const hash = createHash('sha256');
	const walk = (dir) => {
		// Code-unit order, not localeCompare: ICU's collator costs about 10 ms at every start.
		for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) walk(path);
			else if (/\.(ts|js|json)$/.test(entry.name) && !entry.name.endsWith('.test.ts')) {
				const { size, mtimeMs } = statSync(path);
				hash.update(`${path}\0${size}\0${mtimeMs}\n`);
			}
		}
	};
	walk(sources);
	walk(join(root, 'src/lib/core'));
	// The packages are bundled too: a changed dependency makes a new bundle.
	for (const file of ['package.json', 'package-lock.json']) {
		const path = join(root, file);
		if (existsSync(path)) hash.update(`${path}\0${statSync(path).size}\0${statSync(path).mtimeMs}\n`);
	}
	return hash.digest('hex').slice(0, 16);
}

/** The folder of the current bundle, or null when it has not been built yet. */
export function bundleDir() {
	const dir = join(root, 'node_modules/.cache/cluster-map', `cli-${fingerprint()}`);
	return { dir, built: existsSync(join(dir, 'main.mjs')) };
}

/** Builds the bundle unless it is current; returns its folder. Throws when esbuild is missing. */
export async function buildCli() {
	const { dir, built } = bundleDir();
	if (built) return dir;
	const esbuild = await import('esbuild');
	const partial = `${dir}.partial-${process.pid}`;
	await esbuild.build({
		entryPoints: entries,
		outdir: partial,
		outExtension: { '.js': '.mjs' },
		bundle: true,
		splitting: true,
		chunkNames: 'chunk-[hash]',
		platform: 'node',
		format: 'esm',
		target: 'node20',
		// The packages are bundled as well: resolving and loading them one by one from node_modules
		// (some are CommonJS, parsed by Node's lexer, and @turf/turf whole) took about 0.4 s of
		// CPU at every start. CommonJS code in the bundle gets `require` for Node's own modules.
		banner: { js: "import { createRequire as __cmRequire } from 'node:module'; const require = __cmRequire(import.meta.url);" },
		logLevel: 'silent'
	});
	try {
		renameSync(partial, dir); // atomic: a concurrent run never imports half a bundle
	} catch {
		rmSync(partial, { recursive: true, force: true }); // another run got there first
	}
	const cache = dirname(dir);
	for (const old of readdirSync(cache)) if (old.startsWith('cli-') && join(cache, old) !== dir && !old.includes('.partial-')) rmSync(join(cache, old), { recursive: true, force: true });
	return dir;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	// At install time a missing esbuild is not an error: the command then runs through tsx.
	await buildCli().catch((error) => console.warn(`cluster-map: not bundled (${error instanceof Error ? error.message : error}); the command will run the TypeScript sources through tsx`));
}
