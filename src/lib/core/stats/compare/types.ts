/**
 * Types of the group-comparison engine. Every value is a plain object, array or typed array so
 * results cross a Web Worker boundary (structured clone) unchanged. Missing values are NaN in
 * Float64Arrays and -1 in Int32Array codes.
 */

/** How a column is read: numbers, or yes/no answers coded 1/0. */
export type ValueKind = 'numeric' | 'binary';

/** A cell that could not be read as the column's kind; the row is counted as missing and reported. */
export interface ValueProblem {
	/** 0-based index of the value (the firm) in the input array. */
	index: number;
	/** 1-based line in the file: index + `lineOffset` (header on line 1 → data from line 2). */
	line: number;
	column: string;
	/** The original text, verbatim. */
	value: string;
	message: string;
}

/** A survey column read into numbers: NaN for blanks and unreadable cells. */
export interface ParsedColumn {
	column: string;
	kind: ValueKind;
	/** One value per firm; 0/1 for binary columns; NaN = missing. */
	values: Float64Array;
	/** Blank cells (empty, "-", "NA", "N/A", "無回答"). */
	blank: number;
	/** Cells that were not blank but could not be read (each also in `problems`). */
	unreadable: number;
	problems: ValueProblem[];
}

/** A categorical variable: one code per firm into `levels`, -1 = missing. */
export interface Factor {
	name: string;
	levels: string[];
	codes: Int32Array;
}

/**
 * Per-firm zone membership, as `classifyPoints` returns it plus the zone ids: firm i lies in zones
 * `zoneIndices[offsets[i] .. offsets[i + 1])`, indices into `zoneIds`.
 */
export interface ZoneMembership {
	inside: Uint8Array;
	offsets: Uint32Array;
	zoneIndices: Uint32Array;
	zoneIds: string[];
	/** Optional display names, same order as zoneIds. */
	zoneNames?: string[];
}

/** Which firms are compared. */
export type Grouping =
	| { kind: 'inside-outside' }
	| { kind: 'zone-vs-rest'; zoneId: string }
	/** One contrast per zone: firms in that zone against firms outside every zone. */
	| { kind: 'each-zone' }
	/** Firms stably inside against firms stably outside across a stability run's settings; uncertain firms take no part. */
	| { kind: 'stability' };

/**
 * One two-group comparison. `group[i]` is 1 for the first group ("inside"), 0 for the second
 * ("outside"), -1 when the firm takes no part (in another zone, say, or no coordinate).
 */
export interface Contrast {
	id: string;
	/** Label of group 1 and group 0, e.g. "inside any zone" / "outside every zone". */
	labels: [inside: string, outside: string];
	group: Int8Array;
	/** Zone id for zone contrasts, null for inside vs outside. */
	zoneId: string | null;
}

/** Descriptive statistics of one group for one outcome. */
export interface Descriptives {
	/** Non-missing values. */
	n: number;
	/** Firms in the group whose value is missing (blank or unreadable). */
	missing: number;
	mean: number;
	median: number;
	/** Sample standard deviation (n − 1); NaN when n < 2. */
	sd: number;
	min: number;
	max: number;
	/** Share of 1s for binary outcomes, null for numeric ones. */
	share: number | null;
}

/** An estimate with a confidence interval. */
export interface Interval {
	estimate: number;
	low: number;
	high: number;
	/** e.g. 0.95 */
	level: number;
}

/** Welch's two-sample t-test (R: t.test(x, y), var.equal = FALSE). */
export interface WelchResult {
	/** mean(x) − mean(y) with its Welch confidence interval. */
	difference: Interval;
	t: number;
	df: number;
	/** Two-sided. */
	p: number;
	se: number;
}

/** Mann–Whitney U / Wilcoxon rank-sum test (R: wilcox.test(x, y, exact = FALSE, correct = TRUE)). */
export interface MannWhitneyResult {
	/** R's W: rank sum of x minus nx(nx + 1)/2 = number of pairs with x > y plus half the ties. */
	u: number;
	z: number;
	/** Two-sided, normal approximation with tie and continuity correction. */
	p: number;
	/** Rank-biserial correlation 2U/(nx·ny) − 1: +1 when every x exceeds every y. */
	rankBiserial: number;
}

/** Pearson's chi-square test of a 2×k table (no continuity correction). */
export interface ChiSquareResult {
	statistic: number;
	df: number;
	p: number;
	/** Expected counts under independence, same shape as the table. */
	expected: number[][];
	/** Smallest expected count: below 5 the approximation is doubtful (prefer Fisher for 2×2). */
	minExpected: number;
}

/** Fisher's exact test of a 2×2 table (R: fisher.test, two-sided). */
export interface FisherResult {
	p: number;
	/** Sample odds ratio ad/(bc) (R reports the conditional MLE instead). */
	oddsRatio: number;
}

/** Permutation test of the difference in means (group labels shuffled, seeded). */
export interface PermutationResult {
	observed: number;
	/** Two-sided: (1 + #{|perm diff| ≥ |observed|}) / (1 + permutations). */
	p: number;
	permutations: number;
	seed: number;
}

