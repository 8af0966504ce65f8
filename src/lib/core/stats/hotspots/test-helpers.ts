/**
 * Textbook versions of the hot-spot statistics for tests: dense n × n weight matrices built from
 * cell positions (not from the engine's CSR), and spdep's formulas with general weights as printed
 * in R/localG.R and R/localmoran.R.
 */

/** Queen neighbours of a rows × cols grid of squares, by position: |Δrow| ≤ 1 and |Δcol| ≤ 1. */
export function denseQueen(rows: number, cols: number): number[][] {
	const n = rows * cols;
	return Array.from({ length: n }, (_, i) =>
		Array.from({ length: n }, (_, j) => (i !== j && Math.abs(Math.floor(i / cols) - Math.floor(j / cols)) <= 1 && Math.abs((i % cols) - (j % cols)) <= 1 ? 1 : 0))
	);
}

/** spdep localG with a listw of general weights `w` (self weights on the diagonal make it Gi*). */
export function textbookGiStar(x: number[], w: number[][]): number[] {
	const n = x.length;
	const mean = x.reduce((s, v) => s + v, 0) / n;
	const s2 = x.reduce((s, v) => s + (v - mean) ** 2, 0) / n;
	return x.map((_, i) => {
		const lx = w[i].reduce((s, wij, j) => s + wij * x[j], 0);
		const wi = w[i].reduce((s, v) => s + v, 0);
		const s1 = w[i].reduce((s, v) => s + v * v, 0);
		return (lx - wi * mean) / Math.sqrt((s2 * (n * s1 - wi * wi)) / (n - 1));
	});
}

/** spdep localmoran (mlvar = TRUE; conditional = TRUE by default, as spdep) with general weights `w`. */
export function textbookLocalMoran(x: number[], w: number[][], conditional = true): { i: number[]; z: number[] } {
	const n = x.length;
	const mean = x.reduce((s, v) => s + v, 0) / n;
	const z = x.map((v) => v - mean);
	const s2 = z.reduce((s, v) => s + v * v, 0) / n;
	const b2 = z.reduce((s, v) => s + v ** 4, 0) / n / (s2 * s2);
	const a = (n - b2) / (n - 1);
	const b = (2 * b2 - n) / ((n - 1) * (n - 2));
	const ii = z.map((zi, i) => (zi / s2) * w[i].reduce((s, wij, j) => s + wij * z[j], 0));
	const zz = ii.map((value, i) => {
		const wi = w[i].reduce((s, v) => s + v, 0);
		const wi2 = w[i].reduce((s, v) => s + v * v, 0);
		const e = conditional ? -(z[i] ** 2 * wi) / ((n - 1) * s2) : -wi / (n - 1);
		const variance = conditional
			? (z[i] / s2) ** 2 * (n / (n - 2)) * (wi2 - wi ** 2 / (n - 1)) * (s2 - z[i] ** 2 / (n - 1))
			: a * wi2 + b * (wi * wi - wi2) - e * e;
		return (value - e) / Math.sqrt(variance);
	});
	return { i: ii, z: zz };
}

/** Binary weights with the cell itself (include.self, style "B"). */
export const withSelf = (w: number[][]) => w.map((row, i) => row.map((v, j) => (i === j ? 1 : v)));
/** Row-standardised weights (style "W"). */
export const rowStandardised = (w: number[][]) => w.map((row) => row.map((v) => v / row.reduce((s, u) => s + u, 0)));

/** CSR contiguity from a dense 0/1 matrix. */
export function csr(w: number[][]): { offsets: Uint32Array; neighbours: Uint32Array } {
	const offsets = [0];
	const neighbours: number[] = [];
	for (const row of w) {
		row.forEach((v, j) => v !== 0 && neighbours.push(j));
		offsets.push(neighbours.length);
	}
	return { offsets: Uint32Array.from(offsets), neighbours: Uint32Array.from(neighbours) };
}
