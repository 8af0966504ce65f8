import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { distance } from '@turf/distance';
import fc from 'fast-check';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { Zone } from '$lib/core/model';
import { createAnalysisHandler } from './analysis-handler';
import type { ClassifiedReply } from './analysis-protocol';

function square(id: string, x0: number, y0: number, size: number): Zone {
	const geometry: Polygon = {
		type: 'Polygon',
		coordinates: [[[x0, y0], [x0 + size, y0], [x0 + size, y0 + size], [x0, y0 + size], [x0, y0]]]
	};
	return { id, name: id, geometry, source: 'drawn' };
}

function classify(lons: number[], lats: number[], zones: Zone[]): ClassifiedReply {
	const handle = createAnalysisHandler();
	const loaded = handle({ type: 'load-firms', id: 1, lons: Float64Array.from(lons), lats: Float64Array.from(lats) });
	expect(loaded.reply).toEqual({ type: 'firms-loaded', id: 1, count: lons.length });
	const { reply } = handle({ type: 'classify', id: 2, zones });
	if (reply.type !== 'classified') throw new Error(`expected a classification, got ${JSON.stringify(reply)}`);
	return reply;
}

describe('analysis handler', () => {
	it('answers with the request id, inside flags and per-zone counts as Turf would', () => {
		// Subnormal coordinates (below 1e-300 degrees) are left out: there Turf's cross product underflows
		// to 0 and it calls a point 5e-324 degrees outside a square "on the boundary"; the engine does not.
		const coordinate = fc.double({ min: 0, max: 10, noNaN: true }).map((v) => (v < 1e-300 ? 0 : v));
		const box = fc.record({ x: coordinate, y: coordinate, size: fc.double({ min: 0.1, max: 5, noNaN: true }) });
		fc.assert(
			fc.property(fc.array(fc.tuple(coordinate, coordinate), { maxLength: 60 }), fc.array(box, { minLength: 1, maxLength: 4 }), (points, boxes) => {
				const zones = boxes.map((b, k) => square(`z${k}`, b.x, b.y, b.size));
				const reply = classify(points.map((p) => p[0]), points.map((p) => p[1]), zones);
				expect(reply.id).toBe(2);
				expect(reply.zoneIds).toEqual(zones.map((z) => z.id));
				const expectedCounts = zones.map((zone) => points.filter((p) => booleanPointInPolygon(p, zone.geometry)).length);
				const expectedInside = points.map((p) => (zones.some((zone) => booleanPointInPolygon(p, zone.geometry)) ? 1 : 0));
				expect(Array.from(reply.zoneCounts)).toEqual(expectedCounts);
				expect(Array.from(reply.inside)).toEqual(expectedInside);
				expect(reply.insideCount).toBe(expectedInside.filter(Boolean).length);
				const expectedFirst = points.map((p) => zones.findIndex((zone) => booleanPointInPolygon(p, zone.geometry)));
				expect(Array.from(reply.firstZone)).toEqual(expectedFirst);
			}),
			{ numRuns: 60 }
		);
	});

	it('repairs a self-crossing drawn shape and reports it; an unusable zone counts 0 with a note', () => {
		// A bow tie: two triangles meeting at (1, 1).
		const bowtie: Zone = { id: 'bow', name: 'bow', source: 'drawn', geometry: { type: 'Polygon', coordinates: [[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]] } };
		const line: Zone = { id: 'flat', name: 'flat', source: 'drawn', geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [2, 0], [0, 0]]] } };
		const reply = classify([0.2, 1.8, 1, 1.5], [1, 1, 0.2, 0.2], [bowtie, line]);
		// (0.2, 1) and (1.8, 1) lie in the left and right triangles; (1, 0.2) and (1.5, 0.2) do not.
		expect(Array.from(reply.inside)).toEqual([1, 1, 0, 0]);
		expect(Array.from(reply.zoneCounts)).toEqual([2, 0]);
		expect(reply.notes.find((n) => n.zoneId === 'bow')?.severity).toBe('repaired');
		expect(reply.notes.some((n) => n.zoneId === 'flat' && n.severity === 'invalid')).toBe(true);
	});

	it('breaks the counts of each zone down by firm group, as a brute-force count does', () => {
		const coordinate = fc.double({ min: 0, max: 4, noNaN: true });
		fc.assert(
			fc.property(fc.array(fc.tuple(coordinate, coordinate, fc.integer({ min: 0, max: 2 })), { maxLength: 50 }), (points) => {
				const zones = [square('a', 0, 0, 2), square('b', 1, 1, 2)];
				const handle = createAnalysisHandler();
				handle({
					type: 'load-firms',
					id: 1,
					lons: Float64Array.from(points, (p) => p[0]),
					lats: Float64Array.from(points, (p) => p[1]),
					groups: Uint16Array.from(points, (p) => p[2]),
					groupCount: 3
				});
				const { reply } = handle({ type: 'classify', id: 2, zones });
				if (reply.type !== 'classified') throw new Error(JSON.stringify(reply));
				const expected = zones.flatMap((zone) => [0, 1, 2].map((g) => points.filter((p) => p[2] === g && booleanPointInPolygon([p[0], p[1]], zone.geometry)).length));
				expect(reply.groupCount).toBe(3);
				expect(Array.from(reply.zoneGroupCounts)).toEqual(expected);
			}),
			{ numRuns: 40 }
		);
		const { reply } = createAnalysisHandler()({ type: 'load-firms', id: 3, lons: new Float64Array(2), lats: new Float64Array(2), groups: Uint16Array.from([0, 5]), groupCount: 3 });
		expect(reply.type === 'error' && reply.message).toMatch(/one group below 3 per firm/);
	});

	it('classifies nothing inside before zones exist and rejects coordinates of unequal length', () => {
		const reply = classify([1, 2], [1, 2], []);
		expect(Array.from(reply.inside)).toEqual([0, 0]);
		expect(reply.insideCount).toBe(0);
		const handle = createAnalysisHandler();
		const { reply: error } = handle({ type: 'load-firms', id: 7, lons: new Float64Array(2), lats: new Float64Array(3) });
		expect(error).toMatchObject({ type: 'error', id: 7 });
		expect(error.type === 'error' && error.message).toMatch(/2 longitudes but 3 latitudes/);
	});
});

