/**
 * What the density worker does with each message, apart from the worker global so it runs (and is
 * tested) in Node. The engine does the work; this file picks the firms of the area and the
 * filter, and turns results into what the map and the panel draw.
 */
import { contours } from 'd3-contour';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { buildZoneIndex, classifyFirms, classifyPoints } from '$lib/core/classify';
import {
	createLocalProjection,
	hexBin,
	kdeBandwidth,
	kernelDensity,
	locationQuotient,
	meshAggregate,
	meshBounds,
	meshPolygon,
	MESH_LEVELS,
	type DensityGrid
} from '$lib/core/density';
import { clusterZones, dbscan, dbscanStability, densityContours, type DetectedZone } from '$lib/core/detect';
import { densityRgba } from './density-image';
import { hotspotsReply } from './hotspots-handler';
import { stabilityReply } from './stability-handler';
import { durantonOvermanPart, mergeDurantonOverman, mergeRipley, niceStep, ripleyPart } from '$lib/core/stats/localization';
import {
	MAX_CELLS,
	MAX_KDE_CELLS,
	sizeClassOf,
	type Bbox,
	type CellProperties,
	type DensityFilter,
	type DensityReply,
	type DensityRequest,
	type DetectionMethod,
	type KdeReply
} from './density-protocol';

export interface DensityHandlerResult {
	reply: DensityReply;
	transfer: ArrayBuffer[];
}

/** Firms of one request: coordinates of those in the area passing the filter. */
interface AreaFirms {
	lons: Float64Array;
	lats: Float64Array;
	/** Index of each into the loaded firms. */
	index: Uint32Array;
}

const M_PER_DEG_LAT = 110_574;
const M_PER_DEG_LON_EQUATOR = 111_320;

/**
 * A message handler holding the firms between requests. `emit` receives progress replies while a
 * long request runs.
 *
 * @example
 * const handle = createDensityHandler();
 * handle({ type: 'load', id: 1, lons, lats, industry, industryCodes, employees });
 * const { reply } = handle({ type: 'mesh', id: 2, bbox, level: 'third', filter: { industries: null, sizeClasses: null } });
 */
