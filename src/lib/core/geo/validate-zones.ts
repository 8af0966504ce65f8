import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { unkinkPolygon } from '@turf/unkink-polygon';
import { orient2d } from 'robust-predicates';
import type { Zone, ZoneSource } from '../model';
import { cleanRing } from './clean-ring';
import { findCrossing } from './find-crossing';
import { ringArea } from './ring-area';

/**
 * Something {@link validateZones} found in one zone. `repaired` zones are kept (changed as the
 * message says); `invalid` ones are left out of `zones`. `message` is a sentence about the zone's
 * geometry; callers prefix the file name and zone id.
 */
export interface ZoneProblem {
	zoneId: string;
	/** Position of the feature in the input, from 0. */
	index: number;
	severity: 'repaired' | 'invalid';
	message: string;
}

/**
 * Turns GeoJSON features into zones, checking and where possible repairing each geometry, and
 * never dropping a zone without a problem saying so:
 * - id: `feature.id`, else `properties.id`, else `properties.name`; a missing id becomes
 *   `zone-N` (N its position from 1) and a repeated id gets ` (2)`, ` (3)`… — both reported;
 * - not a Polygon/MultiPolygon, or a coordinate that is not a WGS84 [lon, lat] → invalid;
 * - unclosed rings are closed, consecutive duplicate vertices and spikes removed;
 * - rings with fewer than 3 distinct vertices or no area are dropped (a hole) or drop their
 *   polygon (an outer ring) — invalid if no polygon is left;
 * - rings are turned to RFC 7946 orientation (outer counter-clockwise, holes clockwise);
 * - a ring crossing itself is split into simple polygons by `@turf/unkink-polygon` when it has no
 *   holes (areas the ring goes round twice count as inside); crossings in a polygon with holes,
 *   which that library cannot split correctly, make the zone invalid. Rings that only touch at a
 *   point are left as they are: point-in-polygon is still well defined for them.
 *
 * Checking is linear or O(n log n) in the vertices, so a zone of a million vertices takes
 * seconds; `onProgress` lets a caller show how far it has got. Splitting a crossing ring is not:
 * `@turf/unkink-polygon` compares edges whose boxes overlap, which is quadratic on dense rings.
 *
 * @param features GeoJSON features, in zones order
 * @param options.source what the zones are recorded as coming from (default `'imported'`)
 * @param options.onProgress called now and then with vertices checked so far and in all (the
 *   positions of every Polygon and MultiPolygon ring), last with done equal to total
 * @example
 * const { zones, problems } = validateZones(collection.features);
 * for (const p of problems) console.warn(`zones.geojson: zone "${p.zoneId}": ${p.message}`);
 */
export function validateZones(
	features: readonly Feature[],
	options: {
		source?: ZoneSource;
		onProgress?: (done: number, total: number) => void;
		/** `shapefile`: outer rings run clockwise by that format's rule, so turning them is not reported as a repair. */
		winding?: 'geojson' | 'shapefile';
	} = {}
): { zones: Zone[]; problems: ZoneProblem[] } {
	const source = options.source ?? 'imported';
	const report = options.onProgress;
	const total = report ? features.reduce((sum, feature) => sum + vertexCount(feature?.geometry), 0) : 0;
	let done = 0;
	const zones: Zone[] = [];
	const problems: ZoneProblem[] = [];
	const used = new Set<string>();

	features.forEach((feature, index) => {
		const properties = (feature?.properties ?? {}) as Record<string, unknown>;
		const given = idOf(feature?.id ?? properties.id ?? properties.name);
		const zoneId = unique(given ?? `zone-${index + 1}`, used);
		const note = (severity: ZoneProblem['severity'], message: string) => problems.push({ zoneId, index, severity, message });
		if (given === null) {
			note('repaired', `has no id; called it "${zoneId}". Give every feature an "id" (or a properties.id or properties.name).`);
		} else if (given !== zoneId) {
			note('repaired', `repeats the id "${given}" of an earlier zone; called this one "${zoneId}". Give every zone its own id.`);
		}
		used.add(zoneId);

		const geometry = feature?.geometry;
		if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) {
			const what = !feature || feature.type !== 'Feature' ? 'is not a GeoJSON Feature' : geometry ? `is a ${geometry.type}` : 'has no geometry';
			note('invalid', `${what}; a zone must be a Polygon or MultiPolygon. Left out.`);
			return;
		}
		const size = report ? vertexCount(geometry) : 0;
		const result = repairGeometry(geometry, report && ((vertices) => report(Math.min(done + vertices, total), total)), options.winding === 'shapefile');
		done += size;
		report?.(done, total);
		for (const message of result.repairs) note('repaired', message);
		if (result.error !== null) {
			note('invalid', `${result.error} Left out.`);
			return;
		}
		const name = typeof properties.name === 'string' && properties.name !== '' ? properties.name : zoneId;
		zones.push({ id: zoneId, name, geometry: result.geometry, source });
	});
	if (report && done < total) report(total, total);
	return { zones, problems };
}

