import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The folders of src/lib depend on each other one way: core ← data ← worker ← state, with map
// and i18n beside them. A cycle between two folders means neither can be read (or tested) without
// the other; this finds any, through `$lib/…` and relative imports alike (tests left out).
// The map's layers take data and report events: they import nothing from the state, so data
// flows state → map through props and map events → state through the page.

const LIB = import.meta.dirname;
const SRC = resolve(LIB, '..');

/** Source files under `dir`, tests and (unless `withFixtures`) test fixture folders left out. */
function sourceFiles(dir: string, withFixtures = false): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return entry.name === 'test' && !withFixtures ? [] : sourceFiles(path, withFixtures);
		return /\.(ts|svelte)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : [];
	});
}

/** The src/lib folder a path lies in ('core', 'map'…), or null outside src/lib. */
function folderOf(path: string): string | null {
	const inLib = relative(LIB, path);
	return inLib.startsWith('..') || !inLib.includes('/') ? null : inLib.split('/')[0];
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|new URL\(\s*['"]([^'"]+)['"]/g;

/** The other src/lib folders the source `text` of `file` imports from. */
function importedFolders(file: string, text: string): string[] {
	const from = folderOf(file);
	const folders: string[] = [];
	for (const match of text.matchAll(IMPORT)) {
		const specifier = match[1] ?? match[2] ?? match[3];
		const target = specifier.startsWith('$lib/') ? join(LIB, specifier.slice(5)) : specifier.startsWith('.') ? resolve(dirname(file), specifier) : null;
		const to = target && folderOf(target);
		if (to && to !== from) folders.push(to);
	}
	return folders;
}

/** Folder → folders it imports from. */
function folderGraph(): Map<string, Set<string>> {
	const graph = new Map<string, Set<string>>();
	for (const file of sourceFiles(LIB)) {
		const from = folderOf(file);
		if (!from) continue;
		for (const to of importedFolders(file, readFileSync(file, 'utf8'))) (graph.get(from) ?? graph.set(from, new Set()).get(from)!).add(to);
	}
	return graph;
}

/** Every cycle's folders, found by depth-first search. */
function cycles(graph: Map<string, Set<string>>): string[][] {
	const found: string[][] = [];
	const visit = (node: string, path: string[]) => {
		for (const next of graph.get(node) ?? []) {
			const at = path.indexOf(next);
			if (at >= 0) found.push([...path.slice(at), next]);
			else visit(next, [...path, next]);
		}
	};
	for (const node of graph.keys()) visit(node, [node]);
	return found;
}

describe('folders of src/lib', () => {
	it('finds a cycle when there is one', () => {
		const graph = new Map([
			['a', new Set(['b'])],
			['b', new Set(['a'])]
		]);
		expect(cycles(graph)).toContainEqual(['a', 'b', 'a']);
	});

	it('depend on each other one way only', () => {
		const graph = folderGraph();
		expect(graph.get('core') ?? new Set()).toEqual(new Set());
		expect(cycles(graph).map((cycle) => cycle.join(' → '))).toEqual([]);
	});

	it('keep the map from reading or writing the app state', () => {
		const fromState = sourceFiles(join(LIB, 'map')).filter((file) => importedFolders(file, readFileSync(file, 'utf8')).includes('state'));
		expect(fromState.map((file) => relative(SRC, file))).toEqual([]);
	});

	it('see an import of the state from the map, type-only or relative', () => {
		const from = join(LIB, 'map', 'Example.svelte');
		expect(importedFolders(from, "import type { Zones } from '$lib/state/zones.svelte';")).toEqual(['state']);
		expect(importedFolders(from, "import { settings } from '../state/settings.svelte';")).toEqual(['state']);
		expect(importedFolders(from, "import { getMap } from './context';")).toEqual([]);
	});

	it('keep the benchmarks out of the app', () => {
		const fromBench = sourceFiles(SRC, true).filter((file) => /from\s+['"][^'"]*\/bench\//.test(readFileSync(file, 'utf8')));
		expect(fromBench.map((file) => relative(SRC, file))).toEqual([]);
	});
});
