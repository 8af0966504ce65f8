import type { ZoneIndex } from './zone-index';
import { zonesAt } from './zone-index';

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

/**
 * Classifies every point against every zone of the index, with the semantics of `zonesAt`
 * (boundary inside, holes outside, overlaps all reported). NaN coordinates give no zones and
 * `inside` 0 — callers mark such rows as problems.
 *
 * @param index from `buildZoneIndex`
 * @param lons point longitudes
 * @param lats point latitudes, same length
 * @param options.onProgress called now and then with points done and the total
 * @example
 * const { offsets, zoneIndices, inside } = classifyPoints(index, lons, lats);
 * const zonesOfFirst = zoneIndices.subarray(offsets[0], offsets[1]);
 */
export function classifyPoints(
	index: ZoneIndex,
	lons: Float64Array,
	lats: Float64Array,
	options: { onProgress?: (done: number, total: number) => void } = {}
): PointClassification {
	const n = lons.length;
	if (lats.length !== n) throw new Error(`classifyPoints: ${n} longitudes but ${lats.length} latitudes; pass arrays of the same length.`);
	const offsets = new Uint32Array(n + 1);
	const inside = new Uint8Array(n);
	let zoneIndices = new Uint32Array(Math.max(16, n));
	let count = 0;
	const scratch: number[] = [];
	for (let i = 0; i < n; i++) {
		zonesAt(index, lons[i], lats[i], scratch);
		if (count + scratch.length > zoneIndices.length) {
			const grown = new Uint32Array(Math.max(zoneIndices.length * 2, count + scratch.length));
			grown.set(zoneIndices);
			zoneIndices = grown;
		}
		for (const z of scratch) zoneIndices[count++] = z;
		inside[i] = scratch.length > 0 ? 1 : 0;
		offsets[i + 1] = count;
		if (options.onProgress && (i & 0xffff) === 0xffff) options.onProgress(i + 1, n);
	}
	options.onProgress?.(n, n);
	return { offsets, zoneIndices: zoneIndices.slice(0, count), inside };
}
