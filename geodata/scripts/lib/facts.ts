/**
 * The parts of geodata/sources/facts.json and institutions.json the builds read, typed.
 * Both files are verbatim copies of the project's checked facts (see geodata/README.md).
 */
import { readSource } from './io';

export interface RawMunicipality {
	name_en: string;
	name_ja: string;
	name_kana: string;
	code5: string;
	code6: string;
	office_lat: number;
	office_lon: number;
	office_coord_source: string;
	confidence: string;
	note?: string;
}

export interface RawDistrict {
	id: string;
	name_en: string;
	name_ja: string;
	pref_ja: string;
	pref_en: string;
	pref_code: string;
	municipalities: RawMunicipality[];
	main_industries: string[];
	industry_sources: string[];
	center: { lat: number; lon: number; basis: string };
}

export interface RawMetiProject {
	region: string;
	name_ja: string;
	name_en: string;
	industries: string[];
	verified: boolean;
	note?: string;
}

export interface RawMextRegion {
	region: string;
	core_city: string;
	theme: string;
	start: string;
	verified: boolean;
	note?: string;
}

export interface RawFacts {
	districts: RawDistrict[];
	meti_industrial_cluster: { projects_first_term: RawMetiProject[] };
	mext_knowledge_cluster: { phase1_regions: RawMextRegion[] };
	boundary_polygons: { primary: { raw_url_pattern: string } };
	statistics: { item: string; value: string; source: string }[];
}

export interface RawInstitution {
	id: string;
	name_en: string;
	name_ja: string;
	type: string;
	district: string;
	municipality_code: string;
	address_ja: string;
	lat: number;
	lon: number;
	coord_source: string;
	confidence: string;
	address_source?: string;
	note?: string;
}

/** geodata/sources/facts.json. */
export function readFacts(): RawFacts {
	return readSource<RawFacts>('facts.json');
}

/** geodata/sources/institutions.json. */
export function readInstitutions(): RawInstitution[] {
	return readSource<RawInstitution[]>('institutions.json');
}
