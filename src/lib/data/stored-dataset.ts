/**
 * A firm dataset as several IndexedDB records. Chromium refuses a single value of more than
 * 127 MiB ("The serialized keys and/or value are too large", measured: 133,169,152 bytes), and
 * half a million imported rows pass that; so the large columns (the rows' text, their offsets,
 * positions, industry codes) are cut into pieces of at most {@link PIECE_BYTES}, and one small
 * record lists them with the rest of the dataset.
 */
import type { FirmTable } from '$lib/core/firm-table';

/** Largest piece, in bytes of its serialized form (strings count two bytes a character). */
export const PIECE_BYTES = 32 * 2 ** 20;

type Column = string | Float64Array | Uint32Array | Uint16Array;
type ColumnName = 'text' | 'rowCell' | 'cellStart' | 'rowEnd' | 'lon' | 'lat' | 'industry';

/** The record that lists a dataset's pieces; the pieces are stored under `pieceKey(prefix, name, k)`. */
export interface DatasetManifest {
	format: 'pieces';
	/** Distinguishes this dataset's pieces from those of the dataset stored before it. */
	prefix: string;
	sample: Omit<FirmTable, 'rows' | 'lon' | 'lat' | 'industry'> & { rowCount: number; industryCodes: string[] };
	/** Pieces per column. */
	pieces: Record<ColumnName, number>;
}

/** The key of piece k of column `name`. */
export function pieceKey(prefix: string, name: string, k: number): string {
	return `${prefix}:${name}:${k}`;
}

/** A dataset's records: the manifest and every piece (copies of the dataset's columns). */
export interface DatasetRecords {
	manifest: DatasetManifest;
	pieces: [key: string, value: Column][];
}

/**
 * The records of `sample`: the manifest and every piece.
 *
 * @example
 * const { manifest, pieces } = datasetRecords(sample, 'dataset-1733356800000');
 * for (const [key, value] of pieces) await backend.put(key, value);
 * await backend.put('dataset', manifest);
 */
export function datasetRecords(sample: FirmTable, prefix: string, pieceBytes = PIECE_BYTES): DatasetRecords {
	const { rows, lon, lat, industry, ...rest } = sample;
	const columns: Record<ColumnName, Column> = { text: rows.text, rowCell: rows.rowCell, cellStart: rows.cellStart, rowEnd: rows.rowEnd, lon, lat, industry: industry.index };
	const pieces: [string, Column][] = [];
	const counts = {} as Record<ColumnName, number>;
	for (const [name, column] of Object.entries(columns) as [ColumnName, Column][]) {
		const cut = cutColumn(column, pieceBytes);
		counts[name] = cut.length;
		cut.forEach((piece, k) => pieces.push([pieceKey(prefix, name, k), piece]));
	}
	return { manifest: { format: 'pieces', prefix, sample: { ...rest, rowCount: rows.count, industryCodes: industry.codes }, pieces: counts }, pieces };
}

/** Whether a stored value is a {@link DatasetManifest}. */
export function isDatasetManifest(value: unknown): value is DatasetManifest {
	const v = value as DatasetManifest | null;
	return typeof v === 'object' && v !== null && v.format === 'pieces' && typeof v.prefix === 'string' && typeof v.pieces === 'object' && typeof v.sample === 'object';
}

/** Every piece key of a manifest. */
export function manifestKeys(manifest: DatasetManifest): string[] {
	return Object.entries(manifest.pieces).flatMap(([name, count]) => Array.from({ length: count }, (_, k) => pieceKey(manifest.prefix, name, k)));
}

/**
 * The dataset a manifest lists, its pieces read with `get`; null when a piece is missing or of
 * another type (a write cut short).
 */
export async function datasetFromRecords(manifest: DatasetManifest, get: (key: string) => Promise<unknown>): Promise<FirmTable | null> {
	const read = async <T extends Column>(name: ColumnName, join: (pieces: T[]) => T, is: (value: unknown) => value is T): Promise<T | null> => {
		const pieces = await Promise.all(Array.from({ length: manifest.pieces[name] ?? 0 }, (_, k) => get(pieceKey(manifest.prefix, name, k))));
		return pieces.every(is) ? join(pieces as T[]) : null;
	};
	const isString = (v: unknown): v is string => typeof v === 'string';
	const typed = <A extends Float64Array | Uint32Array | Uint16Array>(Type: { new (n: number): A }) => ({
		is: (v: unknown): v is A => v instanceof Type,
		join: (pieces: A[]) => joinTyped(pieces, Type)
	});
	const f64 = typed(Float64Array);
	const u32 = typed(Uint32Array);
	const u16 = typed(Uint16Array);
	const [text, rowCell, cellStart, rowEnd, lon, lat, industry] = await Promise.all([
		read('text', (pieces: string[]) => pieces.join(''), isString),
		read('rowCell', u32.join, u32.is),
		read('cellStart', u32.join, u32.is),
		read('rowEnd', u32.join, u32.is),
		read('lon', f64.join, f64.is),
		read('lat', f64.join, f64.is),
		read('industry', u16.join, u16.is)
	]);
	if (text === null || !rowCell || !cellStart || !rowEnd || !lon || !lat || !industry) return null;
	const { rowCount, industryCodes, ...rest } = manifest.sample;
	if (lon.length !== rowCount || lat.length !== rowCount || industry.length !== rowCount || rowCell.length !== rowCount + 1) return null;
	return { ...rest, rows: { count: rowCount, text, rowCell, cellStart, rowEnd }, lon, lat, industry: { codes: industryCodes, index: industry } };
}

function cutColumn(column: Column, pieceBytes: number): Column[] {
	const unit = typeof column === 'string' ? 2 : column.BYTES_PER_ELEMENT;
	const per = Math.max(1, Math.floor(pieceBytes / unit));
	const pieces: Column[] = [];
	for (let from = 0; from < column.length || from === 0; from += per) pieces.push(column.slice(from, from + per));
	return pieces;
}

function joinTyped<A extends Float64Array | Uint32Array | Uint16Array>(pieces: A[], Type: { new (n: number): A }): A {
	const joined = new Type(pieces.reduce((sum, piece) => sum + piece.length, 0));
	let at = 0;
	for (const piece of pieces) {
		joined.set(piece as never, at);
		at += piece.length;
	}
	return joined;
}
