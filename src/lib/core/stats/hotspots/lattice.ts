import type { Polygon } from 'geojson';
import { hexBin, hexPolygon } from '../../density/hex-grid';
import { codeFromRowCol, MESH_LEVELS, MESH_SPAN, meshCol, meshPolygon, meshRow, type MeshLevel } from '../../density/jis-mesh';
import type { FirmFilter } from '../../density/select-firms';

/**
 * The cells of a hot-spot analysis: every cell of a grid in the rectangle of cells spanning the
 * firms, empty ones included, in rows from the south (mesh) or from the projection's south (hex),
 * west to east; with their firm counts and queen contiguity as CSR (cell c's neighbours are
 * `neighbours[offsets[c]]` … `neighbours[offsets[c + 1] - 1]`, ascending).
 */
export interface CellLattice {
	kind: 'mesh' | 'hex';
	/** Rows and columns of the rectangle; cell index = row × cols + col. */
	rows: number;
	cols: number;
	/** Firms per cell (those passing the filter). */
	counts: Float64Array;
	offsets: Uint32Array;
	neighbours: Uint32Array;
	/** Firms with finite coordinates that no cell can hold (outside the mesh's range). */
	unplaced: number;
	/** Firms that passed the filter but had no coordinates. */
	withoutCoordinates: number;
	/** Mesh level, for mesh lattices. */
	level?: MeshLevel;
	/** Projection centre and hexagon side, for hex lattices (see hexPolygon). */
	centre?: [number, number];
	sizeMetres?: number;
	/** South-west origin of the rectangle: mesh quarter-row/column of its first cell, or hex axial row and offset column. */
	originRow: number;
	originCol: number;
}

/** The rectangle of cells spanning the firms has more cells than {@link MAX_CELLS}. */
export class GridTooLargeError extends Error {
	override readonly name = 'GridTooLargeError';
	/** @param extent rows × columns, or why the grid cannot be built */
	constructor(extent: string) {
		super(`the rectangle of cells spanning the firms ${extent}; choose larger cells or firms of a smaller area`);
	}
}

function checkSize(rows: number, cols: number): void {
	if (rows * cols > MAX_CELLS) {
		throw new GridTooLargeError(`has ${rows.toLocaleString('en')} × ${cols.toLocaleString('en')} = ${(rows * cols).toLocaleString('en')} cells, more than ${MAX_CELLS.toLocaleString('en')}`);
	}
}

/** Largest lattice built: 2 million cells take about 120 MB with their neighbours. */
export const MAX_CELLS = 2_000_000;

/**
 * The JIS X 0410 mesh cells of `level` in the rectangle spanning the firms (all firms with
 * coordinates set the rectangle; `filter` chooses which are counted, so one industry is counted
 * over the whole study area). Neighbours: the eight surrounding cells (queen), fewer on the edge.
 *
 * @param lons firm longitudes, degrees
 * @param lats firm latitudes, degrees
 * @param level mesh level ('first' … 'quarter')
 * @param options.filter firms to count, default all
 * @throws GridTooLargeError above {@link MAX_CELLS} cells
 * @example
 * const lattice = meshLattice(lons, lats, 'third');
 * meshCellId(lattice, 0); // '53394500', the south-west cell
 */
export function meshLattice(lons: ArrayLike<number>, lats: ArrayLike<number>, level: MeshLevel, options: { filter?: FirmFilter } = {}): CellLattice {
	const n = lons.length;
	if (lats.length !== n) throw new Error(`meshLattice: ${n} longitudes but ${lats.length} latitudes; pass arrays of the same length.`);
	const span = MESH_SPAN[level];
	if (span === undefined) throw new Error(`meshLattice: unknown mesh level "${level}"; use first, second, third, half or quarter.`);
	const cellRow = new Int32Array(n).fill(-1);
	const cellCol = new Int32Array(n).fill(-1);
	let r0 = Infinity, r1 = -Infinity, c0 = Infinity, c1 = -Infinity;
	let unplaced = 0;
	for (let i = 0; i < n; i++) {
		if (!Number.isFinite(lons[i]) || !Number.isFinite(lats[i])) continue;
		const row = meshRow(lats[i]);
		const col = meshCol(lons[i]);
		if (row < 0 || col < 0) {
			unplaced += counted(options.filter, i) ? 1 : 0;
			continue;
		}
		const r = Math.floor(row / span);
		const c = Math.floor(col / span);
		cellRow[i] = r;
		cellCol[i] = c;
		if (r < r0) r0 = r;
		if (r > r1) r1 = r;
		if (c < c0) c0 = c;
		if (c > c1) c1 = c;
	}
	const empty = r0 === Infinity;
	const rows = empty ? 0 : r1 - r0 + 1;
	const cols = empty ? 0 : c1 - c0 + 1;
	checkSize(rows, cols);
	const counts = new Float64Array(rows * cols);
	let withoutCoordinates = 0;
	for (let i = 0; i < n; i++) {
		if (!counted(options.filter, i)) continue;
		if (cellRow[i] >= 0) counts[(cellRow[i] - r0) * cols + (cellCol[i] - c0)]++;
		else if (!Number.isFinite(lons[i]) || !Number.isFinite(lats[i])) withoutCoordinates++;
	}
	const { offsets, neighbours } = queenSquare(rows, cols);
	return { kind: 'mesh', level, rows, cols, counts, offsets, neighbours, unplaced, withoutCoordinates, originRow: empty ? 0 : r0 * span, originCol: empty ? 0 : c0 * span };
}

