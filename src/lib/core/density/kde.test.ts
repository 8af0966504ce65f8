import { describe, expect, it } from 'vitest';
import { createRandom } from '../sample/random';
import { kernelDensity, type DensityGrid } from './kde';
import { kdeBandwidth } from './kde-bandwidth';
import { KERNELS, type KernelName } from './kernels';
import { createLocalProjection } from './local-projection';

const KM_PER_DEG = 111.195;

/** Seeded firms: a few clumps of different spread and a uniform background, ~60 × 60 km. */
function clumpedFirms(n: number, seed: number, centre = [137.0, 35.0]) {
	const rng = createRandom(seed);
	const lons = new Float64Array(n);
	const lats = new Float64Array(n);
	const kmLon = KM_PER_DEG * Math.cos((centre[1] * Math.PI) / 180);
	for (let i = 0; i < n; i++) {
		const u = rng.next();
		let x: number, y: number;
		if (u < 0.3) [x, y] = [(rng.next() - 0.5) * 60, (rng.next() - 0.5) * 60];
		else if (u < 0.7) [x, y] = [rng.normal(-10, 2), rng.normal(5, 2)];
		else [x, y] = [rng.normal(12, 0.8), rng.normal(-8, 0.8)];
		lons[i] = centre[0] + x / kmLon;
		lats[i] = centre[1] + y / KM_PER_DEG;
	}
	return { lons, lats };
}

function integral(grid: DensityGrid): number {
	let sum = 0;
	for (const v of grid.values) sum += v;
	return (sum * grid.cellMetres * grid.cellMetres) / 1e6;
}

/** The kernel normalised on the plane, per m², for the brute-force reference. */
function continuousKernel(kernel: KernelName, d2: number, h: number): number {
	const u2 = d2 / (h * h);
	if (kernel === 'quartic') return u2 < 1 ? ((3 / Math.PI) * (1 - u2) ** 2) / (h * h) : 0;
	if (kernel === 'epanechnikov') return u2 < 1 ? ((2 / Math.PI) * (1 - u2)) / (h * h) : 0;
	return u2 < 16 ? Math.exp(-u2 / 2) / (2 * Math.PI * h * h) / (1 - Math.exp(-8)) : 0;
}

describe('kernelDensity', () => {
	it.each(KERNELS)('%s: the grid integrates to the number of firms within 1 %', (kernel) => {
		const { lons, lats } = clumpedFirms(20_000, 11);
		for (const [bandwidthMetres, cellMetres] of [[undefined, 250], [400, 250], [3000, 500], [150, 250]] as const) {
			const grid = kernelDensity(lons, lats, { kernel, bandwidthMetres, cellMetres });
			expect(grid.count).toBe(20_000);
			expect(Math.abs(integral(grid) / 20_000 - 1)).toBeLessThan(0.01);
		}
	});

	it.each(KERNELS)('%s: equals the per-firm, per-cell kernel sum (brute force) within 1.5 % of the peak', (kernel) => {
		const { lons, lats } = clumpedFirms(300, 5);
		const h = kernel === 'gaussian' ? 900 : 2500;
		const grid = kernelDensity(lons, lats, { kernel, bandwidthMetres: h, cellMetres: 100 });
		const projection = createLocalProjection(grid.centre);
		const { xs, ys } = projection.projectAll(lons, lats);
		let peak = 0;
		let worst = 0;
		for (let row = 0; row < grid.height; row += 7) {
			for (let col = 0; col < grid.width; col += 7) {
				const cx = grid.origin[0] + (col + 0.5) * grid.cellMetres;
				const cy = grid.origin[1] + (row + 0.5) * grid.cellMetres;
				let want = 0;
				for (let k = 0; k < xs.length; k++) want += continuousKernel(kernel, (xs[k] - cx) ** 2 + (ys[k] - cy) ** 2, h);
				want *= 1e6; // per km²
				peak = Math.max(peak, want);
				worst = Math.max(worst, Math.abs(grid.values[row * grid.width + col] - want));
			}
		}
		expect(peak).toBeGreaterThan(0);
		expect(worst / peak).toBeLessThan(0.015);
	});

	it('is exactly 0 beyond the reach of a compact kernel and symmetric round a single firm', () => {
		const grid = kernelDensity([139], [35], { kernel: 'quartic', bandwidthMetres: 1000, cellMetres: 100 });
		expect(grid.width).toBe(20);
		expect(grid.height).toBe(20);
		const at = (col: number, row: number) => grid.values[row * grid.width + col];
		expect(at(0, 0)).toBe(0);
		expect(at(19, 19)).toBe(0);
		expect(Math.abs(at(9, 9) - at(10, 10)) / at(9, 9)).toBeLessThan(0.02);
		expect(Math.abs(integral(grid) - 1)).toBeLessThan(1e-6);
	});

	it('covers a given bbox, counts firms just outside it, and leaves out firms far away', () => {
		const bbox: [number, number, number, number] = [139, 35, 139.1, 35.1];
		const inside = kernelDensity([139.05], [35.05], { bbox, bandwidthMetres: 1000 });
		expect(inside.width * inside.cellMetres).toBeGreaterThan(9000);
		expect(inside.width * inside.cellMetres).toBeLessThan(9300);
		// 500 m east of the east edge: part of its kernel lies inside.
		const near = kernelDensity([139.1 + 0.5 / 91.1], [35.05], { bbox, bandwidthMetres: 1000 });
		expect(integral(near)).toBeGreaterThan(0.02);
		expect(integral(near)).toBeLessThan(0.5);
		const far = kernelDensity([139.3], [35.05], { bbox, bandwidthMetres: 1000 });
		expect(integral(far)).toBe(0);
	});

	it('applies a filter, and reports firms without coordinates instead of dropping them silently', () => {
		const { lons, lats } = clumpedFirms(2000, 3);
		lons[5] = NaN;
		const all = kernelDensity(lons, lats, { bandwidthMetres: 1000, cellMetres: 500 });
		const even = kernelDensity(lons, lats, { bandwidthMetres: 1000, cellMetres: 500, filter: (i) => i % 2 === 0 });
		expect(all.count).toBe(1999);
		expect(all.withoutCoordinates).toBe(1);
		expect(even.count).toBe(1000);
		expect(Math.abs(integral(even) - 1000)).toBeLessThan(10);
	});

	it('explains bad options', () => {
		expect(() => kernelDensity([139], [35], { cellMetres: 0, bandwidthMetres: 100 })).toThrow(/cellMetres must be a positive/);
		expect(() => kernelDensity([139], [35], { bandwidthMetres: -1 })).toThrow(/bandwidthMetres must be a positive/);
		expect(() => kernelDensity([139], [35], { kernel: 'box' as KernelName })).toThrow(/Unknown kernel "box"/);
		expect(() => kernelDensity([], [], {})).toThrow(/no firms with coordinates and no bbox/);
		expect(() => kernelDensity([130, 145], [31, 45], { bandwidthMetres: 1000, cellMetres: 10 })).toThrow(/exceeds the limit.*larger cell size/);
		expect(() => kernelDensity([139], [35], { bbox: [140, 35, 139, 36], bandwidthMetres: 100 })).toThrow(/west < east/);
		expect(() => kernelDensity([139, 139], [35, 35], {})).toThrow(/share one location/);
	});
});

