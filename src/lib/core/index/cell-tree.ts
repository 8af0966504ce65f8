/**
 * A lazily refined quadtree over a grid of cells, each cell holding a short list of numbers
 * (candidate zones, candidate institutions…) that a domain-specific `refine` computes from the
 * parent cell's list. Cells are built the first time a query lands in them, and a cell that asks
 * to be split is split only once {@link SPLIT_AFTER} queries have landed in it, so the tree grows
 * only where the points are and building it never costs more than the queries it speeds up.
 * Queries are a few comparisons and array reads with no allocation. Flatbush and KDBush answer "what is near this box"; this answers "what matters
 * anywhere in this cell" once per cell instead of once per point — no library offers that.
 */
export interface CellTree {
	readonly minX: number;
	readonly minY: number;
	readonly maxX: number;
	readonly maxY: number;
	readonly cols: number;
	readonly rows: number;
	readonly maxDepth: number;
	readonly refine: Refine;
	/** Per node: UNBUILT, LEAF, SPLITTABLE or the index of its first of four children. Grown as needed. */
	child: Int32Array;
	/** Per node: queries that landed in it while SPLITTABLE. */
	visits: Uint32Array;
	entryStart: Uint32Array;
	entryCount: Uint32Array;
	nodeCount: number;
	entries: Uint32Array;
	entryTotal: number;
	/** The last leaf found, its top-level cell and box (x0, y0, x1, y1): points in curve order often fall in it again. */
	lastLeaf: number;
	lastTop: number;
	/** A typed array, not four number fields: storing a double in an object field can allocate. */
	lastBox: Float64Array;
}

/**
 * Computes a cell's list into `out` from its parent's list (null for a top-level grid cell) and
 * returns whether the cell should be split further. The box is the cell grown by {@link PAD} so
 * that rounding in the top-level grid can never put a point outside the box its cell was
 * refined for.
 */
export type Refine = (parent: readonly number[] | null, x0: number, y0: number, x1: number, y1: number, depth: number, out: number[]) => boolean;

const UNBUILT = -1;
const LEAF = 0;
/** A leaf that `refine` wants split; it is, after {@link SPLIT_AFTER} visits. */
const SPLITTABLE = -2;
/**
 * Queries a splittable leaf answers before it is split. Each of the four cells a split makes is
 * refined against everything its parent holds, so a cell few points reach is cheaper left whole:
 * on a million firms over 2,000 zones, classifying while the index refined took 0.83 of the time
 * with 16 as with 6, and no more time over prefectures, cluster programmes or institutions.
 */
export const SPLIT_AFTER = 16;
/** Degrees (≈ 0.1 mm); far above rounding in cell bounds (≈ 1e-14°), far below any real feature. */
export const PAD = 1e-9;

/**
 * Creates an empty tree over a box split into `cols` × `rows` top-level cells.
 *
 * @example
 * const tree = cellTree([122, 20, 154, 46], 128, 104, 12, refine);
 * const node = leafAt(tree, 139.7, 35.6); // -1 outside the box
 */
export function cellTree(bbox: readonly [number, number, number, number], cols: number, rows: number, maxDepth: number, refine: Refine): CellTree {
	const top = cols * rows;
	const capacity = Math.max(64, top * 2);
	// A box with no width or height (zones that are all on one parallel or meridian) would make
	// every cell zero-sized and every cell index NaN; widening it by PAD keeps the grid well defined.
	const [minX, maxX] = bbox[2] > bbox[0] ? [bbox[0], bbox[2]] : [bbox[0] - PAD, bbox[2] + PAD];
	const [minY, maxY] = bbox[3] > bbox[1] ? [bbox[1], bbox[3]] : [bbox[1] - PAD, bbox[3] + PAD];
	return {
		minX,
		minY,
		maxX,
		maxY,
		cols,
		rows,
		maxDepth,
		refine,
		child: new Int32Array(capacity).fill(UNBUILT),
		visits: new Uint32Array(capacity),
		entryStart: new Uint32Array(capacity),
		entryCount: new Uint32Array(capacity),
		nodeCount: top,
		entries: new Uint32Array(Math.max(1024, top * 4)),
		entryTotal: 0,
		lastLeaf: -1,
		lastTop: -1,
		lastBox: new Float64Array(4)
	};
}

