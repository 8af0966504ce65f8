export { buildPolygonBands, pointInPart, partCrossesBox, type PolygonBands } from './polygon-bands';
export { cellTree, leafAt, PAD, SPLIT_AFTER, type CellTree, type Refine } from './cell-tree';
