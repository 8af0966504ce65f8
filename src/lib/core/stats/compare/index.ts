/**
 * Inside vs outside: group comparison, tests, linkage tables and regressions for the
 * Miyahara–Tsuji analysis. Plain objects and typed arrays in and out, so every function runs
 * unchanged in a Web Worker and in the `cluster-map compare` command.
 *
 * Typical flow: parseColumn (outcomes) → makeContrasts (zones) → compareOutcome (table rows);
 * distanceBands / parseFactor → linkageTable; buildDesign → olsRobust / logitRobust.
 */
export { parseColumn } from './parse-column';
export { parseFactor } from './parse-factor';
export { makeContrasts } from './make-contrasts';
export { splitGroups } from './split-groups';
export { describeValues } from './describe-values';
export { welchTTest } from './welch-t-test';
export { mannWhitneyU } from './mann-whitney';
export { chiSquareTest } from './chi-square-test';
export { fisherExact } from './fisher-exact';
export { permutationTest } from './permutation-test';
export { effectSizes } from './effect-sizes';
export { compareOutcome } from './compare-outcome';
export { meanInterval } from './mean-interval';
export { distanceBands } from './distance-bands';
export { linkageTable } from './linkage-table';
export { readCommunication } from './read-communication';
export { yesNoFactor } from './yes-no-factor';
export { buildDesign } from './build-design';
export { olsRobust } from './ols-robust';
export { logitRobust } from './logit-robust';
export { chiSquareCdf, chiSquareUpperP, normalQuantile, normalTwoSidedP, tQuantile, tTwoSidedP } from './distributions';
export { COMMUNICATION_ALIASES, COMMUNICATION_LEVELS, DEFAULT_DISTANCE_BREAKS, SUBCONTRACTOR_LEVELS } from './defaults';
export type * from './types';
