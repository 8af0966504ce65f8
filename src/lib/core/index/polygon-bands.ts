import type { Position } from 'geojson';
import { orient2d } from 'robust-predicates';

/**
 * Polygon parts (an outer ring and its holes) flattened into typed arrays, with each part's edges
 * bucketed into horizontal bands so a point test reads only the edges whose y-range can reach the
 * point. No library offers a banded edge table over typed arrays, hence this module.
 */
export interface PolygonBands {
	readonly partCount: number;
	/** Vertices, x (lon) then y (lat); every ring stored closed so edge e runs from e to e + 2. */
	readonly coords: Float64Array;
	/** Part bounding boxes: minX, minY, maxX, maxY per part (all rings, holes included). */
	readonly bbox: Float64Array;
	/** Per part: its first band in `bandStart`, its band count, and bands per degree of latitude. */
	readonly bandBase: Uint32Array;
	readonly bandCount: Uint32Array;
	readonly bandScale: Float64Array;
	/** CSR: band b holds `bandEdges[bandStart[b] .. bandStart[b + 1])`, edge starts into `coords`. */
	readonly bandStart: Uint32Array;
	readonly bandEdges: Uint32Array;
}

/** Fewer edges per band means fewer tests per point but more memory; 2 is a good trade. */
const EDGES_PER_BAND = 2;
const MAX_BANDS = 4096;
/**
 * An edge is listed in every band its y-range reaches, so tall edges in thin bands multiply the
 * table: a 1,000,000-vertex star, every edge reaching a sixth of its height, would list 650
 * million entries. Bands are made no thinner than keeps that extra to this many per edge. Thinner
 * bands would not help such a part anyway: a point's band holds every edge reaching its y.
 */
const SPAN_ENTRIES_PER_EDGE = 4;

/**
 * Flattens polygon parts into a {@link PolygonBands} table. Rings are taken as closed (a missing
 * closing vertex is added); empty rings contribute no edges.
 *
 * @param parts each part is a Polygon's coordinates: [outer ring, ...holes]
 * @example
 * const bands = buildPolygonBands([[[[0, 0], [1, 0], [1, 1], [0, 0]]]]);
 * pointInPart(bands, 0, 0.5, 0.25); // true
 */
export function buildPolygonBands(parts: readonly (readonly (readonly Position[])[])[]): PolygonBands {
	const partCount = parts.length;
	let vertexCount = 0;
	for (const part of parts) for (const ring of part) vertexCount += ring.length + 1;
	const coords = new Float64Array(vertexCount * 2);
	const bbox = new Float64Array(partCount * 4);
	const bandBase = new Uint32Array(partCount);
	const bandCount = new Uint32Array(partCount);
	const bandScale = new Float64Array(partCount);
	// At most one edge per stored vertex.
	const edgeStarts = new Uint32Array(vertexCount);
	let edgeCount = 0;
	const partEdgeEnd = new Uint32Array(partCount);
	let pos = 0;
	let totalBands = 0;

	for (let p = 0; p < partCount; p++) {
		let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
		let rise = 0;
		for (const ring of parts[p]) {
			if (ring.length === 0) continue;
			const ringStart = pos;
			// Indexed, not `for (const [x, y] of ring)`: an iterator per vertex is most of the build.
			for (let i = 0; i < ring.length; i++) {
				const x = ring[i][0];
				const y = ring[i][1];
				coords[pos++] = x;
				coords[pos++] = y;
				if (x < minX) minX = x;
				if (x > maxX) maxX = x;
				if (y < minY) minY = y;
				if (y > maxY) maxY = y;
			}
			const first = ring[0];
			const last = ring[ring.length - 1];
			if (ring.length === 1 || first[0] !== last[0] || first[1] !== last[1]) {
				coords[pos++] = first[0];
				coords[pos++] = first[1];
			}
			for (let e = ringStart; e < pos - 2; e += 2) {
				edgeStarts[edgeCount++] = e;
				rise += Math.abs(coords[e + 3] - coords[e + 1]);
			}
		}
		partEdgeEnd[p] = edgeCount;
		bbox[p * 4] = minX;
		bbox[p * 4 + 1] = minY;
		bbox[p * 4 + 2] = maxX;
		bbox[p * 4 + 3] = maxY;
		const edges = edgeCount - (p === 0 ? 0 : partEdgeEnd[p - 1]);
		// An edge of height h spans about h · count / height extra bands; keep their sum in bounds.
		const spanCap = rise > 0 ? Math.floor((SPAN_ENTRIES_PER_EDGE * edges * (maxY - minY)) / rise) : MAX_BANDS;
		const count = Math.max(1, Math.min(MAX_BANDS, Math.ceil(edges / EDGES_PER_BAND), spanCap));
		bandBase[p] = totalBands;
		bandCount[p] = count;
		bandScale[p] = maxY > minY ? count / (maxY - minY) : 0;
		totalBands += count;
	}

	// Two passes over the edges (count, then fill) build the CSR band table without per-band arrays.
	const bandStart = new Uint32Array(totalBands + 1);
	const fill = new Uint32Array(totalBands);
	let bandEdges = new Uint32Array(0);
	for (let pass = 0; pass < 2; pass++) {
		let k = 0;
		for (let p = 0; p < partCount; p++) {
			const base = bandBase[p];
			for (; k < partEdgeEnd[p]; k++) {
				const e = edgeStarts[k];
				const y1 = coords[e + 1];
				const y2 = coords[e + 3];
				const from = base + bandOf(p, Math.min(y1, y2));
				const to = base + bandOf(p, Math.max(y1, y2));
				if (pass === 0) for (let b = from; b <= to; b++) bandStart[b + 1]++;
				else for (let b = from; b <= to; b++) bandEdges[fill[b]++] = e;
			}
		}
		if (pass === 0) {
			for (let b = 0; b < totalBands; b++) bandStart[b + 1] += bandStart[b];
			fill.set(bandStart.subarray(0, totalBands));
			bandEdges = new Uint32Array(bandStart[totalBands]);
		}
	}

	return { partCount, coords, bbox, bandBase, bandCount, bandScale, bandStart, bandEdges };

	function bandOf(p: number, y: number): number {
		return clampBand((y - bbox[p * 4 + 1]) * bandScale[p], bandCount[p]);
	}
}

