import { distance } from '@turf/distance';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS_KM } from '../model';
import { haversineKm } from './haversine';

describe('haversineKm', () => {
	it('gives exactly @turf/distance in kilometres', () => {
		const lon = fc.double({ min: -180, max: 180, noNaN: true });
		const lat = fc.double({ min: -90, max: 90, noNaN: true });
		fc.assert(
			fc.property(lon, lat, lon, lat, (x1, y1, x2, y2) => {
				expect(haversineKm(x1, y1, x2, y2)).toBe(distance([x1, y1], [x2, y2], { units: 'kilometers' }));
			}),
			{ seed: 1, numRuns: 2000 }
		);
	});

	it('measures on the 6371.0088 km sphere: a quarter meridian is R·π/2', () => {
		expect(haversineKm(139, 0, 139, 90)).toBeCloseTo((EARTH_RADIUS_KM * Math.PI) / 2, 6);
		expect(haversineKm(0, 0, 180, 0)).toBeCloseTo(EARTH_RADIUS_KM * Math.PI, 6);
	});

	it('gives about 403 km from Tokyo to Shin-Osaka stations', () => {
		expect(haversineKm(139.7671, 35.6812, 135.5003, 34.7334)).toBeGreaterThan(395);
		expect(haversineKm(139.7671, 35.6812, 135.5003, 34.7334)).toBeLessThan(405);
	});

	it('is NaN when a coordinate is', () => {
		expect(haversineKm(NaN, 35, 139, 35)).toBeNaN();
	});
});
