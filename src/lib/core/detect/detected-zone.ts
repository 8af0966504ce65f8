import type { Position } from 'geojson';
import type { Zone } from '../model';

/** A zone found by a detection method, with what it holds. */
export interface DetectedZone extends Zone {
	source: 'detected';
	parameters: Record<string, unknown> & { method: string };
	/** Firms inside (boundary counts as inside), among those the detection ran on. */
	firmCount: number;
	/** Area on the ground, km². */
	areaKm2: number;
	/** firmCount / areaKm2. */
	density: number;
}

/**
 * Twice the signed area of a ring in its own units: positive when counter-clockwise.
 * @example
 * twiceSignedArea([[0, 0], [1, 0], [1, 1], [0, 0]]); // 1
 * @internal shared by the detection methods
 */
export function twiceSignedArea(ring: readonly Position[]): number {
	let sum = 0;
	const [x0, y0] = ring[0];
	for (let i = 1; i + 1 < ring.length; i++) {
		sum += (ring[i][0] - x0) * (ring[i + 1][1] - y0) - (ring[i + 1][0] - x0) * (ring[i][1] - y0);
	}
	return sum;
}

/**
 * Turns a ring to the RFC 7946 orientation: counter-clockwise for an outer ring, clockwise for a hole.
 * @example
 * orient([[0, 0], [0, 1], [1, 1], [0, 0]], true); // [[0, 0], [1, 1], [0, 1], [0, 0]]
 * @internal shared by the detection methods
 */
export function orient(ring: Position[], outer: boolean): Position[] {
	return twiceSignedArea(ring) > 0 === outer ? ring : ring.slice().reverse();
}
