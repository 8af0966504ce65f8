import type { FeatureCollection } from 'geojson';
import type { InstitutionField, InstitutionType } from '../model';
import { cellText } from './cell-text';
import { duplicateIds } from './duplicate-ids';
import { importProblem, type ImportProblem } from './import-problem';
import { guessInstitutionColumns, institutionType } from './institution-columns';
import { InputError } from './input-error';
import { inJapanExtent } from './japan-extent';
import { readFirmsCsv } from './read-firms-csv';
import { describeRowProblem, type RowProblem } from './row-problem';
import type { ByteSource, Utf8ChunksOptions } from './encoding/utf8-chunks';

/** An institution as the engine needs it; name and type when the file has them. */
export interface InstitutionPoint {
	id: string;
	lon: number;
	lat: number;
	name?: string;
	/** From the type column through `institutionType`; 'other' when the text was not recognised. */
	type?: InstitutionType;
	/** The type cell as written. */
	typeText?: string;
	/** Research fields (bundled university campuses; see geodata/README.md). */
	fields?: InstitutionField[];
}

/**
 * Institutions read, and every problem: errors (left out) and warnings (kept), by line (CSV) or
 * feature number and column — `rowProblems` structured for a UI, `problems` as English sentences.
 */
export interface InstitutionsRead {
	institutions: InstitutionPoint[];
	problems: string[];
	rowProblems: ImportProblem[];
}

/** Columns of an institution CSV by index (-1: none); those not given are guessed from the header. */
export interface InstitutionCsvColumns {
	lat?: number;
	lon?: number;
	id?: number;
	name?: number;
	type?: number;
}

/** Properties of institution features holding the id, name and type; guessed when not given. */
export interface InstitutionPropertyNames {
	id?: string;
	name?: string;
	type?: string;
}

/**
 * Institutions from a GeoJSON FeatureCollection of Points; the id is the feature `id`, else the id
 * property, else the name. Features without a usable point or id are left out and listed.
 *
 * @throws InputError when no feature is usable
 * @example
 * const { institutions } = institutionsFromGeoJson(parseGeoJson(text, { file }), { file });
 */
export function institutionsFromGeoJson(collection: FeatureCollection, options: { file: string; properties?: InstitutionPropertyNames }): InstitutionsRead {
	const keys = [...new Set(collection.features.flatMap((f) => Object.keys(f?.properties ?? {})))];
	const guess = guessInstitutionColumns(keys);
	const key = (given: string | undefined, index: number, fallback?: string) => given ?? (index >= 0 ? keys[index] : fallback);
	const idKey = key(options.properties?.id, guess.id, 'id');
	const nameKey = key(options.properties?.name, guess.name, 'name');
	const typeKey = key(options.properties?.type, guess.type);
	const reader = institutionReader(options.file, 'feature');
	collection.features.forEach((feature, i) => {
		const properties = (feature?.properties ?? {}) as Record<string, unknown>;
		const geometry = feature?.geometry;
		const [lon, lat] = geometry?.type === 'Point' && Array.isArray(geometry.coordinates) ? geometry.coordinates : [NaN, NaN];
		const name = nameKey ? idText(properties[nameKey]) : null;
		const id = idText(feature?.id) ?? (idKey ? idText(properties[idKey]) : null) ?? name;
		if (geometry?.type !== 'Point') {
			reader.reject(i + 1, { kind: 'not-a-point', geometry: geometry?.type ?? null });
		} else if (!(Math.abs(lat) <= 90)) {
			reader.reject(i + 1, { kind: 'out-of-range', axis: 'latitude', column: 'geometry', value: Number(lat) });
		} else if (!(Math.abs(lon) <= 180)) {
			reader.reject(i + 1, { kind: 'out-of-range', axis: 'longitude', column: 'geometry', value: Number(lon) });
		} else {
			const typeText = typeKey ? (idText(properties[typeKey]) ?? '') : undefined;
			reader.add(i + 1, { id, lon, lat, name, typeText }, { id: idKey ?? 'id', type: typeKey ?? '' });
		}
	});
	return reader.finish();
}

