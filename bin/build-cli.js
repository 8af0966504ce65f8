#!/usr/bin/env node
// Bundles the `cluster-map` command (src/cli, the engine it uses and their packages) with esbuild into
// node_modules/.cache/cluster-map/cli-<fingerprint>/, one file per entry point plus shared
// chunks, so that a command imports only the modules it needs. Run by `npm install`
// (postinstall), so the first command after an install starts at once; bin/cluster-map.js
// calls it again only when a file the bundle was built from has changed since. Without esbuild it
// does nothing and the command runs the sources through tsx.
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sources = join(root, 'src/cli');
/** Entry points: the command, and the worker threads it starts. */
const entries = ['main.ts', 'engine-worker.ts', 'chunk-worker.ts'].map((file) => join(sources, file));
/** Read by the build besides the sources: a changed dependency or setting makes a new bundle. */
const settings = ['package.json', 'package-lock.json', 'tsconfig.json'];
const cacheDir = join(root, 'node_modules/.cache/cluster-map');
/** Names the current bundle and the files it was built from, with their sizes and dates. */
const currentFile = join(cacheDir, 'current.json');

/**
 * The folder of the current bundle, or null when there is none or a file it was built from has
 * changed (or gone). Only those files are looked at, not every source: a start takes a few
 * milliseconds instead of walking the tree.
 *
 * @param {string} base the project folder (its node_modules/.cache/cluster-map holds the bundle)
 * @returns {string | null}
 */
export function currentBundle(base = root) {
	const cache = join(base, 'node_modules/.cache/cluster-map');
	let current;
	try {
		current = JSON.parse(readFileSync(join(cache, 'current.json'), 'utf8'));
	} catch {
		return null;
	}
	if (typeof current?.dir !== 'string' || !current.dir.startsWith('cli-') || !Array.isArray(current.files)) return null;
	const dir = join(cache, current.dir);
	if (!existsSync(join(dir, 'main.mjs'))) return null;
	for (const file of current.files) {
		if (!Array.isArray(file) || typeof file[0] !== 'string') return null;
		const [path, size, mtimeMs] = file;
		const stat = statSync(join(base, path), { throwIfNoEntry: false });
		if (stat === undefined || stat.size !== size || stat.mtimeMs !== mtimeMs) return null;
	}
	return dir;
}

/** Builds the bundle unless it is current; returns its folder. Throws when esbuild is missing. */
export async function buildCli() {
	const current = currentBundle();
	if (current) return current;
	const [esbuild, { createHash }] = await Promise.all([import('esbuild'), import('node:crypto')]);
	const partial = join(cacheDir, `cli.partial-${process.pid}`);
	const began = Date.now();
	const { metafile } = await esbuild.build({
		absWorkingDir: root,
		entryPoints: entries,
		outdir: partial,
		outExtension: { '.js': '.mjs' },
		bundle: true,
		splitting: true,
		chunkNames: 'chunk-[hash]',
		platform: 'node',
		format: 'esm',
		target: 'node20',
		metafile: true,
		// The packages are bundled as well: resolving and loading them one by one from node_modules
		// (some are CommonJS, parsed by Node's lexer, and @turf/turf whole) took about 0.4 s of
		// CPU at every start. CommonJS code in the bundle gets `require` for Node's own modules.
		banner: { js: "import { createRequire as __cmRequire } from 'node:module'; const require = __cmRequire(import.meta.url);" },
		logLevel: 'silent'
	});
	// The project's own files the bundle holds (the packages' are covered by package-lock.json),
	// and the settings, with their sizes and dates. A file changed while the build ran may not be
	// in the bundle as it is now: its date is not kept, so the next run builds again.
	const built = [...Object.keys(metafile.inputs).filter((path) => !path.includes('node_modules/')), ...settings.filter((file) => existsSync(join(root, file)))]
		.sort()
		.map((path) => {
			const { size, mtimeMs } = statSync(join(root, path));
			return [path, size, mtimeMs < began ? mtimeMs : -1];
		});
	const name = `cli-${createHash('sha256').update(JSON.stringify(built)).digest('hex').slice(0, 16)}`;
	const dir = join(cacheDir, name);
	try {
		renameSync(partial, dir); // atomic: a concurrent run never imports half a bundle
	} catch {
		rmSync(partial, { recursive: true, force: true }); // another run got there first
	}
	const pointer = `${currentFile}.partial-${process.pid}`;
	writeFileSync(pointer, JSON.stringify({ dir: name, files: built }));
	renameSync(pointer, currentFile);
	for (const old of readdirSync(cacheDir)) if (old.startsWith('cli-') && old !== name && !old.includes('.partial-')) rmSync(join(cacheDir, old), { recursive: true, force: true });
	return dir;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	// At install time a missing esbuild is not an error: the command then runs through tsx.
	await buildCli().catch((error) => console.warn(`cluster-map: not bundled (${error instanceof Error ? error.message : error}); the command will run the TypeScript sources through tsx`));
}
