import { EARTH_RADIUS_KM } from '../model';
import { codeFromRowCol, MESH_SPAN, meshCol, meshRow, type MeshLevel } from './jis-mesh';
import { radixSort } from './radix-sort';

import type { FirmFilter } from './select-firms';

export type { FirmFilter };

/** Firm counts per JIS X 0410 mesh cell, one entry per non-empty cell, ascending by code. */
export interface MeshCounts {
	level: MeshLevel;
	/** Numeric mesh codes (exact integers); `String(code)` is the official code in Japan. */
	codes: Float64Array;
	counts: Uint32Array;
	/** Cell area on the sphere of radius 6371.0088 km. */
	areaKm2: Float64Array;
	/** counts / areaKm2, firms per km². */
	density: Float64Array;
	/** Firms that passed the filter but have no cell: NaN coordinates or outside 0–66°40′ N, 100–200° E. */
	unplaced: number;
}

const RAD = Math.PI / 180;

/**
 * Counts firms per mesh cell and divides by the cell's area on the sphere. No strings in the loop:
 * each firm gets an integer rank of its cell, the ranks are radix-sorted and runs counted, so
 * millions of firms take a fraction of a second; codes are built once per non-empty cell.
 *
 * @param lons firm longitudes, degrees
 * @param lats firm latitudes, degrees, same length
 * @param options.level mesh level, default 'third' (~1 km)
 * @param options.filter count only these firms (industry, size class…): a Uint8Array mask or a predicate
 * @example
 * const { codes, counts, density } = meshAggregate(lons, lats, { level: 'half', filter: manufacturing });
 * String(codes[0]); // '533946113'
 */
export function meshAggregate(
	lons: ArrayLike<number>,
	lats: ArrayLike<number>,
	options: { level?: MeshLevel; filter?: FirmFilter } = {}
): MeshCounts {
	const n = lons.length;
	if (lats.length !== n) throw new Error(`meshAggregate: ${n} longitudes but ${lats.length} latitudes; pass arrays of the same length.`);
	const level = options.level ?? 'third';
	const span = MESH_SPAN[level];
	if (span === undefined) throw new Error(`meshAggregate: unknown mesh level "${level}"; use first, second, third, half or quarter.`);
	const filter = options.filter;
	if (filter instanceof Uint8Array && filter.length !== n) {
		throw new Error(`meshAggregate: the filter mask has ${filter.length} entries for ${n} firms; pass one entry per firm.`);
	}
	const mask = filter instanceof Uint8Array ? filter : null;
	const predicate = typeof filter === 'function' ? filter : null;

	// Each firm gets its cell's rank: the code's digits packed into 32 bits so that ranks sort like
	// codes. Sorting the ranks (LSD radix, three passes of 11 bits) and counting runs streams
	// through memory; a hash table of a million cells would miss the cache on every firm.
	const rowOf = meshRow;
	const colOf = meshCol;
	let ranks: Uint32Array = new Uint32Array(n);
	let placed = 0;
	let unplaced = 0;
	for (let i = 0; i < n; i++) {
		if (mask !== null ? mask[i] === 0 : predicate !== null && !predicate(i)) continue;
		const row = rowOf(lats[i]);
		const col = colOf(lons[i]);
		if (row < 0 || col < 0) unplaced++;
		else ranks[placed++] = rankOf(row - (row % span), col - (col % span));
	}
	ranks = radixSort(ranks.subarray(0, placed));

	let size = 0;
	for (let k = 0; k < placed; k++) if (k === 0 || ranks[k] !== ranks[k - 1]) size++;
	const out: MeshCounts = {
		level,
		codes: new Float64Array(size),
		counts: new Uint32Array(size),
		areaKm2: new Float64Array(size),
		density: new Float64Array(size),
		unplaced
	};
	const lonSpan = (span / 320) * RAD;
	for (let k = 0, c = -1; k < placed; k++) {
		const r = ranks[k];
		if (k > 0 && r === ranks[k - 1]) {
			out.counts[c]++;
			continue;
		}
		c++;
		const row = (r >>> 25) * 320 + ((r >>> 15) & 7) * 40 + ((r >>> 8) & 15) * 4 + ((r >>> 3) & 1) * 2 + ((r >>> 1) & 1);
		const col = ((r >>> 18) & 127) * 320 + ((r >>> 12) & 7) * 40 + ((r >>> 4) & 15) * 4 + ((r >>> 2) & 1) * 2 + (r & 1);
		const south = (row / 480) * RAD;
		const north = ((row + span) / 480) * RAD;
		out.codes[c] = codeFromRowCol(row, col, level);
		out.counts[c] = 1;
		out.areaKm2[c] = EARTH_RADIUS_KM * EARTH_RADIUS_KM * lonSpan * (Math.sin(north) - Math.sin(south));
	}
	for (let c = 0; c < size; c++) out.density[c] = out.counts[c] / out.areaKm2[c];
	return out;
}

/**
 * Packs the digits of a cell's code — p (7 bits), u (7), q, v (3 each), r, w (4 each), half and
 * quarter quadrant bits — most significant first, so ranks sort like codes of one level.
 */
function rankOf(row: number, col: number): number {
	return (
		((Math.floor(row / 320) << 25) |
			(Math.floor(col / 320) << 18) |
			((Math.floor(row / 40) % 8) << 15) |
			((Math.floor(col / 40) % 8) << 12) |
			((Math.floor(row / 4) % 10) << 8) |
			((Math.floor(col / 4) % 10) << 4) |
			((Math.floor(row / 2) % 2) << 3) |
			((Math.floor(col / 2) % 2) << 2) |
			((row % 2) << 1) |
			(col % 2)) >>>
		0
	);
}