/**
 * The JIS X 0410 code of a cell of a mesh lattice, as official statistics write it.
 *
 * @example
 * meshCellId(meshLattice(lons, lats, 'first'), 0); // '5339'
 */
export function meshCellId(lattice: CellLattice, cell: number): string {
	const level = lattice.level!;
	const span = MESH_SPAN[level];
	const row = lattice.originRow + Math.floor(cell / lattice.cols) * span;
	const col = lattice.originCol + (cell % lattice.cols) * span;
	return String(codeFromRowCol(row, col, level)).padStart(MESH_LEVELS[level], '0');
}

/**
 * The pointy-top hexagons of side `sizeMetres` (the density panel's grid, see hexBin) in the
 * rectangle of rows and offset columns spanning the firms. Row r's hexagons are shifted half a
 * hexagon east of row r − 1's when r is odd, so offset column = q + ⌊r / 2⌋. Neighbours: the six
 * hexagons sharing an edge.
 *
 * @param lons firm longitudes, degrees
 * @param lats firm latitudes, degrees
 * @param sizeMetres hexagon side, metres
 * @param options.filter firms to count, default all
 * @param options.centre projection centre and grid origin, default the centre of all firms' extent
 * @throws GridTooLargeError above {@link MAX_CELLS} cells
 * @example
 * const lattice = hexLattice(lons, lats, 500);
 * hexCellId(lattice, 0); // 'q-12r-9': axial coordinates of the south-west hexagon
 */
export function hexLattice(
	lons: ArrayLike<number>,
	lats: ArrayLike<number>,
	sizeMetres: number,
	options: { filter?: FirmFilter; centre?: [number, number] } = {}
): CellLattice {
	// Binned twice with the same centre: all firms for the rectangle, the filtered ones for counts.
	let all: ReturnType<typeof hexBin>;
	try {
		all = hexBin(lons, lats, { sizeMetres, centre: options.centre });
	} catch (error) {
		// hexBin packs axial coordinates in 16 bits; beyond that the grid is far above MAX_CELLS anyway.
		if (error instanceof Error && error.message.includes('32,767')) throw new GridTooLargeError(`is more than 65,535 hexagons of ${sizeMetres} m across`);
		throw error;
	}
	const chosen = options.filter === undefined ? all : hexBin(lons, lats, { sizeMetres, centre: all.centre, filter: options.filter });
	let r0 = Infinity, r1 = -Infinity, c0 = Infinity, c1 = -Infinity;
	for (let k = 0; k < all.q.length; k++) {
		const r = all.r[k];
		const c = all.q[k] + Math.floor(r / 2);
		if (r < r0) r0 = r;
		if (r > r1) r1 = r;
		if (c < c0) c0 = c;
		if (c > c1) c1 = c;
	}
	const empty = all.q.length === 0;
	const rows = empty ? 0 : r1 - r0 + 1;
	const cols = empty ? 0 : c1 - c0 + 1;
	checkSize(rows, cols);
	const counts = new Float64Array(rows * cols);
	for (let k = 0; k < chosen.q.length; k++) {
		const r = chosen.r[k];
		counts[(r - r0) * cols + (chosen.q[k] + Math.floor(r / 2) - c0)] = chosen.counts[k];
	}
	const { offsets, neighbours } = queenHex(rows, cols, r0);
	return {
		kind: 'hex',
		rows,
		cols,
		counts,
		offsets,
		neighbours,
		unplaced: 0,
		withoutCoordinates: chosen.withoutCoordinates,
		centre: all.centre,
		sizeMetres,
		originRow: empty ? 0 : r0,
		originCol: empty ? 0 : c0
	};
}

/**
 * Axial coordinates (q, r) of a cell of a hex lattice, for hexPolygon.
 *
 * @example
 * hexPolygon({ centre: lattice.centre!, sizeMetres: 500 }, ...hexAxial(lattice, 0));
 */