/** Positions in a Polygon's or MultiPolygon's rings (0 for anything else), without trusting the shape. */
function vertexCount(geometry: Feature['geometry'] | undefined): number {
	if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') || !Array.isArray(geometry.coordinates)) return 0;
	const polygons: unknown[] = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	let count = 0;
	for (const rings of polygons) if (Array.isArray(rings)) for (const ring of rings) if (Array.isArray(ring)) count += ring.length;
	return count;
}

function idOf(value: unknown): string | null {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value === 'string' && value.trim() !== '') return value;
	return null;
}

function unique(base: string, used: Set<string>): string {
	if (!used.has(base)) return base;
	let k = 2;
	while (used.has(`${base} (${k})`)) k++;
	return `${base} (${k})`;
}

type Repaired = { geometry: Polygon | MultiPolygon; repairs: string[]; error: null } | { repairs: string[]; error: string };

/** Called with the geometry's vertices checked so far. */
type PartProgress = ((vertices: number) => void) | undefined;

function repairGeometry(geometry: Polygon | MultiPolygon, progress: PartProgress, shapefileWinding: boolean): Repaired {
	const repairs: string[] = [];
	const multi = geometry.type === 'MultiPolygon';
	const polygons: unknown = multi ? geometry.coordinates : [geometry.coordinates];
	if (!Array.isArray(polygons)) return { repairs, error: 'has no coordinates.' };
	const parts: Position[][][] = [];
	let before = 0;
	for (let p = 0; p < polygons.length; p++) {
		const where = multi ? `polygon ${p + 1}` : 'the polygon';
		const rings: unknown = polygons[p];
		if (!Array.isArray(rings) || rings.length === 0) {
			repairs.push(`${where} has no rings; dropped it.`);
			continue;
		}
		const bad = badCoordinate(rings);
		if (bad) return { repairs, error: `${where}, ring ${bad.ring + 1} (${bad.ring === 0 ? 'outer' : `hole ${bad.ring}`}), vertex ${bad.vertex + 1} is ${describeValue(bad.value)}; coordinates must be [longitude, latitude] in WGS84 degrees (longitude -180..180, latitude -90..90).${swapped(bad.value) ? ' Are longitude and latitude swapped?' : ''}` };
		const start = before;
		for (const ring of rings) before += Array.isArray(ring) ? ring.length : 0;
		const part = repairPolygon(rings as Position[][], where, repairs, shapefileWinding);
		if (part === null) continue;
		// The crossing sweep is nearly all of the time; its share of this polygon's vertices.
		const size = before - start;
		const crossing = findCrossing(part, { onProgress: progress && ((done, total) => progress(start + Math.round((done / total) * size))) });
		if (crossing === null) {
			parts.push(part);
			continue;
		}
		const near = `near (${crossing[0].toFixed(6)}, ${crossing[1].toFixed(6)})`;
		if (part.length > 1) {
			return { repairs, error: `${where} has rings crossing ${near}, and a polygon with holes cannot be split automatically; fix it in a GIS (e.g. QGIS "Fix geometries") and load it again.` };
		}
		const pieces = splitCrossing(part[0]);
		if (pieces === null) return { repairs, error: `${where} crosses itself ${near} and could not be split; fix it in a GIS (e.g. QGIS "Fix geometries") and load it again.` };
		repairs.push(`${where} crosses itself ${near}; split it into ${pieces.length} simple polygons.`);
		parts.push(...pieces);
	}
	if (parts.length === 0) return { repairs, error: 'has no polygon with an area left.' };
	const repaired: Polygon | MultiPolygon = multi || parts.length > 1 ? { type: 'MultiPolygon', coordinates: parts } : { type: 'Polygon', coordinates: parts[0] };
	return { geometry: repaired, repairs, error: null };
}

