import type { FeatureCollection } from 'geojson';
import { InputError } from './input-error';

/**
 * Parses text that must be a GeoJSON FeatureCollection, with a message that says what it is
 * instead: not JSON (with the line of the syntax error), a single Feature, a bare geometry…
 * Features themselves are checked by the readers that use them.
 *
 * @throws InputError
 * @example
 * const zones = parseGeoJson(text, { file: 'zones.geojson' });
 */
export function parseGeoJson(text: string, options: { file: string }): FeatureCollection {
	const { file } = options;
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		// Engines quote a snippet of the text in the message; keep the message on one line.
		const detail = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ');
		const position = /position (\d+)/.exec(detail);
		const line = position ? text.slice(0, Number(position[1])).split('\n').length : undefined;
		const looksCsv = /^[^{[]*[,\t;]/.test(text.slice(0, 200));
		throw new InputError(file, `is not valid JSON (${detail.replace(/^JSON\.parse: /, '')})`, {
			code: looksCsv ? 'invalid-json-csv' : 'invalid-json',
			params: { detail: detail.replace(/^JSON\.parse: /, '') },
			line,
			hint: looksCsv ? 'It looks like CSV, but a GeoJSON FeatureCollection is needed here (a CSV of firms needs a .csv name).' : 'A GeoJSON file must be a FeatureCollection; check it with a GeoJSON validator.'
		});
	}
	const type = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as { type?: unknown }).type : undefined;
	if (type === 'FeatureCollection') {
		const features = (value as { features?: unknown }).features;
		if (!Array.isArray(features)) {
			throw new InputError(file, 'is a FeatureCollection without a "features" array', { code: 'features-missing', hint: 'Add "features": [ … ] with the features.' });
		}
		refuseOtherCrs((value as { crs?: unknown }).crs, file);
		// The walk is exact but slow on a large file; the text can only be deeper than its values.
		if (textDepth(text, MAX_DEPTH) > MAX_DEPTH) refuseDeepNesting(features, file);
		return value as FeatureCollection;
	}
	const what = typeof type === 'string' ? `a GeoJSON ${type}` : Array.isArray(value) ? 'a JSON array' : 'JSON without a GeoJSON "type"';
	throw new InputError(file, `is ${what}, not a GeoJSON FeatureCollection`, {
		code: 'not-feature-collection',
		params: { type: typeof type === 'string' ? type : Array.isArray(value) ? 'array' : 'none' },
		hint: 'Wrap the features as {"type": "FeatureCollection", "features": [ … ]}.'
	});
}

/** Names of WGS84 longitude/latitude, and of JGD2000 / JGD2011 in degrees (equal to it within a metre or so). */
const DEGREES_CRS = /(?:CRS84|EPSG:{1,2}(?:4326|4612|6668))$/i;

/**
 * RFC 7946 dropped the "crs" member: coordinates are WGS84 longitude/latitude. A file that still
 * names another system (EPSG:3857 Web Mercator, EPSG:6677 plane rectangular IX…) has metres, not
 * degrees, and would put every feature in the wrong place.
 */
function refuseOtherCrs(crs: unknown, file: string): void {
	const name = (crs as { properties?: { name?: unknown } } | undefined)?.properties?.name;
	if (typeof name !== 'string' || DEGREES_CRS.test(name.trim())) return;
	throw new InputError(file, `has a "crs" member naming ${name}: only WGS84 longitude/latitude (RFC 7946) is read`, {
		code: 'crs-projected',
		params: { crs: name },
		hint: 'Reproject it to EPSG:4326 (QGIS: Export → Save Features As…, CRS EPSG:4326; or ogr2ogr -t_srs EPSG:4326) and load it again.'
	});
}

/**
 * Deeper than any GeoJSON needs: a MultiPolygon's numbers sit 4 arrays below the geometry, and
 * properties rarely nest more than a few levels.
 */
const MAX_DEPTH = 64;

/**
 * The deepest nesting of brackets and braces in valid JSON text, strings skipped, or a number
 * above `limit` as soon as it is passed. A value at depth d of a feature sits d + 3 deep in the
 * text (collection, features array, feature), so text no deeper than the limit has no value
 * deeper than it. One pass over the characters: a fraction of walking millions of values.
 */
function textDepth(text: string, limit: number): number {
	let depth = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 0x22) {
			// To the closing quote: the next one not escaped by an odd run of backslashes.
			let end = i;
			for (;;) {
				end = text.indexOf('"', end + 1);
				let k = end - 1;
				while (text.charCodeAt(k) === 0x5c) k--;
				if ((end - 1 - k) % 2 === 0) break;
			}
			i = end;
		} else if (c === 0x5b || c === 0x7b) {
			if (++depth > limit) return depth;
		} else if (c === 0x5d || c === 0x7d) depth--;
	}
	return 0;
}

/**
 * Refuses values nested deeper than {@link MAX_DEPTH}, so that no later step that walks a value
 * recursively (JSON.stringify of a cell, a structured clone to a worker) can run out of stack on a
 * file built to do that. Iterative: the check itself has no depth limit.
 */
function refuseDeepNesting(features: unknown[], file: string): void {
	const flat = (array: unknown[]) => {
		for (let i = 0; i < array.length; i++) if (typeof array[i] === 'object' && array[i] !== null) return false;
		return true;
	};
	const stack: unknown[] = [];
	const depths: number[] = [];
	for (let f = 0; f < features.length; f++) {
		stack.push(features[f]);
		depths.push(0);
		while (stack.length > 0) {
			const node = stack.pop();
			const depth = depths.pop()!;
			if (typeof node !== 'object' || node === null) continue;
			if (depth > MAX_DEPTH) {
				throw new InputError(file, `feature ${f + 1} is nested more than ${MAX_DEPTH} levels deep`, {
					code: 'too-deep',
					params: { feature: f + 1, depth: MAX_DEPTH },
					hint: 'GeoJSON coordinates are at most four arrays deep; check how the file was made.'
				});
			}
			for (const child of Array.isArray(node) ? node : Object.values(node)) {
				if (typeof child === 'object' && child !== null) {
					// A position (an array of numbers) holds nothing deeper: passed without a trip
					// through the stack, which on a zone file is most of the walk.
					if (depth + 1 <= MAX_DEPTH && Array.isArray(child) && flat(child)) continue;
					stack.push(child);
					depths.push(depth + 1);
				}
			}
		}
	}
}
