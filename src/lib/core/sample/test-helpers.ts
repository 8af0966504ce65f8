/**
 * Test-only helpers: the committed geodata read from disk and a small GLM fit (IRLS) used to check
 * that the planted effects are recoverable. Not exported from ./index.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SampleGeodata } from './sample-context';

const GEODATA = join(import.meta.dirname, '..', '..', '..', '..', 'geodata');
const read = <T>(name: string): T => JSON.parse(readFileSync(join(GEODATA, name), 'utf8')) as T;

/** The four committed files the generator reads. */
export function loadGeodata(): SampleGeodata {
	return {
		prefectures: read('prefectures.geo.json'),
		districts: read('districts.json'),
		districtPolygons: read('districts.geo.json'),
		institutions: read('institutions.geo.json')
	};
}

/** Solves A x = b (A square, small) by Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
	const n = b.length;
	const m = a.map((row, i) => [...row, b[i]]);
	for (let c = 0; c < n; c++) {
		let p = c;
		for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
		[m[c], m[p]] = [m[p], m[c]];
		for (let r = c + 1; r < n; r++) {
			const f = m[r][c] / m[c][c];
			for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
		}
	}
	const x = new Array<number>(n).fill(0);
	for (let r = n - 1; r >= 0; r--) {
		let s = m[r][n];
		for (let k = r + 1; k < n; k++) s -= m[r][k] * x[k];
		x[r] = s / m[r][r];
	}
	return x;
}

/**
 * Maximum-likelihood GLM coefficients by iteratively reweighted least squares:
 * 'logit' (binary y) or 'poisson' (count y, log link). X rows include the intercept column.
 */
export function fitGlm(x: number[][], y: number[], family: 'logit' | 'poisson', iterations = 25): number[] {
	const p = x[0].length;
	let beta = new Array<number>(p).fill(0);
	for (let it = 0; it < iterations; it++) {
		const xtwx = Array.from({ length: p }, () => new Array<number>(p).fill(0));
		const xtwz = new Array<number>(p).fill(0);
		for (let i = 0; i < x.length; i++) {
			let eta = 0;
			for (let j = 0; j < p; j++) eta += x[i][j] * beta[j];
			let mu: number, w: number;
			if (family === 'logit') {
				mu = 1 / (1 + Math.exp(-eta));
				w = Math.max(mu * (1 - mu), 1e-10);
			} else {
				mu = Math.exp(eta);
				w = Math.max(mu, 1e-10);
			}
			const z = eta + (y[i] - mu) / w;
			for (let j = 0; j < p; j++) {
				xtwz[j] += x[i][j] * w * z;
				for (let k = 0; k < p; k++) xtwx[j][k] += x[i][j] * w * x[i][k];
			}
		}
		const next = solve(xtwx, xtwz);
		const change = Math.max(...next.map((v, j) => Math.abs(v - beta[j])));
		beta = next;
		if (change < 1e-8) break;
	}
	return beta;
}
