import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFirmResultsComputer } from './firm-results';
import { haversineKm } from './geo/haversine';
import type { InstitutionPoint } from './io';
import { INSTITUTION_TYPES } from './model';

// The per-type columns (`--nearest-by-type`) must be, for each group, exactly the exhaustive search over that
// group's institutions: smallest haversine distance, ties to the lower index, the same kilometres.

const SEED = 1515;

function exhaustive(group: readonly InstitutionPoint[], lon: number, lat: number): { index: number; km: number } {
	let index = -1;
	let km = Infinity;
	group.forEach((inst, i) => {
		const d = haversineKm(lon, lat, inst.lon, inst.lat);
		if (d < km) [index, km] = [i, d];
	});
	return { index, km };
}

const institution = fc.record({
	lon: fc.double({ min: 129, max: 146, noNaN: true }),
	lat: fc.double({ min: 30, max: 45, noNaN: true }),
	type: fc.constantFrom(...INSTITUTION_TYPES)
});
const point = fc.tuple(fc.double({ min: 128, max: 147, noNaN: true }), fc.double({ min: 29, max: 46, noNaN: true }));

describe('nearest institution by type equals exhaustive search per type', () => {
	it('for random typed institutions and firms', () => {
		fc.assert(
			fc.property(fc.array(institution, { minLength: 1, maxLength: 80 }), fc.array(point, { minLength: 1, maxLength: 40 }), (raw, points) => {
				const institutions: InstitutionPoint[] = raw.map((r, i) => ({ id: `i${i}`, ...r }));
				const groups = INSTITUTION_TYPES.map((t) => institutions.filter((i) => i.type === t)).filter((g) => g.length > 0);
				// A firm standing on an institution, as well as random ones.
				const all = [...points, [institutions[0].lon, institutions[0].lat] as [number, number]];
				const lons = Float64Array.from(all, (p) => p[0]);
				const lats = Float64Array.from(all, (p) => p[1]);
				const results = createFirmResultsComputer({ zones: [], institutions, byType: groups })(lons, lats);
				expect(results.byType).toHaveLength(groups.length);
				groups.forEach((group, g) => {
					for (let r = 0; r < all.length; r++) {
						const want = exhaustive(group, lons[r], lats[r]);
						expect(results.byType![g].nearest[r]).toBe(want.index);
						expect(results.byType![g].km[r]).toBe(want.km);
					}
				});
			}),
			{ seed: SEED, numRuns: 200 }
		);
	});

	it('adds no per-type results when no groups are asked for', () => {
		const results = createFirmResultsComputer({ zones: [], institutions: [{ id: 'a', lon: 139, lat: 35 }] })(Float64Array.of(139), Float64Array.of(35));
		expect(results.byType).toBeUndefined();
		expect(results.nearest?.[0]).toBe(0);
	});
});
