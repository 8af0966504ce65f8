/**
 * The MLIT N03 administrative boundaries (2021-01-01) as TopoJSON from SmartNews Media Research
 * Institute's japan-topography, read from the project's shared data folder (see geodata/README.md).
 * The only geodata input outside the repository: the build reads it, the app and CLI never do.
 */
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { GeometryCollection, MultiPolygon, Polygon, Topology } from 'topojson-specification';
import { readJson } from './io';
import { REPO_DIR, SOURCES_DIR } from './paths';

/** The shared data folder: `CLUSTER_MAP_SHARED_DATA`, else `shared/data` beside the repository. */
export function sharedDataDir(): string {
	return process.env.CLUSTER_MAP_SHARED_DATA ?? join(REPO_DIR, '..', 'shared', 'data');
}

/**
 * All Japan, 1 % simplified, in one topology: neighbouring municipalities and prefectures share
 * their border arcs, so every border agrees. (The per-prefecture files of the same release were
 * simplified one by one; their common borders differ by 75 m in the median and by over 300 m in one
 * place out of ten on the Tokyo–Saitama border, so they are not used.)
 */
export const N03_ALL = 'municipalities/topojson/s0010/N03-21_210101.json';
/** The same boundaries with each designated city as one feature: read for the cities' own codes. */
export const N03_DESIGNATED = 'municipalities/topojson/s0010/N03-21_210101_designated_city.json';

export const N03_DATE = '2021-01-01';
/** Share of the source's vertices kept (japan-topography's s0010 files). */
export const N03_SIMPLIFICATION = '1%';
export const N03_CREDIT = '「国土数値情報（行政区域データ）」（国土交通省）を加工して作成';
export const N03_SOURCE =
	'MLIT National Land Numerical Information, Administrative Zones (N03), 2021-01-01, as TopoJSON simplified to 1 % by SmartNews Media Research Institute (github.com/smartnews-smri/japan-topography, commit b403e71)';

export interface N03Properties {
	N03_001: string;
	N03_002: string | null;
	N03_003: string | null;
	N03_004: string | null;
	N03_007: string | null;
}
export type N03Geometry = (Polygon<N03Properties> | MultiPolygon<N03Properties>) & { properties: N03Properties };
export type N03Topology = Topology<{ [name: string]: GeometryCollection<N03Properties> }>;

/** Reads a shared-data TopoJSON file and its single object, naming what to do when it is missing. */
export function readN03(relative: string): { topology: N03Topology; geometries: N03Geometry[] } {
	// The two N03 files are committed verbatim under geodata/sources/n03/ (3 MB), so a rebuild — and
	// the "committed = rebuilt" test — needs nothing outside the repository.
	const path = join(SOURCES_DIR, 'n03', basename(relative));
	if (!existsSync(path)) throw new Error(`${path} is missing: copy it from ${join(sharedDataDir(), relative)}`);
	const topology = readJson<N03Topology>(path);
	const objects = Object.values(topology.objects);
	if (objects.length !== 1 || objects[0].type !== 'GeometryCollection') throw new Error(`${path}: expected one GeometryCollection`);
	const geometries = objects[0].geometries.filter((g): g is N03Geometry => g.type === 'Polygon' || g.type === 'MultiPolygon');
	if (geometries.length !== objects[0].geometries.length) throw new Error(`${path}: a geometry is not a polygon`);
	return { topology, geometries };
}
