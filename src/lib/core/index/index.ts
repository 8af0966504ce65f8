export { buildPolygonBands, pointInPart, type PolygonBands } from './polygon-bands';