export function hexAxial(lattice: CellLattice, cell: number): [number, number] {
	const r = lattice.originRow + Math.floor(cell / lattice.cols);
	const c = lattice.originCol + (cell % lattice.cols);
	return [c - Math.floor(r / 2), r];
}

/**
 * The id of a hexagon: its axial coordinates as `q<q>r<r>` (hexagon q0r0 is centred on the
 * lattice's projection centre). Letters first, so no spreadsheet reads it as a number or formula.
 *
 * @example
 * hexCellId(lattice, 0); // 'q-12r-9'
 */
export function hexCellId(lattice: CellLattice, cell: number): string {
	const [q, r] = hexAxial(lattice, cell);
	return `q${q}r${r}`;
}

/**
 * A cell of a lattice as a GeoJSON polygon (counter-clockwise): the mesh cell of its code, or the
 * hexagon from the lattice's projection.
 *
 * @example
 * cellPolygon(lattice, 0).coordinates[0].length; // 5 for a mesh cell, 7 for a hexagon
 */
export function cellPolygon(lattice: CellLattice, cell: number): Polygon {
	if (lattice.kind === 'mesh') return meshPolygon(meshCellId(lattice, cell));
	return hexPolygon({ centre: lattice.centre!, sizeMetres: lattice.sizeMetres! }, ...hexAxial(lattice, cell));
}

/**
 * The id of any lattice's cell: its mesh code, or its hexagon's q…r… (see meshCellId, hexCellId).
 *
 * @example
 * cellId(meshLattice(lons, lats, 'third'), 0); // '53394500'
 */
export function cellId(lattice: CellLattice, cell: number): string {
	return lattice.kind === 'mesh' ? meshCellId(lattice, cell) : hexCellId(lattice, cell);
}

function counted(filter: FirmFilter | undefined, i: number): boolean {
	return filter === undefined || (filter instanceof Uint8Array ? filter[i] !== 0 : filter(i));
}

/** Queen contiguity on a rows × cols rectangle of squares: up to eight neighbours. */
function queenSquare(rows: number, cols: number): { offsets: Uint32Array; neighbours: Uint32Array } {
	const n = rows * cols;
	const offsets = new Uint32Array(n + 1);
	// Exactly sized (each of the horizontal, vertical and two diagonal adjacencies counted from both
	// ends): an oversized array and a trimming copy cost more than the loop at a million cells.
	const neighbours = new Uint32Array(rows * cols === 0 ? 0 : 2 * (rows * (cols - 1) + cols * (rows - 1) + 2 * (rows - 1) * (cols - 1)));
	let k = 0;
	for (let r = 0; r < rows; r++) {
		for (let c = 0; c < cols; c++) {
			for (let dr = -1; dr <= 1; dr++) {
				const rr = r + dr;
				if (rr < 0 || rr >= rows) continue;
				for (let dc = -1; dc <= 1; dc++) {
					const cc = c + dc;
					if ((dr === 0 && dc === 0) || cc < 0 || cc >= cols) continue;
					neighbours[k++] = rr * cols + cc;
				}
			}
			offsets[r * cols + c + 1] = k;
		}
	}
	return { offsets, neighbours };
}

/**
 * Edge neighbours on a rectangle of pointy-top hexagons in offset coordinates (column = q + ⌊r/2⌋):
 * east and west in the row, and two in each adjacent row, which lie at columns c − 1 and c when
 * the row is even, c and c + 1 when it is odd.
 */
function queenHex(rows: number, cols: number, firstRow: number): { offsets: Uint32Array; neighbours: Uint32Array } {
	const n = rows * cols;
	const offsets = new Uint32Array(n + 1);
	// Exactly sized: C − 1 pairs within each row and 2C − 1 between adjacent rows, counted from both ends.
	const neighbours = new Uint32Array(n === 0 ? 0 : 2 * (rows * (cols - 1) + (rows - 1) * (2 * cols - 1)));
	let k = 0;
	for (let r = 0; r < rows; r++) {
		const shift = (firstRow + r) & 1; // 1 in odd rows (also for negative rows)
		for (let c = 0; c < cols; c++) {
			// Ascending cell order: the row below, then this row, then the row above.
			for (const dr of [-1, 0, 1]) {
				const rr = r + dr;
				if (rr < 0 || rr >= rows) continue;
				const candidates = dr === 0 ? [c - 1, c + 1] : [c - 1 + shift, c + shift];
				for (const cc of candidates) if (cc >= 0 && cc < cols) neighbours[k++] = rr * cols + cc;
			}
			offsets[r * cols + c + 1] = k;
		}
	}
	return { offsets, neighbours };
}
