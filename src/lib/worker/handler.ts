/**
 * What the analysis worker does with each message, kept apart from the worker global so it runs
 * (and is tested) in Node as well.
 */
import type { Feature } from 'geojson';
import { buildZoneIndex, classifyPoints } from '$lib/core/classify';
import { validateZones } from '$lib/core/geo';
import { buildInstitutionIndex, nearestInstitutions, type InstitutionIndex } from '$lib/core/proximity';
import type { AnalysisReply, AnalysisRequest, NearestInstitutions } from './protocol';

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
			// Drawn shapes can cross themselves (freehand): repair them as the engine does for files.
			const features: Feature[] = request.zones.map((zone) => ({ type: 'Feature', id: zone.id, properties: {}, geometry: zone.geometry }));
			const { zones: valid, problems } = validateZones(features, { source: 'drawn' });
			const { inside, offsets, zoneIndices } = classifyPoints(buildZoneIndex(valid), lons, lats);
			const validCounts = new Uint32Array(valid.length);
			for (let k = 0; k < zoneIndices.length; k++) validCounts[zoneIndices[k]]++;
			const position = new Map(request.zones.map((zone, z) => [zone.id, z]));
			const zoneCounts = new Uint32Array(request.zones.length);
			const requestIndex = new Int32Array(valid.length).fill(-1);
			valid.forEach((zone, v) => {
				const z = position.get(zone.id);
				if (z === undefined) return;
				zoneCounts[z] = validCounts[v];
				requestIndex[v] = z;
			});
			const zoneGroupCounts = new Uint32Array(groups ? request.zones.length * groupCount : 0);
			const firstZone = new Int32Array(lons.length).fill(-1);
			for (let i = 0; i < lons.length; i++) {
				for (let k = offsets[i]; k < offsets[i + 1]; k++) {
					const z = requestIndex[zoneIndices[k]];
					if (z < 0) continue;
					if (firstZone[i] < 0 || z < firstZone[i]) firstZone[i] = z;
					if (groups) zoneGroupCounts[z * groupCount + groups[i]]++;
				}
			}
			const insideCount = lons.length === 0 ? 0 : countInside(offsets);
			return {
				reply: {
					type: 'classified',
					id: request.id,
					inside,
					firstZone,
					insideCount,
					zoneCounts,
					zoneGroupCounts,
					groupCount,
					zoneIds: request.zones.map((zone) => zone.id),
					notes: problems.map(({ zoneId, severity, message }) => ({ zoneId, severity, message })),
					elapsedMs: now() - started
				},
				transfer: [inside.buffer as ArrayBuffer, firstZone.buffer as ArrayBuffer, zoneCounts.buffer as ArrayBuffer, zoneGroupCounts.buffer as ArrayBuffer]
			};
		} catch (error) {
			return { reply: { type: 'error', id: request.id, message: error instanceof Error ? error.message : String(error) }, transfer: [] };
		}
	};
}

/** Firms in at least one zone: those whose zone list is not empty. */
function countInside(offsets: Uint32Array): number {
	let count = 0;
	for (let i = 1; i < offsets.length; i++) if (offsets[i] > offsets[i - 1]) count++;
	return count;
}
