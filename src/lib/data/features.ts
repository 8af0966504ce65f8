/**
 * GeoJSON the map draws, derived from the reference geodata. Pure functions.
 */
import { bbox as turfBbox } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { District, DistrictExtentCollection, DistrictId, PrefectureCollection } from '$lib/core/geodata-types';
import type { PrefectureSearchInput } from './search';

export interface LabelProperties {
	id: string;
	name_en: string;
	name_ja: string;
}

/**
 * Label points of the prefectures (their `label` property, a point inside the largest polygon).
 *
 * @example
 * prefectureLabelPoints(prefectures).features[12].properties.name_ja // → '東京都'
 */
export function prefectureLabelPoints(prefectures: PrefectureCollection): FeatureCollection<Point, LabelProperties> {
	return {
		type: 'FeatureCollection',
		features: prefectures.features.map((f) => ({
			type: 'Feature',
			id: f.properties.code,
			properties: { id: f.properties.code, name_en: f.properties.name_en, name_ja: f.properties.name_ja },
			geometry: { type: 'Point', coordinates: f.properties.label }
		}))
	};
}

/**
 * Label points of the field-study districts, at each district's reference point.
 *
 * @example
 * districtLabelPoints(districts).features.length // → 9
 */
export function districtLabelPoints(districts: readonly District[]): FeatureCollection<Point, LabelProperties> {
	return {
		type: 'FeatureCollection',
		features: districts.map((d) => ({
			type: 'Feature',
			id: d.id,
			properties: { id: d.id, name_en: d.name_en, name_ja: d.name_ja },
			geometry: { type: 'Point', coordinates: d.center }
		}))
	};
}

/**
 * Label points of the district member municipalities, at their municipal offices.
 *
 * @example
 * municipalityLabelPoints(districts).features.find((f) => f.id === '27212')?.properties.name_ja // → '八尾市'
 */
export function municipalityLabelPoints(districts: readonly District[]): FeatureCollection<Point, LabelProperties> {
	return {
		type: 'FeatureCollection',
		features: districts.flatMap((d) =>
			d.municipalities.map((m) => ({
				type: 'Feature' as const,
				id: m.code5,
				properties: { id: m.code5, name_en: m.name_en, name_ja: m.name_ja },
				geometry: { type: 'Point' as const, coordinates: m.office }
			}))
		)
	};
}

/**
 * Prefecture names and bounding boxes for the place search.
 *
 * @example
 * prefectureSearchInputs(prefectures)[12] // → { code: '13', name_en: 'Tokyo', name_ja: '東京都', bbox: [...] }
 */
export function prefectureSearchInputs(prefectures: PrefectureCollection): PrefectureSearchInput[] {
	return prefectures.features.map((f) => ({
		code: f.properties.code,
		name_en: f.properties.name_en,
		name_ja: f.properties.name_ja,
		bbox: turfBbox(f).slice(0, 4) as [number, number, number, number]
	}));
}

/** Properties of a district municipality on the map, approximate circle or real boundary. */
export interface ExtentProperties {
	district_id: DistrictId;
	code5: string;
	name_en: string;
	name_ja: string;
	approximate: boolean;
	area_km2: number;
	/** Radius of the equal-area circle; absent for a real boundary. */
	radius_km?: number;
}

export type ExtentFeature = Feature<Polygon | MultiPolygon, ExtentProperties>;

/**
 * The district extents with each approximate circle replaced by the municipality's real
 * boundary where one has been loaded; the order of the extents is kept.
 *
 * @example
 * withRealBoundaries(extents, new Map([['13111', otaBoundary]]))
 */
export function withRealBoundaries(
	extents: DistrictExtentCollection,
	boundaries: ReadonlyMap<string, ExtentFeature>
): FeatureCollection<Polygon | MultiPolygon, ExtentProperties> {
	return {
		type: 'FeatureCollection',
		features: extents.features.map((f) => boundaries.get(f.properties.code5) ?? (f as ExtentFeature))
	};
}
