/**
 * Imports R&D institutions from a CSV/TSV file or point features (GeoJSON, zipped Shapefile)
 * through the engine's institution readers — the parser the CLI's `--institutions` uses — and
 * turns them into the collection the map, the buffer form and the analyses take. Pure.
 */
import type { FeatureCollection } from 'geojson';
import type { InstitutionCollection } from '$lib/core/geodata-types';
import { institutionsFromGeoJson, readInstitutionsCsv, type ImportProblem, type InstitutionPoint } from '$lib/core/io';
import type { ImportSource } from './import-source';

/** Column index per role of an institution file; -1 for none (coordinates of features come from their geometry). */
export interface InstitutionMapping {
	lat: number;
	lon: number;
	id: number;
	name: number;
	type: number;
}

/** Institutions from a user's file, as a session keeps them. */
export interface ImportedInstitutions {
	file: string;
	/** Added to the bundled institutions, or in their place. */
	mode: 'add' | 'replace';
	institutions: InstitutionPoint[];
}

export interface InstitutionImport {
	institutions: InstitutionPoint[];
	/** Every problem, in file order: errors (left out) and warnings (kept). */
	problems: ImportProblem[];
	/** Rows (or features) read. */
	rows: number;
}

/**
 * @param options.columns the preview's column names (features: the property names)
 * @throws InputError when the file has no usable institution
 * @example
 * const { preview, features } = await previewImport(source);
 * const { institutions } = await importInstitutions(source, { mapping, columns: preview.columns, features });
 */
export async function importInstitutions(
	source: ImportSource,
	options: { mapping: InstitutionMapping; columns: readonly string[]; swap?: boolean; features?: FeatureCollection | null }
): Promise<InstitutionImport> {
	const { mapping, columns, features } = options;
	const file = source.name;
	const read = features
		? institutionsFromGeoJson(features, { file, properties: { id: columns[mapping.id], name: columns[mapping.name], type: columns[mapping.type] } })
		: await readInstitutionsCsv(source.chunks(), { file, columns: mapping, swap: options.swap });
	const leftOut = new Set(read.rowProblems.filter((p) => p.severity === 'error').map((p) => p.line)).size;
	return { institutions: read.institutions, problems: read.rowProblems, rows: read.institutions.length + leftOut };
}

/**
 * Imported institutions as the features the app draws and analyses; a name stands in both
 * languages, the type cell is kept as the type detail.
 *
 * @example
 * institutionCollection([{ id: 'a', lon: 139.7, lat: 35.6, type: 'other' }], 'mine.csv').features[0].properties.imported; // 'mine.csv'
 */
export function institutionCollection(institutions: readonly InstitutionPoint[], file: string): InstitutionCollection {
	return {
		type: 'FeatureCollection',
		features: institutions.map((institution) => ({
			type: 'Feature',
			id: institution.id,
			properties: {
				id: institution.id,
				name_en: institution.name ?? institution.id,
				name_ja: institution.name ?? institution.id,
				type: institution.type ?? 'other',
				type_detail: institution.typeText ?? '',
				district: '',
				municipality_code: '',
				address_ja: '',
				confidence: 'medium',
				coord_source: file,
				imported: file
			},
			geometry: { type: 'Point', coordinates: [institution.lon, institution.lat] }
		}))
	};
}

/**
 * The institutions in use: the bundled ones, with the imported ones added or in their place.
 *
 * @example
 * activeInstitutions(geodata.institutions, { file: 'mine.csv', mode: 'replace', institutions }).features.length; // institutions.length
 */
export function activeInstitutions(bundled: InstitutionCollection, imported: ImportedInstitutions | null): InstitutionCollection {
	if (!imported) return bundled;
	const own = institutionCollection(imported.institutions, imported.file);
	return imported.mode === 'replace' ? own : { type: 'FeatureCollection', features: [...bundled.features, ...own.features] };
}

/**
 * Ids an added file shares with the bundled institutions: an export's `nearest_institution_id`
 * cannot tell such two apart, so the page warns and names them (ids are the user's, never renamed).
 *
 * @example
 * sharedInstitutionIds(geodata.institutions, { file: 'mine.csv', mode: 'add', institutions }); // ['ota-tiri']
 */
export function sharedInstitutionIds(bundled: InstitutionCollection, imported: ImportedInstitutions | null): string[] {
	if (!imported || imported.mode === 'replace') return [];
	const bundledIds = new Set(bundled.features.map((f) => String(f.properties.id)));
	return [...new Set(imported.institutions.map((i) => i.id).filter((id) => bundledIds.has(id)))];
}
