/**
 * Choosing among detected clusters before they become zones: the clusters ranked by firm count,
 * the top N, and several merged into one zone.
 */
import { area, featureCollection, polygon, union } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import type { DetectedZone } from '$lib/core/detect';

/** A detected zone with its number as the detection gave it (1-based, as zone names say). */
export type NumberedZone = { n: number; zone: DetectedZone };

/**
 * The detected zones numbered in detection order, then ranked by firm count (most first; equal
 * counts keep their order).
 *
 * @example
 * rankByFirms(result.zones)[0].n; // number of the cluster holding most firms
 */
export function rankByFirms(zones: readonly DetectedZone[]): NumberedZone[] {
	return zones.map((zone, k) => ({ n: k + 1, zone })).sort((a, b) => b.zone.firmCount - a.zone.firmCount || a.n - b.n);
}

/**
 * The numbers of the N clusters holding most firms.
 *
 * @example
 * topByFirms(result.zones, 5); // [3, 1, 7, 2, 9]
 */
export function topByFirms(zones: readonly DetectedZone[], count: number): number[] {
	return rankByFirms(zones)
		.slice(0, Math.max(0, Math.floor(count)))
		.map((entry) => entry.n);
}

/**
 * Several detected zones as one: the union of their shapes (overlaps dissolved), the method's
 * parameters of the first, and which clusters it was merged from. Its firm count is left to the
 * classification, which counts a firm once however many hulls held it.
 *
 * @example
 * mergeDetected([a, b]).parameters.mergedFrom; // '1, 4'
 */
export function mergeDetected(picked: readonly NumberedZone[]): DetectedZone {
	if (picked.length === 0) throw new Error('mergeDetected: pick at least one cluster to merge.');
	const polygons = picked.flatMap(({ zone }) => (zone.geometry.type === 'Polygon' ? [zone.geometry.coordinates] : zone.geometry.coordinates));
	const merged = polygons.length === 1 ? polygon(polygons[0]) : union(featureCollection(polygons.map((rings) => polygon(rings))));
	if (!merged) throw new Error('mergeDetected: the union of the picked clusters is empty.');
	const geometry = merged.geometry as Polygon | MultiPolygon;
	const areaKm2 = area(merged) / 1e6;
	const firmCount = picked.reduce((sum, { zone }) => sum + zone.firmCount, 0);
	const first = picked[0].zone;
	return {
		...first,
		id: `${first.id}-merged`,
		geometry,
		parameters: { ...first.parameters, mergedFrom: picked.map(({ n }) => n).join(', ') },
		// Sum of the hulls' counts: an upper bound when hulls overlap; the zone list shows the exact count.
		firmCount,
		areaKm2,
		density: areaKm2 > 0 ? firmCount / areaKm2 : 0
	};
}
