import type { Position } from 'geojson';
import { orient2d } from 'robust-predicates';

/** What {@link cleanRing} changed. */
export interface RingRepairs {
	duplicates: number;
	spikes: number;
	closed: boolean;
}

/**
 * Removes consecutive duplicate vertices and spikes (a vertex where the ring turns straight back
 * on itself, A→B→A or A→B→C with C on AB), and closes the ring. Returns a new closed ring, which
 * may have fewer than 4 positions when the ring was degenerate.
 *
 * @example
 * cleanRing([[0, 0], [1, 0], [1, 0], [1, 1]]).ring; // [[0, 0], [1, 0], [1, 1], [0, 0]]
 */
export function cleanRing(ring: readonly Position[]): { ring: Position[]; repairs: RingRepairs } {
	const repairs: RingRepairs = { duplicates: 0, spikes: 0, closed: false };
	const open = ring.slice();
	if (open.length > 1 && samePosition(open[0], open[open.length - 1])) open.pop();
	else if (open.length > 1) repairs.closed = true;

	// A stack walk removes duplicates and spikes in one pass; removing one can expose another.
	const out: Position[] = [];
	for (const p of open) {
		if (out.length > 0 && samePosition(out[out.length - 1], p)) {
			repairs.duplicates++;
			continue;
		}
		let spiked = false;
		while (out.length >= 2 && isSpike(out[out.length - 2], out[out.length - 1], p)) {
			out.pop();
			repairs.spikes++;
			spiked = true;
		}
		// A spike A→B→A leaves A twice; that is the spike's doing, not a repeated vertex.
		if (out.length > 0 && samePosition(out[out.length - 1], p)) {
			if (!spiked) repairs.duplicates++;
			continue;
		}
		out.push(p);
	}
	// The walk cannot see across the seam (last → first); settle it by trimming either end until
	// quiet. The front is trimmed by moving `head`, not by shift(), which would copy the ring.
	let head = 0;
	for (let guard = out.length; guard > 0 && out.length - head >= 3; guard--) {
		const n = out.length;
		if (samePosition(out[n - 1], out[head])) {
			out.pop();
			repairs.duplicates++;
		} else if (isSpike(out[n - 2], out[n - 1], out[head])) {
			out.pop();
			repairs.spikes++;
		} else if (isSpike(out[n - 1], out[head], out[head + 1])) {
			head++;
			repairs.spikes++;
		} else break;
	}
	const ringOut = head > 0 ? out.slice(head) : out;
	if (ringOut.length > 0) ringOut.push(ringOut[0]);
	return { ring: ringOut, repairs };
}

function samePosition(a: Position, b: Position): boolean {
	return a[0] === b[0] && a[1] === b[1];
}

/** B is a spike when A, B, C are collinear and the path turns back at B. */
function isSpike(a: Position, b: Position, c: Position): boolean {
	if (orient2d(a[0], a[1], b[0], b[1], c[0], c[1]) !== 0) return false;
	return (b[0] - a[0]) * (c[0] - b[0]) + (b[1] - a[1]) * (c[1] - b[1]) < 0;
}
