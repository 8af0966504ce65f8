import { area, booleanPointInPolygon } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { validateZones } from '../geo/validate-zones';
import { createRandom } from '../sample/random';
import { clusterZones } from './cluster-zones';
import { dbscan, NOISE } from './dbscan';
import { twiceSignedArea } from './detected-zone';

const KM_PER_DEG = 111.195;
const feature = (geometry: Polygon): Feature<Polygon> => ({ type: 'Feature', properties: {}, geometry });

function scene(seed: number) {
	const rng = createRandom(seed);
	const lons: number[] = [];
	const lats: number[] = [];
	const kmLon = KM_PER_DEG * Math.cos((35 * Math.PI) / 180);
	const add = (xKm: number, yKm: number) => {
		lons.push(139 + xKm / kmLon);
		lats.push(35 + yKm / KM_PER_DEG);
	};
	for (let i = 0; i < 400; i++) add(rng.normal(0, 0.4), rng.normal(0, 0.4)); // a round clump
	for (let i = 0; i < 600; i++) {
		// an L: a bar along x and a bar along y
		const t = rng.next() * 6;
		if (i % 2 === 0) add(10 + t, 0 + rng.normal(0, 0.1));
		else add(10 + rng.normal(0, 0.1), t);
	}
	for (let i = 0; i < 200; i++) add(-5 + rng.next() * 25, -5 + rng.next() * 15); // sparse noise
	return { lons: Float64Array.from(lons), lats: Float64Array.from(lats) };
}

describe('clusterZones', () => {
	const { lons, lats } = scene(1);
	const result = dbscan(lons, lats, { epsMetres: 300, minPts: 8 });

	it.each(['convex', 'concave'] as const)('%s: one valid zone per cluster holding all its firms, with area and counts', (hull) => {
		const zones = clusterZones(lons, lats, result, { epsMetres: 300, minPts: 8, hull });
		expect(zones).toHaveLength(result.clusterCount);
		expect(result.clusterCount).toBe(2);
		const { problems } = validateZones(zones.map((z) => ({ type: 'Feature' as const, id: z.id, properties: {}, geometry: z.geometry })), { source: 'detected' });
		expect(problems).toEqual([]);
		zones.forEach((zone, c) => {
			const polygon = feature(zone.geometry as Polygon);
			const own = Array.from(result.labels).flatMap((l, i) => (l === c ? [i] : []));
			expect(zone.members).toBe(own.length);
			for (const i of own) expect(booleanPointInPolygon([lons[i], lats[i]], polygon)).toBe(true);
			const inside = Array.from(lons).filter((lon, i) => booleanPointInPolygon([lon, lats[i]], polygon)).length;
			expect(zone.firmCount).toBe(inside);
			expect(zone.firmCount).toBeGreaterThanOrEqual(zone.members);
			// @turf/area works on the same 6371.0088 km sphere.
			expect(Math.abs(zone.areaKm2 / (area(polygon) / 1e6) - 1)).toBeLessThan(0.002);
			expect(zone.density).toBeCloseTo(zone.firmCount / zone.areaKm2, 10);
			expect(twiceSignedArea((zone.geometry as Polygon).coordinates[0])).toBeGreaterThan(0);
			expect(zone.parameters).toMatchObject({ method: 'dbscan', epsMetres: 300, minPts: 8, hull });
		});
	});

	it('a concave hull hugs the L-shaped cluster: much smaller than its convex hull', () => {
		const convex = clusterZones(lons, lats, result, { epsMetres: 300, minPts: 8 });
		const concave = clusterZones(lons, lats, result, { epsMetres: 300, minPts: 8, hull: 'concave' });
		const l = convex.findIndex((z) => z.members > 500);
		expect(concave[l].areaKm2).toBeLessThan(convex[l].areaKm2 * 0.5);
		// The corner of the L's convex hull, far from both bars, is outside the concave zone.
		const corner: [number, number] = [139 + 15 / (KM_PER_DEG * Math.cos((35 * Math.PI) / 180)), 35 + 5 / KM_PER_DEG];
		expect(booleanPointInPolygon(corner, feature(concave[l].geometry as Polygon))).toBe(false);
	});

	it('pads a cluster of firms on one line, which has no hull of its own', () => {
		const L = Float64Array.of(139, 139.001, 139.002, 139.003);
		const P = Float64Array.of(35, 35, 35, 35);
		const r = dbscan(L, P, { epsMetres: 200, minPts: 2 });
		expect(r.clusterCount).toBe(1);
		const [zone] = clusterZones(L, P, r, { epsMetres: 200, minPts: 2 });
		expect(zone.parameters.hull).toBe('convex-padded');
		for (let i = 0; i < 4; i++) expect(booleanPointInPolygon([L[i], P[i]], feature(zone.geometry as Polygon))).toBe(true);
		// A 273 m segment padded by octagons of radius 100 m: the 273 × 200 m box plus one octagon
		// (2√2 r²), and less than the 473 × 200 m box round it all.
		expect(zone.areaKm2).toBeCloseTo(0.273 * 0.2 + 2 * Math.SQRT2 * 0.01, 3);
		expect(zone.areaKm2).toBeLessThan(0.473 * 0.2);
	});

	it('gives no zones when there are no clusters, and explains mismatched arrays', () => {
		const r = dbscan(lons, lats, { epsMetres: 1, minPts: 50 });
		expect(r.labels.every((l) => l === NOISE)).toBe(true);
		expect(clusterZones(lons, lats, r, { epsMetres: 1, minPts: 50 })).toEqual([]);
		expect(() => clusterZones(lons.subarray(1), lats, r, { epsMetres: 1, minPts: 50 })).toThrow(/pass the arrays dbscan ran on/);
	});
});
