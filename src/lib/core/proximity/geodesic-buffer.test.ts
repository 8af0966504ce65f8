import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { destination } from '@turf/destination';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { haversineKm } from '../geo/haversine';
import { ringArea } from '../geo/ring-area';
import { geodesicBuffer, withinKm } from './index';

describe('geodesicBuffer', () => {
	it('puts every vertex radiusKm from the centre (great circle, 6371.0088 km sphere)', () => {
		fc.assert(
			fc.property(
				fc.double({ min: 122, max: 154, noNaN: true }),
				fc.double({ min: 20, max: 46, noNaN: true }),
				fc.double({ min: 0.01, max: 500, noNaN: true }),
				fc.integer({ min: 3, max: 256 }),
				(lon, lat, radiusKm, steps) => {
					const ring = geodesicBuffer(lon, lat, radiusKm, { steps }).coordinates[0];
					expect(ring).toHaveLength(steps + 1);
					expect(ring[steps]).toEqual(ring[0]);
					for (const [x, y] of ring) expect(Math.abs(haversineKm(lon, lat, x, y) - radiusKm) / radiusKm).toBeLessThan(1e-6);
				}
			),
			{ seed: 99, numRuns: 200 }
		);
	});

	it('is a circle on the sphere, not in degrees: its east–west extent in degrees grows with latitude', () => {
		const width = (lat: number) => {
			const xs = geodesicBuffer(140, lat, 10).coordinates[0].map((p) => p[0]);
			return Math.max(...xs) - Math.min(...xs);
		};
		// 20 km across is 20 / (111.19 · cos φ) degrees of longitude.
		expect(width(0)).toBeCloseTo(20 / (111.195 * Math.cos(0)), 3);
		expect(width(45)).toBeCloseTo(20 / (111.195 * Math.cos(Math.PI / 4)), 3);
	});

	it('runs counter-clockwise (RFC 7946) and contains its centre', () => {
		const polygon = geodesicBuffer(139.68, 35.6, 5);
		expect(ringArea(polygon.coordinates[0])).toBeGreaterThan(0);
		expect(booleanPointInPolygon([139.68, 35.6], polygon)).toBe(true);
		// A point 4.9 km away is inside, 5.1 km away outside.
		const at = (km: number) => destination([139.68, 35.6], km, 37).geometry.coordinates;
		expect(booleanPointInPolygon(at(4.9), polygon)).toBe(true);
		expect(booleanPointInPolygon(at(5.1), polygon)).toBe(false);
	});

	it('defaults to 64 steps', () => {
		expect(geodesicBuffer(139.68, 35.6, 5).coordinates[0]).toHaveLength(65);
	});

	it('rejects a radius, step count or centre it cannot use, saying what to give', () => {
		expect(() => geodesicBuffer(139, 35, 0)).toThrow(/positive number of kilometres/);
		expect(() => geodesicBuffer(139, 35, NaN)).toThrow(/positive number of kilometres/);
		expect(() => geodesicBuffer(139, 35, 5, { steps: 2 })).toThrow(/3 or more/);
		expect(() => geodesicBuffer(35, 139, 5)).toThrow(/not a WGS84/);
	});
});

describe('withinKm', () => {
	it('counts the radius itself as within, and no institution (NaN) as not within', () => {
		expect([...withinKm(new Float64Array([0, 4.999, 5, 5.0000001, NaN, Infinity]), 5)]).toEqual([1, 1, 1, 0, 0, 0]);
	});
});
