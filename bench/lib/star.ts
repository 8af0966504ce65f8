import type { Position } from 'geojson';
import { seeded } from './random';

/**
 * A star-shaped ring round Tokyo (139.7E 35.6N): vertex i at angle 2πi/n, radius alternating
 * about 0.1° and 0.05° (each jittered by up to ±5 %, seeded), closed. Star-shaped about its
 * centre, so it never crosses itself, yet every edge's box overlaps thousands of others': the
 * worst case for a search among edge boxes.
 *
 * @example
 * starRing(4, 1); // 5 positions, the first repeated at the end
 */
export function starRing(n: number, seed: number, [cx, cy]: readonly [number, number] = [139.7, 35.6]): Position[] {
	const random = seeded(seed);
	const ring: Position[] = [];
	for (let i = 0; i < n; i++) {
		const angle = (2 * Math.PI * i) / n;
		const r = (i % 2 === 0 ? 0.1 : 0.05) * (0.95 + 0.1 * random());
		ring.push([cx + r * Math.cos(angle), cy + r * Math.sin(angle)]);
	}
	ring.push(ring[0]);
	return ring;
}
