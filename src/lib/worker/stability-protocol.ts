/**
 * The membership-stability request of the density worker and its reply: the detection of the
 * panel run again over a grid of settings round the current one, for the firms of the view.
 */
import type { StabilitySetting } from '$lib/core/detect';
import type { Bbox, DensityFilter, DetectionMethod } from './density-protocol';

export interface StabilityRequest {
	type: 'stability';
	id: number;
	bbox: Bbox;
	filter: DensityFilter;
	/** The current detection: its method, hull, kernel, cell size… and the centre of the grid. */
	detection: DetectionMethod;
	/** Multipliers of eps (DBSCAN) or of the bandwidth (threshold; of the default rule's when none is set). */
	scales: number[];
	/** minPts values (DBSCAN), or the levels or percentiles (threshold, as the detection gives its own). */
	second: number[];
}

export interface StabilityReply {
	type: 'stability';
	id: number;
	method: DetectionMethod['method'];
	/** Per loaded firm: share of settings under which it is inside, NaN for firms not in the run. */
	stability: Float64Array;
	/** The settings in the order of `inside`. */
	settings: StabilitySetting[];
	/** `inside[s * n + i]`: firm i inside a zone of setting s (n loaded firms). */
	inside: Uint8Array;
	/** 1 for the firms of the run (in the view, passing the filter). */
	considered: Uint8Array;
	/** Firms of the run. */
	count: number;
}
