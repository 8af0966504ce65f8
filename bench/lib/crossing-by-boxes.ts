import Flatbush from 'flatbush';
import type { Position } from 'geojson';
import { orient2d } from 'robust-predicates';

/**
 * The zone crossing check as it was before the sweep: a Flatbush of edge boxes, every pair of
 * edges whose boxes overlap tested exactly. Kept as the benchmark's baseline; on a dense star
 * the overlapping pairs, and so the time, grow with the square of the vertices.
 */
export function findCrossingByBoxes(rings: readonly (readonly Position[])[]): Position | null {
	const edges: [ring: number, i: number][] = [];
	rings.forEach((ring, r) => {
		for (let i = 0; i + 1 < ring.length; i++) edges.push([r, i]);
	});
	if (edges.length < 3) return null;
	const tree = new Flatbush(edges.length);
	for (const [r, i] of edges) {
		const [ax, ay] = rings[r][i];
		const [bx, by] = rings[r][i + 1];
		tree.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
	}
	tree.finish();
	for (let e = 0; e < edges.length; e++) {
		const [r, i] = edges[e];
		const a = rings[r][i];
		const b = rings[r][i + 1];
		const last = rings[r].length - 2;
		for (const f of tree.search(Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1]))) {
			if (f <= e) continue;
			const [s, j] = edges[f];
			// Neighbouring edges of a ring share a vertex by construction; spikes were cleaned away.
			if (s === r && (j === i + 1 || (i === 0 && j === last))) continue;
			const hit = crossing(a, b, rings[s][j], rings[s][j + 1]);
			if (hit) return hit;
		}
	}
	return null;
}

function crossing(a: Position, b: Position, c: Position, d: Position): Position | null {
	const o1 = orient2d(a[0], a[1], b[0], b[1], c[0], c[1]);
	const o2 = orient2d(a[0], a[1], b[0], b[1], d[0], d[1]);
	if (o1 === 0 && o2 === 0) return overlap(a, b, c, d);
	const o3 = orient2d(c[0], c[1], d[0], d[1], a[0], a[1]);
	const o4 = orient2d(c[0], c[1], d[0], d[1], b[0], b[1]);
	if (o1 * o2 < 0 && o3 * o4 < 0) {
		const t = o3 / (o3 - o4);
		return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
	}
	return null;
}

/** Collinear edges overlap when their extents along the line share more than one point. */
function overlap(a: Position, b: Position, c: Position, d: Position): Position | null {
	const axis = Math.abs(b[0] - a[0]) >= Math.abs(b[1] - a[1]) ? 0 : 1;
	const lo = Math.max(Math.min(a[axis], b[axis]), Math.min(c[axis], d[axis]));
	const hi = Math.min(Math.max(a[axis], b[axis]), Math.max(c[axis], d[axis]));
	if (!(lo < hi)) return null;
	const t = ((lo + hi) / 2 - a[axis]) / (b[axis] - a[axis]);
	return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
}
