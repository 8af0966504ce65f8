import { describe, expect, it } from 'vitest';
import { createRandom } from '../../sample/random';
import { hotSpots, LISA_CLASSES } from './hotspots';
import { csr, denseQueen } from './test-helpers';

/** A 12 × 12 grid of Poisson(1) counts with a planted 3 × 3 cluster of 20 firms per cell at rows/cols 2–4. */
function planted(seed: number) {
	const rng = createRandom(seed);
	const x = Float64Array.from({ length: 144 }, (_, i) => {
		const r = Math.floor(i / 12), c = i % 12;
		return r >= 2 && r <= 4 && c >= 2 && c <= 4 ? 20 : rng.poisson(1);
	});
	return { x, grid: csr(denseQueen(12, 12)) };
}

describe('hotSpots', () => {
	const { x, grid } = planted(4);
	const result = hotSpots(x, grid, { permutations: 9999, seed: 11 });

	it('finds the planted cluster: its centre a significant Gi* hot spot and HH after FDR', () => {
		const centre = 3 * 12 + 3;
		expect(result.giStarZ[centre]).toBeGreaterThan(5);
		expect(result.giStarP[centre]).toBe(1 / 10_000);
		expect(result.giStarQ[centre]).toBeLessThan(0.05);
		expect(LISA_CLASSES[result.lisa[centre]]).toBe('HH');
	});

	it('classes a cell only when its q is at most alpha, by the signs of its deviation and its neighbours’ mean', () => {
		for (let i = 0; i < x.length; i++) {
			const cls = LISA_CLASSES[result.lisa[i]];
			if (!(result.localMoranQ[i] <= 0.05)) expect(cls).toBe('not significant');
			else expect(cls).toBe(`${result.deviation[i] > 0 ? 'H' : 'L'}${result.lag[i] > 0 ? 'H' : 'L'}`);
		}
		expect(result.lisa.filter((c) => c === 1).length).toBeGreaterThanOrEqual(5);
	});

	it('uses the adjustment asked for: fewer or as many classed cells under Bonferroni than under no adjustment', () => {
		const none = hotSpots(x, grid, { permutations: 9999, seed: 11, adjust: 'none' });
		const strict = hotSpots(x, grid, { permutations: 9999, seed: 11, adjust: 'bonferroni' });
		const classed = (r: typeof none) => r.lisa.filter((c) => c !== 0).length;
		expect(classed(strict)).toBeLessThanOrEqual(classed(result));
		expect(classed(result)).toBeLessThanOrEqual(classed(none));
		expect(classed(none)).toBeGreaterThan(classed(strict));
		for (let i = 0; i < x.length; i++) expect(strict.localMoranBonferroni[i]).toBe(Math.min(1, 144 * strict.localMoranP[i]));
	});

	it('with no permutations gives the z-scores only: p, q empty and no class', () => {
		const z = hotSpots(x, grid, { permutations: 0 });
		expect(z.giStarZ).toEqual(result.giStarZ);
		expect(z.giStarP.every(Number.isNaN) && z.localMoranQ.every(Number.isNaN)).toBe(true);
		expect(z.lisa.every((c) => c === 0)).toBe(true);
	});
});

describe('hotSpots guardrails', () => {
	const codes = (values: number[], rows: number, cols: number, permutations = 999) => hotSpots(Float64Array.from(values), csr(denseQueen(rows, cols)), { permutations }).warnings.map((w) => w.code);

	it('warns of few occupied cells, of a mostly empty grid and of occupied cells alone among empty ones', () => {
		const values = new Array(100).fill(0);
		values[11] = 3;
		values[55] = 1;
		values[56] = 2;
		const r = hotSpots(Float64Array.from(values), csr(denseQueen(10, 10)), { permutations: 2999 });
		expect(r.warnings.map((w) => w.code)).toEqual(['few-occupied-cells', 'mostly-empty', 'islands']);
		expect(r.warnings[2]).toMatchObject({ cells: 1 });
		expect(r.warnings[1].message).toContain('97 % of the cells are empty');
	});

	it('warns when every cell is equal, when a cell has no neighbour, and when Bonferroni cannot reach alpha', () => {
		expect(codes([2, 2, 2, 2], 2, 2)).toContain('constant');
		const single = hotSpots(Float64Array.of(5), { offsets: Uint32Array.of(0, 0), neighbours: new Uint32Array(0) });
		expect(single.warnings.map((w) => w.code)).toEqual(['constant', 'no-neighbours']);
		expect([single.giStarP[0], single.localMoranP[0], single.localMoranZ[0]]).toEqual([1, 1, NaN]);
		const rng = createRandom(2);
		const busy = Array.from({ length: 400 }, () => 1 + rng.poisson(3));
		expect(codes(busy, 20, 20, 999)).toEqual(['bonferroni-floor']);
		expect(codes(busy, 20, 20, 7999)).toEqual([]);
	});
});
