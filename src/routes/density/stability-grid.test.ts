import { describe, expect, it } from 'vitest';
import { stabilityAxes } from './stability-grid';

describe('stabilityAxes', () => {
	it('spans ⅔ to 1½ times eps and minPts round a DBSCAN detection, minPts at least 2 and without repeats', () => {
		expect(stabilityAxes({ method: 'dbscan', epsMetres: 150, minPts: 20, hull: 'convex' })).toEqual({ scales: [2 / 3, 0.8, 1, 1.25, 1.5], first: [100, 120, 150, 188, 225], second: [13, 16, 20, 25, 30] });
		expect(stabilityAxes({ method: 'dbscan', epsMetres: 100, minPts: 3, hull: 'convex' }).second).toEqual([2, 3, 4, 5]);
	});

	it('spans percentiles from ten below to nine tenths of the way to 100, or levels from ⅔ to 1½ times', () => {
		const threshold = { method: 'kde-threshold' as const, kernel: 'quartic' as const, bandwidthMetres: null, cellMetres: 100 };
		expect(stabilityAxes({ ...threshold, level: null, percentile: 90 })).toEqual({ scales: [2 / 3, 0.8, 1, 1.25, 1.5], first: null, second: [80, 85, 90, 95, 99] });
		expect(stabilityAxes({ ...threshold, bandwidthMetres: 1000, level: 40, percentile: null })).toEqual({ scales: [2 / 3, 0.8, 1, 1.25, 1.5], first: [667, 800, 1000, 1250, 1500], second: [26.7, 32, 40, 50, 60] });
	});
});
