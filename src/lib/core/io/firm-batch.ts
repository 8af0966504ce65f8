import type { Feature } from 'geojson';
import type { CsvDelimiter } from './read-csv';
import type { RowProblem } from './row-problem';
import type { CsvRecords } from './scan-csv-records';
import type { TextEncodingName } from './encoding/detect-encoding';
import type { SwapCheck } from './detect-swapped';
import type { GeocodeLevel } from '../geocode/geocoder';

/**
 * Firms read from a file, a batch at a time: coordinates as typed arrays for the engine, and the
 * rows themselves, untouched, for writing out.
 */
export interface FirmBatch {
	/** Input columns in file order: the CSV header, or GeoJSON property names in first-seen order. */
	columns: readonly string[];
	count: number;
	/** Coordinates; NaN in rows with a problem. */
	lons: Float64Array;
	lats: Float64Array;
	/** Per row: null, or why its coordinates were not used (the row is kept all the same). */
	problems: (RowProblem[] | null)[];
	/** Per row: CSV line where the record starts, or GeoJSON feature number, 1-based. */
	lines: Uint32Array;
	/** Bytes of the file read so far. */
	bytesRead: number;
	rows: CsvRows | FeatureRows;
	info: FirmSourceInfo;
	/** Present when the points come from geocoding an address column (`geocodeCsvBatch`). */
	geocoded?: GeocodedRows;
}

/** What geocoding found per row, placed or not; written as the geocode_* columns. */
export interface GeocodedRows {
	/** The matched point whatever its level (NaN when nothing matched); `lons`/`lats` hold only the placed ones. */
	lons: Float64Array;
	lats: Float64Array;
	level: (GeocodeLevel | null)[];
	/** 都道府県 + 市区町村 + 町丁目 [+ 小字] as matched; "" when nothing matched. */
	match: string[];
}

export interface CsvRows {
	kind: 'csv';
	records: CsvRecords;
	delimiter: CsvDelimiter;
}

export interface FeatureRows {
	kind: 'features';
	features: readonly Feature[];
	/** True when columns[0] holds the features' top-level `id`. */
	idColumn: boolean;
}

/** Where the coordinates of a firms file come from, for the summary. */
export interface FirmSourceInfo {
	format: 'csv' | 'geojson';
	encoding?: TextEncodingName;
	delimiter?: CsvDelimiter;
	latColumn?: string;
	lonColumn?: string;
	/** The columns were read exchanged, as asked (`swap`). */
	swapped?: boolean;
	/** Whether the first rows look like latitude and longitude exchanged (CSV). */
	swapCheck?: SwapCheck;
	/** The address column, when the points come from geocoding it. */
	addressColumn?: string;
}
