import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { hexPolygon } from '../../density/hex-grid';
import { meshBounds, meshCode } from '../../density/jis-mesh';
import { createRandom } from '../../sample/random';
import { cellId, cellPolygon, GridTooLargeError, hexAxial, hexCellId, hexLattice, meshCellId, meshLattice, type CellLattice } from './lattice';

function firms(n: number, seed: number, spread = 0.05) {
	const rng = createRandom(seed);
	return {
		lons: Float64Array.from({ length: n }, () => 139.7 + rng.normal(0, spread)),
		lats: Float64Array.from({ length: n }, () => 35.6 + rng.normal(0, spread))
	};
}

const neighboursOf = (l: CellLattice, c: number) => Array.from(l.neighbours.subarray(l.offsets[c], l.offsets[c + 1]));

describe('meshLattice', () => {
	const { lons, lats } = firms(2000, 1);
	const lattice = meshLattice(lons, lats, 'third');

	it('covers the rectangle of cells spanning the firms, empty cells included, and counts every firm in its cell', () => {
		const codes = new Map<string, number>();
		for (let i = 0; i < lons.length; i++) codes.set(meshCode(lons[i], lats[i])!, (codes.get(meshCode(lons[i], lats[i])!) ?? 0) + 1);
		const ids = Array.from({ length: lattice.counts.length }, (_, c) => meshCellId(lattice, c));
		expect(new Set(ids).size).toBe(lattice.rows * lattice.cols);
		for (const [code, count] of codes) expect(lattice.counts[ids.indexOf(code)]).toBe(count);
		expect(lattice.counts.reduce((a, b) => a + b, 0)).toBe(2000);
		expect(lattice.counts.filter((v) => v === 0).length).toBe(lattice.rows * lattice.cols - codes.size);
		// The rectangle is tight: its first and last rows and columns each hold a firm.
		const [west, south] = meshBounds(ids[0]);
		expect(Math.min(...lons)).toBeLessThan(west + 45 / 3600);
		expect(Math.min(...lats)).toBeLessThan(south + 30 / 3600);
	});

	it('gives each cell the cells whose bounds touch its own (queen: 8 inside, 5 on an edge, 3 in a corner)', () => {
		const bounds = Array.from({ length: lattice.counts.length }, (_, c) => meshBounds(meshCellId(lattice, c)));
		const eps = 1e-9;
		for (const c of [0, 1, lattice.cols, lattice.cols + 1, lattice.counts.length - 1]) {
			const [w, s, e, n] = bounds[c];
			const touching = bounds.flatMap(([w2, s2, e2, n2], d) => (d !== c && w2 <= e + eps && e2 >= w - eps && s2 <= n + eps && n2 >= s - eps ? [d] : []));
			expect(neighboursOf(lattice, c)).toEqual(touching);
		}
		expect(neighboursOf(lattice, 0)).toHaveLength(3);
		expect(neighboursOf(lattice, 1)).toHaveLength(5);
		expect(neighboursOf(lattice, lattice.cols + 1)).toHaveLength(8);
	});

	it('counts only the filtered firms over the rectangle of all firms, and names the firms it cannot place', () => {
		const mask = Uint8Array.from(lons, (_, i) => (i % 4 === 0 ? 1 : 0));
		const some = meshLattice(Float64Array.of(...lons, NaN, 95), Float64Array.of(...lats, 35, 35), 'third', { filter: Uint8Array.of(...mask, 1, 1) });
		expect(some.rows * some.cols).toBe(lattice.rows * lattice.cols);
		expect(some.counts.reduce((a, b) => a + b, 0)).toBe(500);
		expect(some.withoutCoordinates).toBe(1);
		expect(some.unplaced).toBe(1); // 95°E is west of the codes' range
	});

	it('names first-order cells with four digits and refuses a rectangle above the size limit', () => {
		expect(meshCellId(meshLattice(lons, lats, 'first'), 0)).toBe('5339');
		expect(() => meshLattice(Float64Array.of(123, 153), Float64Array.of(24, 45), 'quarter')).toThrow(GridTooLargeError);
	});
});

