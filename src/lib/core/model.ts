/**
 * The data model shared by the engine, the worker, the CLI and the UI.
 * Coordinates are WGS84 [lon, lat] (GeoJSON order); distances are kilometres.
 */
import type { MultiPolygon, Polygon } from 'geojson';

/** Sphere radius used for every great-circle distance and buffer, as Turf. */
export const EARTH_RADIUS_KM = 6371.0088;

/** Institution types, styled and filtered by these keys. */
export const INSTITUTION_TYPES = [
	'national-university',
	'public-university',
	'private-university',
	'public-research-institute',
	'national-research-institute',
	'other'
] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];

/** Research fields of a university campus, derived from its faculty names (geodata/README.md, universities). */
export const INSTITUTION_FIELDS = ['engineering', 'science', 'medicine-health', 'agriculture', 'other'] as const;
export type InstitutionField = (typeof INSTITUTION_FIELDS)[number];

/** How precisely an institution's coordinate is known (see geodata/README.md). */
export type CoordinateConfidence = 'high' | 'medium' | 'low';

export interface Institution {
	id: string;
	name_en: string;
	name_ja: string;
	type: InstitutionType;
	lon: number;
	lat: number;
}

/** Where a zone came from; every source is the same kind of zone to the classifier. */
export type ZoneSource = 'drawn' | 'district' | 'municipality' | 'buffer' | 'detected' | 'imported';

export interface Zone {
	id: string;
	name: string;
	geometry: Polygon | MultiPolygon;
	source: ZoneSource;
	/** Parameters the zone was made with (radius, eps, threshold…), kept for export and re-runs. */
	parameters?: Record<string, unknown>;
	colour?: string;
}

/** Per-firm result of the engine, in the CLI's column order. */
export interface FirmClassification {
	zoneIds: string[];
	inside: boolean;
	nearestInstitutionId: string | null;
	nearestInstitutionKm: number | null;
	withinBuffer: boolean | null;
	problem: string | null;
}
