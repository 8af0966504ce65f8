/**
 * The per-firm results the command-line tool writes, batch by batch: the zones holding each firm
 * and whether any does, its nearest institution and distance, the within-buffer flag and, on
 * request, the nearest institution of each type.
 */
import { buildZoneIndex, classifyPoints } from './classify';
import type { FirmResults, InstitutionPoint } from './io';
import type { Zone } from './model';
import { localityOrder } from './index/locality-order';
import { buildInstitutionIndex, nearestInstitutions } from './proximity/institution-index';

/** What the engine needs to classify firms: everything but the firms. */
export interface EngineSetup {
	zones: Zone[];
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
	const zoneIndex = buildZoneIndex(setup.zones);
	const institutionIndex = setup.institutions === null ? null : buildInstitutionIndex(setup.institutions);
	const typeIndexes = (setup.byType ?? []).map((group) => buildInstitutionIndex(group));
	const { bufferKm } = setup;
	const compute = (lons: Float64Array, lats: Float64Array): FirmResults => {
		const results: FirmResults = classifyPoints(zoneIndex, lons, lats);
		if (institutionIndex) {
			const { nearest, km } = nearestInstitutions(institutionIndex, lons, lats);
			results.nearest = nearest;
			results.km = km;
			if (bufferKm !== undefined) {
				// Compared before rounding: a firm 5.0004 km away is outside a 5 km buffer.
				const within = new Uint8Array(km.length);
				for (let i = 0; i < km.length; i++) within[i] = km[i] <= bufferKm ? 1 : 0;
				results.withinBuffer = within;
			}
		}
		if (typeIndexes.length) results.byType = typeIndexes.map((index) => nearestInstitutions(index, lons, lats));
		return results;
	};
	return (lons, lats) => {
		if (lons.length < LOCALITY_MIN) return compute(lons, lats);
		// In Z-order, then back: the same answers, with index cells and edges read while cached.
		const order = localityOrder(lons, lats);
		const n = order.length;
		const sortedLons = new Float64Array(n);
		const sortedLats = new Float64Array(n);
		for (let k = 0; k < n; k++) {
			sortedLons[k] = lons[order[k]];
			sortedLats[k] = lats[order[k]];
		}
		return inInputOrder(compute(sortedLons, sortedLats), order);
	};
}

/** Batches smaller than this are classified in input order: sorting would cost more than it saves. */
const LOCALITY_MIN = 2048;

/** Results computed for points in `order` (`order[k]`: input index of point k), back in input order. */
function inInputOrder(sorted: FirmResults, order: Uint32Array): FirmResults {
	const n = order.length;
	const offsets = new Uint32Array(n + 1);
	for (let k = 0; k < n; k++) offsets[order[k] + 1] = sorted.offsets[k + 1] - sorted.offsets[k];
	for (let i = 0; i < n; i++) offsets[i + 1] += offsets[i];
	const zoneIndices = new Uint32Array(sorted.zoneIndices.length);
	const inside = new Uint8Array(n);
	for (let k = 0; k < n; k++) {
		const i = order[k];
		// A point's few zones copied one by one: a subarray per point was most of this step's allocation.
		for (let from = sorted.offsets[k], to = offsets[i]; from < sorted.offsets[k + 1]; from++, to++) zoneIndices[to] = sorted.zoneIndices[from];
		inside[i] = sorted.inside[k];
	}
	const results: FirmResults = { offsets, zoneIndices, inside };
	const back = <T extends Int32Array | Float64Array | Uint8Array>(values: T): T => {
		const out = new (values.constructor as new (length: number) => T)(n);
		for (let k = 0; k < n; k++) out[order[k]] = values[k];
		return out;
	};
	if (sorted.nearest) results.nearest = back(sorted.nearest);
	if (sorted.km) results.km = back(sorted.km);
	if (sorted.withinBuffer) results.withinBuffer = back(sorted.withinBuffer);
	if (sorted.byType) results.byType = sorted.byType.map((g) => ({ nearest: back(g.nearest), km: back(g.km) }));
	return results;
}
