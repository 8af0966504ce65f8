import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convolveGrid } from './fft-convolve';

/** Direct sum: out[y][x] = Σ grid[y + r + dy][x + r + dx] · stencil[dy][dx]. */
function direct(grid: Float64Array, width: number, height: number, stencil: Float64Array, r: number): Float64Array {
	const side = 2 * r + 1;
	const outW = width - 2 * r;
	const outH = height - 2 * r;
	const out = new Float64Array(outW * outH);
	for (let y = 0; y < outH; y++)
		for (let x = 0; x < outW; x++) {
			let sum = 0;
			for (let dy = -r; dy <= r; dy++)
				for (let dx = -r; dx <= r; dx++) sum += grid[(y + r + dy) * width + x + r + dx] * stencil[(dy + r) * side + dx + r];
			out[y * outW + x] = sum;
		}
	return out;
}

/** A stencil even in x and y, as every radial kernel is. */
function symmetricStencil(r: number, values: number[]): Float64Array {
	const side = 2 * r + 1;
	const s = new Float64Array(side * side);
	let k = 0;
	for (let dy = 0; dy <= r; dy++)
		for (let dx = 0; dx <= r; dx++) {
			const v = values[k++ % values.length];
			for (const [sx, sy] of [[1, 1], [-1, 1], [1, -1], [-1, -1]]) s[(sy * dy + r) * side + sx * dx + r] = v;
		}
	return s;
}

describe('convolveGrid', () => {
	it('equals the direct sum on random grids and stencils, odd and even sizes', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 6 }),
				fc.integer({ min: 1, max: 40 }),
				fc.integer({ min: 1, max: 40 }),
				fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 50 }),
				fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 200 }),
				(r, w, h, stencilValues, gridValues) => {
					const width = w + 2 * r;
					const height = h + 2 * r;
					const grid = Float64Array.from({ length: width * height }, (_, i) => gridValues[i % gridValues.length] * ((i * 7) % 3));
					const stencil = symmetricStencil(r, stencilValues);
					const got = convolveGrid(grid, width, height, stencil, r);
					const want = direct(grid, width, height, stencil, r);
					expect(got.length).toBe(want.length);
					const scale = Math.max(1, ...want.map(Math.abs));
					for (let i = 0; i < want.length; i++) expect(Math.abs(got[i] - want[i])).toBeLessThan(1e-9 * scale);
				}
			),
			{ numRuns: 150 }
		);
	});

	it('explains a stencil of the wrong size or a grid too small for it', () => {
		expect(() => convolveGrid(new Float64Array(100), 10, 10, new Float64Array(8), 1)).toThrow(/8 values, expected 3²/);
		expect(() => convolveGrid(new Float64Array(16), 4, 4, new Float64Array(25), 2)).toThrow(/too small/);
	});
});
