import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { EARTH_RADIUS_KM } from '../model';
import { haversineKm } from '../geo/haversine';
import { cellTree, leafAt, restoreCells, type BuiltCells, type CellTree } from '../index/cell-tree';
import type { Scratch } from '../scratch';

/**
 * A nearest-neighbour index over institution points. KDBush holds the points and geokdbush's
 * great-circle `around` finds, for each top-level cell of a lazily refined cell tree, the few
 * institutions that can be nearest anywhere in that cell; deeper cells narrow those lists. A query
 * then reads one short list: `around` alone allocates a priority queue per call (about 4 µs), too
 * slow for millions of firms, while a cell's list is computed once and reused by every firm in it.
 */
export interface InstitutionIndex {
	readonly count: number;
	readonly ids: readonly string[];
	/** @internal institution coordinates and cos(latitude), as haversineKm computes it */
	readonly lons: Float64Array;
	readonly lats: Float64Array;
	readonly cosLats: Float64Array;
	/** @internal per cell: institutions that can be nearest somewhere in it, ascending */
	readonly cells: CellTree | null;
}

/** A cell is split while it has more candidates than this… */
const MAX_CANDIDATES = 3;
/** …down to 2^-16 of a 1° top-level cell (under 2 m). */
const MAX_DEPTH = 16;
/**
 * Chord length on the unit sphere added to a cell's limit: unit vectors and their differences
 * round by about 1e-16, so this (6 µm) keeps every candidate the exact distances would keep.
 */
const CHORD_SLACK = 1e-12;
/** geokdbush measures on a 6371 km sphere; this turns our kilometres into its kilometres. */
const TO_GEOKDBUSH_KM = 6371 / EARTH_RADIUS_KM;

/**
 * Builds an {@link InstitutionIndex}. Institutions sharing one coordinate (several labs of one
 * campus) are all kept; ties go to the lower index.
 *
 * @param institutions points with an id; coordinates must be finite WGS84 degrees
 * @param built the cells an index over the same coordinates built before (`builtCells(index.cells, institutionSource(…))`), kept from an earlier run
 * @throws Error naming the institution when a coordinate is missing or out of range
 * @example
 * const index = buildInstitutionIndex([{ id: 'tokyo-tech', lon: 139.6835, lat: 35.6049 }]);
 */
export function buildInstitutionIndex(institutions: readonly { id: string; lon: number; lat: number }[], built?: BuiltCells): InstitutionIndex {
	const count = institutions.length;
	const lons = new Float64Array(count);
	const lats = new Float64Array(count);
	const cosLats = new Float64Array(count);
	institutions.forEach(({ id, lon, lat }, i) => {
		if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) {
			throw new Error(`Institution "${id}" (number ${i + 1}) has coordinate (${lon}, ${lat}); give a longitude in -180..180 and a latitude in -90..90.`);
		}
		lons[i] = lon;
		lats[i] = lat;
		cosLats[i] = Math.cos(((lat % 360) * Math.PI) / 180);
	});
	const ids = institutions.map((inst) => inst.id);
	if (count === 0) return { count, ids, lons, lats, cosLats, cells: null };

	const tree = new KDBush(count);
	for (let i = 0; i < count; i++) tree.add(lons[i], lats[i]);
	tree.finish();

	// Unit vectors: a cell's candidates are filtered by chord length, three products a candidate
	// instead of a haversine's four trigonometric calls, so even a long parent list filters quickly.
	const unit = new Float64Array(count * 3);
	for (let i = 0; i < count; i++) toUnit(lons[i], lats[i], unit, i * 3);
	const centre = new Float64Array(3);
	const chords = new Float64Array(count);
	const cells = cellTree([-180, -90, 180, 90], 360, 180, MAX_DEPTH, (parent, x0, y0, x1, y1, _depth, out) => {
		const cx = (x0 + x1) / 2;
		const cy = (y0 + y1) / 2;
		const r = cellRadiusKm(x0, y0, x1, y1);
		const candidates = parent ?? candidatesNear(tree, lons, lats, cx, cy, r);
		toUnit(cx, cy, centre, 0);
		let nearest = Infinity;
		for (let k = 0; k < candidates.length; k++) {
			const j = candidates[k] * 3;
			const dx = unit[j] - centre[0], dy = unit[j + 1] - centre[1], dz = unit[j + 2] - centre[2];
			chords[k] = dx * dx + dy * dy + dz * dz;
			if (chords[k] < nearest) nearest = chords[k];
		}
		// Any point p of the cell has its nearest institution n within d(c, n) ≤ d(c, p) + d(p, n)
		// ≤ r + (r + d1), c the centre, r the cell radius, d1 the centre's nearest distance.
		const d1 = 2 * Math.asin(Math.min(1, Math.sqrt(nearest) / 2)) * EARTH_RADIUS_KM;
		const limit = (d1 + 2 * r) * (1 + 1e-9) + 1e-9;
		const chord = limit / EARTH_RADIUS_KM >= Math.PI ? Infinity : 2 * Math.sin(limit / EARTH_RADIUS_KM / 2) + CHORD_SLACK;
		const keep = chord * chord;
		for (let k = 0; k < candidates.length; k++) if (chords[k] <= keep) out.push(candidates[k]);
		return out.length > MAX_CANDIDATES;
	});
	if (built) restoreCells(cells, built, institutionSource(lons, lats), count);
	return { count, ids, lons, lats, cosLats, cells };
}

