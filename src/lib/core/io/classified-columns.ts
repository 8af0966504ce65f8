/**
 * Engine results for one batch of firms, row-aligned with the batch. Rows with a problem have NaN
 * coordinates, so the engine already gave them no zones and no institution.
 */
export interface FirmResults {
	/** From `classifyPoints`: row i is in zones `zoneIndices[offsets[i] .. offsets[i + 1])`. */
	offsets: Uint32Array;
	zoneIndices: Uint32Array;
	inside: Uint8Array;
	/** From `nearestInstitutions`, when institutions were given. */
	nearest?: Int32Array;
	km?: Float64Array;
	/** Per group of `ClassifiedOutputOptions.byType`: the nearest institution of that type (index into its ids, -1: none) and km. */
	byType?: { nearest: Int32Array; km: Float64Array }[];
	/** 1 when km <= the buffer, when a buffer was given. */
	withinBuffer?: Uint8Array;
}

/** What the appended columns refer to. */
export interface ClassifiedOutputOptions {
	/** Zone ids, indexed like `FirmResults.zoneIndices`, in zones-file order. */
	zoneIds: readonly string[];
	/** Institution ids, indexed like `FirmResults.nearest`; adds the two institution columns. */
	institutionIds?: readonly string[];
	/** Adds `within_buffer`. */
	bufferKm?: number;
	/** Adds {@link GEOCODE_COLUMNS} first: the points come from geocoding (batches carry `geocoded`). */
	geocoded?: boolean;
	/** false: no zone and institution columns (`cluster-map geocode`); default true. */
	classified?: boolean;
	/** One group per institution type: adds `nearest_<type>_id` and `nearest_<type>_km` after `problem`. */
	byType?: readonly { type: string; ids: readonly string[] }[];
}

/** Columns of geocoded rows, before the classification's (`problem` stays last, shared). */
export const GEOCODE_COLUMNS = ['geocode_lon', 'geocode_lat', 'geocode_level', 'geocode_match'] as const;

/**
 * The two columns of one institution type, hyphens as underscores (`national-university` →
 * `nearest_national_university_id`) so that R, Stata and SQL take the names as they are.
 *
 * @example
 * typeColumns('public-research-institute'); // ['nearest_public_research_institute_id', 'nearest_public_research_institute_km']
 */
export function typeColumns(type: string): [string, string] {
	const name = type.replace(/-/g, '_');
	return [`nearest_${name}_id`, `nearest_${name}_km`];
}

/**
 * Names of the columns appended to every row, in order: `zone_ids`, `inside_cluster`, then
 * `nearest_institution_id` and `nearest_institution_km` with institutions, `within_buffer` with a
 * buffer, and `problem`; with `byType`, a pair of {@link typeColumns} per type after `problem`, so
 * that the columns before stay where they always were.
 *
 * @example
 * appendedColumns({ zoneIds: ['ota'] }); // ['zone_ids', 'inside_cluster', 'problem']
 */
export function appendedColumns(options: ClassifiedOutputOptions): string[] {
	if (options.classified === false) return [...(options.geocoded ? GEOCODE_COLUMNS : []), 'problem'];
	return [
		...(options.geocoded ? GEOCODE_COLUMNS : []),
		'zone_ids',
		'inside_cluster',
		...(options.institutionIds ? ['nearest_institution_id', 'nearest_institution_km'] : []),
		...(options.bufferKm !== undefined ? ['within_buffer'] : []),
		'problem',
		...(options.byType ?? []).flatMap((g) => typeColumns(g.type))
	];
}

/**
 * Distance as written out: kilometres rounded to 3 decimals (the nearest metre), halves up,
 * shortest form ("12.3", not "12.300").
 *
 * @example
 * roundKm(1.23456); // 1.235
 */
export function roundKm(km: number): number {
	return Math.round(km * 1000) / 1000;
}
