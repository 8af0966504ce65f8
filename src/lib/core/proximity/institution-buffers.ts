import type { MultiPolygon } from 'geojson';
import type { InstitutionType } from '../model';
import { geodesicBuffer } from './geodesic-buffer';

/** What a buffer zone is made from: institutions with a type and a position. */
export interface BufferSite {
	id: string;
	type: InstitutionType;
	lon: number;
	lat: number;
}

/**
 * One zone of geodesic circles of `radiusKm` round every institution of the chosen types: the
 * firms inside it are exactly those within `radiusKm` of such an institution. Overlapping circles
 * stay separate parts (a point in any part is inside), so no union is needed and the answer
 * equals a distance test.
 *
 * @param options.types institution types to include (default: all)
 * @param options.steps vertices per circle (default 64)
 * @returns the circles, and the ids of the institutions used (empty geometry when none match)
 * @example
 * institutionBuffers(sites, 5, { types: ['public-research-institute'] });
 */
export function institutionBuffers(
	sites: readonly BufferSite[],
	radiusKm: number,
	options: { types?: readonly InstitutionType[]; steps?: number } = {}
): { geometry: MultiPolygon; institutionIds: string[] } {
	const chosen = options.types ? sites.filter((site) => options.types?.includes(site.type)) : sites;
	return {
		geometry: { type: 'MultiPolygon', coordinates: chosen.map((site) => geodesicBuffer(site.lon, site.lat, radiusKm, { steps: options.steps }).coordinates) },
		institutionIds: chosen.map((site) => site.id)
	};
}
