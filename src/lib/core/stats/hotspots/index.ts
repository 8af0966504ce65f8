export { hotSpots, LISA_CLASSES, MIN_OCCUPIED_CELLS, MAX_EMPTY_SHARE, type HotSpotOptions, type HotSpotResult, type HotSpotWarning, type LisaClass } from './hotspots';
export { localStatistics, type Contiguity, type LocalStatistics } from './local-statistics';
export { conditionalPermutation, MAX_PERMUTATIONS, type PermutationPValues } from './conditional-permutation';
export { benjaminiHochberg, bonferroni } from './multiple-testing';
export { giStarBins, GI_STAR_LEVELS } from './gi-star-bins';
export { meshLattice, hexLattice, cellId, cellPolygon, meshCellId, hexCellId, hexAxial, GridTooLargeError, MAX_CELLS, type CellLattice } from './lattice';
