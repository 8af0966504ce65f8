/**
 * The first look at a file before anything is imported: its columns, the guessed mapping, the
 * first rows, and (from a sample of rows) how many have unusable coordinates and whether latitude
 * and longitude look exchanged. Pure; runs in the import worker and in tests.
 */
import type { FeatureCollection } from 'geojson';
import {
	ENCODING_LABELS,
	checkFileSize,
	detectSwapped,
	featureCells,
	guessColumns,
	IMPORT_LIMITS,
	parseCoordinate,
	readCsv,
	readFeatureFile,
	recordCells,
	type CsvDelimiter,
	type SwapCheck
} from '$lib/core/io';
import { importFormat, type ImportFormat, type ImportSource } from './import-source';

/** Column index per role; -1 for none. Coordinates of features come from their geometry. */
export interface ColumnMapping {
	lat: number;
	lon: number;
	id: number;
	name: number;
	industry: number;
	address: number;
}

/** Rows kept for the preview table; rows kept to count problems and detect exchanged columns. */
export const PREVIEW_ROWS = 20;
export const SAMPLE_ROWS = 5000;

export interface ImportPreview {
	file: string;
	size: number;
	format: ImportFormat;
	columns: string[];
	guess: ColumnMapping;
	/** First rows' cells (up to {@link SAMPLE_ROWS}); the table shows the first {@link PREVIEW_ROWS}. */
	sample: string[][];
	/** Line (CSV) or feature number of each sample row. */
	sampleLines: number[];
	/** True when the sample is the whole file: counts are exact. */
	complete: boolean;
	/** CSV: encoding and delimiter found, for the dialog ("Shift_JIS (CP932), comma"). */
	encoding?: string;
	delimiter?: CsvDelimiter;
	/** Features: how many are points, polygons, anything else. */
	geometry?: { points: number; polygons: number; other: number };
}

/**
 * Reads enough of a file to preview it. CSV: only the first megabyte or so; features: the whole
 * file (returned, so the import need not read it again).
 *
 * @throws InputError when the file cannot be read at all (empty, too large, unknown encoding, not a FeatureCollection…)
 * @example
 * const { preview } = await previewImport(bytesSource('firms.csv', bytes));
 */
export async function previewImport(source: ImportSource): Promise<{ preview: ImportPreview; features: FeatureCollection | null }> {
	const head = await firstBytes(source, 64);
	const format = importFormat(source.name, head);
	checkFileSize(source.name, source.size, format === 'csv' ? IMPORT_LIMITS.csv : IMPORT_LIMITS.whole);
	if (format === 'csv') return { preview: await previewCsv(source), features: null };
	const features = await readFeatureFile(await source.bytes(), { file: source.name });
	return { preview: previewFeatures(features, source, format), features };
}

async function previewCsv(source: ImportSource): Promise<ImportPreview> {
	const sample: string[][] = [];
	const sampleLines: number[] = [];
	let complete = true;
	let columns: string[] = [];
	let encoding = '';
	let delimiter: CsvDelimiter = ',';
	for await (const batch of readCsv(source.chunks(), { file: source.name, batchBytes: 1 << 20 })) {
		columns = [...batch.header];
		encoding = ENCODING_LABELS[batch.encoding];
		delimiter = batch.delimiter;
		const { records } = batch;
		for (let r = 0; r < records.count && sample.length < SAMPLE_ROWS; r++) {
			sample.push(recordCells(records, r));
			sampleLines.push(records.line[r]);
		}
		complete = batch.bytesRead >= source.size && records.count <= SAMPLE_ROWS;
		break; // the first batch is enough; leaving the loop stops reading the file
	}
	const g = guessColumns(columns);
	const guess = { lat: g.lat, lon: g.lon, id: g.id, name: g.name, industry: g.industry, address: g.address };
	return { file: source.name, size: source.size, format: 'csv', columns, guess, sample, sampleLines, complete, encoding, delimiter };
}

function previewFeatures(collection: FeatureCollection, source: ImportSource, format: ImportFormat): ImportPreview {
	const keys = new Set<string>();
	const geometry = { points: 0, polygons: 0, other: 0 };
	for (const feature of collection.features) {
		for (const key of Object.keys(feature?.properties ?? {})) keys.add(key);
		const type = feature?.geometry?.type;
		if (type === 'Point') geometry.points++;
		else if (type === 'Polygon' || type === 'MultiPolygon') geometry.polygons++;
		else geometry.other++;
	}
	// Columns as readFirmsGeoJson makes them: feature ids first when there are any and no property is called id.
	const idColumn = !keys.has('id') && collection.features.some((f) => f?.id !== undefined && f?.id !== null);
	const columns = idColumn ? ['id', ...keys] : [...keys];
	const head = collection.features.slice(0, SAMPLE_ROWS);
	const sample = head.map((feature) => featureCells(feature, columns, idColumn));
	const g = guessColumns(columns);
	const guess = { lat: -1, lon: -1, id: g.id, name: g.name, industry: g.industry, address: g.address };
	return { file: source.name, size: source.size, format, columns, guess, sample, sampleLines: head.map((_, i) => i + 1), complete: head.length === collection.features.length, geometry };
}

/** What the sample says about a mapping: rows whose coordinates cannot be used, and the exchange check. */
export interface SampleCheck {
	rows: number;
	unusable: number;
	swap: SwapCheck;
}

/**
 * Counts the sample rows a CSV mapping leaves without a usable point (missing, not a number, out
 * of range, or a row not as wide as the header), with latitude and longitude exchanged or not,
 * and checks whether the columns look exchanged.
 *
 * @example
 * checkSample(preview, preview.guess, false).unusable; // 3
 */
export function checkSample(preview: ImportPreview, mapping: ColumnMapping, swap: boolean): SampleCheck {
	const rows = preview.sample.length;
	if (preview.format !== 'csv') return { rows, unusable: preview.geometry ? preview.geometry.polygons + preview.geometry.other : 0, swap: detectSwapped([], []) };
	const lats = new Float64Array(rows).fill(NaN);
	const lons = new Float64Array(rows).fill(NaN);
	let unusable = 0;
	const width = preview.columns.length;
	preview.sample.forEach((cells, i) => {
		const lat = mapping.lat >= 0 ? parseCoordinate(cells[mapping.lat] ?? '') : NaN;
		const lon = mapping.lon >= 0 ? parseCoordinate(cells[mapping.lon] ?? '') : NaN;
		lats[i] = lat;
		lons[i] = lon;
		const [y, x] = swap ? [lon, lat] : [lat, lon];
		if (cells.length !== width || !(Math.abs(y) <= 90 && Math.abs(x) <= 180)) unusable++;
	});
	return { rows, unusable, swap: detectSwapped(lats, lons) };
}

async function firstBytes(source: ImportSource, n: number): Promise<Uint8Array> {
	for await (const chunk of source.chunks()) return chunk.subarray(0, n);
	return new Uint8Array(0);
}