/**
 * Institutions from a CSV file with coordinate columns (as for firms), an id or name column and
 * optionally a type column (type, 種別, 区分…). Rows with unusable coordinates or neither id nor name
 * are left out and listed; an unknown type is kept as 'other' and listed.
 *
 * @throws InputError when the file cannot be read, has no id or name column, or no usable row
 * @example
 * const { institutions, problems } = await readInstitutionsCsv(chunks, { file: 'institutions.csv' });
 */
export async function readInstitutionsCsv(source: ByteSource, options: Utf8ChunksOptions & { columns?: InstitutionCsvColumns; swap?: boolean }): Promise<InstitutionsRead> {
	const given = options.columns ?? {};
	const reader = institutionReader(options.file, 'line');
	let roles: { id: number; name: number; type: number } | null = null;
	const coordinates = given.lat !== undefined && given.lon !== undefined ? (options.swap ? { lat: given.lon, lon: given.lat } : { lat: given.lat, lon: given.lon }) : undefined;
	for await (const batch of readFirmsCsv(source, { ...options, swap: false, columns: coordinates })) {
		if (roles === null) {
			const guess = guessInstitutionColumns(batch.columns);
			roles = { id: given.id ?? guess.id, name: given.name ?? guess.name, type: given.type ?? guess.type };
			if (roles.id < 0 && roles.name < 0) {
				throw new InputError(options.file, 'has no id or name column', { code: 'institutions-no-id', line: 1, hint: 'Add a column named "id" (or "name", 名称) identifying each institution.' });
			}
		}
		if (batch.rows.kind !== 'csv') continue;
		const { records } = batch.rows;
		const columns = { id: batch.columns[roles.id >= 0 ? roles.id : roles.name], type: roles.type >= 0 ? batch.columns[roles.type] : '' };
		const cell = (r: number, column: number) => (column >= 0 ? cellText(records, records.firstCell[r] + column).trim() : '');
		for (let r = 0; r < batch.count; r++) {
			const line = batch.lines[r];
			const found = batch.problems[r];
			if (found !== null) {
				for (const problem of found) reader.reject(line, problem);
				continue;
			}
			const name = cell(r, roles.name) || null;
			const id = cell(r, roles.id) || name;
			reader.add(line, { id, lon: batch.lons[r], lat: batch.lats[r], name, typeText: roles.type >= 0 ? cell(r, roles.type) : undefined }, columns);
		}
	}
	return reader.finish();
}

/** Collects institutions and problems row by row, in file order, the same way for both formats. */
function institutionReader(file: string, unit: 'line' | 'feature') {
	const institutions: InstitutionPoint[] = [];
	const rowProblems: ImportProblem[] = [];
	const ids = duplicateIds();
	const note = (line: number, problem: RowProblem) => rowProblems.push(importProblem(file, line, problem));
	return {
		reject: note,
		add(line: number, row: { id: string | null; lon: number; lat: number; name: string | null; typeText?: string }, columns: { id: string; type: string }) {
			if (row.id === null) return note(line, { kind: 'no-id', column: columns.id });
			const institution: InstitutionPoint = { id: row.id, lon: row.lon, lat: row.lat };
			if (row.name !== null) institution.name = row.name;
			if (row.typeText !== undefined) {
				const type = institutionType(row.typeText);
				if (type === null && row.typeText !== '') note(line, { kind: 'unknown-type', column: columns.type, text: row.typeText });
				institution.type = type ?? 'other';
				institution.typeText = row.typeText;
			}
			if (!inJapanExtent(row.lon, row.lat)) note(line, { kind: 'outside-japan', lon: row.lon, lat: row.lat });
			const firstLine = ids.see(row.id, line);
			if (firstLine !== null) note(line, { kind: 'duplicate-id', column: columns.id, id: row.id, firstLine });
			institutions.push(institution);
		},
		finish(): InstitutionsRead {
			const problems = rowProblems.map((p) => `${unit} ${p.line}: ${describeRowProblem(p.problem as RowProblem)}${p.severity === 'error' ? '; left out' : ''}`);
			if (institutions.length === 0) {
				throw new InputError(file, `has no usable institution${problems.length > 0 ? ` (${problems[0]})` : ''}`, {
					code: 'institutions-none-usable',
					hint: 'Each institution needs an id or a name and a point (longitude, latitude in WGS84 degrees).'
				});
			}
			return { institutions, problems, rowProblems };
		}
	};
}

function idText(value: unknown): string | null {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value === 'string' && value.trim() !== '') return value.trim();
	return null;
}
