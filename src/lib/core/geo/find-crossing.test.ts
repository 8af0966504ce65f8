import fc from 'fast-check';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { cleanRing } from './clean-ring';
import { findCrossing } from './find-crossing';

// Reference: every pair of non-neighbouring edges, integer arithmetic (grid vertices, so exact).
function crossesBruteForce(rings: Position[][]): boolean {
	const edges = rings.flatMap((ring, r) => ring.slice(1).map((b, i) => ({ r, i, a: ring[i], b, last: ring.length - 2 })));
	const cross = (o: Position, p: Position, q: Position) => Math.sign((p[0] - o[0]) * (q[1] - o[1]) - (p[1] - o[1]) * (q[0] - o[0]));
	for (let x = 0; x < edges.length; x++) {
		for (let y = x + 1; y < edges.length; y++) {
			const e = edges[x];
			const f = edges[y];
			if (e.r === f.r && (f.i === e.i + 1 || (e.i === 0 && f.i === e.last))) continue;
			const [d1, d2, d3, d4] = [cross(e.a, e.b, f.a), cross(e.a, e.b, f.b), cross(f.a, f.b, e.a), cross(f.a, f.b, e.b)];
			if (d1 * d2 < 0 && d3 * d4 < 0) return true;
			if (d1 === 0 && d2 === 0) {
				// Collinear: overlapping along a stretch, not just meeting at a point.
				const axis = e.a[0] !== e.b[0] ? 0 : 1;
				const lo = Math.max(Math.min(e.a[axis], e.b[axis]), Math.min(f.a[axis], f.b[axis]));
				const hi = Math.min(Math.max(e.a[axis], e.b[axis]), Math.max(f.a[axis], f.b[axis]));
				if (lo < hi) return true;
			}
		}
	}
	return false;
}

const ring = fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 })), { minLength: 3, maxLength: 10 }).map((pts) => cleanRing(pts).ring);

describe('findCrossing', () => {
	it('finds a crossing exactly when some pair of edges crosses or overlaps', () => {
		fc.assert(
			fc.property(fc.array(ring, { minLength: 1, maxLength: 3 }), (rings) => {
				const usable = rings.filter((r) => r.length >= 4);
				if (usable.length === 0) return;
				expect(findCrossing(usable) !== null).toBe(crossesBruteForce(usable));
			}),
			{ seed: 5, numRuns: 1000 }
		);
	});

	it('says where: the middle of a bowtie', () => {
		expect(findCrossing([[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]])).toEqual([1, 1]);
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

	it('counts what it changed', () => {
		expect(cleanRing([[0, 0], [1, 0], [1, 0], [1, 1], [0, 1]]).repairs).toEqual({ duplicates: 1, spikes: 0, closed: true });
		expect(cleanRing([[0, 0], [2, 0], [3, 0], [2, 0], [2, 2], [0, 0]]).repairs).toEqual({ duplicates: 0, spikes: 1, closed: false });
	});
});
