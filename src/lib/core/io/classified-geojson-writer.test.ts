import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { FirmResults } from './classified-columns';
import { createClassifiedGeoJsonWriter } from './classified-geojson-writer';
import type { FirmBatch } from './firm-batch';
import { readFirmsCsv } from './read-firms-csv';
import { readFirmsGeoJson } from './read-firms-geojson';

const results = (count: number): FirmResults => ({
	offsets: Uint32Array.from({ length: count + 1 }, (_, i) => Math.min(i, 1)),
	zoneIndices: Uint32Array.of(1),
	inside: Uint8Array.from({ length: count }, (_, i) => (i === 0 ? 1 : 0)),
	nearest: Int32Array.from({ length: count }, () => 0),
	km: Float64Array.from({ length: count }, () => 1.23456),
	withinBuffer: Uint8Array.from({ length: count }, () => 1)
});
const options = { zoneIds: ['a', 'b'], institutionIds: ['i'], bufferKm: 2 };

function write(batches: FirmBatch[]): FeatureCollection {
	const writer = createClassifiedGeoJsonWriter(options);
	return JSON.parse(writer.start() + batches.map((b) => writer.rows(b, results(b.count))).join('') + writer.end());
}

describe('createClassifiedGeoJsonWriter', () => {
	it('writes CSV rows as Points with their cells as text and typed appended fields; problem rows keep a null geometry', async () => {
		const batches: FirmBatch[] = [];
		const csv = 'lat,lon,名前,zone_ids,名前\n35.5,139.7,"a,""b""",old,x\n,139.7,c,,y\n';
		for await (const b of readFirmsCsv([new TextEncoder().encode(csv)], { file: 'f.csv' })) batches.push(b);
		const out = write(batches);
		expect(out.features).toEqual([
			{
				type: 'Feature',
				geometry: { type: 'Point', coordinates: [139.7, 35.5] },
				properties: { lat: '35.5', lon: '139.7', 名前: 'a,"b"', zone_ids_2: 'old', 名前_2: 'x', zone_ids: 'b', inside_cluster: true, nearest_institution_id: 'i', nearest_institution_km: 1.235, within_buffer: true, problem: null }
			},
			{
				type: 'Feature',
				geometry: null,
				properties: { lat: '', lon: '139.7', 名前: 'c', zone_ids_2: '', 名前_2: 'y', zone_ids: null, inside_cluster: null, nearest_institution_id: null, nearest_institution_km: null, within_buffer: null, problem: 'latitude (column "lat") is empty' }
			}
		]);
	});

	it('keeps a column called __proto__ as data', async () => {
		const batches: FirmBatch[] = [];
		for await (const b of readFirmsCsv([new TextEncoder().encode('lat,lon,__proto__\n35,139,x\n')], { file: 'f.csv' })) batches.push(b);
		expect(write(batches).features[0].properties).toMatchObject(JSON.parse('{"__proto__": "x", "lat": "35"}'));
		expect(Object.keys(write(batches).features[0].properties ?? {})).toContain('__proto__');
	});

	it('keeps GeoJSON features\' ids, geometries and property values', () => {
		const input: FeatureCollection = {
			type: 'FeatureCollection',
			features: [
				{ type: 'Feature', id: 7, properties: { n: 1, tags: ['x'] }, geometry: { type: 'Point', coordinates: [139.7, 35.5, 12] } },
				{ type: 'Feature', properties: { n: 2 }, geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1]] } }
			]
		};
		const out = write(readFirmsGeoJson(input, { file: 'f.geojson', batchSize: 1 }));
		expect(out.features[0]).toMatchObject({ id: 7, geometry: { coordinates: [139.7, 35.5, 12] }, properties: { n: 1, tags: ['x'], zone_ids: 'b' } });
		expect(out.features[1]).toMatchObject({ geometry: { type: 'LineString' }, properties: { n: 2, inside_cluster: null, problem: 'feature is a LineString, not a Point' } });
		expect(out.features[1]).not.toHaveProperty('id');
	});
});
