import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { District, DistrictExtentCollection } from '../lib/core/geodata-types';
import { packageRoot } from './package-root';

/** The geodata/ folder that ships with cluster-map (not relative to the working directory). */
export const GEODATA_DIR = join(packageRoot(), 'geodata') + '/';

/** A committed geodata file, parsed. */
export function readBundled<T>(name: string): T {
	return JSON.parse(readFileSync(GEODATA_DIR + name, 'utf8')) as T;
}

/** `geodata/districts.json` and `geodata/district-extents.geo.json`. */
export function bundledDistricts(): { districts: District[]; extents: DistrictExtentCollection } {
	return { districts: readBundled('districts.json'), extents: readBundled('district-extents.geo.json') };
}

/** Path of `geodata/institutions.geo.json`. */
export const BUNDLED_INSTITUTIONS = GEODATA_DIR + 'institutions.geo.json';
