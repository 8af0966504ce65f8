import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The cluster-map package folder (holding package.json and geodata/), found by walking up from
 * this module: it works from the sources and from the bundle the `cluster-map` command caches
 * under node_modules/.cache.
 */
export function packageRoot(): string {
	let dir = dirname(fileURLToPath(import.meta.url));
	for (;;) {
		const manifest = join(dir, 'package.json');
		if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'cluster-map') return dir;
		const parent = dirname(dir);
		if (parent === dir) throw new Error('cannot find the cluster-map package folder above the command');
		dir = parent;
	}
}
