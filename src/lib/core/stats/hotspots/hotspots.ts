import { conditionalPermutation, MAX_PERMUTATIONS } from './conditional-permutation';
import { localStatistics, type Contiguity, type LocalStatistics } from './local-statistics';
import { benjaminiHochberg, bonferroni } from './multiple-testing';

/** LISA quadrants of significant cells: high among high, low among low, and the two outliers. */
export const LISA_CLASSES = ['not significant', 'HH', 'LL', 'HL', 'LH'] as const;
export type LisaClass = (typeof LISA_CLASSES)[number];

/** Why a result may mean little; `cells` says how many cells it concerns. */
export interface HotSpotWarning {
	code: 'constant' | 'no-neighbours' | 'few-occupied-cells' | 'mostly-empty' | 'islands' | 'bonferroni-floor';
	cells: number;
	message: string;
}

export interface HotSpotOptions {
	/** Conditional permutations, 0 (analytical z only) to 99,999; default 9,999. */
	permutations?: number;
	/** 32-bit seed of the permutations, default 1. */
	seed?: number;
	/** Level at which a cell's LISA class counts (default 0.05). */
	alpha?: number;
	/** Which p-value of local Moran decides the LISA class: 'fdr' (BH q, default), 'bonferroni' or 'none' (the folded p). */
	adjust?: 'fdr' | 'bonferroni' | 'none';
	/** Null of local Moran's analytical z: 'conditional' (spdep's default) or 'total' (older spdep). */
	moranNull?: 'conditional' | 'total';
	onProgress?: (done: number, total: number) => void;
}

/** Everything per cell; p and q arrays are NaN when no permutations were run. */
export interface HotSpotResult extends LocalStatistics {
	giStarP: Float64Array;
	giStarQ: Float64Array;
	giStarBonferroni: Float64Array;
	localMoranP: Float64Array;
	localMoranQ: Float64Array;
	localMoranBonferroni: Float64Array;
	/** Index into {@link LISA_CLASSES} per cell. */
	lisa: Uint8Array;
	permutations: number;
	seed: number;
	alpha: number;
	adjust: 'fdr' | 'bonferroni' | 'none';
	warnings: HotSpotWarning[];
}

/** Fewer occupied cells than this and a hot-spot map says little (ArcGIS's rule of thumb of 30 features). */
export const MIN_OCCUPIED_CELLS = 30;
/** Above this share of empty cells the null distribution is mostly zeros. */
export const MAX_EMPTY_SHARE = 0.9;

/**
 * Hot spots of a value over cells: Getis–Ord Gi* and local Moran's I with analytical z-scores
 * (see {@link localStatistics}), folded pseudo p-values from conditional permutations (see
 * {@link conditionalPermutation}), Benjamini–Hochberg q-values and Bonferroni-adjusted p over all
 * cells, the LISA class of each cell, and warnings when the result means little.
 *
 * @param values one value per cell (firm counts)
 * @param contiguity neighbours of each cell (a CellLattice is one)
 * @param options permutations, seed, level and adjustment of the LISA classes, progress
 * @example
 * const lattice = meshLattice(lons, lats, 'third');
 * const result = hotSpots(lattice.counts, lattice, { permutations: 9999, seed: 7 });
 * LISA_CLASSES[result.lisa[0]]; // 'not significant'
 */
