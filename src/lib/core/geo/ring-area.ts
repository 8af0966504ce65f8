import type { Position } from 'geojson';

/**
 * Signed planar area of a closed ring in square degrees: positive when counter-clockwise (the
 * RFC 7946 orientation of an outer ring), negative when clockwise, 0 when degenerate. Used for
 * orientation and degeneracy only, never as an area measure.
 *
 * @example
 * ringArea([[0, 0], [1, 0], [1, 1], [0, 0]]); // 0.5
 */
export function ringArea(ring: readonly Position[]): number {
	let sum = 0;
	// Relative to the first vertex, which keeps precision for small rings far from (0, 0).
	const [x0, y0] = ring[0] ?? [0, 0];
	for (let i = 1; i + 1 < ring.length; i++) {
		sum += (ring[i][0] - x0) * (ring[i + 1][1] - y0) - (ring[i + 1][0] - x0) * (ring[i][1] - y0);
	}
	return sum / 2;
}
