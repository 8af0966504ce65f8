import type { Position } from 'geojson';
import { orient2d } from 'robust-predicates';
import { SweepStatus } from './sweep-status';

/**
 * Finds where the rings of one polygon cross themselves or each other: two edges that properly
 * cross, or that overlap along a stretch. Edges that merely touch at a point (a vertex on another
 * edge, two rings sharing a vertex) are allowed — the region is still well defined for
 * point-in-polygon.
 *
 * A Shamos–Hoey sweep: edges enter and leave a vertical line swept left to right, kept in order
 * along it, and only edges that become neighbours on the line are compared — O(n log n). Every
 * comparison is an exact orientation test (robust-predicates), so the order is never wrong.
 * Comparing edges whose boxes overlap (a box index) is quadratic on dense rings such as a star,
 * whose edge boxes each overlap thousands of others. Written here because the sweep-line packages
 * on npm either test every active edge against each new one (quadratic again), count touching
 * edges as crossing and miss collinear overlaps, or use inexact arithmetic.
 *
 * Why only neighbours suffice: take the leftmost point where two edges' interiors meet. Edges
 * between them on the line just before it must end there (or they would meet one of the two
 * earlier); once those are removed the two are neighbours and are compared.
 *
 * @param rings closed rings of one polygon, cleaned (no duplicate vertices or spikes)
 * @param options.onProgress called now and then with edges swept so far (of twice the edge count:
 *   each edge enters and leaves the line)
 * @returns an approximate crossing position, or null when there is none
 * @example
 * findCrossing([[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]]); // [1, 1]
 */
export function findCrossing(rings: readonly (readonly Position[])[], options: { onProgress?: (done: number, total: number) => void } = {}): Position | null {
	const edges = edgeTable(rings);
	if (edges.count < 3) return null;
	if (edges.count > PAIRWISE_EDGES) return bySweep(edges, options.onProgress);
	const hit = pairwise(edges);
	if (hit === null) options.onProgress?.(edges.count * 2, edges.count * 2);
	return hit;
}

/**
 * Up to this many edges every pair is compared, boxes first: on a district's polygon of a few
 * dozen edges that costs less than building the sweep (two sorts, a tree, an orientation test per
 * step), and it is most of the time of reading thousands of such zones.
 */
const PAIRWISE_EDGES = 96;

/** The same answer by one method or the other, whatever the size: for tests. */
export function findCrossingBy(method: 'pairwise' | 'sweep', rings: readonly (readonly Position[])[]): Position | null {
	const edges = edgeTable(rings);
	if (edges.count < 3) return null;
	return method === 'pairwise' ? pairwise(edges) : bySweep(edges);
}

/** Every pair, later edge by later edge: the first pair met is the one to name. */
function pairwise(edges: Edges): Position | null {
	const { seg, count } = edges;
	for (let e = 1; e < count; e++) {
		const ex0 = seg[e * 4], ex1 = seg[e * 4 + 2];
		const ey0 = Math.min(seg[e * 4 + 1], seg[e * 4 + 3]), ey1 = Math.max(seg[e * 4 + 1], seg[e * 4 + 3]);
		for (let t = 0; t < e; t++) {
			// Edges whose boxes do not meet cannot cross (x: left end first, by construction).
			if (seg[t * 4] > ex1 || seg[t * 4 + 2] < ex0) continue;
			const ty0 = seg[t * 4 + 1], ty1 = seg[t * 4 + 3];
			if ((ty0 < ey0 && ty1 < ey0) || (ty0 > ey1 && ty1 > ey1)) continue;
			if (neighbours(edges, t, e)) continue;
			const hit = crossing(seg, t, e);
			if (hit) return hit;
		}
	}
	return null;
}

