import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { haversineKm } from '../geo/haversine';
import { buildInstitutionIndex, nearestInstitution, nearestInstitutions } from './index';

// The nearest institution must be exactly the exhaustive search's answer: smallest
// haversineKm(point, institution), ties to the lower index, and the same kilometres.

const SEED = 4711;

function exhaustive(institutions: { lon: number; lat: number }[], lon: number, lat: number): { index: number; km: number } {
	let index = -1;
	let km = Infinity;
	institutions.forEach((inst, i) => {
		const d = haversineKm(lon, lat, inst.lon, inst.lat);
		if (d < km) [index, km] = [i, d];
	});
	return { index, km };
}

/** Institutions on a coarse grid (exact ties, shared coordinates) or anywhere in a region. */
const institutionsIn = (lon: number, lat: number, span: number) =>
	fc.array(
		fc.oneof(
			fc.tuple(fc.integer({ min: -4, max: 4 }), fc.integer({ min: -4, max: 4 })).map(([i, j]) => ({ lon: lon + (i * span) / 8, lat: lat + (j * span) / 8 })),
			fc.tuple(fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true })).map(([u, v]) => ({ lon: lon + (u * span) / 2, lat: lat + (v * span) / 2 }))
		),
		{ minLength: 1, maxLength: 60 }
	);

const regions = fc.constantFrom(
	[139.7, 35.6, 0.5], // a city
	[137, 36, 12], // Japan
	[179.5, 0, 3], // across the antimeridian (longitudes past 180 are not valid, so stay inside)
	[0, 88, 4], // near a pole
	[0, 0, 300] // the whole world
);

describe('nearest institution equals exhaustive search', () => {
	it('for random institutions and points, including points at institutions and equidistant ones', () => {
		fc.assert(
			fc.property(
				regions.chain(([lon, lat, span]) =>
					fc.tuple(
						institutionsIn(lon, lat, span),
						fc.array(fc.tuple(fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true })), { minLength: 1, maxLength: 80 }),
						fc.constant([lon, lat, span])
					)
				),
				([raw, picks, [lon, lat, span]]) => {
					const clamp = (p: { lon: number; lat: number }) => ({ lon: Math.max(-180, Math.min(180, p.lon)), lat: Math.max(-90, Math.min(90, p.lat)) });
					const institutions = raw.map(clamp).map((p, i) => ({ id: `i${i}`, ...p }));
					const index = buildInstitutionIndex(institutions);
					// Query points: random ones, institutions themselves, midpoints between two (ties).
					const points = picks.flatMap(([u, v], k) => {
						const a = institutions[k % institutions.length];
						const b = institutions[(k * 7 + 3) % institutions.length];
						return [clamp({ lon: lon + (u * span) / 2, lat: lat + (v * span) / 2 }), a, { lon: (a.lon + b.lon) / 2, lat: a.lat }];
					});
					// Twice over, so split cells answer as well as fresh ones.
					const all = [...points, ...points];
					const result = nearestInstitutions(index, Float64Array.from(all, (p) => p.lon), Float64Array.from(all, (p) => p.lat));
					all.forEach((p, i) => {
						const expected = exhaustive(institutions, p.lon, p.lat);
						expect({ index: result.nearest[i], km: result.km[i] }, `point ${p.lon}, ${p.lat}`).toEqual(expected);
						expect(nearestInstitution(index, p.lon, p.lat)).toEqual(expected);
					});
				}
			),
			{ seed: SEED, numRuns: 200, endOnFailure: true } // no shrinking: the message names the point
		);
	});

	it('many firms round one city, as in a survey, give the exhaustive answer', () => {
		const random = mulberry32(7);
		const institutions = Array.from({ length: 300 }, (_, i) => ({ id: `i${i}`, lon: 139.5 + random() * 0.6, lat: 35.4 + random() * 0.5 }));
		const n = 20_000;
		const lons = Float64Array.from({ length: n }, () => 139.6 + random() * 0.3);
		const lats = Float64Array.from({ length: n }, () => 35.5 + random() * 0.2);
		const { nearest, km } = nearestInstitutions(buildInstitutionIndex(institutions), lons, lats);
		const expected = Array.from({ length: n }, (_, i) => exhaustive(institutions, lons[i], lats[i]));
		expect([...nearest]).toEqual(expected.map((e) => e.index));
		expect([...km]).toEqual(expected.map((e) => e.km));
	});

	it('several institutions at one coordinate: the first listed is nearest', () => {
		const index = buildInstitutionIndex([
			{ id: 'far', lon: 140, lat: 36 },
			{ id: 'lab-a', lon: 139.7, lat: 35.6 },
			{ id: 'lab-b', lon: 139.7, lat: 35.6 }
		]);
		expect(nearestInstitution(index, 139.71, 35.61)?.index).toBe(1);
	});

	it('no institution, NaN or out-of-range coordinates give none', () => {
		const empty = nearestInstitutions(buildInstitutionIndex([]), new Float64Array([139.7]), new Float64Array([35.6]));
		expect([empty.nearest[0], empty.km[0]]).toEqual([-1, NaN]);
		const index = buildInstitutionIndex([{ id: 'a', lon: 139.7, lat: 35.6 }]);
		const result = nearestInstitutions(index, new Float64Array([NaN, 139.7, 200, 139.7]), new Float64Array([35.6, NaN, 35.6, 35.6]));
		expect([...result.nearest]).toEqual([-1, -1, -1, 0]);
		expect([...result.km]).toEqual([NaN, NaN, NaN, 0]);
		expect(nearestInstitution(index, NaN, 35)).toBeNull();
	});

	it('rejects an institution without a usable coordinate, naming it', () => {
		expect(() => buildInstitutionIndex([{ id: 'riken', lon: NaN, lat: 35 }])).toThrow(/"riken" \(number 1\)/);
		expect(() => buildInstitutionIndex([{ id: 'a', lon: 139, lat: 35 }, { id: 'b', lon: 35, lat: 139 }])).toThrow(/"b" \(number 2\).*latitude in -90\.\.90/);
	});
});

function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = Math.imul(a ^ (a >>> 15), a | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
