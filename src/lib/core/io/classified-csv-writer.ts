import Encoding from 'encoding-japanese';
import type { Feature } from 'geojson';
import { ByteWriter } from './byte-writer';
import { recordCells } from './cell-text';
import { appendedColumns, GEOCODE_COLUMNS, type ClassifiedOutputOptions, type FirmResults } from './classified-columns';
import { csvCell } from './csv-cell';
import type { FeatureRows, FirmBatch } from './firm-batch';
import { describeRowProblem } from './row-problem';
import { RECORD_FORMULA_START, type CsvRecords } from './scan-csv-records';

export interface ClassifiedCsvOptions extends ClassifiedOutputOptions {
	/** 'utf-8' (default, with a byte order mark so Excel reads it right) or 'shift_jis' (CP932, no BOM). */
	encoding?: 'utf-8' | 'shift_jis';
	/** Guard formula-like cells with a leading `'` (default true; see `csvCell`). */
	guard?: boolean;
}

export interface ClassifiedCsvWriter {
	/** The byte order mark (UTF-8) and the header line: input columns, then `appendedColumns`. */
	header(columns: readonly string[]): Uint8Array;
	/**
	 * The batch's rows, each with its appended cells, CRLF-terminated. The bytes are a view into a
	 * buffer the writer reuses: write them out (or copy them) before the next call.
	 */
	rows(batch: FirmBatch, results: FirmResults): Uint8Array;
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const SEMICOLON = 0x3b;
const encoder = new TextEncoder();
const CRLF = encoder.encode('\r\n');

/**
 * Writes classified firms as CSV: every input row, every input cell with its original text, in the
 * original order, then the appended columns. A CSV record that needs no change (comma-separated,
 * well-formed, nothing to guard) is copied byte for byte; others are re-quoted per RFC 4180.
 * Rows with a problem get empty computed cells and the problem's text; a row with more cells than
 * the header is cut to the header's width and the extra cells quoted in its problem, so that the
 * appended columns always line up.
 *
 * @example
 * const writer = createClassifiedCsvWriter({ zoneIds: index.zoneIds });
 * out.write(writer.header(batch.columns));
 * out.write(writer.rows(batch, results));
 */
export function createClassifiedCsvWriter(options: ClassifiedCsvOptions): ClassifiedCsvWriter {
	const guard = options.guard !== false;
	const cell = (text: string) => csvCell(text, { guard });
	const encode = (text: string) => encoder.encode(text);
	const zoneCells = options.zoneIds.map((id) => encode(cell(id)));
	const plainIds = options.zoneIds.every((id) => !/[",;\r\n]/.test(id) && cell(id) === id);
	const guardFirst = options.zoneIds.map((id) => /^[=+\-@]/.test(id));
	const hasInstitutions = options.institutionIds !== undefined;
	const hasBuffer = options.bufferKm !== undefined;
	// After zone_ids: `,true` or `,false`, then (with institutions) `,id,` or `,,` when there is none;
	// indexed [inside][institution + 1].
	const institutionCells = ['', ...(options.institutionIds ?? [])].map((id, i) => (!hasInstitutions ? '' : i === 0 ? ',,' : `,${cell(id)},`));
	const afterZones = [',false', ',true'].map((flag) => institutionCells.map((tail) => encode(flag + tail)));
	// Row end: within_buffer if asked and the empty problem cell (then the type pairs, then CRLF); indexed by the buffer flag.
	const rowEnd = [',false', ',true'].map((flag) => encode(`${hasBuffer ? flag : ''},`));
	// Per type after the problem cell: `,id,` then the km, or `,,` when there is none.
	const byType = options.byType ?? [];
	const typeCells = byType.map((g) => g.ids.map((id) => encode(`,${cell(id)},`)));
	const noType = encode(',,');
	const typeRoom = typeCells.reduce((sum, cells) => sum + 32 + Math.max(0, ...cells.map((c) => c.length)), 0);
	const geocoded = options.geocoded === true;
	const classified = options.classified !== false;
	// Before the problem cell of a row with a problem: empty cells for everything but the geocode ones.
	const emptyComputed = encode(','.repeat(appendedColumns(options).length - 1 - (geocoded ? GEOCODE_COLUMNS.length : 0) - 2 * byType.length));
	const finish = (writer: ByteWriter) => (options.encoding === 'shift_jis' ? toShiftJis(writer.result()) : writer.result());
	const writer = new ByteWriter(1 << 20);
	// Upper bounds of the appended bytes of a row: per zone, and for everything else.
	const zoneRoom = Math.max(1, ...zoneCells.map((c) => c.length)) + 1;
	const fixedRoom = 64 + Math.max(0, ...afterZones[0].map((c) => c.length)) + typeRoom;

	return {
		header(columns) {
			const line = new ByteWriter(1024);
			if (options.encoding !== 'shift_jis') line.text('\ufeff');
			line.text([...columns, ...appendedColumns(options)].map(cell).join(','));
			line.bytes(CRLF, 0, CRLF.length);
			return finish(line);
		},
		rows(batch, results) {
			const { rows, columns, problems } = batch;
			const width = columns.length;
			const { offsets, zoneIndices, inside, nearest, km, withinBuffer } = results;
			const records = rows.kind === 'csv' ? rows.records : null;
			const verbatim = records !== null && rows.kind === 'csv' && rows.delimiter === ',';
			writer.clear();
			// Room for the whole batch at once (the rows copied, their appended cells at most, an eighth
			// more for the batches after): growing by doubling wrote each byte up to twice into memory
			// written fresh, a page fault per 4 KiB.
			if (records !== null && batch.count > 0) {
				const zoneCount = classified ? offsets[batch.count] - offsets[0] : 0;
				const room = records.end[batch.count - 1] - records.start[0] + batch.count * fixedRoom + zoneCount * zoneRoom;
				writer.reserve(room + (room >>> 3));
			}
			for (let r = 0; r < batch.count; r++) {
				const problem = problems[r];
				// Room for the row as copied and its appended cells: one check per row.
				const geocodeCells = geocoded ? geocodedCells(batch, r, cell) : '';
				const zones = classified ? offsets[r + 1] - offsets[r] : 0;
				writer.reserve((records ? records.end[r] - records.start[r] : 0) + fixedRoom + zones * zoneRoom + geocodeCells.length * 3);
				if (verbatim && problem === null && ((records.flags[r] & RECORD_FORMULA_START) === 0 || !needsGuard(records, r))) {
					writer.bytes(records.bytes, records.start[r], records.end[r]);
				} else {
					const cells = records !== null ? recordCells(records, r) : featureCells((rows as FeatureRows).features[r], columns, (rows as FeatureRows).idColumn);
					while (cells.length < width) cells.push('');
					writer.text(cells.slice(0, width).map(cell).join(','));
				}
				writer.byte(COMMA);
				if (geocoded) writer.text(geocodeCells);
				if (problem !== null) {
					writer.put(emptyComputed);
					writer.text(cell(problem.map(describeRowProblem).join('; ')));
					for (let g = 0; g < byType.length; g++) writer.put(noType);
					writer.put(CRLF);
				} else if (!classified) writer.put(CRLF);
				else {
					const from = offsets[r];
					const to = offsets[r + 1];
					if (to - from === 1) writer.put(zoneCells[zoneIndices[from]]);
					else if (to > from) {
						if (plainIds && !guardFirst[zoneIndices[from]]) {
							// Ids without quotes, commas, semicolons or line breaks join as they are.
							for (let k = from; k < to; k++) {
								if (k > from) writer.byte(SEMICOLON);
								writer.put(zoneCells[zoneIndices[k]]);
							}
						} else writer.text(cell(Array.from(zoneIndices.subarray(from, to), (z) => options.zoneIds[z]).join(';')));
					}
					// The rest of the row in three pieces made beforehand: flag and institution, distance, end.
					const institution = nearest !== undefined && km !== undefined ? nearest[r] : -1;
					writer.put(afterZones[inside[r]][institution + 1]);
					if (institution >= 0) writer.thousandths(km![r]);
					writer.put(rowEnd[withinBuffer?.[r] ?? 0]);
					for (let g = 0; g < byType.length; g++) {
						const n = results.byType?.[g].nearest[r] ?? -1;
						if (n < 0) writer.put(noType);
						else {
							writer.put(typeCells[g][n]);
							writer.thousandths(results.byType![g].km[r]);
						}
					}
					writer.put(CRLF);
				}
			}
			return finish(writer);
		}
	};
}

/** The geocode cells of a row, each followed by a comma: lon, lat (as placed or not), level, match. */
function geocodedCells(batch: FirmBatch, r: number, cell: (text: string) => string): string {
	const g = batch.geocoded;
	if (!g) return ',,,,';
	const placed = batch.problems[r] === null;
	const number = (v: number) => (placed && Number.isFinite(v) ? degrees(v) : '');
	return `${number(g.lons[r])},${number(g.lats[r])},${g.level[r] ?? ''},${cell(g.match[r])},`;
}

/**
 * Degrees with at most 6 decimals, as `String` writes the town data's values (they are micro-degrees),
 * from integers: `String` of a double was a tenth of the geocode command's time.
 *
 * @example
 * degrees(139.7071); // '139.7071'
 */
export function degrees(v: number): string {
	const e6 = Math.round(Math.abs(v) * 1e6);
	const whole = Math.floor(e6 / 1e6);
	let fraction = e6 - whole * 1e6;
	const sign = v < 0 && e6 !== 0 ? '-' : '';
	if (fraction === 0) return sign + whole;
	let digits = 6;
	while (fraction % 10 === 0) {
		fraction /= 10;
		digits--;
	}
	return `${sign}${whole}.${String(fraction).padStart(digits, '0')}`;
}

/** Whether some cell of a well-formed record needs the formula guard (see `needsFormulaGuard`). */
function needsGuard(records: CsvRecords, r: number): boolean {
	const { bytes: b, cellStart, cellEnd } = records;
	for (let k = records.firstCell[r]; k < records.firstCell[r + 1]; k++) {
		let s = cellStart[k];
		let e = cellEnd[k];
		if (b[s] === QUOTE) {
			s++; // a quoted cell's text is inside its quotes
			e--;
		}
		if (s >= e) continue;
		if (b[s] === 0x09 || b[s] === 0x0d) return true; // tab, CR
		const t = skipInvisible(b, s, e);
		const c = b[t];
		if (t >= e) continue;
		if (c === 0x3d || c === 0x40) return true; // = @
		if ((c === 0x2b || c === 0x2d) && (t > s || !isPlainNumber(b, s, e))) return true; // + -
	}
	return false;
}

/** Past the UTF-8 zero-width space, joiners (U+200B–U+200D), word joiner (U+2060) and BOM at `s`. */
function skipInvisible(b: Uint8Array, s: number, e: number): number {
	while (s + 2 < e) {
		const zeroWidth = b[s] === 0xe2 && ((b[s + 1] === 0x80 && b[s + 2] >= 0x8b && b[s + 2] <= 0x8d) || (b[s + 1] === 0x81 && b[s + 2] === 0xa0));
		if (!zeroWidth && !(b[s] === 0xef && b[s + 1] === 0xbb && b[s + 2] === 0xbf)) break;
		s += 3;
	}
	return s;
}

/** `[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?` over bytes, the byte twin of csv-cell's NUMBER. */
function isPlainNumber(b: Uint8Array, s: number, e: number): boolean {
	let i = s;
	if (b[i] === 0x2b || b[i] === 0x2d) i++;
	const integer = i;
	while (i < e && b[i] >= 0x30 && b[i] <= 0x39) i++;
	let digits = i - integer;
	if (i < e && b[i] === 0x2e) {
		const fraction = ++i;
		while (i < e && b[i] >= 0x30 && b[i] <= 0x39) i++;
		digits += i - fraction;
	}
	if (digits === 0) return false;
	if (i < e && (b[i] === 0x65 || b[i] === 0x45)) {
		i++;
		if (i < e && (b[i] === 0x2b || b[i] === 0x2d)) i++;
		const start = i;
		while (i < e && b[i] >= 0x30 && b[i] <= 0x39) i++;
		if (i === start) return false;
	}
	return i === e;
}

/**
 * A feature's property values as cell text, in the columns' order: strings as they are, numbers
 * and booleans as JavaScript writes them, null as empty, objects as JSON.
 *
 * @example
 * featureCells({ type: 'Feature', id: 7, geometry: null, properties: { n: 2 } }, ['id', 'n'], true); // ['7', '2']
 */
export function featureCells(feature: Feature, columns: readonly string[], idColumn: boolean): string[] {
	return columns.map((column, j) => cellValue(idColumn && j === 0 ? feature.id : feature.properties?.[column]));
}

function cellValue(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return JSON.stringify(value);
}

function toShiftJis(utf8: Uint8Array): Uint8Array {
	// Characters Shift_JIS lacks become '?'; the UTF-8 default loses nothing.
	return Uint8Array.from(Encoding.convert(utf8, { to: 'SJIS', from: 'UTF8', type: 'array' }));
}
