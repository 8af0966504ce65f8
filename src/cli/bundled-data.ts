import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prefectureFeatures, type MunicipalLookup, type MunicipalTopology, type PrefectureTopology } from '../lib/core/geography';
import type { District, DistrictPolygonCollection, MunicipalityIndex, PrefectureFeature } from '../lib/core/geodata-types';
import { packageRoot } from './package-root';

/** The geodata/ folder that ships with cluster-map (not relative to the working directory). */
export const GEODATA_DIR = join(packageRoot(), 'geodata') + '/';

/** A committed geodata file, parsed. */
export function readBundled<T>(name: string): T {
	return JSON.parse(readFileSync(GEODATA_DIR + name, 'utf8')) as T;
}

/** `geodata/districts.json` and `geodata/districts.geo.json`. */
export function bundledDistricts(): { districts: District[]; polygons: DistrictPolygonCollection } {
	return { districts: readBundled('districts.json'), polygons: readBundled('districts.geo.json') };
}

/** The municipal boundaries: `geodata/municipalities/index.json`, each prefecture's file read when first asked for. */
export function bundledMunicipalities(): MunicipalLookup {
	const cache = new Map<string, MunicipalTopology | undefined>();
	return {
		index: readBundled<MunicipalityIndex>('municipalities/index.json'),
		topology(pref) {
			if (!cache.has(pref)) {
				const name = `municipalities/${pref}.topo.json`;
				cache.set(pref, existsSync(GEODATA_DIR + name) ? readBundled<MunicipalTopology>(name) : undefined);
			}
			return cache.get(pref);
		}
	};
}

/** The 47 prefectures, dissolved from the same municipal boundaries (`geodata/prefectures.topo.json`). */
export function bundledPrefectures(): PrefectureFeature[] {
	return prefectureFeatures(readBundled<PrefectureTopology>('prefectures.topo.json'));
}
