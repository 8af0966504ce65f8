export { durantonOverman, durantonOvermanPart, mergeDurantonOverman, type DurantonOvermanOptions, type DurantonOvermanPart, type DurantonOvermanResult } from './duranton-overman';
export { ripleyKL, ripleyPart, mergeRipley, type RipleyOptions, type RipleyPart, type RipleyResult } from './ripley';
export { splitDraws } from './draw-parts';
export { niceStep } from './reflected-kernel';
export type { ConfidenceBands, DistanceRange } from './bands';
export type { DrawRange } from './counterfactuals';
