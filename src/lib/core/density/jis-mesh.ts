import type { Polygon } from 'geojson';

/**
 * JIS X 0410 standard regional mesh (標準地域メッシュ) codes. The 1st-order mesh is 40′ of latitude
 * by 1° of longitude (code: ⌊lat × 1.5⌋ then ⌊lon⌋ − 100); the 2nd order splits it 8 × 8, the 3rd
 * (基準地域メッシュ) 10 × 10, the half mesh 2 × 2 and the quarter mesh 2 × 2 again, the last two
 * numbered 1 = SW, 2 = SE, 3 = NW, 4 = NE. Cells are closed on the south and west, open on the
 * north and east, so a point on an edge belongs to the cell north or east of it.
 *
 * Every level is derived from one pair of integers: the row of the quarter mesh (7.5″ of latitude
 * = 1/480°) and its column (11.25″ of longitude = 1/320° east of 100°E). Hand-written because no
 * maintained npm package computes these with exact edges on typed arrays.
 */

/** Mesh levels and their code lengths. */
export const MESH_LEVELS = { first: 4, second: 6, third: 8, half: 9, quarter: 10 } as const;
export type MeshLevel = keyof typeof MESH_LEVELS;

/** Size of one cell of each level in quarter-mesh rows/columns (the same in both directions). */
export const MESH_SPAN: Record<MeshLevel, number> = { first: 320, second: 40, third: 4, half: 2, quarter: 1 };

/** Quarter-mesh rows per degree of latitude and columns per degree of longitude. */
const ROWS_PER_DEGREE = 480;
const COLS_PER_DEGREE = 320;
/** Codes have two digits for ⌊lat × 1.5⌋ and two for ⌊lon⌋ − 100: 0 ≤ lat < 66°40′, 100 ≤ lon < 200. */
const MAX_ROW = 100 * MESH_SPAN.first;
const MAX_COL = 100 * MESH_SPAN.first;
/**
 * Products within this many cell units of an integer are taken as exactly on the edge. Binary
 * floating point cannot hold most edges (35°40′ = 35.666…) nor most decimal inputs (139.0125); the
 * rounding error of `lat × 480` is below 1e-11 units, while 1e-9 units is 0.2 µm on the ground, so a
 * decimal coordinate that lies on an edge goes to the cell the standard assigns it and no other
 * coordinate moves by more than a fraction of a micrometre.
 */
const EDGE_TOLERANCE = 1e-9;

function snapFloor(x: number): number {
	const f = Math.floor(x);
	// x − f is exact (Sterbenz); only values just below the next integer need snapping up.
	return x - f >= 1 - EDGE_TOLERANCE ? f + 1 : f;
}

/**
 * Quarter-mesh row of a latitude (0 at the equator), or -1 outside 0 ≤ lat < 66°40′ or NaN.
 * Integer results only, so hot loops stay on small integers.
 * @example
 * meshRow(35.5); // 17040 (35.5 × 480)
 * @internal shared with mesh aggregation
 */
export function meshRow(lat: number): number {
	const row = snapFloor(lat * ROWS_PER_DEGREE);
	return row >= 0 && row < MAX_ROW ? row : -1;
}

/**
 * Quarter-mesh column of a longitude (0 at 100°E), or -1 outside 100 ≤ lon < 200 or NaN.
 * @example
 * meshCol(139.0125); // 12484 (39.0125 × 320)
 * @internal shared with mesh aggregation
 */
export function meshCol(lon: number): number {
	// lon − 100 is exact for 50 ≤ lon ≤ 200 (Sterbenz), so only the product rounds.
	const col = snapFloor((lon - 100) * COLS_PER_DEGREE);
	return col >= 0 && col < MAX_COL ? col : -1;
}

/**
 * The numeric mesh code of the cell whose south-west quarter-mesh row/column is (row, col).
 * @example
 * codeFromRowCol(17040, 12484, 'third'); // 53392001
 * @internal shared with mesh aggregation
 */
export function codeFromRowCol(row: number, col: number, level: MeshLevel): number {
	let code = Math.floor(row / 320) * 100 + Math.floor(col / 320);
	if (level === 'first') return code;
	code = code * 100 + (Math.floor(row / 40) % 8) * 10 + (Math.floor(col / 40) % 8);
	if (level === 'second') return code;
	code = code * 100 + (Math.floor(row / 4) % 10) * 10 + (Math.floor(col / 4) % 10);
	if (level === 'third') return code;
	code = code * 10 + 1 + (Math.floor(row / 2) % 2) * 2 + (Math.floor(col / 2) % 2);
	if (level === 'half') return code;
	return code * 10 + 1 + (row % 2) * 2 + (col % 2);
}