/**
 * The leaf cell containing (x, y), building cells on the way down as needed; -1 when the point is
 * outside the tree's box or NaN. Its list is `tree.entries[entryStart[node] ..+ entryCount[node]]`.
 * Read `tree.entries` (and the other arrays) after calling: building may replace them.
 *
 * @example
 * const node = leafAt(tree, lon, lat);
 * if (node >= 0) for (let k = tree.entryStart[node]; k < tree.entryStart[node] + tree.entryCount[node]; k++) use(tree.entries[k]);
 */
export function leafAt(tree: CellTree, x: number, y: number): number {
	const { minX, minY, maxX, maxY, cols, rows } = tree;
	if (!(x >= minX && x <= maxX && y >= minY && y <= maxY)) return -1;
	const cellW = (maxX - minX) / cols;
	const cellH = (maxY - minY) / rows;
	let col = Math.floor((x - minX) / cellW);
	let row = Math.floor((y - minY) / cellH);
	if (col >= cols) col = cols - 1;
	if (row >= rows) row = rows - 1;
	const top = row * cols + col;
	// Every step down compares the point with a midpoint: a point of the same top-level cell inside
	// the last leaf's half-open box makes the same comparisons, so it lands in the same leaf.
	const last = tree.lastBox;
	if (top === tree.lastTop && x >= last[0] && x < last[2] && y >= last[1] && y < last[3]) return tree.lastLeaf;
	let node = top;
	let x0 = minX + col * cellW;
	let y0 = minY + row * cellH;
	let x1 = col === cols - 1 ? maxX : minX + (col + 1) * cellW;
	let y1 = row === rows - 1 ? maxY : minY + (row + 1) * cellH;
	let depth = 0;
	if (tree.child[node] === UNBUILT) build(tree, node, -1, x0, y0, x1, y1, depth);
	// Below the grid, halving at the computed midpoint is exact: the point is in its child's box.
	for (;;) {
		let first = tree.child[node];
		if (first === SPLITTABLE) {
			if (++tree.visits[node] < SPLIT_AFTER) return node;
			first = split(tree, node);
		}
		if (first === LEAF) {
			// A leaf that may still be split is not remembered: its visits must be counted.
			tree.lastLeaf = node;
			tree.lastTop = top;
			last[0] = x0;
			last[1] = y0;
			last[2] = x1;
			last[3] = y1;
			return node;
		}
		const xm = (x0 + x1) / 2;
		const ym = (y0 + y1) / 2;
		let quadrant = 0;
		if (x >= xm) {
			quadrant = 1;
			x0 = xm;
		} else x1 = xm;
		if (y >= ym) {
			quadrant |= 2;
			y0 = ym;
		} else y1 = ym;
		const parent = node;
		node = first + quadrant;
		depth++;
		if (tree.child[node] === UNBUILT) build(tree, node, parent, x0, y0, x1, y1, depth);
	}
	return node;
}

const scratchParent: number[] = [];
const scratchOut: number[] = [];

function build(tree: CellTree, node: number, parent: number, x0: number, y0: number, x1: number, y1: number, depth: number): void {
	let from: number[] | null = null;
	if (parent >= 0) {
		from = scratchParent;
		from.length = 0;
		const start = tree.entryStart[parent];
		for (let k = start; k < start + tree.entryCount[parent]; k++) from.push(tree.entries[k]);
	}
	const out = scratchOut;
	out.length = 0;
	const wantsSplit = tree.refine(from, x0 - PAD, y0 - PAD, x1 + PAD, y1 + PAD, depth, out) && depth < tree.maxDepth;

	if (tree.entryTotal + out.length > tree.entries.length) {
		const grown = new Uint32Array(Math.max(tree.entries.length * 2, tree.entryTotal + out.length));
		grown.set(tree.entries.subarray(0, tree.entryTotal));
		tree.entries = grown;
	}
	tree.entryStart[node] = tree.entryTotal;
	tree.entryCount[node] = out.length;
	for (let k = 0; k < out.length; k++) tree.entries[tree.entryTotal++] = out[k];

	tree.child[node] = wantsSplit ? SPLITTABLE : LEAF;
}

/** Gives a node four unbuilt children; returns the first child's index. */
function split(tree: CellTree, node: number): number {
	if (tree.nodeCount + 4 > tree.child.length) {
		const size = tree.child.length * 2;
		const child = new Int32Array(size).fill(UNBUILT);
		child.set(tree.child);
		tree.child = child;
		tree.visits = grow(tree.visits, size);
		tree.entryStart = grow(tree.entryStart, size);
		tree.entryCount = grow(tree.entryCount, size);
	}
	tree.child[node] = tree.nodeCount;
	tree.nodeCount += 4;
	return tree.child[node];
}

