import Flatbush from 'flatbush';
import type { Position } from 'geojson';
import type { Zone } from '../model';
import { buildPolygonBands, pointInPart, type PolygonBands } from '../index/polygon-bands';

/**
 * A query structure over zones: a Flatbush over the bounding boxes of every polygon part, and a
 * banded edge table per part. Build once, then ask {@link zonesAt} or {@link classifyPoints}.
 * Everything is typed arrays, so the index could be rebuilt cheaply in a worker.
 */
export interface ZoneIndex {
	readonly zoneCount: number;
	/** Zone ids in zones order; query results are indices into this array. */
	readonly zoneIds: readonly string[];
	/** @internal polygon parts of every zone, in zone order */
	readonly parts: PolygonBands;
	/** @internal zone index of each part (non-decreasing) */
	readonly partZone: Uint32Array;
	/** @internal Flatbush over part boxes; item i is part i */
	readonly boxes: Flatbush | null;
}

/**
 * Builds a {@link ZoneIndex} from zones (Polygon or MultiPolygon geometries, holes respected).
 * Rings should be valid (see `validateZones`); an unclosed ring is taken as closed.
 *
 * @param zones zones in the order results are reported
 * @example
 * const index = buildZoneIndex(zones);
 * zonesAt(index, 139.72, 35.56); // e.g. [0, 3]
 */
export function buildZoneIndex(zones: readonly Zone[]): ZoneIndex {
	const parts: Position[][][] = [];
	const owners: number[] = [];
	zones.forEach((zone, z) => {
		const polygons = zone.geometry.type === 'Polygon' ? [zone.geometry.coordinates] : zone.geometry.coordinates;
		for (const polygon of polygons) {
			if (polygon.length === 0 || polygon.every((ring) => ring.length === 0)) continue;
			parts.push(polygon);
			owners.push(z);
		}
	});
	const bands = buildPolygonBands(parts);
	let boxes: Flatbush | null = null;
	if (parts.length > 0) {
		boxes = new Flatbush(parts.length);
		const b = bands.bbox;
		for (let p = 0; p < parts.length; p++) boxes.add(b[p * 4], b[p * 4 + 1], b[p * 4 + 2], b[p * 4 + 3]);
		boxes.finish();
	}
	return {
		zoneCount: zones.length,
		zoneIds: zones.map((zone) => zone.id),
		parts: bands,
		partZone: Uint32Array.from(owners),
		boxes
	};
}

/**
 * Indices of every zone containing the point, ascending (zones order). A point on a zone's
 * boundary — outer ring or hole ring, edge or vertex — counts as inside, as in
 * `@turf/boolean-point-in-polygon` with `ignoreBoundary: false`; a point strictly inside a hole
 * is outside. Overlapping zones all report. NaN coordinates are in no zone.
 *
 * @param index from {@link buildZoneIndex}
 * @param lon longitude, degrees
 * @param lat latitude, degrees
 * @param out array to write into (cleared first), to avoid allocating per query
 * @returns `out`
 * @example
 * zonesAt(index, 139.72, 35.56); // [0, 3]
 */
export function zonesAt(index: ZoneIndex, lon: number, lat: number, out: number[] = []): number[] {
	out.length = 0;
	if (index.boxes === null || lon !== lon || lat !== lat) return out;
	const { parts, partZone } = index;
	index.boxes.search(lon, lat, lon, lat, (p) => {
		const zone = partZone[p];
		if (!out.includes(zone) && pointInPart(parts, p, lon, lat)) out.push(zone);
		return false;
	});
	return out.sort((a, b) => a - b);
}
