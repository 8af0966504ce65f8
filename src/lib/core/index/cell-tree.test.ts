import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtCells, cellTree, leafAt, restoreCells, type BuiltCells, type CellTree } from './cell-tree';

/**
 * The leaf holding (x, y) by walking down from the top-level cell through nodes already built,
 * remembering nothing: what `leafAt` must answer whether or not it reuses its last leaf.
 */
function walkDown(tree: CellTree, x: number, y: number): number {
	return leafBox(tree, x, y).node;
}

/** The leaf holding (x, y), as {@link walkDown}, with its box. */
function leafBox(tree: CellTree, x: number, y: number): { node: number; x0: number; y0: number; x1: number; y1: number } {
	const { minX, minY, maxX, maxY, cols, rows } = tree;
	if (!(x >= minX && x <= maxX && y >= minY && y <= maxY)) return { node: -1, x0: NaN, y0: NaN, x1: NaN, y1: NaN };
	const cellW = (maxX - minX) / cols;
	const cellH = (maxY - minY) / rows;
	const col = Math.min(cols - 1, Math.floor((x - minX) / cellW));
	const row = Math.min(rows - 1, Math.floor((y - minY) / cellH));
	let x0 = minX + col * cellW;
	let y0 = minY + row * cellH;
	let x1 = col === cols - 1 ? maxX : minX + (col + 1) * cellW;
	let y1 = row === rows - 1 ? maxY : minY + (row + 1) * cellH;
	let node = row * cols + col;
	while (tree.child[node] > 0) {
		const xm = (x0 + x1) / 2;
		const ym = (y0 + y1) / 2;
		const right = x >= xm;
		const up = y >= ym;
		if (right) x0 = xm;
		else x1 = xm;
		if (up) y0 = ym;
		else y1 = ym;
		node = tree.child[node] + (right ? 1 : 0) + (up ? 2 : 0);
	}
	return { node, x0, y0, x1, y1 };
}

/** Its top-level rows are not a binary fraction high: rows 2, 3 and 6 start where rounding puts their lower edge in the row below. */
const BOX = [0.3, 0.3, 6.7, 6.7] as const;
const COLS = 7;
const ROWS = 7;

/** A tree split deeper near (3, 3) than elsewhere, so leaves of many sizes sit side by side. */
function unevenTree(): CellTree {
	return cellTree(BOX, COLS, ROWS, 10, (_parent, x0, y0, x1, y1, depth, out) => {
		out.push(depth);
		const near = Math.hypot((x0 + x1) / 2 - 3, (y0 + y1) / 2 - 3);
		return near < 2 / (depth + 1);
	});
}

/** Positions along one axis: top-level cell edges as `leafAt` computes them, and anywhere. */
const position = (min: number, max: number, cells: number) =>
	fc.oneof(
		fc.integer({ min: 1, max: cells - 1 }).map((col) => min + col * ((max - min) / cells)),
		fc.double({ min, max, noNaN: true })
	);

/** From a point to an edge of its leaf: the next leaf's first point (right, up) or this leaf's own edge (left, down). */
const STEPS = ['right', 'up', 'left', 'down', 'corner'] as const;

describe('leafAt', () => {
	it('answers as a walk from the top does, for points stepping onto the edges of the leaf before', () => {
		const walk = fc.tuple(position(BOX[0], BOX[2], COLS), position(BOX[1], BOX[3], ROWS), fc.array(fc.constantFrom(...STEPS), { maxLength: 12 }));
		fc.assert(
			fc.property(fc.array(walk, { minLength: 1, maxLength: 60 }), (walks) => {
				const tree = unevenTree();
				for (const [startX, startY, steps] of walks) {
					let x = startX;
					let y = startY;
					expect(leafAt(tree, x, y), `(${x}, ${y})`).toBe(walkDown(tree, x, y));
					for (const step of steps) {
						const box = leafBox(tree, x, y);
						if (step === 'right' || step === 'corner') x = Math.min(BOX[2], box.x1);
						if (step === 'up' || step === 'corner') y = Math.min(BOX[3], box.y1);
						if (step === 'left') x = box.x0;
						if (step === 'down') y = box.y0;
						expect(leafAt(tree, x, y), `(${x}, ${y}) after ${step}`).toBe(walkDown(tree, x, y));
					}
				}
			}),
			{ seed: 20261206, numRuns: 400 }
		);
	});

	it('still splits a leaf that asked to be split when the same point comes back again and again', () => {
		const tree = unevenTree();
		const first = leafAt(tree, 3, 3);
		for (let k = 0; k < 40; k++) leafAt(tree, 3, 3);
		expect(tree.child[first]).toBeGreaterThan(0);
		expect(leafAt(tree, 3, 3)).toBe(walkDown(tree, 3, 3));
	});

	it('finds no leaf for a point outside the box or NaN', () => {
		const tree = unevenTree();
		leafAt(tree, 6.6, 6.6);
		expect([leafAt(tree, 6.8, 6.6), leafAt(tree, 6.6, 6.8), leafAt(tree, NaN, 6.6), leafAt(tree, 6.6, NaN)]).toEqual([-1, -1, -1, -1]);
	});
});

