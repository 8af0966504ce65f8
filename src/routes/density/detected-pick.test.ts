import { describe, expect, it } from 'vitest';
import { area } from '@turf/turf';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { DetectedZone } from '$lib/core/detect';
import { mergeDetected, rankByFirms, topByFirms } from './detected-pick';

/** A square zone of side `d` degrees at (x, y) holding `firms`. */
function square(id: string, x: number, y: number, d: number, firms: number): DetectedZone {
	const ring = [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]];
	return { id, name: id, source: 'detected', geometry: { type: 'Polygon', coordinates: [ring] }, parameters: { method: 'dbscan', epsMetres: 300, minPts: 5 }, firmCount: firms, areaKm2: 1, density: firms };
}

const zones = [square('dbscan-1', 139.7, 35.5, 0.01, 12), square('dbscan-2', 139.8, 35.5, 0.01, 40), square('dbscan-3', 139.9, 35.5, 0.01, 12), square('dbscan-4', 140, 35.5, 0.01, 25)];

describe('picking detected clusters', () => {
	it('ranks by firm count, ties in detection order, and takes the top N', () => {
		expect(rankByFirms(zones).map((entry) => entry.n)).toEqual([2, 4, 1, 3]);
		expect(topByFirms(zones, 2)).toEqual([2, 4]);
		expect(topByFirms(zones, 10)).toEqual([2, 4, 1, 3]);
		expect(topByFirms(zones, 0)).toEqual([]);
	});

	it('merges apart clusters into one zone covering each, with its clusters named', () => {
		const merged = mergeDetected([{ n: 1, zone: zones[0] }, { n: 3, zone: zones[2] }]);
		expect(merged.geometry.type).toBe('MultiPolygon');
		for (const [x, y] of [[139.705, 35.505], [139.905, 35.505]]) expect(booleanPointInPolygon([x, y], merged.geometry)).toBe(true);
		expect(booleanPointInPolygon([139.805, 35.505], merged.geometry)).toBe(false);
		expect(merged.parameters.mergedFrom).toBe('1, 3');
		expect(merged.areaKm2).toBeCloseTo((area(zones[0].geometry) + area(zones[2].geometry)) / 1e6, 6);
	});

	it('dissolves overlapping hulls so the merged zone counts their common part once', () => {
		const a = square('dbscan-1', 139.7, 35.5, 0.02, 10);
		const b = square('dbscan-2', 139.71, 35.5, 0.02, 10);
		const merged = mergeDetected([{ n: 1, zone: a }, { n: 2, zone: b }]);
		expect(merged.geometry.type).toBe('Polygon');
		expect(merged.areaKm2).toBeCloseTo((area(a.geometry) * 1.5) / 1e6, 3);
	});
});
