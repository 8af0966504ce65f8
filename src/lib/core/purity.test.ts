import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The engine runs in a worker and in Node: it must not reach for the UI or the DOM.
const forbidden = [
	/from\s+['"](svelte|svelte\/[^'"]*)['"]/,
	/from\s+['"]maplibre-gl['"]/,
	/from\s+['"]terra-draw[^'"]*['"]/,
	/from\s+['"]\$app\//,
	/\b(window|document)\s*\./
];

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sourceFiles(path);
		return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
	});
}

describe('src/lib/core purity', () => {
	const files = sourceFiles('src/lib/core');

	it('has engine files to check', () => {
		expect(files.length).toBeGreaterThan(0);
	});

	it.each(files)('%s imports no UI and touches no DOM', (file) => {
		const text = readFileSync(file, 'utf8');
		for (const pattern of forbidden) expect(text, `${file} matches ${pattern}`).not.toMatch(pattern);
	});
});