function bySweep(edges: Edges, onProgress?: (done: number, total: number) => void): Position | null {
	sortEdges(edges);
	const first = sweep(edges, edges.count, onProgress);
	if (first < 0) return null;
	// Which crossing to name, when there are several: walking the rings in order, the first edge
	// that crosses one walked before it, and the first such one — the same answer whatever the
	// sweep met first. Edges 0..k-1 hold a crossing for every k from that edge's on, and a sweep
	// of the first k edges that finds a pair says k can shrink to just past the pair. So: try
	// whether the pair found is the answer (one crossing: two sweeps in all), then bisect.
	let lo = 2;
	let hi = first + 1;
	for (let probe = hi - 1; hi - lo > 1; probe = (lo + hi) >>> 1) {
		const found = sweep(edges, probe);
		if (found >= 0) hi = found + 1;
		else lo = probe;
	}
	const e = hi - 1;
	for (let t = 0; t < e; t++) {
		const hit = neighbours(edges, t, e) ? null : crossing(edges.seg, t, e);
		if (hit) return hit;
	}
	return null;
}

interface Edges {
	count: number;
	/** Per edge: left then right end in sweep order (x, then y). */
	seg: Float64Array;
	/** Per edge: its ring, its place in the ring, and the ring's last edge. */
	ring: Int32Array;
	edge: Int32Array;
	last: Int32Array;
	/** Edge ids in sweep order of their left ends, and of their right ends (sorted for a sweep only). */
	byLeft: Uint32Array;
	byRight: Uint32Array;
}

function sortEdges(edges: Edges): void {
	edges.byLeft = sortedEdges(edges.seg, edges.count, 0);
	edges.byRight = sortedEdges(edges.seg, edges.count, 2);
}

const EMPTY = new Uint32Array(0);

/**
 * Polygons of up to this many edges share one edge table: reading thousands of districts, four
 * fresh typed arrays for each took a sixth of the check. Nothing keeps a table past its call.
 */
const SHARED_EDGES = 4096;
let shared: Pick<Edges, 'seg' | 'ring' | 'edge' | 'last'> | null = null;

function edgeArrays(m: number): Pick<Edges, 'seg' | 'ring' | 'edge' | 'last'> {
	return { seg: new Float64Array(m * 4), ring: new Int32Array(m), edge: new Int32Array(m), last: new Int32Array(m) };
}

function edgeTable(rings: readonly (readonly Position[])[]): Edges {
	let m = 0;
	for (const ring of rings) m += Math.max(0, ring.length - 1);
	const { seg, ring, edge, last } = m <= SHARED_EDGES ? (shared ??= edgeArrays(SHARED_EDGES)) : edgeArrays(m);
	let count = 0;
	for (let r = 0; r < rings.length; r++) {
		const positions = rings[r];
		for (let i = 0; i + 1 < positions.length; i++) {
			const a = positions[i];
			const b = positions[i + 1];
			// An edge of no length has no interior to cross (cleaned rings have none).
			if (a[0] === b[0] && a[1] === b[1]) continue;
			const forward = a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
			const p = forward ? a : b;
			const q = forward ? b : a;
			seg[count * 4] = p[0];
			seg[count * 4 + 1] = p[1];
			seg[count * 4 + 2] = q[0];
			seg[count * 4 + 3] = q[1];
			ring[count] = r;
			edge[count] = i;
			last[count] = positions.length - 2;
			count++;
		}
	}
	return { count, seg, ring, edge, last, byLeft: EMPTY, byRight: EMPTY };
}

/** Whether two edges follow each other in a ring: they share a vertex by construction. */
function neighbours(edges: Edges, s: number, t: number): boolean {
	if (edges.ring[s] !== edges.ring[t]) return false;
	const i = Math.min(edges.edge[s], edges.edge[t]);
	const j = Math.max(edges.edge[s], edges.edge[t]);
	return j === i + 1 || (i === 0 && j === edges.last[s]);
}

/**
 * Whether any two of the edges 0 .. limit-1 cross or overlap, by a Shamos–Hoey sweep: -1 if not,
 * else the later edge of the pair found.
 */
