import fc from 'fast-check';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { cleanRing } from './clean-ring';
import { findCrossing, findCrossingBy } from './find-crossing';

// Reference: every pair of non-neighbouring edges, integer arithmetic (grid vertices, so exact).
// Returns the pair findCrossing names: the first edge in ring order that crosses an earlier one,
// and the first such earlier one.
function firstCrossingBruteForce(rings: Position[][]): [Position, Position, Position, Position] | null {
	const edges = rings.flatMap((ring, r) => ring.slice(1).map((b, i) => ({ r, i, a: ring[i], b, last: ring.length - 2 })));
	const cross = (o: Position, p: Position, q: Position) => Math.sign((p[0] - o[0]) * (q[1] - o[1]) - (p[1] - o[1]) * (q[0] - o[0]));
	for (let y = 0; y < edges.length; y++) {
		for (let x = 0; x < y; x++) {
			const e = edges[x];
			const f = edges[y];
			if (e.r === f.r && (f.i === e.i + 1 || (e.i === 0 && f.i === e.last))) continue;
			const [d1, d2, d3, d4] = [cross(e.a, e.b, f.a), cross(e.a, e.b, f.b), cross(f.a, f.b, e.a), cross(f.a, f.b, e.b)];
			if (d1 * d2 < 0 && d3 * d4 < 0) return [e.a, e.b, f.a, f.b];
			if (d1 === 0 && d2 === 0) {
				// Collinear: overlapping along a stretch, not just meeting at a point.
				const axis = e.a[0] !== e.b[0] ? 0 : 1;
				const lo = Math.max(Math.min(e.a[axis], e.b[axis]), Math.min(f.a[axis], f.b[axis]));
				const hi = Math.min(Math.max(e.a[axis], e.b[axis]), Math.max(f.a[axis], f.b[axis]));
				if (lo < hi) return [e.a, e.b, f.a, f.b];
			}
		}
	}
	return null;
}

/** Whether a point lies on the closed segment ab (integer grid, exact). */
function onSegment(p: Position, a: Position, b: Position): boolean {
	const collinear = (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]) === 0;
	return collinear && Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1]);
}

const point = (size: number) => fc.tuple(fc.integer({ min: 0, max: size }), fc.integer({ min: 0, max: size }));
const ring = (size: number, maxLength: number) => fc.array(point(size), { minLength: 3, maxLength }).map((pts) => cleanRing(pts).ring);

/**
 * Rings made to meet: a second ring built from the first ring's vertices, the midpoints of its
 * edges (T-touches, collinear overlaps) and free points — holes touching or crossing the outer
 * ring, rings sharing vertices or running along each other.
 */
const touching = fc
	.tuple(ring(4, 7), fc.array(fc.oneof(fc.nat(), point(8)), { minLength: 3, maxLength: 7 }), fc.boolean())
	.map(([outer, picks, third]) => {
		const doubled = outer.map(([x, y]) => [x * 2, y * 2]);
		const anchors = doubled.slice(0, -1).flatMap((p, i) => [p, [(p[0] + doubled[i + 1][0]) / 2, (p[1] + doubled[i + 1][1]) / 2]]);
		const other = cleanRing(picks.map((pick) => (typeof pick === 'number' ? anchors[pick % Math.max(1, anchors.length)] ?? [0, 0] : pick))).ring;
		return third ? [doubled, other, cleanRing(other.slice().reverse().map(([x, y]) => [y, x])).ring] : [doubled, other];
	});

