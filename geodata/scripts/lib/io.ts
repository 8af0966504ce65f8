/**
 * Reading inputs and serialising outputs deterministically (same input → byte-identical file),
 * so the committed files can be compared with a fresh build.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { SOURCES_DIR } from './paths';

/**
 * Parses a JSON file and names the file when it cannot be read.
 *
 * @example
 * const facts = readJson<{ districts: unknown[] }>('/path/to/facts.json');
 */
export function readJson<T>(path: string): T {
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch (err) {
		throw new Error(`Cannot read ${path}: ${(err as Error).message}. Run "npm install" or restore the file.`);
	}
	try {
		return JSON.parse(text) as T;
	} catch (err) {
		throw new Error(`${path} is not valid JSON: ${(err as Error).message}`);
	}
}

/**
 * Reads one of the committed source files in geodata/sources/.
 *
 * @example
 * const institutions = readSource<RawInstitution[]>('institutions.json');
 */
export function readSource<T>(name: string): T {
	return readJson<T>(join(SOURCES_DIR, name));
}

/**
 * A FeatureCollection with one feature per line: small diffs, still valid JSON.
 *
 * @example
 * writeFileSync('x.geo.json', stringifyFeatureCollection({ type: 'FeatureCollection', features: [] }));
 */
export function stringifyFeatureCollection(fc: FeatureCollection): string {
	if (fc.features.length === 0) return '{"type":"FeatureCollection","features":[]}\n';
	const lines = fc.features.map((f) => JSON.stringify(f));
	return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
}

/**
 * Pretty JSON with a trailing newline.
 *
 * @example
 * stringifyJson([{ id: 'ota' }]);
 */
export function stringifyJson(value: unknown): string {
	return JSON.stringify(value, null, '\t') + '\n';
}