export function hotSpots(values: Float64Array, contiguity: Contiguity, options: HotSpotOptions = {}): HotSpotResult {
	const permutations = options.permutations ?? 9_999;
	const seed = options.seed ?? 1;
	const alpha = options.alpha ?? 0.05;
	const adjust = options.adjust ?? 'fdr';
	const n = values.length;
	const stats = localStatistics(values, contiguity, { moranNull: options.moranNull });
	const nan = () => new Float64Array(n).fill(NaN);
	let giStarP: Float64Array = nan();
	let localMoranP: Float64Array = nan();
	if (permutations > 0 && n > 0) {
		const p = conditionalPermutation(values, contiguity, { permutations, seed, onProgress: options.onProgress });
		giStarP = p.giStar;
		localMoranP = p.localMoran;
	}
	const localMoranQ = benjaminiHochberg(localMoranP);
	const localMoranBonferroni = bonferroni(localMoranP);
	const decisive = adjust === 'fdr' ? localMoranQ : adjust === 'bonferroni' ? localMoranBonferroni : localMoranP;
	const lisa = new Uint8Array(n);
	for (let i = 0; i < n; i++) {
		const x = stats.deviation[i];
		const y = stats.lag[i];
		if (!(decisive[i] <= alpha) || x === 0 || y === 0) continue;
		lisa[i] = x > 0 ? (y > 0 ? 1 : 3) : y < 0 ? 2 : 4;
	}
	return {
		...stats,
		giStarP,
		giStarQ: benjaminiHochberg(giStarP),
		giStarBonferroni: bonferroni(giStarP),
		localMoranP,
		localMoranQ,
		localMoranBonferroni,
		lisa,
		permutations,
		seed,
		alpha,
		adjust,
		warnings: warningsFor(values, contiguity, permutations, alpha)
	};
}

/** The guardrails: conditions under which the statistics mean little, worded for the user. */
function warningsFor(values: Float64Array, { offsets, neighbours }: Contiguity, permutations: number, alpha: number): HotSpotWarning[] {
	const n = values.length;
	const warnings: HotSpotWarning[] = [];
	let occupied = 0;
	let lonely = 0;
	let islands = 0;
	const first = values[0];
	let constant = true;
	for (let i = 0; i < n; i++) {
		if (values[i] !== first) constant = false;
		if (offsets[i + 1] === offsets[i]) lonely++;
		if (values[i] === 0) continue;
		occupied++;
		let neighbourSum = 0;
		for (let e = offsets[i]; e < offsets[i + 1]; e++) neighbourSum += Math.abs(values[neighbours[e]]);
		if (neighbourSum === 0 && offsets[i + 1] > offsets[i]) islands++;
	}
	if (constant) warnings.push({ code: 'constant', cells: n, message: `every cell has the same value (${values[0] ?? 0}): there is no hot spot to find: the z-scores are left empty and every p is 1` });
	if (lonely > 0) warnings.push({ code: 'no-neighbours', cells: lonely, message: `${count(lonely)} without neighbours: local Moran's z is left empty and the permutation p is 1` });
	if (!constant && occupied < MIN_OCCUPIED_CELLS) {
		warnings.push({ code: 'few-occupied-cells', cells: occupied, message: `only ${count(occupied)} hold firms (fewer than ${MIN_OCCUPIED_CELLS}): a hot-spot map of so few means little; use smaller cells or more firms` });
	}
	if (n > 0 && (n - occupied) / n > MAX_EMPTY_SHARE) {
		warnings.push({ code: 'mostly-empty', cells: n - occupied, message: `${Math.round((100 * (n - occupied)) / n)} % of the cells are empty: most permuted neighbourhoods are empty too, so a few occupied cells stand out easily; consider larger cells` });
	}
	if (islands > 0) warnings.push({ code: 'islands', cells: islands, message: `${count(islands)} hold firms while all their neighbours are empty: such a hot spot is that one cell alone` });
	if (permutations > 0 && n / (permutations + 1) > alpha) {
		const needed = Math.ceil(n / alpha) - 1;
		const remedy = needed <= MAX_PERMUTATIONS ? `that needs at least ${needed.toLocaleString('en')} permutations` : 'no number of permutations allowed can change that: read the q-values';
		warnings.push({ code: 'bonferroni-floor', cells: n, message: `with ${permutations.toLocaleString('en')} permutations the smallest p is 1/${(permutations + 1).toLocaleString('en')}, so after Bonferroni over ${n.toLocaleString('en')} cells none can reach ${alpha}; ${remedy}` });
	}
	return warnings;
}

const count = (cells: number) => `${cells.toLocaleString('en')} cell${cells === 1 ? '' : 's'}`;
