import { area, booleanPointInPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { Zone } from '../model';
import { createRandom } from '../sample/random';
import { meshPolygon } from './jis-mesh';
import { locationQuotient } from './location-quotient';
import { polygonAreaKm2 } from './polygon-area';
import { zoneCounts } from './zone-counts';

const square = (w: number, s: number, e: number, n: number): Polygon => ({ type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] });
const zones: Zone[] = [
	{ id: 'a', name: 'A', source: 'drawn', geometry: square(139.0, 35.0, 139.1, 35.1) },
	// B has a hole and overlaps A.
	{ id: 'b', name: 'B', source: 'drawn', geometry: { type: 'Polygon', coordinates: [...square(139.05, 35.05, 139.2, 35.2).coordinates, [[139.1, 35.1], [139.1, 35.15], [139.15, 35.15], [139.15, 35.1], [139.1, 35.1]]] } },
	{ id: 'c', name: 'C', source: 'drawn', geometry: { type: 'MultiPolygon', coordinates: [square(139.3, 35.0, 139.35, 35.05).coordinates, square(139.4, 35.0, 139.45, 35.05).coordinates] } }
];

function firms(n: number, seed: number) {
	const rng = createRandom(seed);
	return {
		lons: Float64Array.from({ length: n }, () => 138.95 + rng.next() * 0.55),
		lats: Float64Array.from({ length: n }, () => 34.95 + rng.next() * 0.3),
		industry: Uint8Array.from({ length: n }, () => (rng.next() < 0.2 ? 1 : 0))
	};
}

const inside = (geometry: Polygon | MultiPolygon, lon: number, lat: number) => booleanPointInPolygon([lon, lat], { type: 'Feature', properties: {}, geometry } as Feature<Polygon | MultiPolygon>);

describe('polygonAreaKm2', () => {
	it('matches @turf/area (same sphere) for a mesh cell, a holed polygon and a multipolygon', () => {
		for (const geometry of [meshPolygon('53394611'), zones[1].geometry, zones[2].geometry]) {
			expect(Math.abs(polygonAreaKm2(geometry) / (area(geometry) / 1e6) - 1)).toBeLessThan(1e-4);
		}
		expect(polygonAreaKm2(meshPolygon('53394611'))).toBeCloseTo(1.05, 2);
	});
});

describe('zoneCounts', () => {
	const { lons, lats } = firms(3000, 1);

	it('counts firms per zone as a brute-force point-in-polygon count, holes and overlaps included', () => {
		const result = zoneCounts(zones, lons, lats);
		expect(result.zoneIds).toEqual(['a', 'b', 'c']);
		zones.forEach((zone, z) => {
			const expected = Array.from(lons).filter((lon, i) => inside(zone.geometry, lon, lats[i])).length;
			expect(result.counts[z]).toBe(expected);
			expect(result.density[z]).toBeCloseTo(expected / result.areaKm2[z], 10);
		});
	});

	it('filters firms and reuses a classification', () => {
		const all = zoneCounts(zones, lons, lats);
		const even = zoneCounts(zones, lons, lats, { filter: (i) => i % 2 === 0, classification: all.classification });
		zones.forEach((zone, z) => {
			expect(even.counts[z]).toBe(Array.from(lons).filter((lon, i) => i % 2 === 0 && inside(zone.geometry, lon, lats[i])).length);
		});
		expect(() => zoneCounts(zones, lons.subarray(1), lats)).toThrow(/same length/);
	});
});

describe('locationQuotient', () => {
	it('is (e_iz / e_z) / (e_i / e) per region, with firms outside every region in the benchmark', () => {
		const { lons, lats, industry } = firms(3000, 2);
		const { classification } = zoneCounts(zones, lons, lats);
		const result = locationQuotient(classification, 3, industry);
		const share = industry.reduce((a, b) => a + b, 0) / 3000;
		expect(result.share).toBeCloseTo(share, 12);
		zones.forEach((zone, z) => {
			const members = Array.from(lons.keys()).filter((i) => inside(zone.geometry, lons[i], lats[i]));
			const eiz = members.filter((i) => industry[i] === 1).length;
			expect(result.industry[z]).toBe(eiz);
			expect(result.total[z]).toBe(members.length);
			expect(result.lq[z]).toBeCloseTo(eiz / members.length / share, 12);
		});
	});

	it('takes one region per firm, weights such as employees, and gives NaN for empty regions', () => {
		// Regions: firm 0, 1 → 0; firm 2, 3 → 1; firm 4 → none; region 2 empty.
		const region = Int32Array.of(0, 0, 1, 1, -1);
		const industry = Uint8Array.of(1, 0, 1, 1, 0);
		const byCount = locationQuotient(region, 3, industry);
		expect(byCount.share).toBeCloseTo(3 / 5, 12);
		expect(Array.from(byCount.lq.subarray(0, 2))).toEqual([0.5 / 0.6, 1 / 0.6]);
		expect(byCount.lq[2]).toBeNaN();
		const byEmployees = locationQuotient(region, 3, industry, { weights: [10, 30, 5, 5, 50] });
		// e = 100, e_i = 20; region 0: 10 of 40.
		expect(byEmployees.lq[0]).toBeCloseTo(10 / 40 / 0.2, 12);
		expect(byEmployees.lq[1]).toBeCloseTo(1 / 0.2, 12);
	});

	it('explains bad input', () => {
		expect(() => locationQuotient(Int32Array.of(0, 5), 3, Uint8Array.of(1, 0))).toThrow(/firm 1 is in region 5, but there are 3 regions/);
		expect(() => locationQuotient(Int32Array.of(0, 1), 3, Uint8Array.of(1, 0), { weights: [1, NaN] })).toThrow(/firm 1 has weight NaN/);
		expect(() => locationQuotient(Int32Array.of(0, 1), 3, Uint8Array.of(1))).toThrow(/mask has 1 entries for 2 firms/);
	});
});
