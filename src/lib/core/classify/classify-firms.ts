import type { Feature } from 'geojson';
import { validateZones, type ZoneProblem } from '../geo';
import type { Zone } from '../model';
import type { ZoneMembership } from '../stats/compare/types';
import { classifyPoints } from './classify-points';
import { buildZoneIndex } from './zone-index';

/**
 * Which zones hold each firm, as every part of the app reads it: the map, the popup, the zone
 * list, the comparison, the density panel's location quotients and the export. Zones are
 * positions in the list classified (`zoneIds`); a zone that could not be used holds no firm.
 */
export interface FirmClassification extends ZoneMembership {
	zoneNames: string[];
	/** Per firm, the position of the first zone (in list order) holding it; -1 outside every zone. */
	firstZone: Int32Array;
	insideCount: number;
	/** Firms inside each zone, in list order. */
	zoneCounts: Uint32Array;
	/** Firms of zone z in group g at z · groupCount + g; empty without groups. */
	zoneGroupCounts: Uint32Array;
	groupCount: number;
	/** Zones repaired or left out, by id, with a sentence about each. */
	problems: ZoneProblem[];
}

/**
 * The zones as the classifier uses them: each checked and, where it can be, repaired by
 * `validateZones` (a freehand shape crossing itself is split), with its id, name, source,
 * parameters and colour kept. Zones that cannot be used are left out and named in `problems`;
 * `listIndex[u]` is the position in `zones` of usable zone u.
 *
 * @example
 * const { zones: usable, problems } = usableZones(zones.list);
 */
export function usableZones(zones: readonly Zone[]): { zones: Zone[]; problems: ZoneProblem[]; listIndex: Int32Array } {
	const kept: Zone[] = [];
	const listIndex: number[] = [];
	const problems: ZoneProblem[] = [];
	// One zone at a time: the list's ids are its own (never renamed here), and each usable zone's
	// position in the list is known without matching ids.
	zones.forEach((zone, z) => {
		const feature: Feature = { type: 'Feature', id: zone.id, properties: {}, geometry: zone.geometry };
		const checked = validateZones([feature], { source: zone.source });
		for (const problem of checked.problems) problems.push({ ...problem, zoneId: zone.id, index: z });
		if (checked.zones.length === 0) return;
		kept.push({ ...zone, geometry: checked.zones[0].geometry });
		listIndex.push(z);
	});
	return { zones: kept, problems, listIndex: Int32Array.from(listIndex) };
}

/**
 * Classifies every firm against a list of zones once: checks and repairs the zones
 * ({@link usableZones}), indexes them, finds the zones of every firm and counts, all in the list's
 * order. NaN coordinates (rows without a position) are in no zone.
 *
 * @param options.groups optional group (an industry, say) of each firm, below `groupCount`, for per-zone breakdowns
 * @example
 * const classification = classifyFirms(zones.list, lons, lats);
 * const zonesOfFirm = classification.zoneIndices.subarray(classification.offsets[i], classification.offsets[i + 1]);
 */
export function classifyFirms(
	zones: readonly Zone[],
	lons: Float64Array,
	lats: Float64Array,
	options: { groups?: Uint16Array | null; groupCount?: number } = {}
): FirmClassification {
	const { zones: usable, problems, listIndex } = usableZones(zones);
	const { inside, offsets, zoneIndices } = classifyPoints(buildZoneIndex(usable), lons, lats);
	// Usable zones keep the list's order, so renumbering keeps each firm's zones ascending.
	const groups = options.groups ?? null;
	const groupCount = groups ? (options.groupCount ?? 0) : 0;
	const zoneCounts = new Uint32Array(zones.length);
	const zoneGroupCounts = new Uint32Array(groups ? zones.length * groupCount : 0);
	const firstZone = new Int32Array(lons.length).fill(-1);
	const renumbered = new Uint32Array(zoneIndices.length);
	let insideCount = 0;
	for (let i = 0; i < lons.length; i++) {
		if (offsets[i + 1] > offsets[i]) insideCount++;
		for (let k = offsets[i]; k < offsets[i + 1]; k++) {
			const z = listIndex[zoneIndices[k]];
			renumbered[k] = z;
			zoneCounts[z]++;
			if (firstZone[i] < 0) firstZone[i] = z;
			if (groups) zoneGroupCounts[z * groupCount + groups[i]]++;
		}
	}
	return {
		inside,
		offsets,
		zoneIndices: renumbered,
		zoneIds: zones.map((zone) => zone.id),
		zoneNames: zones.map((zone) => zone.name),
		firstZone,
		insideCount,
		zoneCounts,
		zoneGroupCounts,
		groupCount,
		problems
	};
}

/**
 * Positions (in the classified list) of the zones holding firm `i`.
 *
 * @example
 * zonesOfFirm(classification, 12).map((z) => classification.zoneNames[z]);
 */
export function zonesOfFirm(membership: Pick<ZoneMembership, 'offsets' | 'zoneIndices'>, i: number): number[] {
	if (i < 0 || i + 1 >= membership.offsets.length) return [];
	return Array.from(membership.zoneIndices.subarray(membership.offsets[i], membership.offsets[i + 1]));
}
