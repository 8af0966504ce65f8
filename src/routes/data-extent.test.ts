import { describe, expect, it } from 'vitest';
import { dataExtent } from './data-extent';

describe('dataExtent', () => {
	it('spans every firm with a position, as a brute-force min/max does, skipping rows without one', () => {
		let seed = 7;
		const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
		const lons = Float64Array.from({ length: 500 }, (_, i) => (i % 17 === 0 ? NaN : 130 + 10 * random()));
		const lats = Float64Array.from({ length: 500 }, (_, i) => (i % 17 === 0 ? NaN : 31 + 10 * random()));
		const placed = [...lons.keys()].filter((i) => !Number.isNaN(lons[i]));
		expect(dataExtent(lons, lats)).toEqual([
			Math.min(...placed.map((i) => lons[i])),
			Math.min(...placed.map((i) => lats[i])),
			Math.max(...placed.map((i) => lons[i])),
			Math.max(...placed.map((i) => lats[i]))
		]);
	});

	it('is a point for one firm and null for none placed', () => {
		expect(dataExtent([139.7], [35.6])).toEqual([139.7, 35.6, 139.7, 35.6]);
		expect(dataExtent([NaN, NaN], [NaN, NaN])).toBeNull();
		expect(dataExtent([], [])).toBeNull();
	});
});