describe('kdeBandwidth', () => {
	it('follows 0.9 · min(SD, √(1/ln 2)·Dm) · n^(−1/5): for an isotropic normal both terms are σ√2', () => {
		const rng = createRandom(99);
		const n = 20_000;
		const sigmaKm = 2;
		const lons = Float64Array.from({ length: n }, () => 139 + rng.normal(0, sigmaKm) / (KM_PER_DEG * Math.cos((35 * Math.PI) / 180)));
		const lats = Float64Array.from({ length: n }, () => 35 + rng.normal(0, sigmaKm) / KM_PER_DEG);
		const expected = 0.9 * sigmaKm * 1000 * Math.SQRT2 * n ** -0.2;
		const quartic = kdeBandwidth(lons, lats);
		expect(Math.abs(quartic / expected - 1)).toBeLessThan(0.03);
		// Canonical-bandwidth conversion: Gaussian σ = radius · (1/4π)^(1/10) / 35^(1/5).
		expect(kdeBandwidth(lons, lats, { kernel: 'gaussian' }) / quartic).toBeCloseTo((1 / (4 * Math.PI)) ** 0.1 / 35 ** 0.2, 10);
		expect(kdeBandwidth(lons, lats, { kernel: 'epanechnikov' }) / quartic).toBeCloseTo(15 ** 0.2 / 35 ** 0.2, 10);
	});

	it('with a few far-off firms takes the median-distance term, far below the standard-distance one', () => {
		const rng = createRandom(4);
		const n = 1000;
		const lons = Float64Array.from({ length: n }, (_, i) => (i < 990 ? 139 + rng.normal(0, 0.01) : 141 + rng.next()));
		const lats = Float64Array.from({ length: n }, (_, i) => (i < 990 ? 35 + rng.normal(0, 0.01) : 38 + rng.next()));
		// Standard distance in km on a local equirectangular approximation (good to ~1 % here).
		const kmLon = KM_PER_DEG * Math.cos((36.5 * Math.PI) / 180);
		const mx = lons.reduce((a, b) => a + b, 0) / n;
		const my = lats.reduce((a, b) => a + b, 0) / n;
		const d = Array.from(lons, (lon, i) => Math.hypot((lon - mx) * kmLon, (lats[i] - my) * KM_PER_DEG));
		const sdOnly = 0.9 * Math.sqrt(d.reduce((a, b) => a + b * b, 0) / n) * n ** -0.2 * 1000;
		const sorted = [...d].sort((a, b) => a - b);
		const medianTerm = 0.9 * Math.sqrt(1 / Math.LN2) * ((sorted[499] + sorted[500]) / 2) * n ** -0.2 * 1000;
		const radius = kdeBandwidth(lons, lats);
		expect(medianTerm).toBeLessThan(sdOnly / 5);
		expect(Math.abs(radius / medianTerm - 1)).toBeLessThan(0.02);
	});
});
