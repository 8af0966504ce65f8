#!/usr/bin/env node
// The `cluster-map` command. `npm install` bundles it (bin/build-cli.js, postinstall) into
// node_modules/.cache; this imports that bundle, rebuilding it first only when the sources have
// changed since. If esbuild or the cache folder is unavailable, tsx's loader runs the TypeScript
// sources directly (slower to start: ~60 modules through a loader hook).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildCli, currentBundle, root } from './build-cli.js';

async function bundled() {
	return import(pathToFileURL(join(currentBundle() ?? (await buildCli()), 'main.mjs')).href);
}

async function viaTsx() {
	const { register } = await import('tsx/esm/api');
	register();
	return import(pathToFileURL(join(root, 'src/cli/main.ts')).href);
}

const { main } = await bundled().catch(viaTsx);
process.exitCode = await main(process.argv.slice(2));
