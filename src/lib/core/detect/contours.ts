import { contours } from 'd3-contour';
import type { Position } from 'geojson';
import { buildZoneIndex } from '../classify/zone-index';
import { classifyPoints } from '../classify/classify-points';
import type { DensityGrid } from '../density/kde';
import { createLocalProjection } from '../density/local-projection';
import type { FirmFilter } from '../density/select-firms';
import { orient, twiceSignedArea, type DetectedZone } from './detected-zone';

export interface DensityContourOptions {
	/** Density threshold in firms per km². Give this or `percentile`. */
	level?: number;
	/** Threshold as the k-th percentile (0–100) of the non-zero cells; default 90 when `level` is not given. */
	percentile?: number;
	/** Firms to count inside the zones; pass the filter the grid was made with. Default all. */
	filter?: FirmFilter;
	/** Zone ids are `${idPrefix}-1`, `${idPrefix}-2`… in order of firm count, largest first. Default 'kde'. */
	idPrefix?: string;
}

/**
 * Zones where the kernel density is at least a level: the contour polygons of the grid (marching
 * squares with linear interpolation between cell centres, by d3-contour), one zone per connected
 * polygon, holes kept, rings turned to RFC 7946 orientation and taken back to lon/lat. Each zone
 * records its method and parameters and the firms inside it, its area and density. Areas are
 * measured in the grid's equal-area projection.
 *
 * @param grid from kernelDensity
 * @param lons firm longitudes (the firms the grid was made from), degrees
 * @param lats firm latitudes, degrees
 * @param options see {@link DensityContourOptions}
 * @returns the zones, largest firm count first, and the level used
 * @example
 * const grid = kernelDensity(lons, lats, { bandwidthMetres: 1000 });
 * const { zones, level } = densityContours(grid, lons, lats, { percentile: 95 });
 * zones[0].parameters; // { method: 'kde-threshold', level, percentile: 95, bandwidthMetres: 1000, kernel: 'quartic', cellMetres: 250 }
 */
export function densityContours(
	grid: DensityGrid,
	lons: ArrayLike<number>,
	lats: ArrayLike<number>,
	options: DensityContourOptions = {}
): { zones: DetectedZone[]; level: number } {
	const { width, height, values, cellMetres, origin } = grid;
	if (values.length !== width * height) throw new Error(`densityContours: the grid has ${values.length} values for ${width} × ${height} cells.`);
	const percentile = options.level === undefined ? (options.percentile ?? 90) : undefined;
	if (percentile !== undefined && !(percentile >= 0 && percentile <= 100)) {
		throw new Error(`densityContours: percentile must be between 0 and 100, got ${percentile}.`);
	}
	const level = options.level ?? percentileOfNonZero(values, percentile!);
	if (!(level > 0) || !Number.isFinite(level)) {
		throw new Error(
			`densityContours: the level must be a positive density (firms per km²), got ${level}${percentile !== undefined ? ` from the ${percentile}th percentile — the grid has no non-zero cells` : ''}.`
		);
	}

	const projection = createLocalProjection(grid.centre);
	const lonLat: [number, number] = [0, 0];
	// d3-contour puts value (i, j) at (i + ½, j + ½), exactly our cell centres.
	const toLonLat = (ring: Position[]): Position[] =>
		ring.map(([gx, gy]) => {
			projection.inverse(origin[0] + gx * cellMetres, origin[1] + gy * cellMetres, lonLat);
			return [lonLat[0], lonLat[1]];
		});
	const cellKm2 = (cellMetres * cellMetres) / 1e6;

	const multi = contours().size([width, height]).contour(values as unknown as number[], level);
	const found = multi.coordinates.map((polygon) => ({
		// Area in the equal-area plane: outer ring minus holes, in cells, times the cell area.
		areaKm2: ((Math.abs(twiceSignedArea(polygon[0])) - polygon.slice(1).reduce((s, hole) => s + Math.abs(twiceSignedArea(hole)), 0)) / 2) * cellKm2,
		rings: polygon.map((ring, k) => orient(toLonLat(ring), k === 0))
	}));

	const parameters = {
		method: 'kde-threshold',
		level,
		...(percentile !== undefined ? { percentile } : {}),
		bandwidthMetres: grid.bandwidthMetres,
		kernel: grid.kernel,
		cellMetres
	};
	const zones: DetectedZone[] = found.map((f, k) => ({
		id: String(k),
		name: '',
		geometry: { type: 'Polygon', coordinates: f.rings },
		source: 'detected',
		parameters: { ...parameters },
		firmCount: 0,
		areaKm2: f.areaKm2,
		density: 0
	}));
	countFirms(zones, lons, lats, options.filter);
	zones.sort((a, b) => b.firmCount - a.firmCount || b.areaKm2 - a.areaKm2);
	const prefix = options.idPrefix ?? 'kde';
	zones.forEach((zone, k) => {
		zone.id = `${prefix}-${k + 1}`;
		zone.name = `Density ≥ ${level.toPrecision(3)} firms/km² (${k + 1})`;
		zone.density = zone.areaKm2 > 0 ? zone.firmCount / zone.areaKm2 : 0;
	});
	return { zones, level };
}

/**
 * The p-th percentile (linear interpolation between order statistics) of the non-zero values.
 * @example
 * percentileOfNonZero(Float32Array.of(0, 1, 2, 3), 50); // 2
 * @internal
 */
export function percentileOfNonZero(values: Float32Array, p: number): number {
	let n = 0;
	for (let i = 0; i < values.length; i++) if (values[i] > 0) n++;
	if (n === 0) return NaN;
	const positive = new Float32Array(n);
	for (let i = 0, k = 0; i < values.length; i++) if (values[i] > 0) positive[k++] = values[i];
	positive.sort();
	const at = (p / 100) * (n - 1);
	const lo = Math.floor(at);
	const hi = Math.min(n - 1, lo + 1);
	return positive[lo] + (positive[hi] - positive[lo]) * (at - lo);
}

/** Sets firmCount of each zone: firms inside it (boundary inside), among those passing the filter. */
function countFirms(zones: DetectedZone[], lons: ArrayLike<number>, lats: ArrayLike<number>, filter?: FirmFilter): void {
	if (zones.length === 0) return;
	const n = lons.length;
	if (lats.length !== n) throw new Error(`densityContours: ${n} longitudes but ${lats.length} latitudes; pass arrays of the same length.`);
	const { offsets, zoneIndices } = classifyPoints(buildZoneIndex(zones), Float64Array.from(lons), Float64Array.from(lats));
	for (let i = 0; i < n; i++) {
		if (filter !== undefined && (filter instanceof Uint8Array ? filter[i] === 0 : !filter(i))) continue;
		for (let k = offsets[i]; k < offsets[i + 1]; k++) zones[zoneIndices[k]].firmCount++;
	}
}
