import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { haversineKm } from '../geo/haversine';
import { EARTH_RADIUS_KM } from '../model';
import { createLocalProjection } from './local-projection';

const centre = [137.5, 36.2] as const;
const p = createLocalProjection(centre);
const near = fc.tuple(fc.double({ min: -1.5, max: 1.5, noNaN: true }), fc.double({ min: -1.2, max: 1.2, noNaN: true }));

describe('createLocalProjection', () => {
	it('maps the centre to the origin and inverts forward to within a micrometre', () => {
		expect(p.forward(...centre)).toEqual([0, 0]);
		fc.assert(
			fc.property(near, ([dlon, dlat]) => {
				const [x, y] = p.forward(centre[0] + dlon, centre[1] + dlat);
				const [lon, lat] = p.inverse(x, y);
				expect(Math.abs(lon - centre[0] - dlon)).toBeLessThan(1e-11);
				expect(Math.abs(lat - centre[1] - dlat)).toBeLessThan(1e-11);
			})
		);
	});

	it('keeps distances within the stated bound over a 200 × 200 km area (< 0.007 %)', () => {
		const bound = p.maxDistortion(141.5 / EARTH_RADIUS_KM);
		expect(bound).toBeLessThan(7e-5);
		fc.assert(
			fc.property(near, near, ([a, b], [c, d]) => {
				// ±0.9° of latitude and ±1.1° of longitude at 36° is about 200 × 200 km.
				const [lon1, lat1, lon2, lat2] = [centre[0] + a * 0.75, centre[1] + b * 0.75, centre[0] + c * 0.75, centre[1] + d * 0.75];
				const [x1, y1] = p.forward(lon1, lat1);
				const [x2, y2] = p.forward(lon2, lat2);
				const km = haversineKm(lon1, lat1, lon2, lat2);
				if (km < 0.01) return;
				expect(Math.abs(Math.hypot(x2 - x1, y2 - y1) / 1000 / km - 1)).toBeLessThanOrEqual(bound * 1.0001 + 1e-12);
			})
		);
	});

	it('is equal-area: a 1° × 1° cell keeps its spherical area', () => {
		// Area of a lat/lon rectangle on the sphere: R² Δλ (sin φ2 − sin φ1).
		const [w, s, e, n] = [137, 35.5, 138, 36.5];
		const exact = EARTH_RADIUS_KM ** 2 * ((e - w) * Math.PI) / 180 * (Math.sin((n * Math.PI) / 180) - Math.sin((s * Math.PI) / 180));
		const ring: [number, number][] = [];
		const steps = 400;
		for (let i = 0; i < steps; i++) ring.push(p.forward(w + ((e - w) * i) / steps, s));
		for (let i = 0; i < steps; i++) ring.push(p.forward(e, s + ((n - s) * i) / steps));
		for (let i = 0; i < steps; i++) ring.push(p.forward(e - ((e - w) * i) / steps, n));
		for (let i = 0; i < steps; i++) ring.push(p.forward(w, n - ((n - s) * i) / steps));
		let twice = 0;
		for (let i = 0; i < ring.length; i++) {
			const [x1, y1] = ring[i];
			const [x2, y2] = ring[(i + 1) % ring.length];
			twice += x1 * y2 - x2 * y1;
		}
		expect(Math.abs(twice / 2 / 1e6 / exact - 1)).toBeLessThan(1e-6);
	});

	it('projects arrays, NaN in NaN out, and rejects a bad centre', () => {
		const { xs, ys } = p.projectAll(Float64Array.of(137.5, NaN), Float64Array.of(36.2, 36));
		expect([xs[0], ys[0]]).toEqual([0, 0]);
		expect(Number.isNaN(xs[1])).toBe(true);
		expect(() => p.projectAll([1, 2], [1])).toThrow(/same length/);
		expect(() => createLocalProjection([NaN, 35])).toThrow(/finite/);
	});
});
