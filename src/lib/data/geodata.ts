/**
 * Loads the committed reference geodata the first view needs in the browser. The files are bundled
 * as static assets (Vite `?url`) and fetched, so they are cached like any other asset and work
 * offline. Municipal boundaries are loaded later, by prefecture (`./municipalities`).
 */
import clusterProgramsUrl from '$geodata/cluster-programs.geo.json?url';
import districtPolygonsUrl from '$geodata/districts.geo.json?url';
import districtsUrl from '$geodata/districts.json?url';
import institutionsUrl from '$geodata/institutions.geo.json?url';
import prefecturesUrl from '$geodata/prefectures.topo.json?url';
import universitiesUrl from '$geodata/universities.geo.json?url';
import type {
	ClusterProgramCollection,
	District,
	DistrictPolygonCollection,
	InstitutionCollection,
	MunicipalityFeature,
	PrefectureCollection,
	UniversityCollection
} from '$lib/core/geodata-types';
import { bundledInstitutionCollection } from '$lib/core/institutions';
import { prefectureFeatures, type PrefectureTopology } from '$lib/core/geography';

export interface Geodata {
	prefectures: PrefectureCollection;
	districts: District[];
	/** Each district as the union of its member municipalities (N03 2021-01-01, 1 % simplified). */
	districtPolygons: DistrictPolygonCollection;
	/** The hand-sourced institutions and every university campus not matched to one (`bundledInstitutionCollection`). */
	institutions: InstitutionCollection;
	/** Municipalities of the prefectures loaded so far (the page adds them as the map reaches district zoom). */
	municipalities?: readonly MunicipalityFeature[];
	/** Loaded when its layer is first switched on (`loadClusterPrograms`); null until then. */
	clusterPrograms: ClusterProgramCollection | null;
}

/** The bundled files by name, for messages and for tests that count features. */
export const GEODATA_FILES = {
	prefectures: { file: 'prefectures.topo.json', url: prefecturesUrl },
	districts: { file: 'districts.json', url: districtsUrl },
	districtPolygons: { file: 'districts.geo.json', url: districtPolygonsUrl },
	institutions: { file: 'institutions.geo.json', url: institutionsUrl },
	universities: { file: 'universities.geo.json', url: universitiesUrl },
	clusterPrograms: { file: 'cluster-programs.geo.json', url: clusterProgramsUrl }
} as const;

/**
 * Fetches the reference files of the first view; fails with a message naming the file that could not be read.
 *
 * @example
 * const { prefectures, districts } = await loadGeodata();
 */
export async function loadGeodata(fetcher: typeof fetch = fetch): Promise<Geodata> {
	const [topology, districts, districtPolygons, hand, universities] = await Promise.all([
		fetchJson<PrefectureTopology>(fetcher, GEODATA_FILES.prefectures, isTopology, 'a TopoJSON topology'),
		fetchJson<District[]>(fetcher, GEODATA_FILES.districts, Array.isArray, 'an array of districts'),
		fetchCollection<DistrictPolygonCollection>(fetcher, GEODATA_FILES.districtPolygons),
		fetchCollection<InstitutionCollection>(fetcher, GEODATA_FILES.institutions),
		fetchJson<UniversityCollection>(fetcher, GEODATA_FILES.universities, isUniversityCollection, 'a GeoJSON FeatureCollection with hand_sourced')
	]);
	const institutions = bundledInstitutionCollection(hand, universities);
	const prefectures: PrefectureCollection = { type: 'FeatureCollection', features: prefectureFeatures(topology) };
	return { prefectures, districts, districtPolygons, institutions, clusterPrograms: null };
}

/**
 * The METI/MEXT cluster programme regions (465 KB), off by default: fetched when their layer is shown.
 *
 * @example
 * const programs = await loadClusterPrograms();
 */
export function loadClusterPrograms(fetcher: typeof fetch = fetch): Promise<ClusterProgramCollection> {
	return fetchCollection<ClusterProgramCollection>(fetcher, GEODATA_FILES.clusterPrograms);
}

export type FileRef = { file: string; url: string };

function fetchCollection<T>(fetcher: typeof fetch, ref: FileRef): Promise<T> {
	return fetchJson<T>(fetcher, ref, isFeatureCollection, 'a GeoJSON FeatureCollection');
}

export async function fetchJson<T>(
	fetcher: typeof fetch,
	{ file, url }: FileRef,
	check: (value: unknown) => boolean,
	expected: string
): Promise<T> {
	let response: Response;
	try {
		response = await fetcher(url);
	} catch (error) {
		throw new Error(`${file}: could not be fetched (${error instanceof Error ? error.message : error}); reload the page.`);
	}
	if (!response.ok) throw new Error(`${file}: HTTP ${response.status}; rebuild the app (npm run build).`);
	let value: unknown;
	try {
		value = await response.json();
	} catch {
		throw new Error(`${file}: is not valid JSON; regenerate it with npm run geodata.`);
	}
	if (!check(value)) throw new Error(`${file}: is not ${expected}; regenerate it with npm run geodata.`);
	return value as T;
}

/** A TopoJSON topology with quantized arcs, as the geodata scripts write. */
export function isTopology(value: unknown): boolean {
	const v = value as { type?: unknown; arcs?: unknown; objects?: unknown } | null;
	return typeof v === 'object' && v !== null && v.type === 'Topology' && Array.isArray(v.arcs) && typeof v.objects === 'object';
}

function isUniversityCollection(value: unknown): boolean {
	return isFeatureCollection(value) && Array.isArray((value as { hand_sourced?: unknown }).hand_sourced);
}

function isFeatureCollection(value: unknown): boolean {
	return (
		typeof value === 'object' &&
		value !== null &&
		(value as { type?: unknown }).type === 'FeatureCollection' &&
		Array.isArray((value as { features?: unknown }).features)
	);
}
