/**
 * The newest membership-stability run, shared by the density panel (which makes it), the map
 * (firms coloured by stability), the comparison (stably inside vs stably outside, and the
 * sensitivity band) and the export (`inside_stability`). A run belongs to the firm dataset it was
 * made on: for any other, `of` gives null.
 */
import { stabilityGroups, type StabilityGroups } from '$lib/core/detect';
import type { StabilityReply } from '$lib/worker/stability-protocol';

export interface StabilityRun extends StabilityReply {
	/** The dataset the run was made on (compared by identity). */
	dataset: object;
	/** Stably inside (≥ 0.9) / outside (≤ 0.1) / uncertain, with the per-firm group. */
	groups: StabilityGroups;
	/** What the run was asked with, for the panel's description. */
	description: { method: StabilityReply['method']; first: number[]; second: number[]; thresholdBy: 'level' | 'percentile' | null };
}

class StabilityState {
	run = $state.raw<StabilityRun | null>(null);
	/** Firms drawn in stability colours while a run for the shown dataset exists. */
	coloured = $state(true);

	/** Keeps a reply as the newest run. */
	set(dataset: object, reply: StabilityReply, description: StabilityRun['description']): void {
		this.run = { ...reply, dataset, groups: stabilityGroups(reply.stability), description };
	}

	/** The run made on `dataset`, or null. */
	of(dataset: object | null | undefined): StabilityRun | null {
		return dataset && this.run?.dataset === dataset ? this.run : null;
	}

	clear(): void {
		this.run = null;
	}
}

export const stabilityState = new StabilityState();