describe('hexLattice', () => {
	const { lons, lats } = firms(1500, 2);
	const lattice = hexLattice(lons, lats, 1000);
	const centreOf = (c: number) => {
		const [q, r] = hexAxial(lattice, c);
		return [1000 * Math.sqrt(3) * (q + r / 2), 1500 * r];
	};

	it('gives every hexagon the six whose centres are one hexagon apart (√3 × side), fewer on the edge', () => {
		let six = 0;
		for (let c = 0; c < lattice.counts.length; c++) {
			const [x, y] = centreOf(c);
			const near = [];
			for (let d = 0; d < lattice.counts.length; d++) {
				const [x2, y2] = centreOf(d);
				if (d !== c && Math.hypot(x2 - x, y2 - y) < 1000 * Math.sqrt(3) * 1.01) near.push(d);
			}
			expect(neighboursOf(lattice, c)).toEqual(near);
			if (near.length === 6) six++;
		}
		expect(six).toBe((lattice.rows - 2) * (lattice.cols - 2));
	});

	it('counts each firm in the hexagon polygon that contains it, over every row and column spanning the firms', () => {
		expect(lattice.counts.reduce((a, b) => a + b, 0)).toBe(1500);
		for (let i = 0; i < 40; i++) {
			const c = lattice.counts.findIndex((_, d) => booleanPointInPolygon([lons[i], lats[i]], hexPolygon({ centre: lattice.centre!, sizeMetres: 1000 }, ...hexAxial(lattice, d))));
			expect(lattice.counts[c]).toBeGreaterThan(0);
		}
		const rowsUsed = new Set<number>();
		lattice.counts.forEach((v, c) => v > 0 && rowsUsed.add(Math.floor(c / lattice.cols)));
		expect(rowsUsed.has(0) && rowsUsed.has(lattice.rows - 1)).toBe(true);
	});

	it('names hexagons by axial coordinates, hexagon q0r0 on the centre', () => {
		const ids = Array.from({ length: lattice.counts.length }, (_, c) => hexCellId(lattice, c));
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids).toContain('q0r0');
		expect(ids[0]).toMatch(/^q-?\d+r-\d+$/);
	});
});

describe('lattice neighbour arrays', () => {
	it('are sized exactly, also for a single row or column', () => {
		for (const [lons, lats] of [[[139.70, 139.75], [35.5, 35.5]], [[139.7, 139.7], [35.5, 35.6]], [[139.7, 139.8], [35.5, 35.6]]]) {
			for (const l of [meshLattice(lons, lats, 'half'), hexLattice(lons, lats, 700)]) {
				expect(l.neighbours.length).toBe(l.offsets[l.counts.length]);
				expect(l.neighbours.every((j, e) => j < l.counts.length && (e === 0 || l.offsets.includes(e) || j > l.neighbours[e - 1]))).toBe(true);
			}
		}
	});
});

describe('cellId and cellPolygon', () => {
	it('give a mesh cell its code and bounds, a hexagon its axial id and six corners one side from its centre', () => {
		const { lons, lats } = firms(300, 3);
		const mesh = meshLattice(lons, lats, 'third');
		const [w, s, e, n] = meshBounds(cellId(mesh, 5));
		expect(cellPolygon(mesh, 5).coordinates[0]).toEqual([[w, s], [e, s], [e, n], [w, n], [w, s]]);
		const hex = hexLattice(lons, lats, 800);
		const ring = cellPolygon(hex, 7).coordinates[0];
		expect(cellId(hex, 7)).toBe(hexCellId(hex, 7));
		expect(ring).toHaveLength(7);
		const lonC = ring.slice(0, 6).reduce((a, [x]) => a + x, 0) / 6;
		const latC = ring.slice(0, 6).reduce((a, [, y]) => a + y, 0) / 6;
		for (const [x, y] of ring) expect(Math.hypot((x - lonC) * 111_320 * Math.cos((latC * Math.PI) / 180), (y - latC) * 110_950)).toBeCloseTo(800, -1);
	});
});
