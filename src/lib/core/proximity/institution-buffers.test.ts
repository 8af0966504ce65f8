import { distance } from '@turf/distance';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildZoneIndex, classifyPoints } from '../classify';
import { validateZones } from '../geo';
import { INSTITUTION_TYPES } from '../model';
import { institutionBuffers, type BufferSite } from './institution-buffers';

const site = fc.record({
	id: fc.uuid(),
	type: fc.constantFrom(...INSTITUTION_TYPES),
	lon: fc.double({ min: 135, max: 136, noNaN: true }),
	lat: fc.double({ min: 34.5, max: 35.5, noNaN: true })
});

describe('institutionBuffers', () => {
	it('holds the firms within the radius of an institution of the chosen types, up to the circle’s chord error', () => {
		fc.assert(
			fc.property(
				fc.array(site, { minLength: 1, maxLength: 6 }),
				fc.array(fc.tuple(fc.double({ min: 134.8, max: 136.2, noNaN: true }), fc.double({ min: 34.3, max: 35.7, noNaN: true })), { minLength: 1, maxLength: 80 }),
				fc.double({ min: 1, max: 20, noNaN: true }),
				fc.subarray([...INSTITUTION_TYPES], { minLength: 1 }),
				(sites: BufferSite[], firms, radiusKm, types) => {
					const { geometry, institutionIds } = institutionBuffers(sites, radiusKm, { types, steps: 256 });
					const chosen = sites.filter((s) => types.includes(s.type));
					expect(institutionIds).toEqual(chosen.map((s) => s.id));
					const { zones } = validateZones([{ type: 'Feature', id: 'buffer', properties: {}, geometry }], { source: 'buffer' });
					const { inside } = classifyPoints(buildZoneIndex(zones), Float64Array.from(firms, (f) => f[0]), Float64Array.from(firms, (f) => f[1]));
					// A 256-gon's edges cut inside the circle by at most r·(1 − cos(π/256)) ≈ 0.0075 % of r.
					const slack = radiusKm * (1 - Math.cos(Math.PI / 256)) + 1e-6;
					firms.forEach((firm, i) => {
						const km = Math.min(...chosen.map((s) => distance(firm, [s.lon, s.lat], { units: 'kilometers' })));
						if (km <= radiusKm - slack) expect(inside[i], `firm ${i} at ${km} km`).toBe(1);
						if (km > radiusKm + 1e-6) expect(inside[i], `firm ${i} at ${km} km`).toBe(0);
					});
				}
			),
			{ numRuns: 60 }
		);
	});

	it('gives an empty zone when no institution has a chosen type', () => {
		const sites: BufferSite[] = [{ id: 'a', type: 'other', lon: 135, lat: 35 }];
		expect(institutionBuffers(sites, 5, { types: ['national-university'] })).toEqual({ geometry: { type: 'MultiPolygon', coordinates: [] }, institutionIds: [] });
	});

	it('rejects a radius that is not a positive number of kilometres', () => {
		expect(() => institutionBuffers([{ id: 'a', type: 'other', lon: 135, lat: 35 }], 0)).toThrow(/positive number of kilometres/);
	});
});
