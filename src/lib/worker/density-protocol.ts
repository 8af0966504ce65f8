/**
 * Messages between the app and the density worker. The firms are sent once; every later request
 * names an area and a filter and gets one reply carrying its id, so the client can drop replies
 * that a newer request of the same kind has made stale. Duranton–Overman also sends progress.
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { MeshLevel } from '$lib/core/density';
import type { KernelName } from '$lib/core/density';
import type { DetectedZone } from '$lib/core/detect';
import type { Zone } from '$lib/core/model';
import type { DrawRange, DurantonOvermanPart, DurantonOvermanResult, RipleyPart, RipleyResult } from '$lib/core/stats/localization';
import type { StabilityReply, StabilityRequest } from './stability-protocol';

/** [west, south, east, north], degrees. */
export type Bbox = [number, number, number, number];

/** Firm size classes by employees (the smallest class holds 1–9 employees). */
export const SIZE_CLASSES = ['1-9', '10-19', '20-99', '100-299', '300+'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

/**
 * The size class of a number of employees, or null when unknown.
 *
 * @example
 * sizeClassOf(15); // '10-19'
 */
export function sizeClassOf(employees: number): SizeClass | null {
	if (!Number.isFinite(employees) || employees < 0) return null;
	if (employees < 10) return '1-9';
	if (employees < 20) return '10-19';
	if (employees < 100) return '20-99';
	if (employees < 300) return '100-299';
	return '300+';
}

/** Which firms a measure counts: null lists mean all. */
export interface DensityFilter {
	/** JSIC medium codes to keep. */
	industries: string[] | null;
	sizeClasses: SizeClass[] | null;
}

/** Firms with what the filters need, sent once; the buffers are transferred. */
export interface DensityLoadRequest {
	type: 'load';
	id: number;
	lons: Float64Array;
	lats: Float64Array;
	/** Index into `industryCodes` per firm. */
	industry: Uint16Array;
	industryCodes: string[];
	/** Employees per firm, NaN when unknown. */
	employees: Float64Array;
}

export interface KdeRequest {
	type: 'kde';
	id: number;
	bbox: Bbox;
	kernel: KernelName;
	/** Metres; null for the default rule on the firms in the area. */
	bandwidthMetres: number | null;
	/** Smallest cell wanted, metres; the worker makes it larger to stay under MAX_KDE_CELLS. */
	cellMetres: number;
	filter: DensityFilter;
}

export interface MeshRequest {
	type: 'mesh';
	id: number;
	bbox: Bbox;
	level: MeshLevel;
	filter: DensityFilter;
}

export interface HexRequest {
	type: 'hex';
	id: number;
	bbox: Bbox;
	sizeMetres: number;
	filter: DensityFilter;
}

/**
 * Regions for location quotients: a region index per firm (from a code column), the zones of every
 * firm as already classified (the user's zones: the analysis worker's classification), or region
 * shapes to classify the firms into.
 */
export type LqRegions =
	| { kind: 'membership'; ids: string[]; membership: Int32Array }
	| { kind: 'classified'; ids: string[]; offsets: Uint32Array; zoneIndices: Uint32Array }
	| { kind: 'zones'; zones: Zone[] };

export interface LqRequest {
	type: 'lq';
	id: number;
	industry: string;
	regions: LqRegions;
	/** Applied to every firm, numerator and denominator alike (size class). */
	filter: DensityFilter;
}

export type DetectionMethod =
	| { method: 'dbscan'; epsMetres: number; minPts: number; hull: 'convex' | 'concave' }
	| { method: 'kde-threshold'; kernel: KernelName; bandwidthMetres: number | null; cellMetres: number; level: number | null; percentile: number | null };

export interface DetectRequest {
	type: 'detect';
	id: number;
	bbox: Bbox;
	filter: DensityFilter;
	detection: DetectionMethod;
	/** DBSCAN: also score each cluster's stability across eps (eight more runs), in its parameters.stability. */
	stability?: boolean;
}

/** Inside share of the area's firms for a range of eps (DBSCAN) or percentiles (KDE threshold). */
export interface SensitivityRequest {
	type: 'sensitivity';
	id: number;
	bbox: Bbox;
	filter: DensityFilter;
	detection: DetectionMethod;
	/** eps in metres or percentiles, one run each. */
	values: number[];
}

export interface DurantonOvermanRequest {
	type: 'duranton-overman';
	id: number;
	bbox: Bbox;
	industry: string;
	/** Duranton–Overman's K-density, or Ripley's L as the simpler cumulative option. */
	statistic: 'duranton-overman' | 'ripley';
	draws: number;
	seed: number;
	/** Size classes of the pool and the industry alike. */
	filter: DensityFilter;
	/**
	 * Only these draws of the seeded run, answered with a part (DurantonOvermanPartReply) for the
	 * app to merge with the other workers' parts; without it, the whole test in one reply.
	 */
	range?: DrawRange;
}

/**
 * Hot spots over the cells of a grid in the rectangle spanning the area's firms (all of them; the
 * filter chooses which are counted): Gi*, local Moran's I, conditional permutations.
 */
export interface HotspotsRequest {
	type: 'hotspots';
	id: number;
	bbox: Bbox;
	grid: { kind: 'mesh'; level: MeshLevel } | { kind: 'hex'; sizeMetres: number };
	filter: DensityFilter;
	permutations: number;
	seed: number;
}

export type DensityRequest = DensityLoadRequest | KdeRequest | MeshRequest | HexRequest | LqRequest | DetectRequest | SensitivityRequest | DurantonOvermanRequest | HotspotsRequest | StabilityRequest;

export interface LoadedReply {
	type: 'loaded';
	id: number;
	count: number;
}

export interface KdeReply {
	type: 'kde';
	id: number;
	width: number;
	height: number;
	/** The surface as image pixels, north row first, coloured by densityRgba. */
	rgba: Uint8ClampedArray;
	/** Corners of the grid [lon, lat]: top-left, top-right, bottom-right, bottom-left (as an image source wants). */
	corners: [[number, number], [number, number], [number, number], [number, number]];
	max: number;
	cellMetres: number;
	bandwidthMetres: number;
	/** True when the bandwidth came from the default rule. */
	defaultBandwidth: boolean;
	kernel: KernelName;
	/** Firms in view passing the filter (those within the kernel's reach outside it add density too). */
	count: number;
	/** Contour lines at `levels` firms per km², each feature with a `level` property. */
	contours: FeatureCollection<Polygon | MultiPolygon, { level: number }>;
	levels: number[];
}

/** Properties of a mesh or hexagon cell feature. */
export interface CellProperties {
	/** Mesh code (digit string) or "q,r" of a hexagon. */
	code: string;
	count: number;
	areaKm2: number;
	density: number;
}

export interface CellsReply {
	type: 'mesh' | 'hex';
	id: number;
	cells: FeatureCollection<Polygon, CellProperties>;
	/** Densities that split the cells into classes of about equal numbers (quantile breaks). */
	breaks: number[];
	/** Firms in the area counted. */
	count: number;
	/** Cells in the area when there were more than MAX_CELLS (none are sent then), else 0. */
	tooMany: number;
}

/** Properties of a hot-spot cell: null where a statistic is undefined (see stats/hotspots). */
export interface HotspotCellProperties {
	/** Mesh code, or q…r… of a hexagon. */
	code: string;
	count: number;
	giZ: number | null;
	/** Folded permutation p, its BH q and Bonferroni adjustment. */
	giP: number | null;
	giQ: number | null;
	giBonferroni: number | null;
	moranI: number | null;
	moranZ: number | null;
	moranP: number | null;
	moranQ: number | null;
	moranBonferroni: number | null;
	/** Signs of the cell's deviation and its neighbours' mean deviation: HH, LL, HL, LH (whether significant is the map's choice). */
	quadrant: 'HH' | 'LL' | 'HL' | 'LH' | null;
}

export interface HotspotsReply {
	type: 'hotspots';
	id: number;
	cells: FeatureCollection<Polygon, HotspotCellProperties>;
	/** Firms counted, and cells in the rectangle. */
	count: number;
	cellCount: number;
	/** Cells in the rectangle when there were more than MAX_CELLS (nothing computed then), else 0. */
	tooMany: number;
	/** The engine's guardrails, worded (English) for the panel. */
	warnings: { code: string; cells: number; message: string }[];
	permutations: number;
	seed: number;
}

export interface LqReply {
	type: 'lq';
	id: number;
	industry: string;
	/** Per region, in the request's order. */
	ids: string[];
	lq: Float64Array;
	industryCount: Float64Array;
	total: Float64Array;
	share: number;
}

export interface DetectReply {
	type: 'detect';
	id: number;
	zones: DetectedZone[];
	/** Firms of the area (passing the filter) inside any zone, and in the area. */
	inside: number;
	total: number;
	/** The KDE threshold used, firms per km² (for the threshold method). */
	level: number | null;
}

export interface SensitivityReply {
	type: 'sensitivity';
	id: number;
	method: DetectionMethod['method'];
	values: number[];
	/** Inside share (0–1) per value. */
	shares: number[];
	zoneCounts: number[];
}

export interface ProgressReply {
	type: 'progress';
	id: number;
	done: number;
	total: number;
}

export interface DurantonOvermanReply {
	type: 'duranton-overman';
	id: number;
	industry: string;
	/** Set for the Duranton–Overman statistic… */
	result: DurantonOvermanResult | null;
	/** …or for Ripley's L. */
	ripley: RipleyResult | null;
}

/** One range of the draws of a test; its curves are transferred. */
export interface DurantonOvermanPartReply {
	type: 'duranton-overman-part';
	id: number;
	industry: string;
	part: { statistic: 'duranton-overman'; part: DurantonOvermanPart } | { statistic: 'ripley'; part: RipleyPart };
}

export interface DensityErrorReply {
	type: 'error';
	id: number;
	message: string;
}

export type DensityReply =
	| LoadedReply
	| KdeReply
	| CellsReply
	| LqReply
	| DetectReply
	| SensitivityReply
	| ProgressReply
	| DurantonOvermanReply
	| DurantonOvermanPartReply
	| HotspotsReply
	| StabilityReply
	| DensityErrorReply;

/** Most mesh or hexagon cells sent to the map at once. */
export const MAX_CELLS = 20_000;

/** Largest KDE grid sent to the map, in cells: the cell grows with the area to stay under it. */
export const MAX_KDE_CELLS = 400_000;
