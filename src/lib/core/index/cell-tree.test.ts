import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellTree, leafAt, type CellTree } from './cell-tree';

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
