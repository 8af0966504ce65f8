/**
 * Rebuilds every committed geodata file (municipalities/ included): `npm run geodata` (or `npx tsx geodata/scripts/build-all.ts`).
 * `buildAll()` returns the file texts without writing, so a test can compare them with the committed files.
 * geodata/towns/ is built from data outside the repository (../shared/data), so it is not part of `buildAll()`;
 * `npx tsx geodata/scripts/build-towns.ts --check` compares it with a fresh build where that data exists.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildClusterPrograms } from './build-cluster-programs';
import { buildDistrictPolygons } from './build-district-polygons';
import { buildDistricts } from './build-districts';
import { buildInstitutions } from './build-institutions';
import { buildMunicipalities, readN03Source, stringifyTopology } from './build-municipalities';
import { buildUniversities, stringifyUniversities } from './build-universities';
import { buildPrefectures, buildPrefectureTopology, readNaturalEarthJapan } from './build-prefectures';
import { writeTowns } from './build-towns';
import { readFacts } from './lib/facts';
import { stringifyFeatureCollection, stringifyJson } from './lib/io';
import { GEODATA_DIR } from './lib/paths';

/**
 * The text of every generated file, keyed by its name in geodata/.
 *
 * @example
 * Object.keys(buildAll()); // ['prefectures.geo.json', 'districts.json', …]
 */
export function buildAll(): Record<string, string> {
	const facts = readFacts();
	const ne = readNaturalEarthJapan();
	const n03 = readN03Source();
	const districtPolygons = buildDistrictPolygons(n03, facts);
	const prefectures = buildPrefectures(n03, ne);
	const municipalities = buildMunicipalities(n03);
	const institutions = buildInstitutions();
	return {
		'prefectures.geo.json': stringifyFeatureCollection(prefectures),
		'prefectures.topo.json': stringifyTopology(buildPrefectureTopology(n03, prefectures)),
		'districts.json': stringifyJson(buildDistricts(districtPolygons, facts)),
		'districts.geo.json': stringifyFeatureCollection(districtPolygons),
		...municipalities,
		'institutions.geo.json': stringifyFeatureCollection(institutions),
		'universities.geo.json': stringifyUniversities(buildUniversities(municipalities, institutions)),
		'cluster-programs.geo.json': stringifyFeatureCollection(buildClusterPrograms(facts, ne))
	};
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	for (const [name, text] of Object.entries(buildAll())) {
		mkdirSync(dirname(join(GEODATA_DIR, name)), { recursive: true });
		writeFileSync(join(GEODATA_DIR, name), text);
		console.error(`wrote geodata/${name} (${Buffer.byteLength(text)} bytes)`);
	}
	writeTowns();
}