describe('nearest institutions in the analysis handler', () => {
	it('answers each load with every firm’s nearest institution once both are loaded, as an exhaustive search', () => {
		const point = fc.tuple(fc.double({ min: 135, max: 140, noNaN: true }), fc.double({ min: 33, max: 37, noNaN: true }));
		fc.assert(
			fc.property(fc.array(point, { maxLength: 40 }), fc.array(point, { minLength: 1, maxLength: 8 }), (firms, sites) => {
				const handle = createAnalysisHandler();
				const loadedFirms = handle({ type: 'load-firms', id: 1, lons: Float64Array.from(firms, (p) => p[0]), lats: Float64Array.from(firms, (p) => p[1]) });
				expect(loadedFirms.reply).toEqual({ type: 'firms-loaded', id: 1, count: firms.length });
				const { reply } = handle({ type: 'load-institutions', id: 2, institutions: sites.map(([lon, lat], k) => ({ id: `i${k}`, lon, lat })) });
				if (reply.type !== 'institutions-loaded' || !reply.nearest) throw new Error(`expected distances, got ${JSON.stringify(reply)}`);
				firms.forEach((firm, i) => {
					const km = sites.map((site) => distance(firm, site, { units: 'kilometers' }));
					const best = Math.min(...km);
					expect(reply.nearest?.km[i]).toBeCloseTo(best, 9);
					expect(km[reply.nearest?.index[i] ?? -1]).toBeCloseTo(best, 9);
				});
			}),
			{ numRuns: 40 }
		);
	});
});
