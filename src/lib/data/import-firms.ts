/**
 * Imports firms from a CSV/TSV file (streamed, batch by batch) or from point features (GeoJSON,
 * zipped Shapefile) into the {@link FirmSample} the map draws, with every problem listed by file,
 * line and column. Rows with unusable coordinates are not placed but listed, never dropped
 * silently; rows outside Japan or with a repeated id are placed and listed as warnings. Pure; runs
 * in the import worker, the corpus tests and the benchmark.
 */
import type { FeatureCollection } from 'geojson';
import {
	describeImportProblem,
	duplicateIds,
	featureCells,
	importProblem,
	inJapanExtent,
	readFirmsCsv,
	readFirmsGeoJson,
	recordCell,
	recordCells,
	PackedRowsBuilder,
	type FirmBatch,
	type ImportProblem,
	type RowProblem
} from '$lib/core/io';
import { jsicMediumCode } from '$lib/i18n/jsic';
import { sortedIndustryCounts, type FirmSample, type UnplacedRow } from './firm-sample';
import type { ColumnMapping } from './import-preview';
import type { ImportSource } from './import-source';

export interface FirmImport {
	sample: FirmSample;
	/** Every problem, in file order: errors (row not placed) and warnings (row placed). */
	problems: ImportProblem[];
	/** Data rows read (placed + not placed). */
	rows: number;
}

export interface ImportFirmsOptions {
	mapping: ColumnMapping;
	/** Read the latitude column as longitude and the reverse (the fix for exchanged columns). */
	swap?: boolean;
	/** The features, when the file is GeoJSON or a zipped Shapefile (from `previewImport`). */
	features?: FeatureCollection | null;
	/** Called after each batch. */
	onProgress?: (progress: { bytesRead: number; rows: number }) => void;
	/** Stops between batches with {@link ImportCancelled}. */
	signal?: AbortSignal;
}

/** Thrown when the import was cancelled through its signal. */
export class ImportCancelled extends Error {
	override readonly name = 'ImportCancelled';
}

/**
 * @throws InputError when the file cannot be used (see `readFirmsCsv`), ImportCancelled when cancelled
 * @example
 * const { preview, features } = await previewImport(source);
 * const { sample, problems } = await importFirms(source, { mapping: preview.guess, features });
 */
export async function importFirms(source: ImportSource, options: ImportFirmsOptions): Promise<FirmImport> {
	const { mapping, swap = false, signal } = options;
	const file = source.name;
	const builder = sampleBuilder(file, mapping);
	const batches: AsyncIterable<FirmBatch> | Iterable<FirmBatch> = options.features
		? readFirmsGeoJson(options.features, { file })
		: readFirmsCsv(source.chunks(), { file, columns: swap ? { lat: mapping.lon, lon: mapping.lat } : { lat: mapping.lat, lon: mapping.lon } });
	for await (const batch of batches) {
		if (signal?.aborted) throw new ImportCancelled(`${file}: import cancelled`);
		builder.add(batch);
		options.onProgress?.({ bytesRead: batch.bytesRead || source.size, rows: builder.rows });
		// Let a cancel message in between batches.
		await new Promise((resolve) => setTimeout(resolve, 0));
	}
	if (signal?.aborted) throw new ImportCancelled(`${file}: import cancelled`);
	return builder.finish();
}

function sampleBuilder(file: string, mapping: ColumnMapping) {
	let columns: string[] = [];
	const rows = new PackedRowsBuilder();
	const lon: number[] = [];
	const lat: number[] = [];
	const industry: string[] = [];
	const counts = new Map<string, number>();
	const problems: ImportProblem[] = [];
	const unplaced: UnplacedRow[] = [];
	const ids = duplicateIds();
	let read = 0;
	return {
		get rows() {
			return read;
		},
		add(batch: FirmBatch) {
			columns = [...batch.columns];
			const features = batch.rows.kind === 'features' ? batch.rows : null;
			const records = batch.rows.kind === 'csv' ? batch.rows.records : null;
			const addRecord = records ? rows.csvRecords(records) : null;
			// A placed CSV row is kept as offsets into its batch's text: only its id and industry cells are made strings.
			const cellOf = (r: number, cells: string[] | null, c: number) => (cells ? (cells[c] ?? '') : recordCell(records!, r, c));
			for (let r = 0; r < batch.count; r++) {
				const line = batch.lines[r];
				const found = batch.problems[r];
				const cells = features ? featureCells(features.features[r], columns, features.idColumn) : null;
				if (found !== null) {
					for (const p of found) problems.push(importProblem(file, line, p));
					unplaced.push({ line, cells: cells ?? recordCells(records!, r), problems: found });
					continue;
				}
				const x = batch.lons[r];
				const y = batch.lats[r];
				const warnings: RowProblem[] = [];
				if (!inJapanExtent(x, y)) warnings.push({ kind: 'outside-japan', lon: x, lat: y });
				if (mapping.id >= 0) {
					const id = cellOf(r, cells, mapping.id);
					const firstLine = ids.see(id, line);
					if (firstLine !== null) warnings.push({ kind: 'duplicate-id', column: columns[mapping.id], id: id.trim(), firstLine });
				}
				for (const p of warnings) problems.push(importProblem(file, line, p));
				const code = mapping.industry >= 0 ? (jsicMediumCode(cellOf(r, cells, mapping.industry)) ?? '') : '';
				if (cells) rows.addCells(cells);
				else addRecord!(r);
				lon.push(x);
				lat.push(y);
				industry.push(code);
				counts.set(code, (counts.get(code) ?? 0) + 1);
			}
			read += batch.count;
		},
		finish(): FirmImport {
			const sample: FirmSample = {
				file,
				columns,
				rows: rows.finish(),
				lon: Float64Array.from(lon),
				lat: Float64Array.from(lat),
				industry,
				industryCounts: sortedIndustryCounts(counts),
				problems: problems
					.filter((p) => p.severity === 'error')
					.map((p) => ({ line: p.line, column: p.column, message: `${file}: line ${p.line}: ${describeImportProblem(p)}` })),
				unplaced
			};
			return { sample, problems, rows: read };
		}
	};
}