/** What the test trees' lists are made from, as far as restoring is concerned. */
const SOURCE = Float64Array.of(3, 3, 2);

/** The list of `node`. */
function listOf(tree: CellTree, node: number): number[] {
	return node < 0 ? [] : Array.from(tree.entries.subarray(tree.entryStart[node], tree.entryStart[node] + tree.entryCount[node]));
}

/** The list of the leaf holding (x, y), found by `leafAt`. */
function listAt(tree: CellTree, x: number, y: number): number[] {
	return listOf(tree, leafAt(tree, x, y));
}

describe('builtCells and restoreCells', () => {
	it('give a new tree the cells another built: it answers from them without building them again, its kept leaves final, and builds where none was', () => {
		const point = fc.tuple(fc.double({ min: BOX[0], max: BOX[2], noNaN: true }), fc.double({ min: BOX[1], max: BOX[3], noNaN: true }));
		fc.assert(
			fc.property(fc.array(point, { maxLength: 300 }), fc.array(point, { minLength: 1, maxLength: 300 }), (some, after) => {
				// Twenty visits to one cell split it, and its children.
				const before = [...Array.from({ length: 20 }, () => [3, 3]), ...some];
				const first = unevenTree();
				for (const [x, y] of before) leafAt(first, x, y);
				// Read by walking down, which counts no visit (leafAt would split more).
				const lists = before.map(([x, y]) => listOf(first, walkDown(first, x, y)));
				// Copied through plain arrays, as a file would carry them.
				const built = builtCells(first, SOURCE);
				const copied: BuiltCells = { grid: Float64Array.from(built.grid), source: Float64Array.from(built.source), child: Int32Array.from(built.child), entryStart: Uint32Array.from(built.entryStart), entryCount: Uint32Array.from(built.entryCount), entries: Uint32Array.from(built.entries) };
				const restored = unevenTree();
				expect(restoreCells(restored, copied, SOURCE, 11)).toBe(true);
				// The points before, again and again: the lists they had, and nothing built or split.
				for (let pass = 0; pass < 20; pass++) before.forEach(([x, y], i) => expect(listAt(restored, x, y)).toEqual(lists[i]));
				expect([restored.nodeCount, restored.entryTotal]).toEqual([first.nodeCount, first.entryTotal]);
				// Elsewhere cells are built as a new tree builds them.
				const fresh = unevenTree();
				for (const [x, y] of after) {
					expect(leafAt(restored, x, y)).toBe(walkDown(restored, x, y));
					if (restored.child[walkDown(first, x, y)] === -1) expect(listAt(restored, x, y)).toEqual(listAt(fresh, x, y));
				}
			}),
			{ seed: 20261207, numRuns: 200 }
		);
	});

	it('are refused for another grid or source, a child before its parent or past the cells, a list past the entries, or an entry past the limit', () => {
		const first = unevenTree();
		for (let k = 0; k < 200; k++) leafAt(first, 3 + Math.sin(k) * 2, 3 + Math.cos(k * 1.3) * 2);
		for (let k = 0; k < 40; k++) leafAt(first, 3, 3); // splits the cell there
		const copy = (): BuiltCells => {
			const b = builtCells(first, SOURCE);
			return { grid: b.grid.slice(), source: b.source.slice(), child: b.child.slice(), entryStart: b.entryStart.slice(), entryCount: b.entryCount.slice(), entries: b.entries.slice() };
		};
		const split = Array.from(first.child.subarray(0, first.nodeCount)).findIndex((c) => c > 0);
		expect(split).toBeGreaterThanOrEqual(0);
		const damaged: [string, (b: BuiltCells) => void][] = [
			['another grid', (b) => (b.grid[4] = COLS + 1)],
			['another source', (b) => (b.source[2] = 2.5)],
			['a child before its parent', (b) => (b.child[b.child.length - 1] = COLS * ROWS)],
			['a child past the cells', (b) => (b.child[split] = b.child.length)],
			['a list past the entries', (b) => (b.entryCount[0] = b.entries.length + 1)],
			['an entry past the limit', (b) => (b.entries[0] = 11)]
		];
		expect(restoreCells(unevenTree(), copy(), SOURCE, 11)).toBe(true);
		for (const [what, damage] of damaged) {
			const b = copy();
			damage(b);
			const tree = unevenTree();
			expect(restoreCells(tree, b, SOURCE, 11), what).toBe(false);
			expect(tree.nodeCount, what).toBe(COLS * ROWS);
		}
	});
});
