import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import fc from 'fast-check';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { Zone } from '../model';
import { buildZoneIndex, classifyPoints, zonesAt } from './index';

// The engine must give exactly Turf's answer (booleanPointInPolygon, boundary counted) for every
// zone and point: random concave, holed, multipart and even self-crossing rings, and points on
// vertices, on edges and on the horizontal lines through vertices, where ray casting is fragile.

const SEED = 20240613;

/** A star-shaped ring round (cx, cy): concave when radii vary. Counter-clockwise unless reversed. */
const starRing = (cx: number, cy: number, scale: number) =>
	fc.array(fc.tuple(fc.double({ min: 0.3, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 3, maxLength: 40 }).map((spokes) => {
		const ring: Position[] = spokes
			.map(([r, t], i) => ({ r, a: ((i + 0.1 + 0.8 * t) / spokes.length) * 2 * Math.PI }))
			.map(({ r, a }) => [cx + scale * r * Math.cos(a), cy + scale * r * Math.sin(a)]);
		ring.push(ring[0]);
		return ring;
	});

/** Any closed ring of grid vertices: may cross itself, repeat vertices or have no area. */
const wildRing = (cx: number, cy: number, step: number) =>
	fc.array(fc.tuple(fc.integer({ min: -6, max: 6 }), fc.integer({ min: -6, max: 6 })), { minLength: 3, maxLength: 12 }).map((pts) => {
		const ring: Position[] = pts.map(([i, j]) => [cx + i * step, cy + j * step]);
		ring.push(ring[0]);
		return ring;
	});

const centre = fc.tuple(fc.integer({ min: -20, max: 20 }), fc.integer({ min: -20, max: 20 })).map(([i, j]) => [139.7 + i * 0.004, 35.6 + j * 0.004] as const);

const polygon: fc.Arbitrary<Position[][]> = fc.oneof(
	centre.chain(([x, y]) => starRing(x, y, 0.05).map((ring) => [ring])),
	// A hole: the outer ring never comes nearer than 0.3·scale, the hole reaches at most 0.25·scale.
	centre.chain(([x, y]) => fc.tuple(starRing(x, y, 0.05), starRing(x, y, 0.0125)).map(([outer, hole]) => [outer, hole.slice().reverse()])),
	centre.chain(([x, y]) => wildRing(x, y, 0.01).map((ring) => [ring])),
	centre.chain(([x, y]) => fc.tuple(wildRing(x, y, 0.01), wildRing(x, y, 0.004)).map(([a, b]) => [a, b]))
);

const zone: fc.Arbitrary<Polygon | MultiPolygon> = fc.oneof(
	polygon.map((coordinates) => ({ type: 'Polygon', coordinates }) as Polygon),
	fc.array(polygon, { minLength: 2, maxLength: 3 }).map((coordinates) => ({ type: 'MultiPolygon', coordinates }) as MultiPolygon)
);

function rings(geometry: Polygon | MultiPolygon): Position[][] {
	return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

/** Vertices, points on edges, points level with vertices, and random points near the zones. */
function probes(zones: (Polygon | MultiPolygon)[], picks: number[]): Position[] {
	const vertices = zones.flatMap((g) => rings(g).flat());
	const edges = zones.flatMap((g) => rings(g).flatMap((ring) => ring.slice(1).map((b, i) => [ring[i], b] as const)));
	const out: Position[] = [];
	picks.forEach((u, k) => {
		const v = vertices[Math.floor(u * vertices.length)];
		const [a, b] = edges[Math.floor(u * edges.length)];
		const t = (k % 7) / 6;
		switch (k % 5) {
			case 0:
				out.push(v);
				break;
			case 1:
				out.push([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]);
				break;
			case 2:
				out.push([(a[0] + b[0]) / 2, (a[1] + b[1]) / 2]);
				break;
			case 3:
				out.push([v[0] + (u - 0.5) * 0.1, v[1]]);
				break;
			default:
				out.push([139.7 + (u - 0.5) * 0.25, 35.6 + (((u * 7919) % 1) - 0.5) * 0.25]);
		}
	});
	return out;
}

function turfZonesAt(zones: (Polygon | MultiPolygon)[], p: Position): number[] {
	return zones.flatMap((g, z) => (booleanPointInPolygon(p, g) ? [z] : []));
}

const asZones = (geometries: (Polygon | MultiPolygon)[]): Zone[] => geometries.map((geometry, z) => ({ id: `z${z}`, name: `z${z}`, geometry, source: 'drawn' }));

describe('classification equals a brute-force Turf loop', () => {
	it('zonesAt and classifyPoints agree with booleanPointInPolygon on random zones and points', () => {
		fc.assert(
			fc.property(fc.array(zone, { minLength: 1, maxLength: 6 }), fc.array(fc.double({ min: 0, max: 0.999999, noNaN: true }), { minLength: 20, maxLength: 120 }), (geometries, picks) => {
				const index = buildZoneIndex(asZones(geometries));
				const points = probes(geometries, picks);
				// Each point three times, so cells split (after repeated visits) are queried as well.
				const all = [...points, ...points, ...points];
				const result = classifyPoints(index, Float64Array.from(all, (p) => p[0]), Float64Array.from(all, (p) => p[1]));
				all.forEach((p, i) => {
					const expected = turfZonesAt(geometries, p);
					expect([...result.zoneIndices.subarray(result.offsets[i], result.offsets[i + 1])], `point ${p}`).toEqual(expected);
					expect(result.inside[i]).toBe(expected.length > 0 ? 1 : 0);
					expect(zonesAt(index, p[0], p[1])).toEqual(expected);
				});
			}),
			{ seed: SEED, numRuns: 150, endOnFailure: true } // no shrinking: each run is costly; the message names the point
		);
	});

	it('NaN and far-away coordinates are in no zone', () => {
		const index = buildZoneIndex(asZones([{ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] }]));
		const result = classifyPoints(index, new Float64Array([NaN, 0.9, 50, 0.9]), new Float64Array([0.5, NaN, 50, 0.5]));
		expect([...result.inside]).toEqual([0, 0, 0, 1]);
		expect([...result.offsets]).toEqual([0, 0, 0, 0, 1]);
	});

	it('an index over no zones classifies every point as outside', () => {
		const result = classifyPoints(buildZoneIndex([]), new Float64Array([139.7]), new Float64Array([35.6]));
		expect([...result.inside]).toEqual([0]);
		expect(zonesAt(buildZoneIndex([]), 139.7, 35.6)).toEqual([]);
	});

	it('reports progress up to the total', () => {
		const index = buildZoneIndex(asZones([{ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] }]));
		const calls: [number, number][] = [];
		classifyPoints(index, new Float64Array(70_000), new Float64Array(70_000), { onProgress: (done, total) => calls.push([done, total]) });
		expect(calls).toEqual([
			[65_536, 70_000],
			[70_000, 70_000]
		]);
	});
});
