/**
 * GeoJSON the map draws, derived from the reference geodata. Pure functions.
 */
import { bbox as turfBbox } from '@turf/turf';
import type { FeatureCollection, Point } from 'geojson';
import type { District, MunicipalityFeature, PrefectureCollection } from '$lib/core/geodata-types';
import { labelPoint } from '$lib/core/geography';
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

/** A municipality's name label: N03's Japanese name, and the English one of a district member. */
export interface MunicipalityLabelProperties {
	code: string;
	name: string;
	name_en?: string;
}

/**
 * Label points of loaded municipalities (a point well inside the largest part of each).
 *
 * @example
 * municipalityNamePoints(features, districts).features[0].properties // → { code: '13101', name: '千代田区' }
 */
export function municipalityNamePoints(municipalities: readonly MunicipalityFeature[], districts: readonly District[]): FeatureCollection<Point, MunicipalityLabelProperties> {
	const english = new Map(districts.flatMap((d) => d.municipalities.map((m) => [m.code5, m.name_en] as const)));
	return {
		type: 'FeatureCollection',
		features: municipalities.map((f) => {
			const name_en = english.get(f.properties.code);
			return {
				type: 'Feature',
				id: Number(f.properties.code),
				properties: { code: f.properties.code, name: f.properties.name, ...(name_en ? { name_en } : {}) },
				geometry: { type: 'Point', coordinates: labelPoint(f.geometry) }
			};
		})
	};
}