export function createDensityHandler(): (request: DensityRequest, emit?: (reply: DensityReply) => void) => DensityHandlerResult {
	let lons: Float64Array = new Float64Array(0);
	let lats: Float64Array = new Float64Array(0);
	let industry: Uint16Array = new Uint16Array(0);
	let codes: string[] = [];
	let sizeClass: Uint8Array = new Uint8Array(0);
	/** Hexagon grid origin: fixed per dataset so hexagons stay put while the map pans. */
	let hexCentre: [number, number] = [0, 0];

	/** 1 for firms passing the filter (and inside the bbox when given). */
	const maskOf = (filter: DensityFilter, bbox?: Bbox): Uint8Array => {
		const wanted = filter.industries ? new Set(filter.industries) : null;
		const keepIndustry = wanted ? Uint8Array.from(codes, (code) => (wanted.has(code) ? 1 : 0)) : null;
		const classes = filter.sizeClasses ? new Set(filter.sizeClasses) : null;
		const keepClass = classes ? Uint8Array.from(SIZE_CODES, (c) => (c !== null && classes.has(c) ? 1 : 0)) : null;
		const mask = new Uint8Array(lons.length);
		for (let i = 0; i < lons.length; i++) {
			if (keepIndustry && keepIndustry[industry[i]] === 0) continue;
			if (keepClass && keepClass[sizeClass[i]] === 0) continue;
			if (bbox && !(lons[i] >= bbox[0] && lons[i] <= bbox[2] && lats[i] >= bbox[1] && lats[i] <= bbox[3])) continue;
			mask[i] = 1;
		}
		return mask;
	};

	const areaFirms = (filter: DensityFilter, bbox: Bbox): AreaFirms => {
		const mask = maskOf(filter, bbox);
		let m = 0;
		for (let i = 0; i < mask.length; i++) m += mask[i];
		const out = { lons: new Float64Array(m), lats: new Float64Array(m), index: new Uint32Array(m) };
		for (let i = 0, k = 0; i < mask.length; i++) {
			if (mask[i] === 0) continue;
			out.lons[k] = lons[i];
			out.lats[k] = lats[i];
			out.index[k++] = i;
		}
		return out;
	};

	return (request, emit) => {
		try {
			switch (request.type) {
				case 'load': {
					const n = request.lons.length;
					if (request.lats.length !== n || request.industry.length !== n || request.employees.length !== n) {
						throw new Error(`density worker: ${n} longitudes, ${request.lats.length} latitudes, ${request.industry.length} industries and ${request.employees.length} sizes; send one of each per firm.`);
					}
					lons = request.lons;
					lats = request.lats;
					industry = request.industry;
					codes = request.industryCodes;
					sizeClass = Uint8Array.from(request.employees, (e) => SIZE_CODES.indexOf(sizeClassOf(e)));
					hexCentre = centreOf(lons, lats);
					return { reply: { type: 'loaded', id: request.id, count: n }, transfer: [] };
				}
				case 'kde': {
					const area = areaFirms(request.filter, request.bbox);
					const grid = kdeGrid(area, request.bbox, request.kernel, request.bandwidthMetres, request.cellMetres, { lons, lats, filter: maskOf(request.filter) });
					const reply = kdeReply(request.id, grid, request.bandwidthMetres === null, area.lons.length);
					return { reply, transfer: [reply.rgba.buffer as ArrayBuffer] };
				}
				case 'mesh': {
					const counts = meshAggregate(lons, lats, { level: request.level, filter: maskOf(request.filter) });
					const [w, s, e, n] = request.bbox;
					const features: Feature<Polygon, CellProperties>[] = [];
					let count = 0;
					let inArea = 0;
					for (let c = 0; c < counts.codes.length; c++) {
						const [cw, cs, ce, cn] = meshBounds(counts.codes[c]);
						if (ce < w || cw > e || cn < s || cs > n) continue;
						count += counts.counts[c];
						if (++inArea > MAX_CELLS) continue;
						features.push({
							type: 'Feature',
							id: c,
							geometry: meshPolygon(counts.codes[c]),
							properties: {
								code: String(counts.codes[c]).padStart(MESH_LEVELS[request.level], '0'),
								count: counts.counts[c],
								areaKm2: counts.areaKm2[c],
								density: counts.density[c]
							}
						});
					}
					return { reply: cellsReply('mesh', request.id, features, count, inArea), transfer: [] };
				}
				case 'hex': {
					const counts = hexBin(lons, lats, { sizeMetres: request.sizeMetres, centre: hexCentre, filter: maskOf(request.filter) });
					const projection = createLocalProjection(hexCentre);
					const size = request.sizeMetres;
					const [w, s, e, n] = request.bbox;
					const features: Feature<Polygon, CellProperties>[] = [];
					let count = 0;
					let inArea = 0;
					for (let c = 0; c < counts.q.length; c++) {
						const cx = size * Math.sqrt(3) * (counts.q[c] + counts.r[c] / 2);
						const cy = size * 1.5 * counts.r[c];
						const [lon, lat] = projection.inverse(cx, cy);
						if (lon < w || lon > e || lat < s || lat > n) continue;
						count += counts.counts[c];
						if (++inArea > MAX_CELLS) continue;
						const ring: Position[] = Array.from({ length: 7 }, (_, k) => {
							const angle = (Math.PI / 180) * (60 * (k % 6) + 30);
							return projection.inverse(cx + size * Math.cos(angle), cy + size * Math.sin(angle));
						});
						features.push({
							type: 'Feature',
							id: c,
							geometry: { type: 'Polygon', coordinates: [ring] },
							properties: { code: `${counts.q[c]},${counts.r[c]}`, count: counts.counts[c], areaKm2: counts.hexAreaKm2, density: counts.density[c] }
						});
					}
					return { reply: cellsReply('hex', request.id, features, count, inArea), transfer: [] };
				}
				case 'lq': {
					const mask = maskOf({ industries: null, sizeClasses: request.filter.sizeClasses });
					const target = codes.indexOf(request.industry);
					const isIndustry = (i: number) => industry[i] === target;
					const regions = request.regions;
					let ids: string[];
					let result;
					if (regions.kind === 'membership') {
						if (regions.membership.length !== lons.length) throw new Error(`location quotient: ${regions.membership.length} region entries for ${lons.length} firms.`);
						ids = regions.ids;
						result = locationQuotient(regions.membership, ids.length, isIndustry, { weights: mask });
					} else {
						const classified = regions.kind === 'classified' ? regions : { ...classifyFirms(regions.zones, lons, lats), ids: regions.zones.map((zone) => zone.id) };
						ids = classified.ids;
						if (classified.offsets.length !== lons.length + 1) throw new Error(`location quotient: a classification of ${classified.offsets.length - 1} firms for ${lons.length} firms.`);
						result = locationQuotient(classified, ids.length, isIndustry, { weights: mask });
					}
					const reply: DensityReply = { type: 'lq', id: request.id, industry: request.industry, ids, lq: result.lq, industryCount: result.industry, total: result.total, share: result.share };
					return { reply, transfer: [] };
				}
				case 'detect': {
					const area = areaFirms(request.filter, request.bbox);
					const { zones, level } = detect(area, request.bbox, request.detection, request.stability === true);
					return { reply: { type: 'detect', id: request.id, zones, inside: insideCount(zones, area), total: area.lons.length, level }, transfer: [] };
				}
				case 'sensitivity': {
					const area = areaFirms(request.filter, request.bbox);
					const shares: number[] = [];
					const zoneCountsOut: number[] = [];
					const total = Math.max(1, area.lons.length);
					const grid = request.detection.method === 'kde-threshold' && area.lons.length > 1 ? thresholdGrid(area, request.bbox, request.detection) : null;
					for (const value of request.values) {
						let zones: DetectedZone[] = [];
						if (request.detection.method === 'dbscan') zones = detect(area, request.bbox, { ...request.detection, epsMetres: value }).zones;
						else if (grid) zones = densityContours(grid, area.lons, area.lats, { percentile: value }).zones;
						shares.push(insideCount(zones, area) / total);
						zoneCountsOut.push(zones.length);
					}
					return { reply: { type: 'sensitivity', id: request.id, method: request.detection.method, values: request.values, shares, zoneCounts: zoneCountsOut }, transfer: [] };
				}
				case 'hotspots': {
					const onProgress = (done: number, total: number) => emit?.({ type: 'progress', id: request.id, done, total });
					const reply = hotspotsReply(request, lons, lats, maskOf({ industries: null, sizeClasses: null }, request.bbox), maskOf(request.filter), hexCentre, onProgress);
					return { reply, transfer: [] };
				}
				case 'stability': {
					const onProgress = (done: number, total: number) => emit?.({ type: 'progress', id: request.id, done, total });
					return stabilityReply(request, lons, lats, maskOf(request.filter, request.bbox), cellFor, onProgress);
				}
				case 'duranton-overman': {
					const pool = areaFirms({ industries: null, sizeClasses: request.filter.sizeClasses }, request.bbox);
					const target = codes.indexOf(request.industry);
					const isIndustry = Uint8Array.from(pool.index, (i) => (industry[i] === target ? 1 : 0));
					const onProgress = (done: number, total: number) => emit?.({ type: 'progress', id: request.id, done, total });
					const options = { draws: request.draws, seed: request.seed, maxDistanceKm: 'median' as const, onProgress, range: request.range };
					const base = { id: request.id, industry: request.industry };
					if (request.statistic === 'ripley') {
						// About 100 distances up to the median: steps from the view's diagonal.
						const [w, s, e, n] = request.bbox;
						const diagonalKm = Math.hypot((e - w) * 111.32 * Math.cos((((s + n) / 2) * Math.PI) / 180), (n - s) * 110.57);
						const part = ripleyPart(pool.lons, pool.lats, isIndustry, { ...options, stepKm: niceStep(diagonalKm / 200) });
						if (request.range) return { reply: { type: 'duranton-overman-part', ...base, part: { statistic: 'ripley', part } }, transfer: [part.curves.buffer as ArrayBuffer] };
						return { reply: { type: 'duranton-overman', ...base, result: null, ripley: mergeRipley([part]) }, transfer: [] };
					}
					const part = durantonOvermanPart(pool.lons, pool.lats, isIndustry, options);
					if (request.range) return { reply: { type: 'duranton-overman-part', ...base, part: { statistic: 'duranton-overman', part } }, transfer: [part.curves.buffer as ArrayBuffer] };
					return { reply: { type: 'duranton-overman', ...base, result: mergeDurantonOverman([part]), ripley: null }, transfer: [] };
				}
			}
		} catch (error) {
			return { reply: { type: 'error', id: request.id, message: error instanceof Error ? error.message : String(error) }, transfer: [] };
		}
	};
}

