import { describe, expect, it } from 'vitest';
import { stabilityAxes } from './stability-grid';

describe('stabilityAxes', () => {
	it('spans half to twice eps and minPts round a DBSCAN detection, minPts at least 2 and without repeats', () => {
		expect(stabilityAxes({ method: 'dbscan', epsMetres: 150, minPts: 20, hull: 'convex' })).toEqual({ scales: [0.5, 0.75, 1, 1.5, 2], first: [75, 113, 150, 225, 300], second: [10, 15, 20, 30, 40] });
		expect(stabilityAxes({ method: 'dbscan', epsMetres: 100, minPts: 3, hull: 'convex' }).second).toEqual([2, 3, 5, 6]);
	});

	it('spans percentiles from ten below to nine tenths of the way to 100, or levels from half to twice', () => {
		const threshold = { method: 'kde-threshold' as const, kernel: 'quartic' as const, bandwidthMetres: null, cellMetres: 100 };
		expect(stabilityAxes({ ...threshold, level: null, percentile: 90 })).toEqual({ scales: [0.5, 0.75, 1, 1.5, 2], first: null, second: [80, 85, 90, 95, 99] });
		expect(stabilityAxes({ ...threshold, bandwidthMetres: 1000, level: 40, percentile: null })).toEqual({ scales: [0.5, 0.75, 1, 1.5, 2], first: [500, 750, 1000, 1500, 2000], second: [20, 30, 40, 60, 80] });
	});
});
