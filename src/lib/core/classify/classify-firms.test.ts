import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import fc from 'fast-check';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { validateZones } from '../geo';
import type { Zone, ZoneSource } from '../model';
import { classifyFirms, usableZones, zonesOfFirm } from './classify-firms';

// The one classification the app reads everywhere: checked against each zone repaired on its own
// and Turf's point-in-polygon, firm by firm, with zones that cross themselves or cannot be used.

const square = (id: string, x: number, y: number, size: number): Zone => ({
	id,
	name: id,
	source: 'drawn',
	geometry: { type: 'Polygon', coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]] }
});

const SOURCES: ZoneSource[] = ['drawn', 'district', 'municipality', 'buffer', 'detected', 'imported'];

/** A closed ring of grid vertices: may cross itself, repeat vertices or have no area. */
const ring = fc.array(fc.tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: -5, max: 5 })), { minLength: 3, maxLength: 9 }).map((points) => {
	const closed: Position[] = points.map(([x, y]) => [139 + x * 0.01, 35 + y * 0.01]);
	closed.push(closed[0]);
	return closed;
});

const zones = fc.array(fc.tuple(ring, fc.constantFrom(...SOURCES)), { maxLength: 5 }).map((list) =>
	list.map(([coordinates, source], k): Zone => ({ id: `z${k}`, name: `Zone ${k}`, source, colour: `#00000${k}`, parameters: { k }, geometry: { type: 'Polygon', coordinates: [coordinates] } }))
);

const points = fc.array(fc.tuple(fc.integer({ min: -12, max: 12 }), fc.integer({ min: -12, max: 12 })), { maxLength: 40 }).map((list) => list.map(([x, y]) => [139 + x * 0.005, 35 + y * 0.005]));

describe('classifyFirms', () => {
	it('gives every firm the zones that hold it, in list positions, as Turf does on each zone repaired alone', () => {
		fc.assert(
			fc.property(zones, points, (list, firms) => {
				const lons = Float64Array.from(firms, (p) => p[0]);
				const lats = Float64Array.from(firms, (p) => p[1]);
				const groups = Uint16Array.from(firms, (_, i) => i % 3);
				const result = classifyFirms(list, lons, lats, { groups, groupCount: 3 });
				const repaired = list.map((zone) => validateZones([{ type: 'Feature', id: zone.id, properties: {}, geometry: zone.geometry }]).zones[0]?.geometry);
				const expected = firms.map((p) => repaired.flatMap((geometry, z) => (geometry && booleanPointInPolygon(p, geometry) ? [z] : [])));
				expect(firms.map((_, i) => zonesOfFirm(result, i))).toEqual(expected);
				expect(Array.from(result.inside)).toEqual(expected.map((zs) => (zs.length > 0 ? 1 : 0)));
				expect(Array.from(result.firstZone)).toEqual(expected.map((zs) => zs[0] ?? -1));
				expect(result.insideCount).toBe(expected.filter((zs) => zs.length > 0).length);
				expect(Array.from(result.zoneCounts)).toEqual(list.map((_, z) => expected.filter((zs) => zs.includes(z)).length));
				const byGroup = list.flatMap((_, z) => [0, 1, 2].map((g) => expected.filter((zs, i) => zs.includes(z) && i % 3 === g).length));
				expect(Array.from(result.zoneGroupCounts)).toEqual(byGroup);
				expect(result.zoneIds).toEqual(list.map((zone) => zone.id));
				expect(result.zoneNames).toEqual(list.map((zone) => zone.name));
				// Every zone left out is named.
				list.forEach((zone, z) => {
					if (!repaired[z]) expect(result.problems.some((p) => p.zoneId === zone.id && p.index === z && p.severity === 'invalid')).toBe(true);
				});
			}),
			{ numRuns: 150, seed: 20261206 }
		);
	});

	it('keeps each zone’s id, name, source, parameters and colour through the repair', () => {
		const bowtie: Zone = { id: 'ota', name: '大田区', source: 'district', colour: '#123456', parameters: { radiusKm: 2 }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]] } };
		const flat: Zone = { id: 'flat', name: 'Flat', source: 'imported', geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [2, 0], [0, 0]]] } };
		const { zones: usable, problems, listIndex } = usableZones([flat, bowtie]);
		expect(usable.map(({ geometry, ...rest }) => ({ ...rest, type: geometry.type }))).toEqual([{ id: 'ota', name: '大田区', source: 'district', colour: '#123456', parameters: { radiusKm: 2 }, type: 'MultiPolygon' }]);
		expect(Array.from(listIndex)).toEqual([1]);
		const found = problems.map((p) => [p.zoneId, p.index, p.severity]);
		expect(found).toContainEqual(['flat', 0, 'invalid']);
		expect(found).toContainEqual(['ota', 1, 'repaired']);
	});

	it('puts rows without a position in no zone', () => {
		const square: Zone = { id: 's', name: 's', source: 'drawn', geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] } };
		const result = classifyFirms([square], Float64Array.of(NaN, 0.5), Float64Array.of(NaN, 0.5));
		expect(Array.from(result.inside)).toEqual([0, 1]);
		expect(zonesOfFirm(result, 0)).toEqual([]);
		expect(zonesOfFirm(result, 5)).toEqual([]);
	});

	it('lists for every firm the zones that contain it, in the zones’ order, as Turf would', () => {
		const coordinate = fc.double({ min: 0, max: 4, noNaN: true });
		fc.assert(
			fc.property(fc.array(fc.tuple(coordinate, coordinate), { maxLength: 40 }), (points) => {
				const zones = [square('b', 1, 1, 2), square('a', 0, 0, 2)];
				const lons = Float64Array.from(points, (p) => p[0]);
				const lats = Float64Array.from(points, (p) => p[1]);
				const m = classifyFirms(zones, lons, lats);
				expect(m.zoneIds).toEqual(['b', 'a']);
				points.forEach((p, i) => {
					const got = [...m.zoneIndices.slice(m.offsets[i], m.offsets[i + 1])].sort();
					const want = zones.flatMap((zone, z) => (booleanPointInPolygon(p, zone.geometry) ? [z] : [])).sort();
					expect(got).toEqual(want);
				});
			}),
			{ numRuns: 50 }
		);
	});
});
