import { classifyPoints, type PointClassification } from '../classify/classify-points';
import { buildZoneIndex, type ZoneIndex } from '../classify/zone-index';
import type { Zone } from '../model';
import type { FirmFilter } from './select-firms';
import { polygonAreaKm2 } from './polygon-area';

/** Firm counts per zone, in zones order. */
export interface ZoneCounts {
	zoneIds: string[];
	counts: Uint32Array;
	areaKm2: Float64Array;
	/** counts / areaKm2, firms per km² (0 for a zone of no area). */
	density: Float64Array;
	/** Per firm, the zones it lies in (boundary inside, overlaps all counted): reuse it for location quotients. */
	classification: PointClassification;
}

/**
 * Counts firms per zone (drawn zones, districts, prefectures…) with the classifier's rules: a firm
 * on a boundary is inside, a firm in overlapping zones counts in each, firms without coordinates
 * in none. Areas are on the sphere (see polygonAreaKm2).
 *
 * @param zones zones to count in
 * @param lons firm longitudes, degrees
 * @param lats firm latitudes, degrees
 * @param options.filter firms to count (mask or predicate), default all
 * @param options.index a ZoneIndex already built for these zones, to skip rebuilding it
 * @param options.classification a classification of these firms against these zones, to skip redoing it
 * @example
 * const { counts, density } = zoneCounts(districtZones, lons, lats, { filter: isMachinery });
 */
export function zoneCounts(
	zones: readonly Zone[],
	lons: ArrayLike<number>,
	lats: ArrayLike<number>,
	options: { filter?: FirmFilter; index?: ZoneIndex; classification?: PointClassification } = {}
): ZoneCounts {
	const n = lons.length;
	if (lats.length !== n) throw new Error(`zoneCounts: ${n} longitudes but ${lats.length} latitudes; pass arrays of the same length.`);
	const filter = options.filter;
	if (filter instanceof Uint8Array && filter.length !== n) throw new Error(`zoneCounts: the filter mask has ${filter.length} entries for ${n} firms; pass one entry per firm.`);
	const classification =
		options.classification ?? classifyPoints(options.index ?? buildZoneIndex(zones), Float64Array.from(lons), Float64Array.from(lats));
	if (classification.offsets.length !== n + 1) throw new Error(`zoneCounts: the classification covers ${classification.offsets.length - 1} firms, not ${n}.`);
	const counts = new Uint32Array(zones.length);
	const { offsets, zoneIndices } = classification;
	for (let i = 0; i < n; i++) {
		if (filter !== undefined && (filter instanceof Uint8Array ? filter[i] === 0 : !filter(i))) continue;
		for (let k = offsets[i]; k < offsets[i + 1]; k++) counts[zoneIndices[k]]++;
	}
	const areaKm2 = Float64Array.from(zones, (zone) => polygonAreaKm2(zone.geometry));
	return {
		zoneIds: zones.map((zone) => zone.id),
		counts,
		areaKm2,
		density: Float64Array.from(counts, (c, z) => (areaKm2[z] > 0 ? c / areaKm2[z] : 0)),
		classification
	};
}
