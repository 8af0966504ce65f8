import { describe, expect, it } from 'vitest';
import { InputError } from './input-error';
import { parseGeoJson } from './parse-geojson';

const polygon = '{"type":"Polygon","coordinates":[[[139,35],[139.1,35],[139.1,35.1],[139,35]]]}';
const collection = (feature: string, extra = '') => `{"type":"FeatureCollection"${extra},"features":[${feature}]}`;
const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

function errorOf(text: string): InputError {
	try {
		parseGeoJson(text, { file: 'z.geojson' });
	} catch (error) {
		if (error instanceof InputError) return error;
		throw error;
	}
	throw new Error('no error');
}

describe('parseGeoJson', () => {
	it.each([
		['coordinates', `{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":${nested(100_000)}}}`],
		['properties', `{"type":"Feature","properties":{"a":${nested(100_000)}},"geometry":${polygon}}`],
		['an object chain', `{"type":"Feature","properties":${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)},"geometry":${polygon}}`]
	])('refuses values nested 100,000 deep in %s, naming the feature, without running out of stack', (_, feature) => {
		const error = errorOf(collection(`${feature},${feature}`));
		expect(error.describe()).toContain('z.geojson: feature 1 is nested more than 64 levels deep');
		expect(error.code).toBe('too-deep');
	});

	it('refuses from 65 levels below a feature and reads 64, whatever brackets, quotes and backslashes its strings hold', () => {
		// Strings that would end early, or late, if escapes were misread: deep nesting after them still counts.
		const tricky = JSON.stringify({ a: 'ends in a backslash\\', b: ']]]}}}"[[[', c: '\\"\\' }).slice(1, -1);
		const feature = (levels: number) => `{"type":"Feature","properties":{${tricky},"d":${nested(levels)}},"geometry":${polygon}}`;
		expect(() => JSON.parse(feature(1))).not.toThrow();
		// The innermost array of "d" is levels + 1 below the feature (properties, then "d").
		expect(errorOf(collection(feature(64))).code).toBe('too-deep');
		expect(parseGeoJson(collection(feature(63)), { file: 'z.geojson' }).features).toHaveLength(1);
	});

	it('reads ordinary nesting: MultiPolygon coordinates and nested properties', () => {
		const feature = `{"type":"Feature","properties":{"a":{"b":[[1,2],[3]]}},"geometry":{"type":"MultiPolygon","coordinates":[${JSON.parse(polygon).coordinates.length ? JSON.stringify(JSON.parse(polygon).coordinates) : ''}]}}`;
		expect(parseGeoJson(collection(feature), { file: 'z.geojson' }).features).toHaveLength(1);
	});

	it.each(['EPSG:3857', 'urn:ogc:def:crs:EPSG::6677', 'EPSG:2451'])('refuses a "crs" member naming %s', (name) => {
		const error = errorOf(collection(`{"type":"Feature","properties":{},"geometry":${polygon}}`, `,"crs":{"type":"name","properties":{"name":"${name}"}}`));
		expect(error.describe()).toContain(`has a "crs" member naming ${name}: only WGS84 longitude/latitude (RFC 7946) is read`);
		expect(error.params.crs).toBe(name);
	});

	it.each(['urn:ogc:def:crs:OGC:1.3:CRS84', 'EPSG:4326', 'urn:ogc:def:crs:EPSG::6668', 'EPSG:4612'])('reads a "crs" member naming %s (degrees)', (name) => {
		const text = collection(`{"type":"Feature","properties":{},"geometry":${polygon}}`, `,"crs":{"type":"name","properties":{"name":"${name}"}}`);
		expect(parseGeoJson(text, { file: 'z.geojson' }).features).toHaveLength(1);
	});
});