/** Size-class index of each class code, position = the code stored per firm (255: unknown). */
const SIZE_CODES = ['1-9', '10-19', '20-99', '100-299', '300+', null] as const;

/** Centre of the firms' extent (finite coordinates only), [0, 0] when there are none. */
function centreOf(lons: Float64Array, lats: Float64Array): [number, number] {
	let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
	for (let i = 0; i < lons.length; i++) {
		if (!Number.isFinite(lons[i]) || !Number.isFinite(lats[i])) continue;
		w = Math.min(w, lons[i]);
		e = Math.max(e, lons[i]);
		s = Math.min(s, lats[i]);
		n = Math.max(n, lats[i]);
	}
	return w <= e ? [(w + e) / 2, (s + n) / 2] : [0, 0];
}

/**
 * The cell size for an area: at least the one asked for, larger when the area would need more
 * than MAX_KDE_CELLS cells (a country-wide view), so the grid stays quick to draw.
 */
function cellFor(bbox: Bbox, wanted: number): number {
	const midLat = ((bbox[1] + bbox[3]) / 2) * (Math.PI / 180);
	const widthM = (bbox[2] - bbox[0]) * M_PER_DEG_LON_EQUATOR * Math.cos(midLat);
	const heightM = (bbox[3] - bbox[1]) * M_PER_DEG_LAT;
	const needed = Math.sqrt((widthM * heightM) / MAX_KDE_CELLS);
	return Math.max(wanted, Math.ceil(needed / 10) * 10);
}