function grow(array: Uint32Array, size: number): Uint32Array {
	const grown = new Uint32Array(size);
	grown.set(array);
	return grown;
}

/**
 * The cells a tree has built, to give a later tree over the same grid and the same lists (the same
 * zones, the same institutions) a start: a run then queries the cells the runs before it built
 * instead of building them again (about 60 ms of a million-firm run over 2,000 zones). Views of the
 * tree's arrays, valid until it builds more.
 */
export interface BuiltCells {
	/** The grid: `[minX, minY, maxX, maxY, cols, rows, maxDepth]`; cells of another grid are not taken. */
	grid: Float64Array;
	/**
	 * What the lists were made from, or enough of it to tell (the zones' part boxes, the
	 * institutions' coordinates): cells of another source are not taken. A check, not a proof: the
	 * caller keeps cells under the key of what they were made from.
	 */
	source: Float64Array;
	child: Int32Array;
	entryStart: Uint32Array;
	entryCount: Uint32Array;
	entries: Uint32Array;
}

/** The cells `tree` has built so far from the lists' `source` (see {@link BuiltCells}). */
export function builtCells(tree: CellTree, source: Float64Array): BuiltCells {
	const n = tree.nodeCount;
	return {
		grid: Float64Array.of(tree.minX, tree.minY, tree.maxX, tree.maxY, tree.cols, tree.rows, tree.maxDepth),
		source,
		child: tree.child.subarray(0, n),
		entryStart: tree.entryStart.subarray(0, n),
		entryCount: tree.entryCount.subarray(0, n),
		entries: tree.entries.subarray(0, tree.entryTotal)
	};
}

/**
 * Gives a new tree (nothing queried yet) the cells of `built`, copied, when they are of its grid,
 * made from the same `source` (what this tree's `refine` makes its lists from) and well formed:
 * every child after its parent and inside them, every list inside `entries`, every entry below
 * `entryLimit`. Returns whether it took them; a tree that did not builds its cells as it goes.
 * The cells taken are final; where none was built, cells are built and split as in a new tree.
 *
 * @example
 * const tree = cellTree(bbox, cols, rows, depth, refine);
 * restoreCells(tree, kept, parts.bbox, 2 * parts.partCount);
 */
export function restoreCells(tree: CellTree, built: BuiltCells, source: Float64Array, entryLimit: number): boolean {
	const { grid, child, entryStart, entryCount, entries } = built;
	const top = tree.cols * tree.rows;
	const n = child.length;
	const sameGrid = grid.length === 7 && [tree.minX, tree.minY, tree.maxX, tree.maxY, tree.cols, tree.rows, tree.maxDepth].every((value, i) => grid[i] === value);
	if (!sameGrid || !sameValues(built.source, source) || tree.nodeCount !== top || n < top || (n - top) % 4 !== 0 || [entryStart, entryCount].some((array) => array.length !== n)) return false;
	for (let node = 0; node < n; node++) {
		const c = child[node];
		// Children come after their parent (a split appends them), so a descent can never come back.
		if (!(c === UNBUILT || c === LEAF || c === SPLITTABLE || (c > node && c >= top && c + 4 <= n && (c - top) % 4 === 0))) return false;
		if (c !== UNBUILT && entryStart[node] + entryCount[node] > entries.length) return false;
	}
	for (let k = 0; k < entries.length; k++) if (entries[k] >= entryLimit) return false;
	const capacity = Math.max(tree.child.length, n * 2);
	tree.child = new Int32Array(capacity).fill(UNBUILT);
	// A leaf kept is split no further: run after run over the same area, splits would go on until
	// the deepest cells (a tree refined by ten runs was twice the size and no faster).
	for (let node = 0; node < n; node++) tree.child[node] = child[node] === SPLITTABLE ? LEAF : child[node];
	tree.visits = new Uint32Array(capacity);
	tree.entryStart = grow(entryStart, capacity);
	tree.entryCount = grow(entryCount, capacity);
	tree.nodeCount = n;
	tree.entries = grow(entries, Math.max(tree.entries.length, entries.length * 2));
	tree.entryTotal = entries.length;
	return true;
}

function sameValues(a: Float64Array, b: Float64Array): boolean {
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
	return true;
}
