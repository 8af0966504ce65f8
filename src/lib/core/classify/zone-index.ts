import Flatbush from 'flatbush';
import type { Position } from 'geojson';
import type { Zone } from '../model';
import { cellTree, leafAt, restoreCells, type BuiltCells, type CellTree } from '../index/cell-tree';
import { buildPolygonBands, partCrossesBox, pointInPart, type PolygonBands } from '../index/polygon-bands';

/**
 * A query structure over zones. A Flatbush over the bounding boxes of every polygon part finds
 * the parts near a cell; a lazily refined cell tree remembers, per cell, which parts cover it
 * entirely and which have boundary in it; a banded edge table per part makes the remaining
 * point-in-polygon tests read only a few edges. Build once, then ask {@link zonesAt} or
 * `classifyPoints`; cells are refined and cached as queries reach them.
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
	/** @internal per cell: part · 2 + 1 if the part covers the cell, part · 2 if its boundary crosses it */
	readonly cells: CellTree | null;
}

/** A leaf cell is split while more than this many parts have boundary in it… */
const MAX_BOUNDARY_PARTS = 1;
/** …down to cells 2^-12 of a top cell (a few metres). */
const MAX_DEPTH = 12;
/** Top-level cells are at least this many degrees wide, and at most 2^16 of them. */
const MIN_TOP_CELL = 0.02;
const MAX_TOP_CELLS = 1 << 16;

/** The polygon parts of zones as {@link buildZoneIndex} reads them: typed arrays only, to keep or send. */
export interface ZoneParts {
	/** Every part with a ring that has vertices, in zone order. */
	readonly parts: PolygonBands;
	/** Zone index of each part (non-decreasing). */
	readonly partZone: Uint32Array;
}

/**
 * The first step of {@link buildZoneIndex}, apart: the zones' polygon parts in banded edge tables.
 * The command-line tool keeps it with the checked zones of a file, for the next run.
 *
 * @example
 * const index = buildZoneIndex(zones, zoneParts(zones));
 */
export function zoneParts(zones: readonly Zone[]): ZoneParts {
	const polygons: Position[][][] = [];
	const owners: number[] = [];
	zones.forEach((zone, z) => {
		const geometry = zone.geometry;
		for (const polygon of geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) {
			if (polygon.some((ring) => ring.length > 0)) {
				polygons.push(polygon);
				owners.push(z);
			}
		}
	});
	return { parts: buildPolygonBands(polygons), partZone: Uint32Array.from(owners) };
}

/**
 * Builds a {@link ZoneIndex} from zones (Polygon or MultiPolygon geometries, holes respected).
 * Rings should be valid (see `validateZones`); an unclosed ring is taken as closed.
 *
 * @param zones zones in the order results are reported
 * @param prepared `zoneParts(zones)`, when it was made before (kept from an earlier run)
 * @param built the cells an index over the same parts built before (`builtCells(index.cells, parts.bbox)`), kept from an earlier run
 * @example
 * const index = buildZoneIndex(zones);
 * zonesAt(index, 139.72, 35.56); // e.g. [0, 3]
 */
export function buildZoneIndex(zones: readonly Zone[], prepared: ZoneParts = zoneParts(zones), built?: BuiltCells): ZoneIndex {
	const { parts, partZone } = prepared;
	const index = { zoneCount: zones.length, zoneIds: zones.map((zone) => zone.id), parts, partZone, boxes: null, cells: null };
	if (parts.partCount === 0) return index;

	const boxes = new Flatbush(parts.partCount);
	const b = parts.bbox;
	let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
	for (let p = 0; p < parts.partCount; p++) {
		boxes.add(b[p * 4], b[p * 4 + 1], b[p * 4 + 2], b[p * 4 + 3]);
		minX = Math.min(minX, b[p * 4]);
		minY = Math.min(minY, b[p * 4 + 1]);
		maxX = Math.max(maxX, b[p * 4 + 2]);
		maxY = Math.max(maxY, b[p * 4 + 3]);
	}
	boxes.finish();
	const size = Math.max(MIN_TOP_CELL, Math.sqrt(((maxX - minX) * (maxY - minY)) / MAX_TOP_CELLS));
	const cols = Math.max(1, Math.min(MAX_TOP_CELLS, Math.ceil((maxX - minX) / size)));
	const rows = Math.max(1, Math.min(Math.floor(MAX_TOP_CELLS / cols), Math.ceil((maxY - minY) / size)));

	const cells = cellTree([minX, minY, maxX, maxY], cols, rows, MAX_DEPTH, (parent, x0, y0, x1, y1, _depth, out) => {
		let boundary = 0;
		const cx = (x0 + x1) / 2;
		const cy = (y0 + y1) / 2;
		// A part with no edge in the cell is on one side of its boundary everywhere in the cell,
		// so the cell's centre decides for all of it.
		const sort = (p: number) => {
			if (b[p * 4] > x1 || b[p * 4 + 2] < x0 || b[p * 4 + 1] > y1 || b[p * 4 + 3] < y0) return;
			if (partCrossesBox(parts, p, x0, y0, x1, y1)) {
				out.push(p * 2);
				boundary++;
			} else if (pointInPart(parts, p, cx, cy)) out.push(p * 2 + 1);
		};
		if (parent === null) {
			for (const p of boxes.search(x0, y0, x1, y1).sort((m, n) => m - n)) sort(p);
		} else {
			for (const entry of parent) {
				if (entry & 1) out.push(entry);
				else sort(entry >> 1);
			}
		}
		return boundary > MAX_BOUNDARY_PARTS;
	});
	if (built) restoreCells(cells, built, parts.bbox, 2 * parts.partCount);
	return { ...index, boxes, cells };
}

/**
 * Writes the indices of the zones containing (lon, lat) into `buffer` from position 0, ascending,
 * and returns how many. `buffer` must hold `zoneCount` numbers. Allocation-free; shared by
 * {@link zonesAt} and `classifyPoints`.
 * @internal
 * @example
 * const buffer = new Uint32Array(index.zoneCount);
 * const count = collectZones(index, 139.72, 35.56, buffer); // zones in buffer[0 .. count)
 */
export function collectZones(index: ZoneIndex, lon: number, lat: number, buffer: Uint32Array | number[]): number {
	const cells = index.cells;
	if (cells === null) return 0;
	const node = leafAt(cells, lon, lat);
	if (node < 0) return 0;
	const { parts, partZone } = index;
	const entries = cells.entries;
	const start = cells.entryStart[node];
	const end = start + cells.entryCount[node];
	let count = 0;
	let last = -1;
	// Entries are in part order and parts in zone order, so zones come out ascending.
	for (let k = start; k < end; k++) {
		const entry = entries[k];
		const part = entry >>> 1;
		const zone = partZone[part];
		if (zone === last) continue;
		if ((entry & 1) === 1 || pointInPart(parts, part, lon, lat)) {
			buffer[count++] = zone;
			last = zone;
		}
	}
	return count;
}

/**
 * Indices of every zone containing the point, ascending (zones order). A point on a zone's
 * boundary — outer ring or hole ring, edge or vertex — counts as inside, as in
 * `@turf/boolean-point-in-polygon` with `ignoreBoundary: false` (same algorithm and exact
 * orientation test, so the answers are identical); a point strictly inside a hole is outside.
 * The rings of one polygon combine even-odd, as in Turf: a point where two holes overlap is
 * inside. Parts of a MultiPolygon combine as a union.
 * Overlapping zones all report. NaN coordinates are in no zone.
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
	out.length = collectZones(index, lon, lat, out);
	return out;
}
