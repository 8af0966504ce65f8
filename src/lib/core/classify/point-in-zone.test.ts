import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { Zone } from '../model';
import { buildZoneIndex, classifyPoints, zonesAt } from './index';

// Turf-style predicate fixtures: test/true and test/false hold a point and a zone; the file name
// says what the case is. Points marked `boundary` lie on the zone's boundary.
const dir = join(import.meta.dirname, 'test');

function load(folder: string) {
	return readdirSync(join(dir, folder))
		.filter((name) => name.endsWith('.geojson'))
		.map((name) => {
			const collection = JSON.parse(readFileSync(join(dir, folder, name), 'utf8')) as FeatureCollection;
			const point = collection.features[0] as Feature<Point, { boundary?: boolean }>;
			const zone = collection.features[1] as Feature<Polygon | MultiPolygon>;
			return { name: name.replace('.geojson', ''), point, zone };
		});
}

function asZone(zone: Feature<Polygon | MultiPolygon>): Zone {
	return { id: 'zone', name: 'zone', geometry: zone.geometry, source: 'imported' };
}

describe.each([
	['true', true],
	['false', false]
] as const)('point in zone: test/%s', (folder, expected) => {
	const cases = load(folder);

	it('has fixtures', () => expect(cases.length).toBeGreaterThan(5));

	it.each(cases)('$name', ({ point, zone }) => {
		const [lon, lat] = point.geometry.coordinates;
		const index = buildZoneIndex([asZone(zone)]);
		expect(zonesAt(index, lon, lat).length > 0).toBe(expected);
		const many = classifyPoints(index, new Float64Array(40).fill(lon), new Float64Array(40).fill(lat));
		// 40 identical queries also exercise the cell tree after it has split the point's cell.
		expect([...many.inside]).toEqual(new Array(40).fill(expected ? 1 : 0));
		// The fixture also pins Turf's answer: the engine's semantics are Turf's.
		expect(booleanPointInPolygon(point, zone)).toBe(expected);
	});

	it.each(cases.filter((c) => c.point.properties?.boundary))('$name: on the boundary, so inside only when the boundary counts', ({ point, zone }) => {
		expect(booleanPointInPolygon(point, zone, { ignoreBoundary: true })).toBe(false);
		expect(booleanPointInPolygon(point, zone, { ignoreBoundary: false })).toBe(true);
	});
});
