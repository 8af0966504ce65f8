import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../sample/random';
import { buildPolygonBands, pointInPart } from './polygon-bands';

/** A star ring round (139.7, 35.6): n vertices, radius alternating 0.1° and 0.05°. */
function star(n: number): Position[] {
	const ring: Position[] = Array.from({ length: n }, (_, i) => {
		const r = i % 2 === 0 ? 0.1 : 0.05;
		return [139.7 + r * Math.cos((2 * Math.PI * i) / n), 35.6 + r * Math.sin((2 * Math.PI * i) / n)];
	});
	ring.push(ring[0]);
	return ring;
}

describe('buildPolygonBands', () => {
	it('keeps the band table linear in the edges when edges are tall (a dense star)', () => {
		const n = 20_000;
		const bands = buildPolygonBands([[star(n)]]);
		// Each edge once, plus at most four extra band entries per edge on average (and rounding).
		expect(bands.bandEdges.length).toBeLessThanOrEqual(6 * n);
	});

	it('keeps thin bands for an ordinary ring: about two edges a band', () => {
		const n = 2000;
		const circle: Position[] = Array.from({ length: n }, (_, i) => [Math.cos((2 * Math.PI * i) / n), Math.sin((2 * Math.PI * i) / n)]);
		circle.push(circle[0]);
		expect(buildPolygonBands([[circle]]).bandCount[0]).toBe(n / 2);
	});

	it('answers as Turf on the star: random points, vertices, edge midpoints and their horizontals', () => {
		const ring = star(2000);
		const bands = buildPolygonBands([[ring]]);
		const polygon = { type: 'Polygon' as const, coordinates: [ring] };
		const random = createRandom(17).next;
		const points: Position[] = [];
		for (let k = 0; k < 2000; k++) points.push([139.59 + 0.22 * random(), 35.49 + 0.22 * random()]);
		for (let i = 0; i < ring.length - 1; i += 7) {
			const [a, b] = [ring[i], ring[i + 1]];
			points.push(a, [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2], [139.6 + 0.2 * random(), a[1]]);
		}
		let inside = 0;
		for (const [x, y] of points) {
			const expected = booleanPointInPolygon([x, y], polygon);
			expect(pointInPart(bands, 0, x, y), `${x}, ${y}`).toBe(expected);
			if (expected) inside++;
		}
		expect(inside).toBeGreaterThan(points.length / 4);
		expect(inside).toBeLessThan(points.length);
	});
});
