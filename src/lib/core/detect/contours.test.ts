import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { validateZones } from '../geo/validate-zones';
import { haversineKm } from '../geo/haversine';
import { kernelDensity, type DensityGrid } from '../density/kde';
import { createLocalProjection } from '../density/local-projection';
import { createRandom } from '../sample/random';
import { densityContours, percentileOfNonZero } from './contours';

const KM_PER_DEG = 111.195;

function blob(n: number, seed: number, [lon, lat]: [number, number], sdKm: number) {
	const rng = createRandom(seed);
	const kmLon = KM_PER_DEG * Math.cos((lat * Math.PI) / 180);
	return {
		lons: Float64Array.from({ length: n }, () => lon + rng.normal(0, sdKm) / kmLon),
		lats: Float64Array.from({ length: n }, () => lat + rng.normal(0, sdKm) / KM_PER_DEG)
	};
}

function concat(a: Float64Array, b: Float64Array): Float64Array {
	const out = new Float64Array(a.length + b.length);
	out.set(a);
	out.set(b, a.length);
	return out;
}

function asFeature(geometry: Polygon): Feature<Polygon> {
	return { type: 'Feature', properties: {}, geometry };
}

describe('densityContours', () => {
	it('a single Gaussian blob gives one valid polygon containing its centre, with no holes', () => {
		const centre: [number, number] = [139.7, 35.6];
		const { lons, lats } = blob(5000, 1, centre, 2);
		const grid = kernelDensity(lons, lats, { bandwidthMetres: 1500, cellMetres: 200 });
		const { zones, level } = densityContours(grid, lons, lats, { percentile: 50 });
		expect(zones).toHaveLength(1);
		const zone = zones[0];
		expect(zone.geometry.type).toBe('Polygon');
		expect((zone.geometry as Polygon).coordinates).toHaveLength(1);
		expect(booleanPointInPolygon(centre, asFeature(zone.geometry as Polygon))).toBe(true);
		expect(zone).toMatchObject({ id: 'kde-1', source: 'detected', parameters: { method: 'kde-threshold', level, percentile: 50, bandwidthMetres: 1500, kernel: 'quartic', cellMetres: 200 } });
		const { problems } = validateZones([{ type: 'Feature', id: zone.id, properties: {}, geometry: zone.geometry }], { source: 'detected' });
		expect(problems).toEqual([]);
		// Firm count equals a brute-force point-in-polygon count.
		const inside = Array.from(lons).filter((lon, i) => booleanPointInPolygon([lon, lats[i]], asFeature(zone.geometry as Polygon))).length;
		expect(zone.firmCount).toBe(inside);
		expect(zone.density).toBeCloseTo(zone.firmCount / zone.areaKm2, 10);
	});

	it('a ring of firms gives a polygon with a hole round the empty middle', () => {
		const rng = createRandom(2);
		const centre: [number, number] = [136.9, 35.2];
		const kmLon = KM_PER_DEG * Math.cos((centre[1] * Math.PI) / 180);
		const n = 6000;
		const lons = new Float64Array(n);
		const lats = new Float64Array(n);
		for (let i = 0; i < n; i++) {
			const a = rng.next() * 2 * Math.PI;
			const r = 5 + rng.normal(0, 0.4);
			lons[i] = centre[0] + (r * Math.cos(a)) / kmLon;
			lats[i] = centre[1] + (r * Math.sin(a)) / KM_PER_DEG;
		}
		const grid = kernelDensity(lons, lats, { bandwidthMetres: 1200, cellMetres: 200 });
		const { zones } = densityContours(grid, lons, lats, { percentile: 30 });
		expect(zones).toHaveLength(1);
		const rings = (zones[0].geometry as Polygon).coordinates;
		expect(rings).toHaveLength(2);
		expect(booleanPointInPolygon(centre, asFeature(zones[0].geometry as Polygon))).toBe(false);
		expect(booleanPointInPolygon([centre[0] + 5 / kmLon, centre[1]], asFeature(zones[0].geometry as Polygon))).toBe(true);
		expect(validateZones([{ type: 'Feature', id: 'a', properties: {}, geometry: zones[0].geometry }]).problems).toEqual([]);
	});

	it('two blobs give two zones, largest firm count first, and a high level keeps only the denser one', () => {
		const a = blob(4000, 3, [135.5, 34.7], 1.5);
		const b = blob(1000, 4, [135.8, 34.7], 1.5);
		const lons = concat(a.lons, b.lons);
		const lats = concat(a.lats, b.lats);
		const grid = kernelDensity(lons, lats, { bandwidthMetres: 1500, cellMetres: 250 });
		const low = densityContours(grid, lons, lats, { level: 20 });
		expect(low.zones.map((z) => z.id)).toEqual(['kde-1', 'kde-2']);
		expect(low.zones[0].firmCount).toBeGreaterThan(low.zones[1].firmCount);
		expect(low.zones[0].parameters).not.toHaveProperty('percentile');
		const high = densityContours(grid, lons, lats, { level: 150, idPrefix: 'hot' });
		expect(high.zones.map((z) => z.id)).toEqual(['hot-1']);
		expect(booleanPointInPolygon([135.5, 34.7], asFeature(high.zones[0].geometry as Polygon))).toBe(true);
		// Counting only the second blob's firms.
		const onlyB = densityContours(grid, lons, lats, { level: 20, filter: (i) => i >= 4000 });
		const inB = (zone: Feature<Polygon>) => Array.from(b.lons).filter((lon, i) => booleanPointInPolygon([lon, b.lats[i]], zone)).length;
		expect(onlyB.zones.map((z) => z.firmCount)).toEqual(onlyB.zones.map((z) => inB(asFeature(z.geometry as Polygon))));
		expect(onlyB.zones[0].firmCount).toBeGreaterThan(500);
		expect(onlyB.zones[1].firmCount).toBe(0);
	});

	it('a cone-shaped surface gives a circle of the right radius and area on the ground', () => {
		// Density 100 − 10·(km from centre): the level 50 contour is the 5 km circle.
		const centre: [number, number] = [138, 36];
		const cell = 100;
		const size = 160;
		const values = new Float32Array(size * size);
		const half = (size * cell) / 2;
		for (let j = 0; j < size; j++)
			for (let i = 0; i < size; i++) {
				const km = Math.hypot((i + 0.5) * cell - half, (j + 0.5) * cell - half) / 1000;
				values[j * size + i] = Math.max(0, 100 - 10 * km);
			}
		const grid: DensityGrid = {
			width: size, height: size, cellMetres: cell, origin: [-half, -half], centre, values,
			kernel: 'quartic', bandwidthMetres: 1000, count: 0, withoutCoordinates: 0
		};
		const { zones } = densityContours(grid, [], [], { level: 50 });
		expect(zones).toHaveLength(1);
		expect(Math.abs(zones[0].areaKm2 / (Math.PI * 25) - 1)).toBeLessThan(0.005);
		for (const [lon, lat] of (zones[0].geometry as Polygon).coordinates[0]) expect(Math.abs(haversineKm(centre[0], centre[1], lon, lat) - 5)).toBeLessThan(0.01);
		expect(zones[0].firmCount).toBe(0);
		expect(zones[0].density).toBe(0);
		// The grid's projection is the one its coordinates came from.
		expect(createLocalProjection(centre).forward(...centre)).toEqual([0, 0]);
	});

	it('takes the percentile of the non-zero cells only', () => {
		const values = Float32Array.from([0, 0, 0, 1, 2, 3, 4, 5, 0]);
		expect(percentileOfNonZero(values, 0)).toBe(1);
		expect(percentileOfNonZero(values, 50)).toBe(3);
		expect(percentileOfNonZero(values, 100)).toBe(5);
		expect(percentileOfNonZero(values, 90)).toBeCloseTo(4.6, 6);
		expect(percentileOfNonZero(new Float32Array(4), 50)).toBeNaN();
	});

	it('explains an unusable level', () => {
		const grid = kernelDensity([139], [35], { bandwidthMetres: 500, cellMetres: 100 });
		expect(() => densityContours(grid, [139], [35], { level: 0 })).toThrow(/level must be a positive density/);
		expect(() => densityContours(grid, [139], [35], { percentile: 120 })).toThrow(/between 0 and 100/);
		const empty: DensityGrid = { ...grid, values: new Float32Array(grid.values.length) };
		expect(() => densityContours(empty, [], [])).toThrow(/no non-zero cells/);
	});
});