/** Effect sizes for a two-group comparison. */
export interface EffectSizes {
	/** Standardised mean difference with the pooled SD. */
	cohensD: number;
	/** Cohen's d with the small-sample correction J = 1 − 3/(4(nx + ny) − 9). */
	hedgesG: number;
	rankBiserial: number;
	/** Binary outcomes: share(x) − share(y) with a Wald interval; null otherwise. */
	riskDifference: Interval | null;
	/** Binary outcomes: odds ratio with a Woolf (log) interval, 0.5 added to every cell when one is 0; null otherwise. */
	oddsRatio: Interval | null;
}

/** The full comparison of one outcome between the two groups of a contrast. */
export interface OutcomeComparison {
	outcome: string;
	kind: ValueKind;
	contrastId: string;
	labels: [inside: string, outside: string];
	inside: Descriptives;
	outside: Descriptives;
	welch: WelchResult | null;
	mannWhitney: MannWhitneyResult | null;
	/** Binary outcomes only. */
	chiSquare: ChiSquareResult | null;
	/** Binary outcomes only. */
	fisher: FisherResult | null;
	permutation: PermutationResult | null;
	effect: EffectSizes | null;
	/** Why a test could not be run (e.g. "fewer than 2 values inside"), empty when all ran. */
	notes: string[];
}

export interface CompareOptions {
	/** Permutations of the permutation test; 0 skips it. Default 10,000. */
	permutations?: number;
	/** Seed of the permutation test. Default 1. */
	seed?: number;
	/** Confidence level of intervals. Default 0.95. */
	level?: number;
	/** Called during the permutation test with permutations done and the total. */
	onProgress?: (done: number, total: number) => void;
}

/** One cell of a linkage table: an outcome summarised for one level of a factor within one group. */
export interface LinkageCell {
	level: string;
	group: 'inside' | 'outside' | 'all';
	n: number;
	missing: number;
	/** Mean (share for binary outcomes) with a 95 % interval: t for numeric, Wilson for binary. */
	mean: Interval;
}

/** An outcome by the levels of a linkage factor, split inside vs outside. */
export interface LinkageTable {
	outcome: string;
	factor: string;
	kind: ValueKind;
	levels: string[];
	/** levels × [inside, outside, all], level-major. */
	cells: LinkageCell[];
	/** Firms whose factor is missing, by group. */
	factorMissing: { inside: number; outside: number };
	/**
	 * Yes/no outcomes: Pearson's chi-square test of the 2×k table answer × level, within each group
	 * (does the share differ between levels?); null for numeric outcomes.
	 */
	chiSquare: { inside: ChiSquareResult; outside: ChiSquareResult; all: ChiSquareResult } | null;
}

/** The covariates a design matrix can be built from; any may be left out. */
export interface DesignInput {
	/** Response, NaN = missing. */
	y: Float64Array;
	/** 1 inside a cluster, 0 outside; values other than 0/1 are treated as missing. */
	inside?: Uint8Array | Int8Array | Float64Array;
	/** km to the nearest institution; enters as log(km + 1). */
	distanceKm?: Float64Array;
	/** Communication frequency as a number (e.g. none 0 … weekly 3). */
	communication?: Float64Array;
	/** 1 subcontractor of a large firm, 0 not. */
	subcontractor?: Float64Array;
	/** Employees; enters as log(employees), must be > 0. */
	employees?: Float64Array;
	/** Industry per firm ("" or missing = missing); dummies with the first (or `referenceIndustry`) level dropped. */
	industry?: readonly string[];
}

export interface DesignOptions {
	/** Reference level of the industry dummies; default the most frequent industry. */
	referenceIndustry?: string;
	/**
	 * Industries with fewer complete firms than this are pooled into one level "other" (a handful of
	 * firms who all answer alike would otherwise separate the logit). Default 0: no pooling.
	 */
	minIndustryFirms?: number;
}

/** A design matrix after listwise deletion. */
export interface DesignMatrix {
	/** Column names; "(intercept)" first. */
	names: string[];
	/** Row-major n × p. */
	x: Float64Array;
	y: Float64Array;
	n: number;
	p: number;
	/** Firm index of each design row. */
	rows: Uint32Array;
	/** Firms left out because a variable was missing, by the first missing variable's name. */
	excluded: Record<string, number>;
	/** The industry left out of the dummies (null without industries). */
	industryReference: string | null;
	/** Industries pooled into "other" by `minIndustryFirms`. */
	pooledIndustries: string[];
}

export interface Coefficient {
	name: string;
	estimate: number;
	/** Robust (sandwich) standard error: HC1 for OLS, HC0 for logit. */
	se: number;
	/** t for OLS (df n − p), z for logit. */
	statistic: number;
	p: number;
	/** 95 % interval. */
	low: number;
	high: number;
}

export interface RegressionFit {
	ok: true;
	model: 'ols' | 'logit';
	coefficients: Coefficient[];
	n: number;
	/** Residual degrees of freedom for OLS (n − p); null for logit (normal reference). */
	df: number | null;
	/** OLS: R²; logit: McFadden's pseudo-R². */
	r2: number;
	/** Logit: log-likelihood at the estimate and Newton iterations used; null for OLS. */
	logLik: number | null;
	iterations: number | null;
	seType: 'HC1' | 'HC0' | 'classic';
}

/** Why a model could not be fitted; `variable` names the culprit when one is known. */
export interface RegressionFailure {
	ok: false;
	reason: 'singular' | 'separation' | 'too-few' | 'no-convergence' | 'not-binary';
	variable: string | null;
	message: string;
}

export type RegressionResult = RegressionFit | RegressionFailure;
