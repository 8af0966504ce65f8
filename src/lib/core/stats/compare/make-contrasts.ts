import type { Contrast, Grouping, ZoneMembership } from './types';

/**
 * Turns per-firm zone membership into the two-group contrasts of a grouping:
 * - inside-outside: firms in any zone (1) against firms in none (0);
 * - zone-vs-rest: firms in the zone (1) against every other firm (0), including those in other zones;
 * - each-zone: one contrast per zone, its firms (1) against firms outside every zone (0); firms
 *   only in other zones take no part (-1). Overlapping zones share their common firms.
 * - stability: firms stably inside (1) against firms stably outside (0) as `options.stableGroup`
 *   gives them (see stabilityGroups); uncertain firms take no part.
 * Firms flagged in `exclude` (no usable coordinate, say) are -1 everywhere.
 *
 * @param membership `classifyPoints` output with the zone ids
 * @param grouping which comparison
 * @param options.exclude 1 for firms to leave out
 * @param options.stableGroup per firm 1 / 0 / -1, for the stability grouping
 * @example
 * const [contrast] = makeContrasts({ ...classification, zoneIds }, { kind: 'inside-outside' });
 */
export function makeContrasts(membership: ZoneMembership, grouping: Grouping, options: { exclude?: Uint8Array; stableGroup?: Int8Array } = {}): Contrast[] {
	const { inside, offsets, zoneIndices, zoneIds } = membership;
	const n = inside.length;
	const names = membership.zoneNames ?? zoneIds;
	const exclude = options.exclude;
	// One pass over the memberships marks every zone's firms: O(firms + memberships) per grouping.
	const grouped = (outsideValue: (firm: number) => 0 | -1, zones: number[]): Int8Array[] => {
		const groups = zones.map(() => new Int8Array(n));
		const slot = new Map(zones.map((z, k) => [z, k]));
		for (let i = 0; i < n; i++) {
			const base = exclude?.[i] ? -1 : outsideValue(i);
			for (const g of groups) g[i] = base;
			if (base === -1 && exclude?.[i]) continue;
			for (let k = offsets[i]; k < offsets[i + 1]; k++) {
				const at = slot.get(zoneIndices[k]);
				if (at !== undefined) groups[at][i] = 1;
			}
		}
		return groups;
	};
	if (grouping.kind === 'stability') {
		const stable = options.stableGroup;
		if (!stable || stable.length !== n) throw new Error(`makeContrasts: the stability grouping needs one group per firm (${n}), got ${stable?.length ?? 'none'}; run membership stability on these firms first.`);
		const group = Int8Array.from(stable, (g, i) => (exclude?.[i] ? -1 : g));
		return [{ id: 'stability', labels: ['stably inside', 'stably outside'], group, zoneId: null }];
	}
	if (grouping.kind === 'inside-outside') {
		const group = new Int8Array(n);
		for (let i = 0; i < n; i++) group[i] = exclude?.[i] ? -1 : inside[i] ? 1 : 0;
		return [{ id: 'inside-outside', labels: ['inside any zone', 'outside every zone'], group, zoneId: null }];
	}
	if (grouping.kind === 'zone-vs-rest') {
		const z = zoneIds.indexOf(grouping.zoneId);
		if (z < 0) throw new Error(`makeContrasts: no zone "${grouping.zoneId}"; the zones are ${zoneIds.join(', ') || '(none)'}.`);
		const [group] = grouped(() => 0, [z]);
		return [{ id: `zone:${grouping.zoneId}`, labels: [names[z], 'all other firms'], group, zoneId: grouping.zoneId }];
	}
	const groups = grouped((i) => (inside[i] ? -1 : 0), zoneIds.map((_, z) => z));
	return zoneIds.map((id, z) => ({ id: `zone:${id}`, labels: [names[z], 'outside every zone'], group: groups[z], zoneId: id }));
}
