/**
 * Loads the committed reference geodata in the browser. The files are bundled as static assets
 * (Vite `?url`) and fetched, so they are cached like any other asset and work offline.
 */
import clusterProgramsUrl from '$geodata/cluster-programs.geo.json?url';
import districtExtentsUrl from '$geodata/district-extents.geo.json?url';
import districtsUrl from '$geodata/districts.json?url';
import institutionsUrl from '$geodata/institutions.geo.json?url';
import prefecturesUrl from '$geodata/prefectures.geo.json?url';
import type {
	ClusterProgramCollection,
	District,
	DistrictExtentCollection,
	InstitutionCollection,
	PrefectureCollection
} from '$lib/core/geodata-types';

export interface Geodata {
	prefectures: PrefectureCollection;
	districts: District[];
	districtExtents: DistrictExtentCollection;
	institutions: InstitutionCollection;
	clusterPrograms: ClusterProgramCollection;
}

/** The bundled files by name, for messages and for tests that count features. */
export const GEODATA_FILES = {
	prefectures: { file: 'prefectures.geo.json', url: prefecturesUrl },
	districts: { file: 'districts.json', url: districtsUrl },
	districtExtents: { file: 'district-extents.geo.json', url: districtExtentsUrl },
	institutions: { file: 'institutions.geo.json', url: institutionsUrl },
	clusterPrograms: { file: 'cluster-programs.geo.json', url: clusterProgramsUrl }
} as const;

/**
 * Fetches every reference file; fails with a message naming the file that could not be read.
 *
 * @example
 * const { prefectures, districts } = await loadGeodata();
 */
export async function loadGeodata(fetcher: typeof fetch = fetch): Promise<Geodata> {
	const [prefectures, districts, districtExtents, institutions, clusterPrograms] = await Promise.all([
		fetchCollection<PrefectureCollection>(fetcher, GEODATA_FILES.prefectures),
		fetchJson<District[]>(fetcher, GEODATA_FILES.districts, Array.isArray, 'an array of districts'),
		fetchCollection<DistrictExtentCollection>(fetcher, GEODATA_FILES.districtExtents),
		fetchCollection<InstitutionCollection>(fetcher, GEODATA_FILES.institutions),
		fetchCollection<ClusterProgramCollection>(fetcher, GEODATA_FILES.clusterPrograms)
	]);
	return { prefectures, districts, districtExtents, institutions, clusterPrograms };
}

type FileRef = { file: string; url: string };

function fetchCollection<T>(fetcher: typeof fetch, ref: FileRef): Promise<T> {
	return fetchJson<T>(fetcher, ref, isFeatureCollection, 'a GeoJSON FeatureCollection');
}

async function fetchJson<T>(
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

function isFeatureCollection(value: unknown): boolean {
	return (
		typeof value === 'object' &&
		value !== null &&
		(value as { type?: unknown }).type === 'FeatureCollection' &&
		Array.isArray((value as { features?: unknown }).features)
	);
}
