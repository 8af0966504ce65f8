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
import { builtCells, type BuiltCells } from './index/cell-tree';
import { buildInstitutionIndex, institutionSource, nearestInstitutions } from './proximity/institution-index';

/** What the engine needs to classify firms: everything but the firms. */
export interface EngineSetup {
	zones: Zone[];
	/** `zoneParts(zones)`, when it was made before (kept with the checked zones of a file). */
	zoneParts?: ZoneParts;
	institutions: InstitutionPoint[] | null;
	bufferKm?: number;
	/** Institutions grouped by type: each group's nearest institution and km too (`FirmResults.byType`). */
	byType?: InstitutionPoint[][];
	/** The cells the zone and institution indexes built in an earlier run over the same zones and institutions. */
	built?: EngineCells;
}

/** Cells the zone and the institution index built (see `BuiltCells`). */
export interface EngineCells {
	zones?: BuiltCells;
	institutions?: BuiltCells;
}

/** The per-batch computation, and the cells its indexes have built so far, to keep for a later run. */
export type FirmResultsComputer = ((lons: Float64Array, lats: Float64Array, memory?: FirmResultsMemory) => FirmResults) & { builtCells(): EngineCells };

/**
 * Memory for one batch's results, lent by the caller: SharedArrayBuffers that another thread reads
 * without a copy, or memory given back and lent again batch after batch, whose pages are then
 * written fresh only once. `offsets` holds n + 1 numbers, `inside`, `nearest`, `km` and
 * `withinBuffer` n (n: the batch's points); `zoneIndices` is room for the batch's zones, and a
 * fresh array holds them when they are more.
 */
export interface FirmResultsMemory {
	offsets: Uint32Array;
	zoneIndices: Uint32Array;
	inside: Uint8Array;
	nearest: Int32Array;
	km: Float64Array;
	withinBuffer: Uint8Array;
}

/**
 * Builds the zone and institution indexes once and returns the per-batch computation: zones of
 * every point, nearest institution and distance, within-buffer flags. NaN coordinates (rows with
 * problems) get no zone and no institution. Given `memory` (for batches of 2,048 points or more),
 * the results are written into it.
 *
 * @example
 * const compute = createFirmResultsComputer({ zones, institutions, bufferKm: 5 });
 * const results = compute(batch.lons, batch.lats);
 */
export function createFirmResultsComputer(setup: EngineSetup): FirmResultsComputer {
	const zoneIndex = buildZoneIndex(setup.zones, setup.zoneParts, setup.built?.zones);
	const institutionIndex = setup.institutions === null ? null : buildInstitutionIndex(setup.institutions, setup.built?.institutions);
	const typeIndexes = (setup.byType ?? []).map((group) => buildInstitutionIndex(group));
	const { bufferKm } = setup;
	// The arrays in Z-order stay in this thread and are reused, batch after batch, with their pages;
	// only the results in input order are new (they are handed on), or written into memory lent.
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
	const computer = (lons: Float64Array, lats: Float64Array, memory?: FirmResultsMemory): FirmResults => {
		if (lons.length < LOCALITY_MIN) return compute(lons, lats, false);
		// In Z-order, then back: the same answers, with index cells and edges read while cached.
		const order = localityOrder(lons, lats, scratch);
		const n = order.length;
		return inInputOrder(compute(inOrder(lons, order, scratch.float64('lons', n)), inOrder(lats, order, scratch.float64('lats', n)), true), order, memory);
	};
	return Object.assign(computer, {
		builtCells: (): EngineCells => ({
			zones: zoneIndex.cells ? builtCells(zoneIndex.cells, zoneIndex.parts.bbox) : undefined,
			institutions: institutionIndex?.cells ? builtCells(institutionIndex.cells, institutionSource(institutionIndex.lons, institutionIndex.lats)) : undefined
		})
	});
}

/** Batches smaller than this are classified in input order: sorting would cost more than it saves. */
const LOCALITY_MIN = 2048;

/**
 * Results computed for points in `order` (`order[k]`: input index of point k), back in input order,
 * in `memory` when it is lent. The loops are in functions of their own that return arrays: V8
 * optimises a function inside a long loop before the code after the loop has run, and one that
 * then called another function or made an object threw that code away at nearly every batch.
 */
function inInputOrder(sorted: FirmResults, order: Uint32Array, memory: FirmResultsMemory | undefined): FirmResults {
	const n = order.length;
	const zones = sorted.zoneIndices.length;
	const offsets = offsetsBack(sorted.offsets, order, memory?.offsets ?? new Uint32Array(n + 1));
	const zoneIndices = memory && memory.zoneIndices.length >= zones ? memory.zoneIndices.subarray(0, zones) : new Uint32Array(zones);
	// The same fields in the same order as classifyPoints and compute give them: one shape for every batch's results.
	const results: FirmResults = { offsets, zoneIndices: zoneIndicesBack(sorted, order, offsets, zoneIndices), inside: backUint8(sorted.inside, order, memory?.inside ?? new Uint8Array(n)) };
	if (sorted.nearest) results.nearest = backInt32(sorted.nearest, order, memory?.nearest ?? new Int32Array(n));
	if (sorted.km) results.km = backFloat64(sorted.km, order, memory?.km ?? new Float64Array(n));
	if (sorted.withinBuffer) results.withinBuffer = backUint8(sorted.withinBuffer, order, memory?.withinBuffer ?? new Uint8Array(n));
	if (sorted.byType) results.byType = sorted.byType.map((g) => ({ nearest: backInt32(g.nearest, order, new Int32Array(n)), km: backFloat64(g.km, order, new Float64Array(n)) }));
	return results;
}

/** Where each point's zones start, in input order, from the same in `order`, into `offsets`. */
function offsetsBack(sortedOffsets: Uint32Array, order: Uint32Array, offsets: Uint32Array): Uint32Array {
	const n = order.length;
	offsets[0] = 0; // lent memory holds an older batch's numbers
	for (let k = 0; k < n; k++) offsets[order[k] + 1] = sortedOffsets[k + 1] - sortedOffsets[k];
	for (let i = 0; i < n; i++) offsets[i + 1] += offsets[i];
	return offsets;
}

/** Each point's zone indices in input order, at `offsets` (from {@link offsetsBack}), into `zoneIndices`. */
function zoneIndicesBack(sorted: FirmResults, order: Uint32Array, offsets: Uint32Array, zoneIndices: Uint32Array): Uint32Array {
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
function backInt32(values: Int32Array, order: Uint32Array, out: Int32Array): Int32Array {
	for (let k = 0; k < order.length; k++) out[order[k]] = values[k];
	return out;
}

function backFloat64(values: Float64Array, order: Uint32Array, out: Float64Array): Float64Array {
	for (let k = 0; k < order.length; k++) out[order[k]] = values[k];
	return out;
}

function backUint8(values: Uint8Array, order: Uint32Array, out: Uint8Array): Uint8Array {
	for (let k = 0; k < order.length; k++) out[order[k]] = values[k];
	return out;
}