function badCoordinate(rings: unknown[]): { ring: number; vertex: number; value: unknown } | null {
	for (let r = 0; r < rings.length; r++) {
		const ring = rings[r];
		if (!Array.isArray(ring)) return { ring: r, vertex: 0, value: ring };
		for (let v = 0; v < ring.length; v++) {
			const p = ring[v];
			// typeof, not Math.abs alone: Math.abs("139") and Math.abs(true) are numbers.
			const numbers = Array.isArray(p) && p.length >= 2 && allNumbers(p);
			if (!numbers || !(Math.abs(p[0]) <= 180) || !(Math.abs(p[1]) <= 90)) return { ring: r, vertex: v, value: p };
		}
	}
	return null;
}

/** `p.every((x) => typeof x === 'number')` without a call per element: it runs on every vertex. */
function allNumbers(p: unknown[]): boolean {
	for (let i = 0; i < p.length; i++) if (typeof p[i] !== 'number') return false;
	return true;
}

/** A bad vertex for a message: short, and without walking into nested arrays (no recursion). */
function describeValue(value: unknown): string {
	if (Array.isArray(value) && value.some((x) => typeof x === 'object' && x !== null)) return 'an array of arrays, not a position';
	const text = JSON.stringify(value) ?? String(value);
	const short = text.length <= 60 ? text : `${text.slice(0, 57)}…`;
	if (Array.isArray(value) && value.some((x) => typeof x === 'string')) return `${short} (text in quotes, not numbers)`;
	if (Array.isArray(value) && value.some((x) => typeof x === 'boolean')) return `${short} (true/false, not numbers)`;
	return short;
}

function swapped(value: unknown): boolean {
	return Array.isArray(value) && Math.abs(value[0]) <= 90 && Math.abs(value[1]) > 90 && Math.abs(value[1]) <= 180;
}

/** Cleans, drops degenerate rings and orients; null when the outer ring is unusable. */
function repairPolygon(rings: Position[][], where: string, repairs: string[], shapefileWinding: boolean): Position[][] | null {
	const out: Position[][] = [];
	for (let r = 0; r < rings.length; r++) {
		const label = r === 0 ? `the outer ring of ${where}` : `hole ${r} of ${where}`;
		const { ring, repairs: fixed } = cleanRing(rings[r]);
		if (isDegenerate(ring)) {
			if (r === 0) {
				repairs.push(`${label} has fewer than 3 distinct vertices or no area; dropped ${where}.`);
				return null;
			}
			repairs.push(`${label} has fewer than 3 distinct vertices or no area; dropped the hole.`);
			continue;
		}
		if (fixed.closed) repairs.push(`${label} was not closed; closed it.`);
		if (fixed.duplicates > 0) repairs.push(`${label} repeated ${fixed.duplicates} vertex(es) in a row; removed the repeats.`);
		if (fixed.spikes > 0) repairs.push(`${label} doubled back on itself at ${fixed.spikes} vertex(es); removed the spike(s).`);
		// A crossing ring can have any signed area; it is split and oriented later.
		const area = ringArea(ring);
		if (area !== 0 && (r === 0) !== area > 0) {
			ring.reverse();
			if (!shapefileWinding) repairs.push(`${label} ran ${r === 0 ? 'clockwise' : 'counter-clockwise'}; reversed it (GeoJSON wants outer rings counter-clockwise, holes clockwise).`);
		}
		out.push(ring);
	}
	return out;
}

/** Fewer than 3 distinct vertices, or all on one line: no interior. */
function isDegenerate(ring: Position[]): boolean {
	if (ring.length < 4) return true;
	const [a, b] = ring;
	return ring.every((c) => orient2d(a[0], a[1], b[0], b[1], c[0], c[1]) === 0);
}

function splitCrossing(ring: Position[]): Position[][][] | null {
	try {
		const pieces = unkinkPolygon({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } });
		return pieces.features.map((piece) => {
			const outer = piece.geometry.coordinates[0];
			return [ringArea(outer) < 0 ? outer.slice().reverse() : outer];
		});
	} catch {
		return null;
	}
}
