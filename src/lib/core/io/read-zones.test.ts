import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { readZones } from './read-zones';

// A clockwise outer ring is the Shapefile's own rule, a GeoJSON repair: only the second is reported.
const clockwise: FeatureCollection = {
	type: 'FeatureCollection',
	features: [{ type: 'Feature', id: 'ward', properties: {}, geometry: { type: 'Polygon', coordinates: [[[139.7, 35.5], [139.7, 35.6], [139.8, 35.6], [139.8, 35.5], [139.7, 35.5]]] } }]
};

describe('readZones', () => {
	it('turns a clockwise outer ring of a zipped Shapefile without calling it a repair', () => {
		const { zones, problems } = readZones(structuredClone(clockwise), { file: 'wards.zip' });
		expect(problems).toEqual([]);
		expect(zones[0].geometry.coordinates[0]).toEqual([[139.7, 35.5], [139.8, 35.5], [139.8, 35.6], [139.7, 35.6], [139.7, 35.5]]);
	});

	it('reports the same ring in GeoJSON as reversed', () => {
		const { zones, problems } = readZones(structuredClone(clockwise), { file: 'wards.geojson' });
		expect(problems.map((p) => p.message)).toEqual(['the outer ring of the polygon ran clockwise; reversed it (GeoJSON wants outer rings counter-clockwise, holes clockwise).']);
		expect(zones[0].geometry.coordinates[0][1]).toEqual([139.8, 35.5]);
	});
});
