/**
 * Messages between the app and the comparison worker (inside vs outside a cluster). Every request
 * carries an id; progress and replies repeat it, so the client drops anything a newer request has
 * made stale. Labels are keys or column names, never translated text: the page translates.
 */
import type { PackedRows } from '$lib/core/io/packed-rows';
import type { InstitutionType } from '$lib/core/model';
import type { Grouping, LinkageTable, OutcomeComparison, RegressionResult, ZoneMembership } from '$lib/core/stats/compare/types';
import type { StabilitySetting } from '$lib/core/detect';
import type { ColumnInfo } from './compare-columns';

export type { Grouping };

/** The firm table, sent once per dataset: header and rows verbatim, coordinates transferred. */
export interface LoadTableRequest {
	type: 'load-table';
	id: number;
	columns: string[];
	rows: PackedRows;
	lons: Float64Array;
	lats: Float64Array;
}

export interface CompareParams {
	grouping: Grouping;
	/** Outcome columns (numeric or yes/no). */
	outcomes: string[];
	/** Distance to the nearest institution of this type ('any': of any type); null leaves distance out. */
	distance: InstitutionType | 'any' | null;
	/** Column of the communication frequency with R&D institutions, or null. */
	communication: string | null;
	/** Yes/no column: subcontractor of a large firm, or null. */
	subcontractor: string | null;
	/** Size control for the regression (log of it is used), or null. */
	size: string | null;
	/** Industry control for the regression (one dummy per code), or null. */
	industry: string | null;
	/** Distance band breaks in km, ascending: [2, 5] gives <2, 2–5, ≥5 km. */
	bands: number[];
	permutations: number;
	seed: number;
}

/** Compare the loaded table under this classification. */
export interface CompareRequest {
	type: 'compare';
	id: number;
	params: CompareParams;
	/** The zones of every firm, table row order: the analysis worker's classification, with the zones' names. */
	membership: ZoneMembership;
	/** km to the nearest institution of any type per firm (NaN when none), when the classification has it. */
	nearestKm?: Float64Array;
	institutions: { id: string; type: InstitutionType; lon: number; lat: number }[];
	/** The density panel's membership-stability run on these firms, when there is one (table row order). */
	stability?: CompareStability;
}

/** What a comparison needs of a stability run: the stable groups, and who is inside under each setting. */
export interface CompareStability {
	method: 'dbscan' | 'kde-threshold';
	/** 1 stably inside, 0 stably outside, -1 uncertain or not in the run. */
	group: Int8Array;
	settings: StabilitySetting[];
	/** `inside[s * n + i]`: firm i inside under setting s. */
	inside: Uint8Array;
	considered: Uint8Array;
}

/** An outcome's inside − outside difference under every setting of the stability run, and its range. */
export interface StabilityBand {
	outcome: string;
	differences: number[];
	min: number;
	max: number;
}

export type CompareRequestMessage = LoadTableRequest | CompareRequest;

/** Work in progress on request `id`: `done` of `total` steps of `stage`. */
export interface ProgressReply {
	type: 'progress';
	id: number;
	stage: 'prepare' | 'tests' | 'permutation' | 'linkage' | 'regression';
	done: number;
	total: number;
	/** Share of the whole comparison done, 0–1. */
	fraction: number;
}

export interface TableLoadedReply {
	type: 'table-loaded';
	id: number;
	rows: number;
	/** Kind and levels of every column, for the variable pickers. */
	columns: ColumnInfo[];
}

/** The outcomes of one contrast (inside vs outside, a zone vs the rest…). */
export interface ContrastResult {
	id: string;
	/** Zone id for zone contrasts, null for inside vs outside any zone. */
	zoneId: string | null;
	/** 'outside' every zone, the 'rest' of the firms, or firms 'stably-outside' (the stability grouping). */
	versus: 'outside' | 'rest' | 'stably-outside';
	outcomes: OutcomeComparison[];
}

/** Distances to the nearest institution, binned per group, for a distribution plot. */
export interface DistanceDistribution {
	/** Bin edges in km (bins[k] to bins[k + 1]). */
	edges: number[];
	inside: number[];
	outside: number[];
	median: { inside: number; outside: number };
}

/** Counts of a numeric outcome's values per bin, inside and outside, for a distribution plot. */
export interface OutcomeDistribution {
	outcome: string;
	labels: string[];
	inside: number[];
	outside: number[];
}

export interface OutcomeRegression {
	outcome: string;
	result: RegressionResult;
	/** The industry the dummies are measured against (null without industries). */
	industryReference?: string | null;
}

/** A value that could not be read and was counted as missing. */
export interface CodingNote {
	column: string;
	/** Cells that were not empty but not usable. */
	count: number;
	/** 1-based row of the first such cell in the firm table. */
	row: number;
	value: string;
}

export interface CompareResult {
	contrasts: ContrastResult[];
	/** Linkage tables per outcome; `factor` is 'distance', 'communication' or 'subcontractor'. */
	linkage: LinkageTable[];
	distance: DistanceDistribution | null;
	/** Numeric outcomes only (yes/no outcomes are shares in the table). */
	distributions: OutcomeDistribution[];
	regressions: OutcomeRegression[];
	/** Per outcome, the sensitivity band across the stability run's settings (empty without a run). */
	bands?: StabilityBand[];
	/** The stability run's method, when there are bands. */
	bandMethod?: CompareStability['method'] | null;
	notes: CodingNote[];
	/** Firms in the table. */
	total: number;
	/**
	 * A comparison answers up to three times: tables and charts at once (regressions and
	 * permutation tests pending), then with the regressions, then with the permutation tests.
	 */
	regressionsPending: boolean;
	permutationsPending: boolean;
	elapsedMs: number;
}

export interface ComparedReply {
	type: 'compared';
	id: number;
	result: CompareResult;
}

export interface CompareErrorReply {
	type: 'error';
	id: number;
	message: string;
}

export type CompareReplyMessage = TableLoadedReply | ProgressReply | ComparedReply | CompareErrorReply;
