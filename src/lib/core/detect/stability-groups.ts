import type { MembershipStability, StabilitySetting } from './membership-stability';

/** Stably inside at or above this share of settings, stably outside at or below the other. */
export const STABLY_INSIDE = 0.9;
export const STABLY_OUTSIDE = 0.1;

export interface StabilityGroups {
	/** Per firm: 1 stably inside, 0 stably outside, −1 uncertain or not considered (a contrast's group). */
	group: Int8Array;
	inside: number;
	outside: number;
	uncertain: number;
	/** Firms with no stability (not in the run: filtered out, out of the area, no coordinates). */
	notConsidered: number;
}

/**
 * The grouping "stably inside vs stably outside, uncertain left out": firms inside under at least
 * 90 % of the settings against firms inside under at most 10 %; the rest take no part.
 *
 * @param stability per firm, 0–1, NaN for firms not in the run
 * @example
 * stabilityGroups(Float64Array.of(1, 0.5, 0, NaN)); // { group: [1, -1, 0, -1], inside: 1, outside: 1, uncertain: 1, notConsidered: 1 }
 */
export function stabilityGroups(stability: ArrayLike<number>, options: { inside?: number; outside?: number } = {}): StabilityGroups {
	const high = options.inside ?? STABLY_INSIDE;
	const low = options.outside ?? STABLY_OUTSIDE;
	if (!(low < high)) throw new Error(`stabilityGroups: the outside bound (${low}) must be below the inside bound (${high}).`);
	const group = new Int8Array(stability.length).fill(-1);
	const counts = { inside: 0, outside: 0, uncertain: 0, notConsidered: 0 };
	for (let i = 0; i < stability.length; i++) {
		const s = stability[i];
		if (Number.isNaN(s)) counts.notConsidered++;
		// A small tolerance: 9 of 10 settings is 0.9 even when written as 0.8999….
		else if (s >= high - 1e-12) {
			group[i] = 1;
			counts.inside++;
		} else if (s <= low + 1e-12) {
			group[i] = 0;
			counts.outside++;
		} else counts.uncertain++;
	}
	return { group, ...counts };
}

export interface SensitivityBand {
	/** Per setting (the run's order): mean outcome inside − mean outcome outside; NaN when a side has no values. */
	differences: Float64Array;
	settings: StabilitySetting[];
	/** The range of the differences over the settings (NaN when none is defined). */
	min: number;
	max: number;
}

/**
 * The inside-vs-outside difference of an outcome under every setting of a stability run, and its
 * range across the grid (the sensitivity band): how much the answer "do firms inside do more?"
 * depends on where the boundary was drawn. For a yes/no outcome coded 1/0 the difference is one
 * of shares. Only firms the run considered, with a finite outcome, count.
 *
 * @param run from membershipStability
 * @param outcome per firm (same order), NaN for missing
 * @example
 * const band = insideOutsideBand(run, patents);
 * [band.min, band.max]; // e.g. [0.12, 0.31]
 */
export function insideOutsideBand(run: MembershipStability, outcome: ArrayLike<number>): SensitivityBand {
	const n = run.considered.length;
	if (outcome.length !== n) throw new Error(`insideOutsideBand: ${outcome.length} outcome values for ${n} firms; pass one per firm, NaN when missing.`);
	const total = run.settings.length;
	const differences = new Float64Array(total);
	let min = Infinity;
	let max = -Infinity;
	for (let s = 0; s < total; s++) {
		let sumIn = 0, nIn = 0, sumOut = 0, nOut = 0;
		for (let i = 0; i < n; i++) {
			const y = outcome[i];
			if (run.considered[i] === 0 || !Number.isFinite(y)) continue;
			if (run.inside[s * n + i] === 1) {
				sumIn += y;
				nIn++;
			} else {
				sumOut += y;
				nOut++;
			}
		}
		const d = nIn > 0 && nOut > 0 ? sumIn / nIn - sumOut / nOut : NaN;
		differences[s] = d;
		if (!Number.isNaN(d)) {
			min = Math.min(min, d);
			max = Math.max(max, d);
		}
	}
	return { differences, settings: run.settings, min: min <= max ? min : NaN, max: min <= max ? max : NaN };
}
