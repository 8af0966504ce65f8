import type { Scratch } from '../scratch';
import { collectZones, type ZoneIndex } from './zone-index';

/**
 * Zones of many points, in compressed sparse row form: point i lies in zones
 * `zoneIndices[offsets[i] .. offsets[i + 1])` (ascending), and `inside[i]` is 1 when it lies in any.
 */
export interface PointClassification {
	/** Length n + 1. */
	offsets: Uint32Array;
	zoneIndices: Uint32Array;
	inside: Uint8Array;
}

/** Progress is reported every this many points. */
const PROGRESS_EVERY = 1 << 16;

/**
 * Classifies every point against every zone of the index, with the semantics of `zonesAt`
 * (boundary inside, holes outside, overlaps all reported). NaN coordinates give no zones and
 * `inside` 0 — callers mark such rows as problems. Time grows linearly with the number of points.
 *
 * @param index from `buildZoneIndex`
 * @param lons point longitudes
 * @param lats point latitudes, same length
 * @param options.onProgress called every 65,536 points and at the end with points done and the total
 * @param options.scratch arrays to reuse from the call before: the arrays returned are then views of them, valid until the next call
 * @example
 * const { offsets, zoneIndices, inside } = classifyPoints(index, lons, lats);
 * const zonesOfFirst = zoneIndices.subarray(offsets[0], offsets[1]);
 */
export function classifyPoints(
	index: ZoneIndex,
	lons: Float64Array,
	lats: Float64Array,
	options: { onProgress?: (done: number, total: number) => void; scratch?: Scratch } = {}
): PointClassification {
	const n = lons.length;
	if (lats.length !== n) throw new Error(`classifyPoints: ${n} longitudes but ${lats.length} latitudes; pass arrays of the same length.`);
	const { onProgress, scratch } = options;
	const offsets = scratch?.uint32('offsets', n + 1) ?? new Uint32Array(n + 1);
	const inside = scratch?.uint8('inside', n) ?? new Uint8Array(n);
	const found = new Uint32Array(index.zoneCount);
	let zoneIndices = scratch?.uint32('zoneIndices', Math.max(1024, n)) ?? new Uint32Array(Math.max(1024, n));
	let count = 0;
	offsets[0] = 0;
	for (let i = 0; i < n; i++) {
		const zones = collectZones(index, lons[i], lats[i], found);
		if (count + zones > zoneIndices.length) {
			const grown = scratch?.uint32('zoneIndices', Math.max(zoneIndices.length * 2, count + zones)) ?? new Uint32Array(Math.max(zoneIndices.length * 2, count + zones));
			grown.set(zoneIndices.subarray(0, count));
			zoneIndices = grown;
		}
		for (let k = 0; k < zones; k++) zoneIndices[count++] = found[k];
		inside[i] = zones > 0 ? 1 : 0;
		offsets[i + 1] = count;
		if (onProgress !== undefined && (i + 1) % PROGRESS_EVERY === 0) onProgress(i + 1, n);
	}
	onProgress?.(n, n);
	return { offsets, zoneIndices: scratch ? zoneIndices.subarray(0, count) : zoneIndices.slice(0, count), inside };
}