/** The KDE surface over the area: bandwidth by the default rule on the area's firms unless given. */
function kdeGrid(
	area: AreaFirms,
	bbox: Bbox,
	kernel: DensityGrid['kernel'],
	bandwidth: number | null,
	cell: number,
	all?: { lons: Float64Array; lats: Float64Array; filter: Uint8Array }
): DensityGrid {
	if (bandwidth === null && area.lons.length < 2) throw new Error('Fewer than 2 firms in view: zoom out, widen the filter or give a bandwidth in metres.');
	const h = bandwidth ?? kdeBandwidth(area.lons, area.lats, { kernel });
	const options = { kernel, bandwidthMetres: h, cellMetres: cellFor(bbox, cell), bbox, maxCells: MAX_KDE_CELLS * 2 };
	// Shown surfaces take every firm within the kernel's reach of the view, so its edges are not thinned.
	return all ? kernelDensity(all.lons, all.lats, { ...options, filter: all.filter }) : kernelDensity(area.lons, area.lats, options);
}

/** The grid a threshold detection contours: the area's firms only, so zones count what the view holds. */
function thresholdGrid(area: AreaFirms, bbox: Bbox, detection: Extract<DetectionMethod, { method: 'kde-threshold' }>): DensityGrid {
	return kdeGrid(area, bbox, detection.kernel, detection.bandwidthMetres, detection.cellMetres);
}

function detect(area: AreaFirms, bbox: Bbox, detection: DetectionMethod, stability = false): { zones: DetectedZone[]; level: number | null } {
	if (area.lons.length === 0) return { zones: [], level: null };
	if (detection.method === 'dbscan') {
		const options = { epsMetres: detection.epsMetres, minPts: detection.minPts };
		const result = dbscan(area.lons, area.lats, options);
		const zones = clusterZones(area.lons, area.lats, result, { ...options, hull: detection.hull });
		// Zone k is cluster k of the run, as the stability scores are numbered.
		const scores = stability ? dbscanStability(area.lons, area.lats, result, options) : null;
		return { zones: zones.map(({ members: _members, ...zone }, k) => (scores ? { ...zone, parameters: { ...zone.parameters, stability: scores[k] } } : zone)), level: null };
	}
	if (area.lons.length < 2) return { zones: [], level: null };
	const grid = thresholdGrid(area, bbox, detection);
	const options = detection.level !== null ? { level: detection.level } : { percentile: detection.percentile ?? 90 };
	return densityContours(grid, area.lons, area.lats, options);
}

