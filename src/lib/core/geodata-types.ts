/**
 * Types of the committed reference files in geodata/ (see geodata/README.md for sources and licences).
 * Coordinates are WGS84 [lon, lat]; areas km²; distances km.
 */
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { GeocodeLevel } from './geocode/geocoder';
import type { CoordinateConfidence, InstitutionField, InstitutionType } from './model';

/** geodata/prefectures.geo.json feature properties; the feature id is the code ("01".."47"). */
export interface PrefectureProperties {
	/** JIS X 0401 code, two digits: "13". */
	code: string;
	/** ASCII Hepburn without macrons: "Hyogo", "Tokyo". */
	name_en: string;
	/** "東京都". */
	name_ja: string;
	/** ISO 3166-2: "JP-13". */
	iso: string;
	/** A point inside the largest polygon, for the map label. */
	label: [number, number];
}
export type PrefectureFeature = Feature<Polygon | MultiPolygon, PrefectureProperties>;
export type PrefectureCollection = FeatureCollection<Polygon | MultiPolygon, PrefectureProperties>;

/** One member municipality of a field-study district (geodata/districts.json). */
export interface DistrictMunicipality {
	/** 全国地方公共団体コード without the check digit: "13111". */
	code5: string;
	/** With the check digit: "131113". */
	code6: string;
	name_en: string;
	name_ja: string;
	/** Reading in hiragana: "おおたく". */
	kana: string;
	/** Municipal office [lon, lat]. */
	office: [number, number];
	/** Land area, km² (approximate; see area_note). */
	area_km2: number;
	area_note: string;
	/** N03 codes whose boundaries make up the municipality (a designated city: its wards). */
	boundary_codes: string[];
}

/** A main industry of a district; verified=false when the fact is unconfirmed. */
export interface DistrictIndustry {
	en: string;
	ja: string;
	verified: boolean;
}

/** geodata/districts.json entries: the nine field-study districts. */
export interface District {
	id: DistrictId;
	name_en: string;
	name_ja: string;
	pref_code: string;
	pref_en: string;
	pref_ja: string;
	/** [lon, lat] of the district's reference point (the main municipal office). */
	center: [number, number];
	/** [west, south, east, north] of the district polygon (geodata/districts.geo.json). */
	bbox: [number, number, number, number];
	municipalities: DistrictMunicipality[];
	industries: DistrictIndustry[];
	sources: string[];
}

/** The nine district ids, in the order of the field study. */
export const DISTRICT_IDS = [
	'hitachi',
	'musashimurayama',
	'ota',
	'higashiosaka',
	'kiryu',
	'taito',
	'hamamatsu',
	'suwa',
	'fukui'
] as const;
export type DistrictId = (typeof DISTRICT_IDS)[number];

/**
 * geodata/districts.geo.json feature properties; the feature id is the district id. The geometry is
 * the union of the member municipalities' N03 boundaries (2021-01-01, 1 % simplified).
 */
export interface DistrictPolygonProperties {
	id: DistrictId;
	name_en: string;
	name_ja: string;
	pref_code: string;
	/** The 5-digit codes whose boundaries were unioned (a designated city's wards in its place). */
	boundary_codes: string[];
}
export type DistrictPolygonFeature = Feature<Polygon | MultiPolygon, DistrictPolygonProperties>;
export type DistrictPolygonCollection = FeatureCollection<Polygon | MultiPolygon, DistrictPolygonProperties>;

/**
 * A municipality of geodata/municipalities/PP.topo.json (object `municipalities`, feature id = code).
 * Designated cities appear only as their wards (大阪市東成区 27115); names are N03's, in Japanese.
 */
export interface MunicipalityProperties {
	/** 全国地方公共団体コード without the check digit: "13111". */
	code: string;
	/** JIS X 0401 prefecture code: "13". */
	pref_code: string;
	/** The name to show: N03_004, after its designated city for a ward ("大阪市東成区"). */
	name: string;
	/** Prefecture ("東京都"). */
	N03_001: string;
	/** Hokkaido's subprefecture (振興局), else null. */
	N03_002: string | null;
	/** County (郡) or designated city (政令指定都市), else null. */
	N03_003: string | null;
	/** Municipality or ward. */
	N03_004: string;
}
export type MunicipalityFeature = Feature<Polygon | MultiPolygon, MunicipalityProperties>;
export type MunicipalityCollection = FeatureCollection<Polygon | MultiPolygon, MunicipalityProperties>;

