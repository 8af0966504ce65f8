/**
 * The per-firm results the command-line tool writes, batch by batch: the zones holding each firm
 * and whether any does, its nearest institution and distance, the within-buffer flag and, on
 * request, the nearest institution of each type.
 */
import { buildZoneIndex, classifyPoints } from './classify';
import type { FirmResults, InstitutionPoint } from './io';
import type { Zone } from './model';
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
	return (lons, lats) => {
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
}