/**
 * Institutions that can be nearest somewhere within `r` km of (cx, cy), ascending: those no
 * farther from it than its nearest institution plus 2r, found by geokdbush.
 */
function candidatesNear(tree: KDBush, lons: Float64Array, lats: Float64Array, cx: number, cy: number, r: number): number[] {
	const [first] = around(tree, cx, cy, 1);
	const reach = haversineKm(cx, cy, lons[first], lats[first]) + 2 * r;
	// Past half the circumference geokdbush's haversine bound wraps round: search everything.
	const maxKm = reach * TO_GEOKDBUSH_KM * (1 + 1e-6) + 1e-6;
	return around(tree, cx, cy, Infinity, maxKm < 6371 * 3 ? maxKm : Infinity).sort((a, b) => a - b);
}

/** What an index's cells are made from: its coordinates, longitude and latitude by turns (see `BuiltCells`). */
export function institutionSource(lons: Float64Array, lats: Float64Array): Float64Array {
	const source = new Float64Array(lons.length * 2);
	for (let i = 0; i < lons.length; i++) {
		source[i * 2] = lons[i];
		source[i * 2 + 1] = lats[i];
	}
	return source;
}

/** Writes the unit vector of (lon, lat) degrees to `out[at .. at + 3)`. */
function toUnit(lon: number, lat: number, out: Float64Array, at: number): void {
	const phi = (lat * Math.PI) / 180;
	const lambda = (lon * Math.PI) / 180;
	out[at] = Math.cos(phi) * Math.cos(lambda);
	out[at + 1] = Math.cos(phi) * Math.sin(lambda);
	out[at + 2] = Math.sin(phi);
}

/**
 * An upper bound on the great-circle distance from a lon/lat box's centre to any point of it: go
 * along the meridian to the point's latitude, then along the parallel, whose arc is at most the
 * half-width at the latitude nearest the equator.
 */
function cellRadiusKm(x0: number, y0: number, x1: number, y1: number): number {
	const rad = Math.PI / 180;
	const maxCos = y0 <= 0 && y1 >= 0 ? 1 : Math.cos(Math.min(Math.abs(y0), Math.abs(y1)) * rad);
	return EARTH_RADIUS_KM * ((y1 - y0) / 2 + ((x1 - x0) / 2) * maxCos) * rad * (1 + 1e-9);
}

