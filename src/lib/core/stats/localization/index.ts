export { durantonOverman, type DurantonOvermanOptions, type DurantonOvermanResult } from './duranton-overman';
export { ripleyKL, type RipleyOptions, type RipleyResult } from './ripley';
export type { ConfidenceBands, DistanceRange } from './bands';
