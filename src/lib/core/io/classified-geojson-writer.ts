import type { Feature, Geometry } from 'geojson';
import { recordCells } from './cell-text';
import { appendedColumns, roundKm, typeColumns, type ClassifiedOutputOptions, type FirmResults } from './classified-columns';
import type { FirmBatch } from './firm-batch';
import { describeRowProblem } from './row-problem';

export interface ClassifiedGeoJsonWriter {
	/** The opening of the FeatureCollection. */
	start(): string;
	/** The batch's features, comma-separated from any written before. */
	rows(batch: FirmBatch, results: FirmResults): string;
	/** The closing of the FeatureCollection. */
	end(): string;
}

/**
 * Writes classified firms as a GeoJSON FeatureCollection, one feature per line: Points with the
 * input's properties (CSV cells as their original text) plus the appended fields — `zone_ids`
 * (";"-joined, as in CSV), `inside_cluster`, `nearest_institution_id`, `nearest_institution_km`,
 * `within_buffer` (booleans and numbers as JSON) and `problem`. Rows with a problem are kept with
 * null computed fields; from CSV their geometry is null, from GeoJSON their geometry is left as it
 * was. An input property whose name is taken (by an appended field or an earlier duplicate header)
 * is renamed with a `_2`, `_3`… suffix rather than overwritten.
 *
 * @example
 * const writer = createClassifiedGeoJsonWriter({ zoneIds: index.zoneIds });
 * let text = writer.start() + writer.rows(batch, results) + writer.end();
 */
export function createClassifiedGeoJsonWriter(options: ClassifiedOutputOptions): ClassifiedGeoJsonWriter {
	const appended = appendedColumns(options);
	let keysFor: readonly string[] | null = null;
	let keys: string[] = [];
	let first = true;
	return {
		start: () => '{"type":"FeatureCollection","features":[\n',
		end: () => (first ? ']}\n' : '\n]}\n'),
		rows(batch, results) {
			if (keysFor !== batch.columns) {
				keysFor = batch.columns;
				keys = uniqueKeys(batch.columns, appended);
			}
			const { rows } = batch;
			const lines: string[] = [];
			for (let r = 0; r < batch.count; r++) {
				// No prototype: a column called "__proto__" is data like any other.
				const properties: Record<string, unknown> = Object.create(null);
				let geometry: Geometry | null;
				let id: string | number | undefined;
				if (rows.kind === 'csv') {
					const cells = recordCells(rows.records, r);
					keys.forEach((key, j) => (properties[key] = cells[j] ?? ''));
					geometry = batch.problems[r] === null ? { type: 'Point', coordinates: [batch.lons[r], batch.lats[r]] } : null;
				} else {
					const feature: Feature = rows.features[r];
					const original = feature.properties ?? {};
					batch.columns.forEach((column, j) => {
						if (!(rows.idColumn && j === 0) && column in original) properties[keys[j]] = original[column];
					});
					geometry = feature.geometry ?? null;
					id = feature.id;
				}
				Object.assign(properties, appendedValues(batch, results, r, options));
				const feature = id === undefined ? { type: 'Feature', geometry, properties } : { type: 'Feature', id, geometry, properties };
				lines.push(JSON.stringify(feature));
			}
			if (lines.length === 0) return '';
			const text = (first ? '' : ',\n') + lines.join(',\n');
			first = false;
			return text;
		}
	};
}

function appendedValues(batch: FirmBatch, results: FirmResults, r: number, options: ClassifiedOutputOptions): Record<string, unknown> {
	const problem = batch.problems[r];
	const ok = problem === null;
	const values: Record<string, unknown> = {};
	const g = batch.geocoded;
	if (options.geocoded) {
		values.geocode_lon = g && ok && Number.isFinite(g.lons[r]) ? g.lons[r] : null;
		values.geocode_lat = g && ok && Number.isFinite(g.lats[r]) ? g.lats[r] : null;
		values.geocode_level = g?.level[r] ?? null;
		values.geocode_match = g?.match[r] || null;
	}
	if (options.classified === false) {
		values.problem = ok ? null : problem.map(describeRowProblem).join('; ');
		return values;
	}
	Object.assign(values, {
		zone_ids: ok ? Array.from(results.zoneIndices.subarray(results.offsets[r], results.offsets[r + 1]), (z) => options.zoneIds[z]).join(';') : null,
		inside_cluster: ok ? results.inside[r] === 1 : null
	});
	if (options.institutionIds) {
		const nearest = ok ? (results.nearest?.[r] ?? -1) : -1;
		values.nearest_institution_id = nearest >= 0 ? options.institutionIds[nearest] : null;
		values.nearest_institution_km = nearest >= 0 ? roundKm(results.km![r]) : null;
	}
	if (options.bufferKm !== undefined) values.within_buffer = ok ? results.withinBuffer?.[r] === 1 : null;
	values.problem = ok ? null : problem.map(describeRowProblem).join('; ');
	(options.byType ?? []).forEach((group, g) => {
		const [idKey, kmKey] = typeColumns(group.type);
		const n = ok ? (results.byType?.[g].nearest[r] ?? -1) : -1;
		values[idKey] = n >= 0 ? group.ids[n] : null;
		values[kmKey] = n >= 0 ? roundKm(results.byType![g].km[r]) : null;
	});
	return values;
}

/** Property names for the columns: each unique, none equal to an appended field. */
function uniqueKeys(columns: readonly string[], reserved: readonly string[]): string[] {
	const used = new Set(reserved);
	return columns.map((column) => {
		let key = column;
		for (let k = 2; used.has(key); k++) key = `${column}_${k}`;
		used.add(key);
		return key;
	});
}
