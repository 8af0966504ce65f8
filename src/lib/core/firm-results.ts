/**
 * The per-firm results the command-line tool writes, batch by batch: the zones holding each firm
 * and whether any does, its nearest institution and distance, the within-buffer flag and, on
 * request, the nearest institution of each type.
 */
import { buildZoneIndex, classifyPoints, type ZoneParts } from './classify';
import type { FirmResults, InstitutionPoint } from './io';
import type { Zone } from './model';
import { localityOrder } from './index/locality-order';
import { Scratch } from './scratch';
import { buildInstitutionIndex, nearestInstitutions } from './proximity/institution-index';

/** What the engine needs to classify firms: everything but the firms. */
export interface EngineSetup {
	zones: Zone[];
	/** `zoneParts(zones)`, when it was made before (kept with the checked zones of a file). */
	zoneParts?: ZoneParts;
	institutions: InstitutionPoint[] | null;
	bufferKm?: number;
	/** Institutions grouped by type: each group's nearest institution and km too (`FirmResults.byType`). */
	byType?: InstitutionPoint[][];
}

/**
 * Builds the zone and institution indexes once and returns the per-batch computation: zones of
 * every point, nearest institution and distance, within-buffer flags. NaN coordinates (rows with
 * problems) get no zone and no institution.
 *
 * @example
 * const compute = createFirmResultsComputer({ zones, institutions, bufferKm: 5 });
 * const results = compute(batch.lons, batch.lats);
 */
export function createFirmResultsComputer(setup: EngineSetup): (lons: Float64Array, lats: Float64Array) => FirmResults {
	const zoneIndex = buildZoneIndex(setup.zones, setup.zoneParts);
	const institutionIndex = setup.institutions === null ? null : buildInstitutionIndex(setup.institutions);
	const typeIndexes = (setup.byType ?? []).map((group) => buildInstitutionIndex(group));
	const { bufferKm } = setup;
	// The arrays in Z-order stay in this thread and are reused, batch after batch, with their pages;
	// only the results in input order are new (they are handed on).
	const scratch = new Scratch();
	const typeScratch = typeIndexes.map(() => new Scratch());
	const compute = (lons: Float64Array, lats: Float64Array, reuse: boolean): FirmResults => {
		const results: FirmResults = classifyPoints(zoneIndex, lons, lats, { scratch: reuse ? scratch : undefined });
		if (institutionIndex) {
			const { nearest, km } = nearestInstitutions(institutionIndex, lons, lats, reuse ? scratch : undefined);
			results.nearest = nearest;
			results.km = km;
			if (bufferKm !== undefined) results.withinBuffer = within(km, bufferKm, reuse ? scratch.uint8('within', km.length) : new Uint8Array(km.length));
		}
		if (typeIndexes.length) results.byType = typeIndexes.map((index, t) => nearestInstitutions(index, lons, lats, reuse ? typeScratch[t] : undefined));
		return results;
	};
	return (lons, lats) => {
		if (lons.length < LOCALITY_MIN) return compute(lons, lats, false);
		// In Z-order, then back: the same answers, with index cells and edges read while cached.
		const order = localityOrder(lons, lats, scratch);
		const n = order.length;
		return inInputOrder(compute(inOrder(lons, order, scratch.float64('lons', n)), inOrder(lats, order, scratch.float64('lats', n)), true), order);
	};
}

/** Batches smaller than this are classified in input order: sorting would cost more than it saves. */
const LOCALITY_MIN = 2048;

/**
 * Results computed for points in `order` (`order[k]`: input index of point k), back in input order.
 * The loops are in functions of their own that return arrays: V8 optimises a function inside a
 * long loop before the code after the loop has run, and one that then called another function or
 * made an object threw that code away at nearly every batch.
 */
function inInputOrder(sorted: FirmResults, order: Uint32Array): FirmResults {
	const offsets = offsetsBack(sorted.offsets, order);
	// The same fields in the same order as classifyPoints and compute give them: one shape for every batch's results.
	const results: FirmResults = { offsets, zoneIndices: zoneIndicesBack(sorted, order, offsets), inside: backUint8(sorted.inside, order) };
	if (sorted.nearest) results.nearest = backInt32(sorted.nearest, order);
	if (sorted.km) results.km = backFloat64(sorted.km, order);
	if (sorted.withinBuffer) results.withinBuffer = backUint8(sorted.withinBuffer, order);
	if (sorted.byType) results.byType = sorted.byType.map((g) => ({ nearest: backInt32(g.nearest, order), km: backFloat64(g.km, order) }));
	return results;
}

/** Where each point's zones start, in input order, from the same in `order`. */
function offsetsBack(sortedOffsets: Uint32Array, order: Uint32Array): Uint32Array {
	const n = order.length;
	const offsets = new Uint32Array(n + 1);
	for (let k = 0; k < n; k++) offsets[order[k] + 1] = sortedOffsets[k + 1] - sortedOffsets[k];
	for (let i = 0; i < n; i++) offsets[i + 1] += offsets[i];
	return offsets;
}

/** Each point's zone indices in input order, at `offsets` (from {@link offsetsBack}). */
function zoneIndicesBack(sorted: FirmResults, order: Uint32Array, offsets: Uint32Array): Uint32Array {
	const zoneIndices = new Uint32Array(sorted.zoneIndices.length);
	for (let k = 0; k < order.length; k++) {
		// A point's few zones copied one by one: a subarray per point was most of this step's allocation.
		for (let from = sorted.offsets[k], to = offsets[order[k]]; from < sorted.offsets[k + 1]; from++, to++) zoneIndices[to] = sorted.zoneIndices[from];
	}
	return zoneIndices;
}

/** 1 where `km` ≤ `bufferKm`: compared before rounding, so a firm 5.0004 km away is outside a 5 km buffer. */
function within(km: Float64Array, bufferKm: number, flags: Uint8Array): Uint8Array {
	for (let i = 0; i < km.length; i++) flags[i] = km[i] <= bufferKm ? 1 : 0;
	return flags;
}

/** `values` in `order`, into `out`: a loop of its own, as in {@link inInputOrder}. */
function inOrder(values: Float64Array, order: Uint32Array, out: Float64Array): Float64Array {
	for (let k = 0; k < order.length; k++) out[k] = values[order[k]];
	return out;
}

// One function per array type: a single generic one (constructor read from the values) made V8
// throw away and recompile the optimised code of its caller for every new type it met.
function backInt32(values: Int32Array, order: Uint32Array): Int32Array {
	const out = new Int32Array(order.length);
	for (let k = 0; k < order.length; k++) out[order[k]] = values[k];
	return out;
}

function backFloat64(values: Float64Array, order: Uint32Array): Float64Array {
	const out = new Float64Array(order.length);
	for (let k = 0; k < order.length; k++) out[order[k]] = values[k];
	return out;
}

function backUint8(values: Uint8Array, order: Uint32Array): Uint8Array {
	const out = new Uint8Array(order.length);
	for (let k = 0; k < order.length; k++) out[order[k]] = values[k];
	return out;
}
