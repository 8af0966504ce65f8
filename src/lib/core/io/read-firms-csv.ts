import type { FirmBatch, FirmSourceInfo } from './firm-batch';
import { cellText, recordCell, recordCells } from './cell-text';
import { detectSwapped, type SwapCheck } from './detect-swapped';
import { COLUMN_NAMES, guessColumns } from './guess-columns';
import { InputError } from './input-error';
import { coordinateFromBytes, parseCoordinate } from './parse-coordinate';
import { readCsv, type CsvBatch, type ReadCsvOptions } from './read-csv';
import type { Axis, RowProblem } from './row-problem';
import { RECORD_MALFORMED, type CsvRecords } from './scan-csv-records';
import type { ByteSource } from './encoding/utf8-chunks';
import type { BufferPool } from './buffer-pool';

export interface ReadFirmsCsvOptions extends ReadCsvOptions {
	/** Coordinate columns by index or header name; guessed from the header when not given. */
	columns?: { lat?: number | string; lon?: number | string };
	/** Read the latitude column as longitude and the reverse (the fix for exchanged columns). */
	swap?: boolean;
	/**
	 * Memory for each batch's `lons` and `lats`, given back by the consumer once the batch is
	 * written; a pool of SharedArrayBuffers lets a worker thread read them without a copy.
	 */
	points?: BufferPool;
}

/** Rows of the first batch looked at for exchanged latitude and longitude. */
const SWAP_SAMPLE_ROWS = 1000;

/**
 * Reads firms from a CSV/TSV file as batches of coordinates plus the untouched records. Coordinate
 * columns are found by name (`guessColumns`: lat/latitude/緯度, lon/lng/long/longitude/経度, any
 * case, full-width or not). A row whose coordinates are missing, not a number, out of range, or
 * whose cells do not line up with the header is kept with its problems noted and NaN coordinates.
 *
 * @param source the file's bytes, in chunks
 * @throws InputError when the file cannot be used at all (see `readCsv`), or has no coordinate columns
 * @example
 * for await (const batch of readFirmsCsv(chunks, { file: 'firms.csv' })) classify(batch.lons, batch.lats);
 */
export async function* readFirmsCsv(source: ByteSource, options: ReadFirmsCsvOptions): AsyncGenerator<FirmBatch> {
	let columns: { lat: number; lon: number } | null = null;
	for await (const batch of readCsv(source, options)) {
		const first = columns === null;
		if (columns === null) {
			const found = coordinateColumns(batch.header, options);
			columns = options.swap ? { lat: found.lon, lon: found.lat } : found;
		}
		const firms = firmBatch(batch, columns.lat, columns.lon, options.points);
		if (options.swap) firms.info.swapped = true;
		if (first) firms.info.swapCheck = swapCheck(batch.records, columns.lat, columns.lon);
		yield firms;
	}
}

/**
 * The exchange check on the first rows as read: every numeric pair, in range or not (a swapped
 * latitude of 139.7 is out of range as read, and that is the point).
 */
function swapCheck(records: CsvRecords, latColumn: number, lonColumn: number): SwapCheck {
	const n = Math.min(records.count, SWAP_SAMPLE_ROWS);
	const lats = new Float64Array(n);
	const lons = new Float64Array(n);
	for (let r = 0; r < n; r++) {
		lats[r] = parseCoordinate(recordCell(records, r, latColumn));
		lons[r] = parseCoordinate(recordCell(records, r, lonColumn));
	}
	return detectSwapped(lats, lons);
}