/** Area firms inside any of the zones (boundary inside; overlapping zones count a firm once). */
function insideCount(zones: DetectedZone[], area: AreaFirms): number {
	if (zones.length === 0) return 0;
	const { inside } = classifyPoints(buildZoneIndex(zones), area.lons, area.lats);
	let count = 0;
	for (let i = 0; i < inside.length; i++) count += inside[i];
	return count;
}

/** The cells of the area, or none (with their number) when there are too many to draw. */
function cellsReply(type: 'mesh' | 'hex', id: number, features: Feature<Polygon, CellProperties>[], count: number, inArea: number): DensityReply {
	if (inArea > MAX_CELLS) return { type, id, cells: { type: 'FeatureCollection', features: [] }, breaks: [], count, tooMany: inArea };
	return { type, id, cells: { type: 'FeatureCollection', features }, breaks: quantileBreaks(features), count, tooMany: 0 };
}

/** Up to five classes with about as many cells each; breaks are distinct and ascending. */
function quantileBreaks(features: Feature<Polygon, CellProperties>[], classes = 5): number[] {
	const values = features.map((f) => f.properties.density).sort((a, b) => a - b);
	if (values.length === 0) return [];
	const breaks: number[] = [];
	for (let k = 1; k < classes; k++) {
		const v = values[Math.min(values.length - 1, Math.floor((k / classes) * values.length))];
		if (v > values[0] && (breaks.length === 0 || v > breaks[breaks.length - 1])) breaks.push(v);
	}
	return breaks;
}

/** Contour levels for the legend and the lines: round numbers at fractions of the peak. */
export function contourLevels(max: number): number[] {
	if (!(max > 0)) return [];
	const levels = [0.1, 0.25, 0.5, 0.75].map((f) => roundNice(f * max));
	return levels.filter((v, k) => v > 0 && (k === 0 || v > levels[k - 1]));
}

function roundNice(x: number): number {
	const power = 10 ** Math.floor(Math.log10(x));
	return Math.round(x / power * 2) / 2 * power;
}

function kdeReply(id: number, grid: DensityGrid, defaultBandwidth: boolean, inView: number): KdeReply {
	const { width, height, cellMetres, origin, values } = grid;
	const projection = createLocalProjection(grid.centre);
	const [x0, y0] = origin;
	const x1 = x0 + width * cellMetres;
	const y1 = y0 + height * cellMetres;
	const corner = (x: number, y: number) => projection.inverse(x, y) as [number, number];
	let max = 0;
	for (let k = 0; k < values.length; k++) if (values[k] > max) max = values[k];
	const levels = contourLevels(max);
	const lonLat: [number, number] = [0, 0];
	const toLonLat = (ring: Position[]): Position[] =>
		ring.map(([gx, gy]) => {
			projection.inverse(x0 + gx * cellMetres, y0 + gy * cellMetres, lonLat);
			return [lonLat[0], lonLat[1]];
		});
	const lines = contours()
		.size([width, height])
		.thresholds(levels)(values as unknown as number[])
		.filter((c) => c.coordinates.length > 0)
		.map((c) => ({
			type: 'Feature' as const,
			properties: { level: c.value },
			geometry: { type: 'MultiPolygon', coordinates: c.coordinates.map((polygon) => polygon.map(toLonLat)) } as MultiPolygon
		}));
	return {
		type: 'kde',
		id,
		width,
		height,
		rgba: densityRgba(values, width, height, max),
		corners: [corner(x0, y1), corner(x1, y1), corner(x1, y0), corner(x0, y0)],
		max,
		cellMetres,
		bandwidthMetres: grid.bandwidthMetres,
		defaultBandwidth,
		kernel: grid.kernel,
		count: inView,
		contours: { type: 'FeatureCollection', features: lines },
		levels
	};
}

