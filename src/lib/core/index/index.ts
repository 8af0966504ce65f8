export { buildPolygonBands, pointInPart, partCrossesBox, type PolygonBands } from './polygon-bands';
export { builtCells, cellTree, leafAt, restoreCells, PAD, SPLIT_AFTER, type BuiltCells, type CellTree, type Refine } from './cell-tree';