function coordinateColumns(header: readonly string[], options: ReadFirmsCsvOptions): { lat: number; lon: number } {
	const guess = guessColumns(header);
	const pick = (axis: 'lat' | 'lon', given: number | string | undefined) => {
		// A negative index means "none chosen": fall back to the guess and its message.
		if (typeof given === 'number' && given < 0) given = undefined;
		const index = typeof given === 'number' ? given : given !== undefined ? header.indexOf(given) : guess[axis];
		if (index >= 0 && index < header.length) return index;
		const what = axis === 'lat' ? 'latitude' : 'longitude';
		const looked = given !== undefined ? `the column ${JSON.stringify(given)} is not in the header` : `looked for ${COLUMN_NAMES[axis].join(', ')}`;
		const columns = header.map((h) => JSON.stringify(h)).join(', ');
		throw new InputError(options.file, `has no ${what} column (${looked}; the columns are ${columns})`, {
			code: 'no-coordinate-column',
			params: { axis: what, given: given === undefined ? '' : String(given), looked: COLUMN_NAMES[axis].join(', '), columns },
			line: 1,
			hint: `Name the ${what} column "${COLUMN_NAMES[axis][0]}" or "${COLUMN_NAMES[axis].at(-1)}", with decimal degrees (WGS84) in it.`
		});
	};
	return { lat: pick('lat', options.columns?.lat), lon: pick('lon', options.columns?.lon) };
}

function firmBatch(batch: CsvBatch, latColumn: number, lonColumn: number, points: BufferPool | undefined): FirmBatch {
	const { records, header } = batch;
	const { bytes, count, firstCell, cellStart, cellEnd } = records;
	const width = header.length;
	// Every element is written below.
	const lons = points?.float64s(count) ?? new Float64Array(count);
	const lats = points?.float64s(count) ?? new Float64Array(count);
	const problems: (RowProblem[] | null)[] = new Array(count).fill(null);
	for (let r = 0; r < count; r++) {
		const k = firstCell[r];
		let lat = NaN;
		let lon = NaN;
		const shape = recordShapeProblems(records, r, width);
		if (shape !== null) {
			problems[r] = shape;
		} else {
			lat = coordinateFromBytes(bytes, cellStart[k + latColumn], cellEnd[k + latColumn]);
			lon = coordinateFromBytes(bytes, cellStart[k + lonColumn], cellEnd[k + lonColumn]);
			if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) {
				// Slow path: anything but a plain ASCII number in range, decoded and explained.
				const found: RowProblem[] = [];
				lat = checked(cellText(records, k + latColumn), 'latitude', header[latColumn], 90, found);
				lon = checked(cellText(records, k + lonColumn), 'longitude', header[lonColumn], 180, found);
				if (found.length > 0) {
					problems[r] = found;
					lat = lon = NaN;
				}
			}
		}
		lats[r] = lat;
		lons[r] = lon;
	}
	const info: FirmSourceInfo = { format: 'csv', encoding: batch.encoding, delimiter: batch.delimiter, latColumn: header[latColumn], lonColumn: header[lonColumn] };
	return {
		columns: header,
		count,
		lons,
		lats,
		problems,
		lines: records.line,
		bytesRead: batch.bytesRead,
		rows: { kind: 'csv', records, delimiter: batch.delimiter },
		info
	};
}

function checked(text: string, axis: Axis, column: string, limit: number, found: RowProblem[]): number {
	if (text.trim() === '') {
		found.push({ kind: 'missing', axis, column });
		return NaN;
	}
	const value = parseCoordinate(text);
	if (Number.isNaN(value)) found.push({ kind: 'unparsable', axis, column, text });
	else if (!(Math.abs(value) <= limit)) found.push({ kind: 'out-of-range', axis, column, value });
	return value;
}

/**
 * What keeps record r from lining up with a header of `width` columns — a stray quote, too few or
 * too many cells (the extra cells named) — or null when it lines up. Such a row is kept but not
 * read for a position: a cell may belong to another column.
 *
 * @example
 * recordShapeProblems(records, 0, 3); // [{ kind: 'ragged', cells: 4, expected: 3, extra: ['x'] }]
 */
export function recordShapeProblems(records: CsvRecords, r: number, width: number): RowProblem[] | null {
	const cells = records.firstCell[r + 1] - records.firstCell[r];
	const malformed = (records.flags[r] & RECORD_MALFORMED) !== 0;
	if (cells === width && !malformed) return null;
	const found: RowProblem[] = [];
	if (malformed) found.push({ kind: 'malformed-quotes' });
	if (cells !== width) found.push({ kind: 'ragged', cells, expected: width, extra: recordCells(records, r).slice(width) });
	return found;
}