/** A designated city (政令指定都市): its own code has no boundary, its wards do. */
export interface DesignatedCity {
	code: string;
	name: string;
	wards: string[];
}

/** geodata/municipalities/index.json: what the per-prefecture files hold. */
export interface MunicipalityIndex {
	/** Date of the boundaries: "2021-01-01". */
	date: string;
	/** Share of the vertices kept: "1%". */
	simplification: string;
	source: string;
	credit: string;
	/** Municipalities per prefecture code ("13": 62); the file is `municipalities/13.topo.json`. */
	prefectures: Record<string, number>;
	designated_cities: DesignatedCity[];
}

/** geodata/institutions.geo.json feature properties; the feature id is the institution id. */
export interface InstitutionProperties {
	id: string;
	name_en: string;
	name_ja: string;
	type: InstitutionType;
	/** The type in the source's words ("national college of technology"). */
	type_detail: string;
	/** '' for an institution imported by the user. */
	district: DistrictId | '';
	/** code5 of the municipality the institution is in (not necessarily a district member). */
	municipality_code: string;
	address_ja: string;
	confidence: CoordinateConfidence;
	coord_source: string;
	/** The file an institution was imported from; absent for the bundled ones. */
	imported?: string;
	/** Research fields of its faculties (university campuses, and hand-sourced institutions matched to one). */
	fields?: InstitutionField[];
	/** The university in MEXT's list this is a campus of, with its MEXT code, campus name and faculties. */
	university?: string;
	university_en?: string;
	mext_code?: string;
	campus?: string;
	faculties?: string[];
	/** The level the geocoder reached for a campus's address; absent for hand-sourced points. */
	precision?: GeocodeLevel;
}
export type InstitutionCollection = FeatureCollection<Point, InstitutionProperties>;

/** geodata/universities.geo.json feature properties (one campus of MEXT's list); the feature id is the id. */
export interface UniversityCampusProperties {
	/** `<mext_code>-<n>`, n counting the university's merged campus addresses in the source's order. */
	id: string;
	university: string;
	university_en: string;
	mext_code: string;
	type: InstitutionType;
	/** Campus names the source gives (…キャンパス), '' when it gives none. */
	campus: string;
	/** Faculties (学部) and graduate schools (研究科) at this campus, by the rule in geodata/README.md. */
	faculties: string[];
	fields: InstitutionField[];
	/** The level the geocoder reached for the address. */
	precision: GeocodeLevel;
	address: string;
	matched_address: string;
	/** The geocoded municipality (N03 2021 code; '' when only the prefecture was found). */
	municipality_code: string;
	/** Set when a town-level point lies outside its municipality's polygon. */
	outside_municipality?: true;
}
/** A hand-sourced institution that is a campus of the list: the campus is not a feature, its faculties go here. */
export interface HandSourcedCampus {
	institution_id: string;
	campus_id: string;
	university: string;
	mext_code: string;
	campus: string;
	/** Distance between the hand-sourced point and the geocoded campus. */
	km: number;
	faculties: string[];
	fields: InstitutionField[];
}
export type UniversityCollection = FeatureCollection<Point, UniversityCampusProperties> & {
	hand_sourced: HandSourcedCampus[];
	/** Campuses whose address the geocoder could not place at all. */
	unplaced: { id: string; university: string; address: string; problem: string }[];
};

export type ClusterProgram = 'meti-industrial-cluster' | 'mext-knowledge-cluster';

/** geodata/cluster-programs.geo.json feature properties; the feature id is the id. */
export interface ClusterProgramProperties {
	id: string;
	program: ClusterProgram;
	name_en: string;
	name_ja: string;
	region: string;
	themes: string[];
	verified: boolean;
	note: string;
	/** The geometry is the union of whole prefectures, not the project's true area. */
	extent: 'prefectures of the region (approximate)';
	/** Prefecture codes whose union is the geometry. */
	pref_codes: string[];
}
export type ClusterProgramCollection = FeatureCollection<Polygon | MultiPolygon, ClusterProgramProperties>;
