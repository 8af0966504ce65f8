import type { FeatureCollection } from 'geojson';
import { cellText } from './cell-text';
import { guessColumns } from './guess-columns';
import { InputError } from './input-error';
import { readFirmsCsv } from './read-firms-csv';
import { describeRowProblem } from './row-problem';
import type { ByteSource, Utf8ChunksOptions } from './utf8-chunks';

/** An institution as the engine needs it. */
export interface InstitutionPoint {
	id: string;
	lon: number;
	lat: number;
}

/** Institutions read, and those left out with the reason (each naming its line or feature). */
export interface InstitutionsRead {
	institutions: InstitutionPoint[];
	problems: string[];
}

/**
 * Institutions from a GeoJSON FeatureCollection of Points; the id is the feature `id`, else
 * `properties.id`, else `properties.name`. Features without a usable point or id are left out and
 * listed in `problems`.
 *
 * @throws InputError when no feature is usable
 * @example
 * const { institutions } = institutionsFromGeoJson(parseGeoJson(text, { file }), { file });
 */
export function institutionsFromGeoJson(collection: FeatureCollection, options: { file: string }): InstitutionsRead {
	const institutions: InstitutionPoint[] = [];
	const problems: string[] = [];
	collection.features.forEach((feature, i) => {
		const where = `feature ${i + 1}`;
		const properties = (feature?.properties ?? {}) as Record<string, unknown>;
		const id = idText(feature?.id ?? properties.id ?? properties.name);
		const geometry = feature?.geometry;
		const [lon, lat] = geometry?.type === 'Point' && Array.isArray(geometry.coordinates) ? geometry.coordinates : [NaN, NaN];
		if (id === null) problems.push(`${where} has no id, properties.id or properties.name; left out`);
		else if (geometry?.type !== 'Point') problems.push(`${where} ("${id}") is ${geometry ? `a ${geometry.type}` : 'without geometry'}, not a Point; left out`);
		else if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) problems.push(`${where} ("${id}") has coordinates ${JSON.stringify(geometry.coordinates)}, not WGS84 [longitude, latitude]; left out`);
		else institutions.push({ id, lon, lat });
	});
	return checked(institutions, problems, options.file);
}

/**
 * Institutions from a CSV file with coordinate columns (as for firms) and an `id` column, or
 * failing that a name column (name, 名称…). Rows with unusable coordinates or an empty id are left
 * out and listed in `problems`.
 *
 * @throws InputError when the file cannot be read, has no id or name column, or no usable row
 * @example
 * const { institutions, problems } = await readInstitutionsCsv(chunks, { file: 'institutions.csv' });
 */
export async function readInstitutionsCsv(source: ByteSource, options: Utf8ChunksOptions): Promise<InstitutionsRead> {
	const institutions: InstitutionPoint[] = [];
	const problems: string[] = [];
	let idColumn = -1;
	for await (const batch of readFirmsCsv(source, options)) {
		if (idColumn < 0) {
			const guess = guessColumns(batch.columns);
			idColumn = guess.id >= 0 ? guess.id : guess.name;
			if (idColumn < 0) {
				throw new InputError(options.file, 'has no id or name column', { line: 1, hint: 'Add a column named "id" (or "name") identifying each institution.' });
			}
		}
		if (batch.rows.kind !== 'csv') continue;
		const { records } = batch.rows;
		for (let r = 0; r < batch.count; r++) {
			const where = `line ${batch.lines[r]}`;
			const problem = batch.problems[r];
			if (problem !== null) {
				problems.push(`${where}: ${problem.map(describeRowProblem).join('; ')}; left out`);
				continue;
			}
			const id = cellText(records, records.firstCell[r] + idColumn).trim();
			if (id === '') problems.push(`${where}: the ${batch.columns[idColumn]} cell is empty; left out`);
			else institutions.push({ id, lon: batch.lons[r], lat: batch.lats[r] });
		}
	}
	return checked(institutions, problems, options.file);
}

function checked(institutions: InstitutionPoint[], problems: string[], file: string): InstitutionsRead {
	if (institutions.length === 0) {
		throw new InputError(file, `has no usable institution${problems.length > 0 ? ` (${problems[0]})` : ''}`, {
			hint: 'Each institution needs an id and a point (longitude, latitude in WGS84 degrees).'
		});
	}
	const seen = new Set<string>();
	for (const { id } of institutions) {
		if (seen.has(id)) problems.push(`the id "${id}" is used by more than one institution; results name it without telling them apart`);
		seen.add(id);
	}
	return { institutions, problems };
}

function idText(value: unknown): string | null {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value === 'string' && value.trim() !== '') return value;
	return null;
}
