/**
 * Rebuilds every committed geodata file: `npm run geodata` (or `npx tsx geodata/scripts/build-all.ts`).
 * `buildAll()` returns the file texts without writing, so a test can compare them with the committed files.
 * geodata/towns/ is built from data outside the repository (../shared/data), so it is not part of `buildAll()`;
 * `npx tsx geodata/scripts/build-towns.ts --check` compares it with a fresh build where that data exists.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildClusterPrograms } from './build-cluster-programs';
import { buildDistrictExtents } from './build-district-extents';
import { buildDistricts } from './build-districts';
import { buildInstitutions } from './build-institutions';
import { buildPrefectures, readNaturalEarthJapan } from './build-prefectures';
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
	return {
		'prefectures.geo.json': stringifyFeatureCollection(buildPrefectures(ne)),
		'districts.json': stringifyJson(buildDistricts(facts)),
		'district-extents.geo.json': stringifyFeatureCollection(buildDistrictExtents(facts)),
		'institutions.geo.json': stringifyFeatureCollection(buildInstitutions()),
		'cluster-programs.geo.json': stringifyFeatureCollection(buildClusterPrograms(facts, ne))
	};
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	for (const [name, text] of Object.entries(buildAll())) {
		writeFileSync(join(GEODATA_DIR, name), text);
		console.error(`wrote geodata/${name} (${(text.length / 1024).toFixed(0)} KiB)`);
	}
	writeTowns();
}
