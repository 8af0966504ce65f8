export { InputError, INPUT_ERROR_CODES, type InputErrorCode, type InputErrorParams } from './input-error';
export { detectEncoding, ENCODING_LABELS, type TextEncodingName } from './encoding/detect-encoding';
export { utf8Chunks, type ByteSource, type Utf8Chunk, type Utf8ChunksOptions } from './encoding/utf8-chunks';
export { streamChunks } from './stream-chunks';
export { decodeText } from './encoding/decode-text';
export { scanCsvRecords, recordsMemory, RECORD_QUOTED, RECORD_MALFORMED, type CsvRecords, type ScanCsvOptions } from './scan-csv-records';
export { cellText, recordCell, recordCells, spanText } from './cell-text';
export {
	cellAt,
	columnCells,
	isPackedRows,
	packRows,
	packedRowsTransfer,
	rowCells,
	sliceRows,
	unpackRows,
	PackedRowsBuilder,
	type PackedRows
} from './packed-rows';
export { readCsv, CSV_DELIMITERS, type CsvBatch, type CsvDelimiter, type ReadCsvOptions } from './read-csv';
export { columnsFor, guessColumns, normalizeHeader, COLUMN_NAMES, type ColumnGuess, type ColumnRole } from './guess-columns';
export { parseCoordinate, coordinateFromBytes } from './parse-coordinate';
export { describeRowProblem, isRowWarning, type RowProblem, type RowError, type RowWarning, type Axis } from './row-problem';
export { importProblem, describeImportProblem, type ImportProblem, type ZoneNote } from './import-problem';
export { problemsCsv, type ProblemsCsvOptions } from './write-problems-csv';
export { JAPAN_BOXES, inJapanExtent } from './japan-extent';
export { detectSwapped, type SwapCheck } from './detect-swapped';
export { duplicateIds, type DuplicateIds } from './duplicate-ids';
export { duplicateIdFinder, type DuplicateIdFinder } from './duplicate-id-finder';
export { IMPORT_LIMITS, checkFileSize } from './file-limits';
export { readFeatureFile } from './read-feature-file';
export type { FirmBatch, CsvRows, FeatureRows, FirmSourceInfo, GeocodedRows } from './firm-batch';
export { readFirmsCsv, type ReadFirmsCsvOptions } from './read-firms-csv';
export { parseGeoJson } from './parse-geojson';
export { readFirmsGeoJson } from './read-firms-geojson';
export { readZones } from './read-zones';
export { districtZones, findDistrict } from './district-features';
export { institutionsFromGeoJson, readInstitutionsCsv, type InstitutionCsvColumns, type InstitutionPoint, type InstitutionPropertyNames, type InstitutionsRead } from './read-institutions';
export { guessInstitutionColumns, institutionType, type InstitutionColumnGuess } from './institution-columns';
export { csvCell, needsFormulaGuard } from './csv-cell';
export { appendedColumns, roundKm, typeColumns, GEOCODE_COLUMNS, type ClassifiedOutputOptions, type FirmResults } from './classified-columns';
export { createClassifiedCsvWriter, featureCells, type ClassifiedCsvOptions, type ClassifiedCsvWriter } from './classified-csv-writer';
export { createClassifiedGeoJsonWriter, type ClassifiedGeoJsonWriter } from './classified-geojson-writer';
export { ByteWriter } from './byte-writer';
export { BufferPool } from './buffer-pool';
