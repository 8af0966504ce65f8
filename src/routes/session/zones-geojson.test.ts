import { booleanClockwise } from '@turf/boolean-clockwise';
import fc from 'fast-check';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildZoneIndex, classifyPoints } from '$lib/core/classify';
import { InputError } from '$lib/core/io/input-error';
import type { Zone } from '$lib/core/model';
import { zonesFromGeoJson, zonesToGeoJson } from './zones-geojson';

/** A closed ring round (lon, lat), `n` corners at the given radii, clockwise or not. */
function ring(lon: number, lat: number, radii: number[], clockwise: boolean): Position[] {
	const points = radii.map((r, k) => {
		const angle = ((clockwise ? -1 : 1) * 2 * Math.PI * k) / radii.length;
		return [lon + r * Math.cos(angle), lat + r * Math.sin(angle)];
	});
	return [...points, points[0]];
}

const arbitraryPolygon = fc
	.record({
		lon: fc.double({ min: 139, max: 140, noNaN: true }),
		lat: fc.double({ min: 35, max: 36, noNaN: true }),
		outer: fc.array(fc.double({ min: 0.02, max: 0.05, noNaN: true }), { minLength: 3, maxLength: 9 }),
		hole: fc.option(fc.array(fc.double({ min: 0.002, max: 0.01, noNaN: true }), { minLength: 3, maxLength: 6 })),
		outerClockwise: fc.boolean(),
		holeClockwise: fc.boolean()
	})
	.map(({ lon, lat, outer, hole, outerClockwise, holeClockwise }) => [ring(lon, lat, outer, outerClockwise), ...(hole ? [ring(lon, lat, hole, holeClockwise)] : [])]);

const arbitraryZones = fc.array(
	fc.record({
		geometry: fc.oneof(
			arbitraryPolygon.map((coordinates): Polygon => ({ type: 'Polygon', coordinates })),
			fc.array(arbitraryPolygon, { minLength: 1, maxLength: 3 }).map((coordinates): MultiPolygon => ({ type: 'MultiPolygon', coordinates }))
		),
		name: fc.string(),
		source: fc.constantFrom('drawn', 'district', 'municipality', 'buffer', 'detected', 'imported' as const),
		colour: fc.option(fc.constantFrom('#d9480f', '#7048e8', '#0C8599'), { nil: undefined }),
// JSON has no -0: a parameter of -0 comes back as 0 from any JSON file.
		parameters: fc.dictionary(fc.string(), fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => x + 0), fc.string(), fc.boolean()))
	}),
	{ minLength: 1, maxLength: 5 }
);

function withIds(zones: Omit<Zone, 'id'>[]): Zone[] {
	return zones.map((zone, i) => ({ ...zone, id: `zone-${i}`, name: zone.name.trim() === '' ? `zone-${i}` : zone.name }));
}

const polygonsOf = (geometry: Polygon | MultiPolygon) => (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates);

describe('zonesToGeoJson', () => {
	it('winds outer rings counter-clockwise and holes clockwise (RFC 7946 right-hand rule)', () => {
		fc.assert(
			fc.property(arbitraryZones, (drawn) => {
				for (const feature of zonesToGeoJson(withIds(drawn)).features) {
					for (const [outer, ...holes] of polygonsOf(feature.geometry)) {
						expect(booleanClockwise(outer)).toBe(false);
						for (const hole of holes) expect(booleanClockwise(hole)).toBe(true);
					}
				}
			})
		);
	});

	it('round-trips through the file: same ids, names, sources, parameters, colours and the same firms inside', () => {
		fc.assert(
			fc.property(arbitraryZones, fc.array(fc.tuple(fc.double({ min: 138.9, max: 140.1, noNaN: true }), fc.double({ min: 34.9, max: 36.1, noNaN: true })), { maxLength: 200 }), (drawn, points) => {
				const zones = withIds(drawn);
				const back = zonesFromGeoJson(JSON.parse(JSON.stringify(zonesToGeoJson(zones))), { file: 'zones.geojson' });
				expect(back.map(({ geometry: _g, ...rest }) => rest)).toEqual(zones.map(({ geometry: _g, ...rest }) => ({ ...rest, parameters: rest.parameters })));
				// Exported once more, the file is the same: nothing drifts.
				expect(zonesToGeoJson(back)).toEqual(JSON.parse(JSON.stringify(zonesToGeoJson(zones))));
				const lons = Float64Array.from(points, (p) => p[0]);
				const lats = Float64Array.from(points, (p) => p[1]);
				const before = classifyPoints(buildZoneIndex(zones), lons, lats);
				const after = classifyPoints(buildZoneIndex(back), lons, lats);
				expect(after.inside).toEqual(before.inside);
				expect(after.zoneIndices).toEqual(before.zoneIndices);
			}),
			{ numRuns: 60 }
		);
	});
});

