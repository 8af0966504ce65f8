import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { haversineKm } from '$lib/core/geo/haversine';
import { distanceBins, nearestKm, parseBands, valueDistribution } from './compare-prepare';

describe('nearestKm', () => {
	it('measures to the nearest institution of the chosen type, NaN when there is none', () => {
		const institutions = [
			{ id: 'u', type: 'national-university' as const, lon: 139.7, lat: 35.6 },
			{ id: 'r', type: 'public-research-institute' as const, lon: 139.9, lat: 35.6 }
		];
		const lons = Float64Array.of(139.88, 139.71);
		const lats = Float64Array.of(35.6, 35.6);
		expect(Array.from(nearestKm(institutions, 'any', lons, lats))).toEqual([haversineKm(139.88, 35.6, 139.9, 35.6), haversineKm(139.71, 35.6, 139.7, 35.6)]);
		expect(nearestKm(institutions, 'national-university', lons, lats)[0]).toBe(haversineKm(139.88, 35.6, 139.7, 35.6));
		expect(Array.from(nearestKm(institutions, 'other', lons, lats))).toEqual([NaN, NaN]);
	});
});

describe('distanceBins', () => {
	it('counts each group’s firms per km, the far ones in the last bin, as a brute-force count does', () => {
		fc.assert(
			fc.property(fc.array(fc.tuple(fc.double({ min: 0, max: 50, noNaN: true }), fc.constantFrom(-1, 0, 1)), { maxLength: 60 }), (firms) => {
				const km = Float64Array.from(firms, (f) => f[0]);
				const group = Int8Array.from(firms, (f) => f[1]);
				const bins = distanceBins(km, group, 30);
				expect(bins.edges).toHaveLength(31);
				for (const [g, counts] of [[1, bins.inside], [0, bins.outside]] as const) {
					const want = bins.edges.slice(0, -1).map((edge, k) => firms.filter((f) => f[1] === g && (k === 29 ? f[0] >= edge : f[0] >= edge && f[0] < edge + 1)).length);
					expect(counts).toEqual(want);
				}
			})
		);
	});
});

describe('parseBands', () => {
	it('reads ascending positive km, in ASCII or Japanese punctuation, and rejects anything else', () => {
		expect(parseBands('2, 5, 10, 20')).toEqual([2, 5, 10, 20]);
		expect(parseBands('1.5、3 8')).toEqual([1.5, 3, 8]);
		for (const bad of ['', '5, 2', '2, 2', '0, 3', '-1', 'x', '2,,y']) expect(parseBands(bad), bad).toBeNull();
	});
});

describe('valueDistribution', () => {
	it('counts each group’s values per whole number or per bin, as a brute-force count does', () => {
		const firm = fc.tuple(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.double({ min: -5, max: 500, noNaN: true }), fc.constant(NaN)), fc.constantFrom(-1, 0, 1));
		fc.assert(
			fc.property(fc.array(firm, { maxLength: 60 }), (firms) => {
				const values = Float64Array.from(firms, (f) => f[0]);
				const group = Int8Array.from(firms, (f) => f[1]);
				const d = valueDistribution(values, group);
				const used = firms.filter((f) => !Number.isNaN(f[0]) && f[1] !== -1);
				expect(d.inside.reduce((a, b) => a + b, 0)).toBe(used.filter((f) => f[1] === 1).length);
				expect(d.outside.reduce((a, b) => a + b, 0)).toBe(used.filter((f) => f[1] === 0).length);
				expect(d.labels).toHaveLength(d.inside.length);
				const min = Math.min(...used.map((f) => f[0]));
				const max = Math.max(...used.map((f) => f[0]));
				if (used.length > 0 && used.every((f) => Number.isInteger(f[0])) && max - min < 15) {
					// Few whole numbers: one bin per value from the smallest to the largest.
					d.labels.forEach((label, k) => {
						expect(label).toBe(String(min + k));
						expect(d.inside[k]).toBe(used.filter((f) => f[1] === 1 && f[0] === min + k).length);
					});
				}
			})
		);
	});
});
