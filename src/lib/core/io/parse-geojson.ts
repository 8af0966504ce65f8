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
		if (!Array.isArray((value as { features?: unknown }).features)) {
			throw new InputError(file, 'is a FeatureCollection without a "features" array', { code: 'features-missing', hint: 'Add "features": [ … ] with the features.' });
		}
		return value as FeatureCollection;
	}
	const what = typeof type === 'string' ? `a GeoJSON ${type}` : Array.isArray(value) ? 'a JSON array' : 'JSON without a GeoJSON "type"';
	throw new InputError(file, `is ${what}, not a GeoJSON FeatureCollection`, {
		code: 'not-feature-collection',
		params: { type: typeof type === 'string' ? type : Array.isArray(value) ? 'array' : 'none' },
		hint: 'Wrap the features as {"type": "FeatureCollection", "features": [ … ]}.'
	});
}