describe('zonesFromGeoJson', () => {
	const square = [
		[139.7, 35.5],
		[139.8, 35.5],
		[139.8, 35.6],
		[139.7, 35.5]
	];
	const feature = (geometry: unknown, properties: unknown = {}, id?: unknown) => ({ type: 'Feature', ...(id !== undefined && { id }), geometry, properties });
	const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

	it('reads files from other tools: ids from properties as the CLI does, names from ids, unknown sources as imported', () => {
		const polygon = { type: 'Polygon', coordinates: [square] };
		const zones = zonesFromGeoJson(collection(feature(polygon, { id: 7, source: 'qgis' }), feature(polygon, { name: '蒲田' }), feature(polygon)), { file: 'z.geojson' });
		expect(zones.map((z) => [z.id, z.name, z.source])).toEqual([
			['7', '7', 'imported'],
			['蒲田', '蒲田', 'imported'],
			['zone-3', 'zone-3', 'imported']
		]);
	});

	it.each([
		['not a collection', { type: 'Feature' }, 'z.geojson: is not a GeoJSON FeatureCollection'],
		['no features', collection(), 'z.geojson: has no features'],
		['a point', collection(feature({ type: 'Polygon', coordinates: [square] }), feature({ type: 'Point', coordinates: [139, 35] })), 'z.geojson: feature 2 is a Point, not a Polygon or MultiPolygon'],
		['no geometry', collection(feature(null)), 'z.geojson: feature 1 has no geometry'],
		['an open ring', collection(feature({ type: 'Polygon', coordinates: [square.slice(0, 3).concat([[139.75, 35.55]])] })), 'z.geojson: feature 1 has a ring whose last position is not its first'],
		['a short ring', collection(feature({ type: 'Polygon', coordinates: [square.slice(1)] })), 'z.geojson: feature 1 has a ring of fewer than 4 positions'],
		['text coordinates', collection(feature({ type: 'Polygon', coordinates: [[['139.7', '35.5'], ...square.slice(1)]] })), 'z.geojson: feature 1 has the position ["139.7","35.5"]'],
		['swapped coordinates', collection(feature({ type: 'Polygon', coordinates: [square.map(([x, y]) => [y, x])] })), 'outside WGS84'],
		['repeated ids', collection(feature({ type: 'Polygon', coordinates: [square] }, {}, 'a'), feature({ type: 'Polygon', coordinates: [square] }, { id: 'a' })), 'z.geojson: feature 2 has the id "a", which an earlier feature has too'],
		['a bad colour', collection(feature({ type: 'Polygon', coordinates: [square] }, { colour: 'red; x' })), 'z.geojson: feature 1 has the colour "red; x"'],
		['bad parameters', collection(feature({ type: 'Polygon', coordinates: [square] }, { parameters: [1] })), 'z.geojson: feature 1 has "parameters" that are not an object']
	])('refuses %s, naming the file and feature', (_name, value, message) => {
		let error: unknown;
		try {
			zonesFromGeoJson(value, { file: 'z.geojson' });
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(InputError);
		expect((error as InputError).describe()).toContain(message);
	});
});