describe('findCrossing', () => {
	const agrees = (rings: Position[][]) => {
		const usable = rings.filter((r) => r.length >= 4);
		if (usable.length === 0) return;
		const expected = firstCrossingBruteForce(usable);
		const found = findCrossing(usable);
		// Small inputs are compared pair by pair, large ones swept: both name the same position.
		expect(findCrossingBy('pairwise', usable)).toEqual(found);
		expect(findCrossingBy('sweep', usable)).toEqual(found);
		expect(found !== null, JSON.stringify(usable)).toBe(expected !== null);
		if (found === null || expected === null) return;
		// The named position lies on both edges of the first crossing pair (up to rounding).
		const [a, b, c, d] = expected;
		const near = (p: Position, q: Position, r: Position) => Math.abs((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])) < 1e-9;
		expect(near(a, b, found) && near(c, d, found), `${found} on ${expected}`).toBe(true);
		const inBox = (p: Position, q: Position) => found[0] >= Math.min(p[0], q[0]) - 1e-9 && found[0] <= Math.max(p[0], q[0]) + 1e-9 && found[1] >= Math.min(p[1], q[1]) - 1e-9 && found[1] <= Math.max(p[1], q[1]) + 1e-9;
		expect(inBox(a, b) && inBox(c, d)).toBe(true);
	};

	it('finds a crossing exactly when some pair of edges crosses or overlaps: random rings', () => {
		fc.assert(fc.property(fc.array(ring(6, 10), { minLength: 1, maxLength: 3 }), agrees), { seed: 5, numRuns: 1000 });
	});

	it('…on a small grid, where collinear runs, T-touches and shared vertices are common', () => {
		fc.assert(fc.property(fc.array(ring(2, 9), { minLength: 1, maxLength: 4 }), agrees), { seed: 7, numRuns: 3000 });
	});

	it('…on rings built to touch, overlap or cross one another', () => {
		let touches = 0;
		fc.assert(
			fc.property(touching, (rings) => {
				agrees(rings);
				const [outer, other] = rings;
				if (other.length >= 4 && other.some((p) => outer.slice(1).some((q, i) => onSegment(p, outer[i], q)))) touches++;
			}),
			{ seed: 8, numRuns: 3000 }
		);
		expect(touches).toBeGreaterThan(1000);
	});

	it('says where: the middle of a bowtie', () => {
		expect(findCrossing([[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]])).toEqual([1, 1]);
	});

	it('allows touching: a vertex on another edge, rings sharing a vertex, a hole along the outer ring', () => {
		const outer = [[0, 0], [4, 0], [4, 4], [2, 0], [0, 4], [0, 0]];
		expect(findCrossing([outer])).toEqual(null);
		expect(findCrossing([outer, [[4, 0], [3, 0.5], [3.5, 1], [4, 0]]])).toEqual(null);
		expect(findCrossing([[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]], [[0, 1], [1, 2], [0, 3], [0, 1]]])).not.toEqual(null);
		expect(findCrossing([[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]], [[0, 2], [1, 1], [1, 3], [0, 2]]])).toEqual(null);
	});

	it('names the first crossing along the rings, whichever the sweep meets first', () => {
		// The hole crosses the outer ring's second edge at y = 3, then at y = 1.
		const rings = [
			[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]],
			[[2, 1], [2, 3], [6, 3], [6, 1], [2, 1]]
		];
		expect(findCrossing(rings)).toEqual([4, 3]);
	});

	it('handles a 20,000-vertex star, and finds the one crossing made by swapping two vertices', () => {
		const n = 20_000;
		const star: Position[] = Array.from({ length: n + 1 }, (_, i) => [Math.cos((2 * Math.PI * i) / n) * (i % 2 ? 0.05 : 0.1), Math.sin((2 * Math.PI * i) / n) * (i % 2 ? 0.05 : 0.1)]);
		star[n] = star[0];
		expect(findCrossing([star])).toBe(null);
		[star[5000], star[5003]] = [star[5003], star[5000]];
		const hit = findCrossing([star]);
		expect(hit).not.toBe(null);
		expect(Math.hypot(hit![0] - star[5001][0], hit![1] - star[5001][1])).toBeLessThan(0.1);
	});

	it('names the same crossing pair by pair as by the sweep, on rings of hundreds of edges', () => {
		const wobbly = fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 })), { minLength: 60, maxLength: 200 }).map((pts) => cleanRing(pts).ring);
		fc.assert(
			fc.property(fc.array(wobbly, { minLength: 1, maxLength: 2 }), (rings) => {
				const usable = rings.filter((r) => r.length >= 4);
				expect(findCrossingBy('pairwise', usable)).toEqual(findCrossingBy('sweep', usable));
				expect(findCrossing(usable)).toEqual(findCrossingBy('sweep', usable));
			}),
			{ seed: 9, numRuns: 300 }
		);
	});

	it('reports progress up to the total', () => {
		const calls: [number, number][] = [];
		findCrossing([[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]], { onProgress: (done, total) => calls.push([done, total]) });
		expect(calls.at(-1)).toEqual([8, 8]);
	});
});

describe('cleanRing', () => {
	it('closes, removes repeats and spikes, and leaves a ring with neither', () => {
		fc.assert(
			fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 })), { minLength: 1, maxLength: 12 }), (pts) => {
				const { ring: out } = cleanRing(pts);
				if (out.length === 0) return;
				expect(out[0]).toEqual(out[out.length - 1]);
				const open = out.slice(0, -1);
				for (let i = 0; i < open.length && open.length >= 3; i++) {
					const [a, b, c] = [open[i], open[(i + 1) % open.length], open[(i + 2) % open.length]];
					expect(a).not.toEqual(b);
					const collinear = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]) === 0;
					const back = (b[0] - a[0]) * (c[0] - b[0]) + (b[1] - a[1]) * (c[1] - b[1]) < 0;
					expect(collinear && back, `spike at ${b}`).toBe(false);
				}
			}),
			{ seed: 6, numRuns: 1000 }
		);
	});

	it('removes a needle that runs across the seam, its tip the first vertex, from the front', () => {
		const m = 1000;
		const ring: Position[] = [[m, 0]];
		for (let i = m - 1; i >= 1; i--) ring.push([i, 0]);
		ring.push([0, -1], [-1, 0], [0, 1]);
		for (let i = 1; i < m; i++) ring.push([i, 0]);
		expect(cleanRing(ring).ring).toEqual([[1, 0], [0, -1], [-1, 0], [0, 1], [1, 0]]);
	});

	it('counts what it changed', () => {
		expect(cleanRing([[0, 0], [1, 0], [1, 0], [1, 1], [0, 1]]).repairs).toEqual({ duplicates: 1, spikes: 0, closed: true });
		expect(cleanRing([[0, 0], [2, 0], [3, 0], [2, 0], [2, 2], [0, 0]]).repairs).toEqual({ duplicates: 0, spikes: 1, closed: false });
	});
});
