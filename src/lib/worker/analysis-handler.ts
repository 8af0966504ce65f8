/**
 * What the analysis worker does with each message, kept apart from the worker global so it runs
 * (and is tested) in Node as well.
 */
import { classifyFirms } from '$lib/core/classify';
import { buildInstitutionIndex, nearestInstitutions, type InstitutionIndex } from '$lib/core/proximity';
import type { AnalysisReply, AnalysisRequest, NearestInstitutions } from './analysis-protocol';

export interface HandlerResult {
	reply: AnalysisReply;
	/** Buffers to transfer with the reply. */
	transfer: ArrayBuffer[];
}

/**
 * A message handler holding the firm coordinates between requests.
 *
 * @param options.now clock in milliseconds (default `performance.now`)
 * @example
 * const handle = createAnalysisHandler();
 * handle({ type: 'load-firms', id: 1, lons, lats });
 * const { reply } = handle({ type: 'classify', id: 2, zones });
 */
export function createAnalysisHandler(options: { now?: () => number } = {}): (request: AnalysisRequest) => HandlerResult {
	const now = options.now ?? (() => performance.now());
	let lons: Float64Array = new Float64Array(0);
	let lats: Float64Array = new Float64Array(0);
	let groups: Uint16Array | null = null;
	let groupCount = 0;
	let institutions: InstitutionIndex | null = null;

	/** Nearest institutions of all firms, as new arrays the reply can transfer. */
	const nearest = (): { nearest?: NearestInstitutions; transfer: ArrayBuffer[] } => {
		if (!institutions) return { transfer: [] };
		const { nearest: index, km } = nearestInstitutions(institutions, lons, lats);
		return { nearest: { index, km }, transfer: [index.buffer as ArrayBuffer, km.buffer as ArrayBuffer] };
	};

	return (request) => {
		try {
			if (request.type === 'load-firms') {
				if (request.lons.length !== request.lats.length) {
					throw new Error(`firm coordinates: ${request.lons.length} longitudes but ${request.lats.length} latitudes; send arrays of the same length.`);
				}
				const count = request.groupCount ?? 0;
				if (request.groups && (request.groups.length !== request.lons.length || request.groups.some((g) => g >= count))) {
					throw new Error(`firm groups: need one group below ${count} per firm (${request.lons.length} firms, ${request.groups.length} groups).`);
				}
				lons = request.lons;
				lats = request.lats;
				groups = request.groups ?? null;
				groupCount = groups ? count : 0;
				const { nearest: found, transfer } = nearest();
				return { reply: { type: 'firms-loaded', id: request.id, count: lons.length, ...(found && { nearest: found }) }, transfer };
			}
			if (request.type === 'load-institutions') {
				institutions = buildInstitutionIndex(request.institutions);
				const { nearest: found, transfer } = nearest();
				return { reply: { type: 'institutions-loaded', id: request.id, count: institutions.count, ...(found && { nearest: found }) }, transfer };
			}
			const started = now();
			// Drawn shapes can cross themselves (freehand): repaired as the engine does for files.
			const classification = classifyFirms(request.zones, lons, lats, { groups, groupCount });
			const { problems, ...membership } = classification;
			const { inside, offsets, zoneIndices, firstZone, zoneCounts, zoneGroupCounts } = membership;
			return {
				reply: {
					type: 'classified',
					id: request.id,
					...membership,
					notes: problems.map(({ zoneId, severity, message }) => ({ zoneId, severity, message })),
					elapsedMs: now() - started
				},
				transfer: [inside, offsets, zoneIndices, firstZone, zoneCounts, zoneGroupCounts].map((array) => array.buffer as ArrayBuffer)
			};
		} catch (error) {
			return { reply: { type: 'error', id: request.id, message: error instanceof Error ? error.message : String(error) }, transfer: [] };
		}
	};
}
