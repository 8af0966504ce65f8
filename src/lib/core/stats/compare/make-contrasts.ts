import type { Contrast, Grouping, ZoneMembership } from './types';

/**
 * Turns per-firm zone membership into the two-group contrasts of a grouping:
 * - inside-outside: firms in any zone (1) against firms in none (0);
 * - zone-vs-rest: firms in the zone (1) against every other firm (0), including those in other zones;
 * - each-zone: one contrast per zone, its firms (1) against firms outside every zone (0); firms
 *   only in other zones take no part (-1). Overlapping zones share their common firms.
 * Firms flagged in `exclude` (no usable coordinate, say) are -1 everywhere.
 *
 * @param membership `classifyPoints` output with the zone ids
 * @param grouping which comparison
 * @param options.exclude 1 for firms to leave out
 * @example
 * const [contrast] = makeContrasts({ ...classification, zoneIds }, { kind: 'inside-outside' });
 */
export function makeContrasts(membership: ZoneMembership, grouping: Grouping, options: { exclude?: Uint8Array } = {}): Contrast[] {
	const { inside, offsets, zoneIndices, zoneIds } = membership;
	const n = inside.length;
	const names = membership.zoneNames ?? zoneIds;
	const exclude = options.exclude;
	const inZone = (firm: number, zone: number) => {
		for (let k = offsets[firm]; k < offsets[firm + 1]; k++) if (zoneIndices[k] === zone) return true;
		return false;
	};
	const build = (id: string, labels: [string, string], zoneId: string | null, flag: (firm: number) => 1 | 0 | -1): Contrast => {
		const group = new Int8Array(n);
		for (let i = 0; i < n; i++) group[i] = exclude?.[i] ? -1 : flag(i);
		return { id, labels, group, zoneId };
	};
	if (grouping.kind === 'inside-outside') {
		return [build('inside-outside', ['inside any zone', 'outside every zone'], null, (i) => (inside[i] ? 1 : 0))];
	}
	const zoneNumber = (id: string) => {
		const z = zoneIds.indexOf(id);
		if (z < 0) throw new Error(`makeContrasts: no zone "${id}"; the zones are ${zoneIds.join(', ') || '(none)'}.`);
		return z;
	};
	if (grouping.kind === 'zone-vs-rest') {
		const z = zoneNumber(grouping.zoneId);
		return [build(`zone:${grouping.zoneId}`, [names[z], 'all other firms'], grouping.zoneId, (i) => (inZone(i, z) ? 1 : 0))];
	}
	return zoneIds.map((id, z) => build(`zone:${id}`, [names[z], 'outside every zone'], id, (i) => (inZone(i, z) ? 1 : inside[i] ? -1 : 0)));
}