// The same monotone formula places edges and query points in bands, so an edge whose y-range
// contains the point's y is always in the point's band, whatever the rounding.
function clampBand(t: number, count: number): number {
	const b = Math.floor(t);
	return b < 0 ? 0 : b >= count ? count - 1 : b;
}

/** Error bound of the fast orientation test (Shewchuk); beyond it robust-predicates decides exactly. */
const ORIENT_ERRBOUND = (3 + 16 * 1.1102230246251565e-16) * 1.1102230246251565e-16;

/**
 * Whether point (x, y) is inside part `part` or on its boundary (a hole's boundary included),
 * even-odd over all the part's rings. This is the algorithm of point-in-polygon-hao, which
 * `@turf/boolean-point-in-polygon` uses, with the same arithmetic and exact orientation test, so
 * the two agree on every point including those on edges and vertices; only the banding differs.
 *
 * @example
 * pointInPart(buildPolygonBands([[[[0, 0], [1, 0], [1, 1], [0, 0]]]]), 0, 1, 0.5); // true (on an edge)
 */
export function pointInPart(bands: PolygonBands, part: number, x: number, y: number): boolean {
	const { coords, bandEdges } = bands;
	const band = bands.bandBase[part] + clampBand((y - bands.bbox[part * 4 + 1]) * bands.bandScale[part], bands.bandCount[part]);
	const end = bands.bandStart[band + 1];
	let crossings = 0;
	for (let j = bands.bandStart[band]; j < end; j++) {
		const e = bandEdges[j];
		const v1 = coords[e + 1] - y;
		const v2 = coords[e + 3] - y;
		if (v1 === 0 && v2 === 0) {
			const u1 = coords[e] - x;
			const u2 = coords[e + 2] - x;
			if ((u2 <= 0 && u1 >= 0) || (u1 <= 0 && u2 >= 0)) return true;
		} else if ((v2 >= 0 && v1 <= 0) || (v2 <= 0 && v1 >= 0)) {
			const u1 = coords[e] - x;
			const u2 = coords[e + 2] - x;
			const detLeft = u2 * v1;
			const detRight = u1 * v2;
			let f = detLeft - detRight;
			if ((detLeft > 0) === (detRight > 0) && detLeft !== 0 && detRight !== 0 && Math.abs(f) < ORIENT_ERRBOUND * Math.abs(detLeft + detRight)) {
				f = orient2d(u1, u2, v1, v2, 0, 0);
			}
			if (f === 0) return true;
			if ((f > 0 && v2 > 0 && v1 <= 0) || (f < 0 && v2 <= 0 && v1 > 0)) crossings++;
		}
	}
	return (crossings & 1) === 1;
}

/**
 * Whether any edge of part `part` may touch the closed box. Conservative: a true answer can be a
 * near miss (float arithmetic, no exact predicate), a false answer is certain given the box is
 * padded well beyond rounding — callers then know the whole box is on one side of the boundary.
 *
 * @example
 * partCrossesBox(bands, 0, 0.4, 0.4, 0.6, 0.6); // false: the box is clear of the part's edges
 */
export function partCrossesBox(bands: PolygonBands, part: number, x0: number, y0: number, x1: number, y1: number): boolean {
	const { coords, bandEdges, bandStart, bbox } = bands;
	const base = bands.bandBase[part];
	const count = bands.bandCount[part];
	const scale = bands.bandScale[part];
	const from = base + clampBand((y0 - bbox[part * 4 + 1]) * scale, count);
	const to = base + clampBand((y1 - bbox[part * 4 + 1]) * scale, count);
	for (let j = bandStart[from]; j < bandStart[to + 1]; j++) {
		const e = bandEdges[j];
		const ax = coords[e], ay = coords[e + 1], bx = coords[e + 2], by = coords[e + 3];
		if ((ax < x0 && bx < x0) || (ax > x1 && bx > x1) || (ay < y0 && by < y0) || (ay > y1 && by > y1)) continue;
		// The edge's box meets the box; it misses only if all four corners lie strictly on one side.
		const dx = bx - ax, dy = by - ay;
		const s00 = dx * (y0 - ay) - dy * (x0 - ax);
		const s10 = dx * (y0 - ay) - dy * (x1 - ax);
		const s01 = dx * (y1 - ay) - dy * (x0 - ax);
		const s11 = dx * (y1 - ay) - dy * (x1 - ax);
		if ((s00 > 0 && s10 > 0 && s01 > 0 && s11 > 0) || (s00 < 0 && s10 < 0 && s01 < 0 && s11 < 0)) continue;
		return true;
	}
	return false;
}