function sweep(edges: Edges, limit: number, report?: (done: number, total: number) => void): number {
	const { seg, byLeft, byRight } = edges;
	let found = -1;
	/** 1 when (x, y) is above edge t (left of it, walking left to right), -1 below, 0 on its line. */
	const side = (t: number, x: number, y: number) => -Math.sign(orient2d(seg[t * 4], seg[t * 4 + 1], seg[t * 4 + 2], seg[t * 4 + 3], x, y));
	/** Where s lies just right of its left end, relative to t, which began no later. */
	const order = (s: number, t: number) => {
		const o = side(t, seg[s * 4], seg[s * 4 + 1]) || side(t, seg[s * 4 + 2], seg[s * 4 + 3]);
		// Collinear, both on the line at once: they overlap. Overlapping edges sort together (by
		// id), so the overlap is found when the new one is compared with its neighbours.
		return o !== 0 ? o : s < t ? -1 : 1;
	};
	const status = new SweepStatus(limit, (s, t) => (s === t ? 0 : before(seg, t * 4, s * 4) ? order(s, t) : -order(t, s)));
	const test = (s: number, t: number) => {
		if (found < 0 && s >= 0 && t >= 0 && !neighbours(edges, s, t) && crossing(seg, s, t) !== null) found = Math.max(s, t);
	};
	// At one point, leaving comes before entering, so edges that merely meet end to end are never
	// on the line together.
	const count = edges.count;
	const total = limit * 2;
	let i = 0;
	let j = 0;
	let done = 0;
	while (found < 0) {
		while (i < count && byLeft[i] >= limit) i++;
		while (j < count && byRight[j] >= limit) j++;
		if (j === count) break;
		if (report && (++done & 0xffff) === 0) report(done, total);
		if (i < count && before(seg, byLeft[i] * 4, byRight[j] * 4 + 2)) {
			const s = byLeft[i++];
			status.insert(s);
			test(s, status.above);
			test(s, status.below);
		} else {
			status.remove(byRight[j++]);
			test(status.above, status.below);
		}
	}
	if (report && found < 0) report(total, total);
	return found;
}

/** Whether the point at seg[p] comes strictly before the one at seg[q] in sweep order. */
function before(seg: Float64Array, p: number, q: number): boolean {
	return seg[p] < seg[q] || (seg[p] === seg[q] && seg[p + 1] < seg[q + 1]);
}

/** Edge ids sorted by their left (end 0) or right (end 2) point in sweep order. */
function sortedEdges(seg: Float64Array, count: number, end: 0 | 2): Uint32Array {
	const ids = new Uint32Array(count);
	for (let k = 0; k < count; k++) ids[k] = k;
	return ids.sort((a, b) => seg[a * 4 + end] - seg[b * 4 + end] || seg[a * 4 + end + 1] - seg[b * 4 + end + 1]);
}

/** Where edges s and t cross or overlap, or null when they at most touch at a point. */
function crossing(seg: Float64Array, s: number, t: number): Position | null {
	const ax = seg[s * 4], ay = seg[s * 4 + 1], bx = seg[s * 4 + 2], by = seg[s * 4 + 3];
	const cx = seg[t * 4], cy = seg[t * 4 + 1], dx = seg[t * 4 + 2], dy = seg[t * 4 + 3];
	const o1 = Math.sign(orient2d(ax, ay, bx, by, cx, cy));
	const o2 = Math.sign(orient2d(ax, ay, bx, by, dx, dy));
	if (o1 === 0 && o2 === 0) return overlap([ax, ay], [bx, by], [cx, cy], [dx, dy]);
	const o3 = orient2d(cx, cy, dx, dy, ax, ay);
	const o4 = orient2d(cx, cy, dx, dy, bx, by);
	if (o1 * o2 < 0 && Math.sign(o3) * Math.sign(o4) < 0) {
		const u = o3 / (o3 - o4);
		return [ax + u * (bx - ax), ay + u * (by - ay)];
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