/**
 * The nearest institution's index into `index.ids`, or -1 for NaN or out-of-range coordinates or
 * an empty index; its distance goes to `km[i]`. Allocation-free.
 * @internal
 */
function nearestAt(index: InstitutionIndex, lon: number, lat: number, km: Float64Array, i: number): number {
	const cells = index.cells;
	if (cells === null) return -1;
	const node = leafAt(cells, lon, lat);
	if (node < 0) return -1;
	const { lons, lats, cosLats } = index;
	const entries = cells.entries;
	const start = cells.entryStart[node];
	const end = start + cells.entryCount[node];
	// haversineKm(lon, lat, institution) inlined with cos(latitude) precomputed; the operations and
	// their order are the same, so the kilometres are bit-identical to haversineKm's.
	const cosLat = Math.cos(((lat % 360) * Math.PI) / 180);
	let best = -1;
	let bestKm = Infinity;
	for (let k = start; k < end; k++) {
		const j = entries[k];
		const sinDLat = Math.sin((((lats[j] - lat) % 360) * Math.PI) / 180 / 2);
		const sinDLon = Math.sin((((lons[j] - lon) % 360) * Math.PI) / 180 / 2);
		const a = sinDLat * sinDLat + sinDLon * sinDLon * cosLat * cosLats[j];
		const d = 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a)) * EARTH_RADIUS_KM;
		// Entries ascend, so on equal distances the lower index stays.
		if (d < bestKm) {
			bestKm = d;
			best = j;
		}
	}
	km[i] = bestKm;
	return best;
}

const single = new Float64Array(1);

/**
 * The institution nearest to a point by great-circle distance, and that distance in km on the
 * 6371.0088 km sphere (exactly `haversineKm(lon, lat, institution.lon, institution.lat)`). geokdbush ranks on its own 6371 km
 * sphere, which orders points identically but reports other kilometres, so kilometres here are
 * always recomputed. Equal distances go to the lower institution index.
 *
 * @returns null when the index is empty or a coordinate is NaN or out of range
 * @example
 * nearestInstitution(index, 139.72, 35.56); // { index: 0, km: 4.6 }
 */
export function nearestInstitution(index: InstitutionIndex, lon: number, lat: number): { index: number; km: number } | null {
	const found = nearestAt(index, lon, lat, single, 0);
	return found < 0 ? null : { index: found, km: single[0] };
}

/**
 * {@link nearestInstitution} for many points at once, into typed arrays, without allocating per
 * point. Time grows linearly with the number of points.
 *
 * @param scratch arrays to reuse from the call before: the arrays returned are then views of them, valid until the next call
 * @returns `nearest[i]` the institution index (-1 when none: empty index, NaN or out-of-range
 * coordinate) and `km[i]` the distance (NaN when none)
 * @example
 * const { nearest, km } = nearestInstitutions(index, lons, lats);
 */
export function nearestInstitutions(index: InstitutionIndex, lons: Float64Array, lats: Float64Array, scratch?: Scratch): { nearest: Int32Array; km: Float64Array } {
	const n = lons.length;
	if (lats.length !== n) throw new Error(`nearestInstitutions: ${n} longitudes but ${lats.length} latitudes; pass arrays of the same length.`);
	const nearest = scratch?.int32('nearest', n) ?? new Int32Array(n);
	const km = scratch?.float64('km', n) ?? new Float64Array(n);
	fillNearest(index, lons, lats, nearest, km);
	return { nearest, km };
}

/**
 * The loop of {@link nearestInstitutions}, apart from the object it returns: V8 optimises a
 * function inside a long loop before the code after the loop has run, and a function that then
 * made an object threw that code away at each call.
 */
function fillNearest(index: InstitutionIndex, lons: Float64Array, lats: Float64Array, nearest: Int32Array, km: Float64Array): void {
	for (let i = 0; i < lons.length; i++) {
		nearest[i] = nearestAt(index, lons[i], lats[i], km, i);
		if (nearest[i] < 0) km[i] = NaN;
	}
}
