import type { Feature, FeatureCollection } from 'geojson';
import type { FirmBatch } from './firm-batch';
import { InputError } from './input-error';
import type { RowProblem } from './row-problem';

/**
 * Firms from a GeoJSON FeatureCollection of Points, in batches like `readFirmsCsv`: properties are
 * the columns (in first-seen order; a leading `id` column holds top-level feature ids when there
 * are any and no property is called `id`), coordinates come from the geometry. Features that are
 * not Points or have unusable coordinates are kept with a problem.
 *
 * The whole collection is in memory: for millions of firms use CSV, which streams.
 *
 * @param collection from `parseGeoJson`
 * @throws InputError when there are no features
 * @param options.batchSize rows per batch (default 65536)
 * @example
 * const batches = readFirmsGeoJson(parseGeoJson(text, { file }), { file });
 */
export function readFirmsGeoJson(collection: FeatureCollection, options: { file: string; batchSize?: number }): FirmBatch[] {
	const { batchSize = 65536 } = options;
	const features = collection.features;
	if (features.length === 0) throw new InputError(options.file, 'is a FeatureCollection with no features', { code: 'no-features', hint: 'Add a Point feature for each firm.' });
	const keys = new Set<string>();
	let anyId = false;
	for (const feature of features) {
		if (feature?.id !== undefined && feature.id !== null) anyId = true;
		const properties = feature?.properties;
		if (properties && typeof properties === 'object') for (const key of Object.keys(properties)) keys.add(key);
	}
	const idColumn = anyId && !keys.has('id');
	const columns = idColumn ? ['id', ...keys] : [...keys];
	const batches: FirmBatch[] = [];
	for (let from = 0; from < features.length; from += batchSize) {
		const slice = features.slice(from, from + batchSize);
		const count = slice.length;
		const lons = new Float64Array(count);
		const lats = new Float64Array(count);
		const lines = new Uint32Array(count);
		const problems = slice.map((feature, i) => {
			lines[i] = from + i + 1;
			const problem = pointProblem(feature);
			const [lon, lat] = problem === null ? (feature.geometry as { coordinates: number[] }).coordinates : [NaN, NaN];
			lons[i] = problem === null ? lon : NaN;
			lats[i] = problem === null ? lat : NaN;
			return problem === null ? null : [problem];
		});
		batches.push({
			columns,
			count,
			lons,
			lats,
			problems,
			lines,
			bytesRead: 0,
			rows: { kind: 'features', features: slice, idColumn },
			info: { format: 'geojson' }
		});
	}
	return batches;
}

function pointProblem(feature: Feature | null | undefined): RowProblem | null {
	const geometry = feature?.geometry;
	if (!geometry) return { kind: 'not-a-point', geometry: null };
	if (geometry.type !== 'Point') return { kind: 'not-a-point', geometry: String(geometry.type) };
	const [lon, lat] = Array.isArray(geometry.coordinates) ? geometry.coordinates : [];
	const column = 'geometry';
	if (typeof lat !== 'number' || !Number.isFinite(lat)) return { kind: 'unparsable', axis: 'latitude', column, text: JSON.stringify(lat ?? null) };
	if (typeof lon !== 'number' || !Number.isFinite(lon)) return { kind: 'unparsable', axis: 'longitude', column, text: JSON.stringify(lon ?? null) };
	if (Math.abs(lat) > 90) return { kind: 'out-of-range', axis: 'latitude', column, value: lat };
	if (Math.abs(lon) > 180) return { kind: 'out-of-range', axis: 'longitude', column, value: lon };
	return null;
}