/**
 * The JIS X 0410 mesh code of a position as a number (exact: at most 10 digits), or NaN when the
 * position is outside the area the codes cover (0 ≤ lat < 66°40′, 100° ≤ lon < 200°) or not finite.
 * Use {@link meshCode} for the string form.
 *
 * @param lon longitude, degrees
 * @param lat latitude, degrees
 * @param level mesh level, default 'third' (the ~1 km standard mesh)
 * @example
 * meshNumber(139.767125, 35.681236, 'third'); // 53394611 (Tokyo Station)
 */
export function meshNumber(lon: number, lat: number, level: MeshLevel = 'third'): number {
	const row = meshRow(lat);
	const col = meshCol(lon);
	if (row < 0 || col < 0) return NaN;
	return codeFromRowCol(row, col, level);
}

/**
 * The JIS X 0410 mesh code of a position as the digit string official statistics use, or null
 * outside the covered area (see {@link meshNumber}).
 *
 * @param lon longitude, degrees
 * @param lat latitude, degrees
 * @param level mesh level, default 'third'
 * @example
 * meshCode(139.767125, 35.681236);            // '53394611'
 * meshCode(139.767125, 35.681236, 'quarter'); // '5339461132'
 */
export function meshCode(lon: number, lat: number, level: MeshLevel = 'third'): string | null {
	const code = meshNumber(lon, lat, level);
	return Number.isNaN(code) ? null : String(code).padStart(MESH_LEVELS[level], '0');
}

/**
 * Level, south-west quarter-mesh row/column and span of a mesh code.
 * @example
 * parseMeshCode('533920'); // { level: 'second', row: 17040, col: 12480, span: 40 }
 * @internal shared with {@link meshBounds}
 */
export function parseMeshCode(code: string | number): { level: MeshLevel; row: number; col: number; span: number } {
	const text = typeof code === 'number' ? String(code) : code.trim();
	const level = (Object.keys(MESH_LEVELS) as MeshLevel[]).find((l) => MESH_LEVELS[l] === text.length);
	const bad = (why: string) =>
		new Error(`Mesh code "${text}" is not a JIS X 0410 code: ${why}. Use 4 (1st), 6 (2nd), 8 (3rd), 9 (half) or 10 (quarter) digits.`);
	if (level === undefined || !/^\d+$/.test(text)) throw bad('wrong length or not all digits');
	const d = (i: number) => text.charCodeAt(i) - 48;
	let row = (d(0) * 10 + d(1)) * 320;
	let col = (d(2) * 10 + d(3)) * 320;
	if (text.length >= 6) {
		if (d(4) > 7 || d(5) > 7) throw bad('2nd-order digits must be 0–7');
		row += d(4) * 40;
		col += d(5) * 40;
	}
	if (text.length >= 8) {
		row += d(6) * 4;
		col += d(7) * 4;
	}
	for (let i = 8; i < text.length; i++) {
		const q = d(i) - 1;
		if (q < 0 || q > 3) throw bad('half and quarter digits must be 1–4');
		const step = i === 8 ? 2 : 1;
		row += (q >> 1) * step;
		col += (q & 1) * step;
	}
	return { level, row, col, span: MESH_SPAN[level] };
}

/**
 * Bounds of a mesh cell, [west, south, east, north] in degrees.
 *
 * @param code mesh code, string or number (4, 6, 8, 9 or 10 digits)
 * @example
 * meshBounds('5339'); // [139, 35.333…, 140, 36] — south edge 35°20′
 */
export function meshBounds(code: string | number): [number, number, number, number] {
	const { row, col, span } = parseMeshCode(code);
	return [
		100 + col / COLS_PER_DEGREE,
		row / ROWS_PER_DEGREE,
		100 + (col + span) / COLS_PER_DEGREE,
		(row + span) / ROWS_PER_DEGREE
	];
}

/**
 * A mesh cell as a GeoJSON polygon, counter-clockwise from the south-west corner (RFC 7946).
 *
 * @param code mesh code, string or number
 * @example
 * meshPolygon('53394611').coordinates[0][0]; // [139.7625, 35.675] — the cell's south-west corner
 */
export function meshPolygon(code: string | number): Polygon {
	const [w, s, e, n] = meshBounds(code);
	return { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] };
}
