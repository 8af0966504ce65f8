/**
 * Geometry clean-up shared by the geodata builds: rounding, degenerate-ring removal,
 * right-hand-rule winding and a validity check that fails the build instead of committing bad polygons.
 */
import { area, booleanClockwise, kinks, polygon } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { findCrossing, ringArea } from '../../../src/lib/core/geo';

/**
 * Rounds a number to `digits` decimals (5 decimals ≈ 1 m).
 *
 * @example
 * round(139.7161111, 5); // 139.71611
 */
export function round(value: number, digits = 5): number {
	const f = 10 ** digits;
	const r = Math.round(value * f) / f;
	return r === 0 ? 0 : r; // no "-0" in the output
}

/** Rounds a ring and drops consecutive duplicates; returns null when fewer than 4 positions remain. */
function cleanRing(ring: Position[], digits: number): Position[] | null {
	const out: Position[] = [];
	for (const [lon, lat] of ring) {
		const p = [round(lon, digits), round(lat, digits)];
		const last = out[out.length - 1];
		if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
	}
	const first = out[0];
	const last = out[out.length - 1];
	if (out.length > 0 && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0], first[1]]);
	if (out.length < 4) return null;
	// A ring whose area vanished (all points collinear after rounding) is not a polygon.
	if (area(polygon([out])) < 1) return null;
	return out;
}

/**
 * Rounds coordinates, removes consecutive duplicates and degenerate rings, winds rings by the
 * right-hand rule (outer counter-clockwise, holes clockwise) and returns a Polygon when one part remains.
 * Returns null when nothing valid remains.
 *
 * @example
 * const g = tidyPolygons([[[[139, 35], [140, 35], [140, 36], [139, 35]]]]);
 */
export function tidyPolygons(parts: Position[][][], options: { digits?: number } = {}): Polygon | MultiPolygon | null {
	const digits = options.digits ?? 5;
	const out: Position[][][] = [];
	for (const part of parts) {
		const outer = cleanRing(part[0], digits);
		if (!outer) continue;
		const rings = [wind(outer, false)];
		for (const hole of part.slice(1)) {
			const h = cleanRing(hole, digits);
			if (h) rings.push(wind(h, true));
		}
		out.push(rings);
	}
	if (out.length === 0) return null;
	return out.length === 1 ? { type: 'Polygon', coordinates: out[0] } : { type: 'MultiPolygon', coordinates: out };
}

function wind(ring: Position[], clockwise: boolean): Position[] {
	return booleanClockwise(ring) === clockwise ? ring : [...ring].reverse();
}

/** The polygons of a Polygon or MultiPolygon as a list of parts. */
export function partsOf(g: Polygon | MultiPolygon): Position[][][] {
	return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/**
 * Problems that make a polygon unusable: self-intersections, open or short rings, wrong winding.
 * Returns an empty list for a valid geometry.
 *
 * @example
 * polygonProblems({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] }); // []
 */
export function polygonProblems(g: Polygon | MultiPolygon): string[] {
	const problems: string[] = [];
	partsOf(g).forEach((part, pi) => {
		part.forEach((ring, ri) => {
			const where = `part ${pi} ring ${ri}`;
			if (ring.length < 4) problems.push(`${where}: fewer than 4 positions`);
			const a = ring[0];
			const b = ring[ring.length - 1];
			if (a[0] !== b[0] || a[1] !== b[1]) problems.push(`${where}: not closed`);
			if (booleanClockwise(ring) !== (ri > 0)) problems.push(`${where}: wrong winding (right-hand rule)`);
		});
		const k = kinks(polygon(part));
		if (k.features.length > 0) {
			const at = k.features[0].geometry.coordinates;
			problems.push(`part ${pi}: ${k.features.length} self-intersection(s), first at [${at.join(', ')}]`);
		}
	});
	return problems;
}

/**
 * Problems by the engine's own rules (src/lib/core/geo), for boundaries kept as a topology: open or
 * short rings, wrong winding, edges that cross or overlap. A ring that touches itself or its neighbour
 * at a single vertex is allowed, as the engine allows it — the 1 % simplified N03 source has six such
 * pinches (白石市/福島市, 白浜町, 太地町, 江津市, 宇和島市) that `@turf/kinks` would call intersections.
 *
 * @example
 * topologyProblems({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] }); // []
 */
export function topologyProblems(g: Polygon | MultiPolygon): string[] {
	const problems: string[] = [];
	partsOf(g).forEach((part, pi) => {
		part.forEach((ring, ri) => {
			const a = ring[0];
			const b = ring[ring.length - 1];
			if (ring.length < 4 || a[0] !== b[0] || a[1] !== b[1]) problems.push(`part ${pi} ring ${ri}: open or fewer than 4 positions`);
			else if (ringArea(ring) > 0 !== (ri === 0)) problems.push(`part ${pi} ring ${ri}: wrong winding (right-hand rule)`);
		});
		const at = findCrossing(part);
		if (at) problems.push(`part ${pi}: edges cross at [${at.join(', ')}]`);
	});
	return problems;
}
