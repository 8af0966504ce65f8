import { convolveGrid } from './fft-convolve';
import { bandwidthOfProjected } from './kde-bandwidth';
import { bboxCentre, selectFirms, type FirmFilter } from './select-firms';
import { assertKernel, KERNEL_PROFILE, KERNEL_SUPPORT, type KernelName } from './kernels';
import { createLocalProjection } from './local-projection';

/** A kernel density surface on a square metric grid. */
export interface DensityGrid {
	width: number;
	height: number;
	cellMetres: number;
	/** South-west corner of cell (0, 0) in the projection, metres from its centre. */
	origin: [number, number];
	/** Centre [lon, lat] of the Lambert azimuthal equal-area projection the grid lies in (see createLocalProjection). */
	centre: [number, number];
	/** Firms per km², row-major, row 0 southernmost, column 0 westernmost; cell (i, j) is centred at origin + (i + ½, j + ½) · cellMetres. */
	values: Float32Array;
	kernel: KernelName;
	/** Radius for the quartic and Epanechnikov kernels, standard deviation for the Gaussian. */
	bandwidthMetres: number;
	/** Firms estimated from (passing the filter and with coordinates). */
	count: number;
	/** Firms that passed the filter but had no coordinates, left out. */
	withoutCoordinates: number;
}

export interface KernelDensityOptions {
	/** 'quartic' (default, as ArcGIS), 'epanechnikov' or 'gaussian'. */
	kernel?: KernelName;
	/** Bandwidth in metres; default from the firms by the rule in kdeBandwidth. */
	bandwidthMetres?: number;
	/** Cell size in metres, default 250. Keep it at most half the bandwidth for a faithful kernel. */
	cellMetres?: number;
	/** Area to cover, [west, south, east, north] degrees; default the firms' extent plus the kernel's reach. */
	bbox?: [number, number, number, number];
	/** Firms to count (industry, size class…): mask or predicate, default all. */
	filter?: FirmFilter;
	/** Largest grid allowed, in cells; default 16,777,216 (4,096²). */
	maxCells?: number;
}

/**
 * Kernel density of firms in firms per km², on a grid in a local equal-area projection (so cell
 * areas are true areas; distance distortion below 0.007 % over a 200 × 200 km area).
 *
 * Method: firms are binned to cell centres with linear (cloud-in-cell) weights, then the grid is
 * convolved with the kernel sampled at cell offsets and normalised to sum to 1, by FFT. So the
 * integral over a grid that holds the kernels' reach equals the number of firms up to rounding,
 * and the cost does not depend on the bandwidth. Positions are moved by at most half a cell by the
 * binning; cells below 10⁻¹² × firms per cell (FFT round-off) are set to 0.
 *
 * Edges: no edge correction. With a `bbox`, firms up to the kernel's reach outside it still add
 * density inside; firms farther out do not. Firms near a coast spread part of their kernel over
 * the sea, as in ArcGIS Kernel Density.
 *
 * @param lons firm longitudes, degrees
 * @param lats firm latitudes, degrees, same length
 * @param options see {@link KernelDensityOptions}
 * @example
 * const grid = kernelDensity(lons, lats, { kernel: 'quartic', bandwidthMetres: 1000, cellMetres: 250 });
 * grid.values[row * grid.width + col]; // firms per km²
 */
export function kernelDensity(lons: ArrayLike<number>, lats: ArrayLike<number>, options: KernelDensityOptions = {}): DensityGrid {
	const kernel = options.kernel ?? 'quartic';
	assertKernel(kernel);
	const cell = options.cellMetres ?? 250;
	if (!(cell > 0) || !Number.isFinite(cell)) throw new Error(`kernelDensity: cellMetres must be a positive number of metres, got ${cell}.`);
	const maxCells = options.maxCells ?? 4096 * 4096;

	const firms = selectFirms(lons, lats, options.filter);
	const bbox = options.bbox;
	if (bbox !== undefined && !(bbox.every(Number.isFinite) && bbox[0] < bbox[2] && bbox[1] < bbox[3])) {
		throw new Error(`kernelDensity: bbox must be [west, south, east, north] with west < east and south < north, got [${bbox.join(', ')}].`);
	}
	if (bbox === undefined && firms.lons.length === 0) throw new Error('kernelDensity: no firms with coordinates and no bbox, so there is no area to estimate over.');
	const centre: [number, number] = bbox ? [(bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2] : bboxCentre(firms.lons, firms.lats);
	const projection = createLocalProjection(centre);
	const { xs, ys } = projection.projectAll(firms.lons, firms.lats);

	const h = options.bandwidthMetres ?? bandwidthOfProjected(xs, ys, kernel);
	if (!(h > 0) || !Number.isFinite(h)) throw new Error(`kernelDensity: bandwidthMetres must be a positive number of metres, got ${h}.`);
	const reach = h * KERNEL_SUPPORT[kernel];
	const r = Math.ceil(reach / cell);

	const [minX, minY, maxX, maxY] = bbox ? projectedBox(projection.forward, bbox) : extent(xs, ys, reach);
	const width = Math.max(1, Math.ceil((maxX - minX) / cell));
	const height = Math.max(1, Math.ceil((maxY - minY) / cell));
	const padded = (width + 2 * r) * (height + 2 * r);
	if (width * height > maxCells || padded > 4 * maxCells) {
		throw new Error(
			`kernelDensity: a ${width} × ${height} grid (${(width * height).toLocaleString('en')} cells, ${r} more on each side for the kernel) exceeds the limit of ${maxCells.toLocaleString('en')} cells; use a larger cell size, a smaller bandwidth or a smaller area.`
		);
	}

	// Bin onto the padded grid: r cells beyond the output on every side hold the firms whose
	// kernels reach into it and keep the FFT's wrap-around out of the result.
	const gw = width + 2 * r;
	const gh = height + 2 * r;
	const x0 = minX - r * cell;
	const y0 = minY - r * cell;
	const binned = new Float64Array(gw * gh);
	for (let k = 0; k < xs.length; k++) {
		const u = (xs[k] - x0) / cell - 0.5;
		const v = (ys[k] - y0) / cell - 0.5;
		const i = Math.floor(u);
		const j = Math.floor(v);
		const fx = u - i;
		const fy = v - j;
		if (i >= 0 && j >= 0 && i + 1 < gw && j + 1 < gh) {
			const at = j * gw + i;
			binned[at] += (1 - fx) * (1 - fy);
			binned[at + 1] += fx * (1 - fy);
			binned[at + gw] += (1 - fx) * fy;
			binned[at + gw + 1] += fx * fy;
		} else {
			for (const [ii, jj, w] of [[i, j, (1 - fx) * (1 - fy)], [i + 1, j, fx * (1 - fy)], [i, j + 1, (1 - fx) * fy], [i + 1, j + 1, fx * fy]]) {
				if (ii >= 0 && jj >= 0 && ii < gw && jj < gh) binned[jj * gw + ii] += w;
			}
		}
	}

	const side = 2 * r + 1;
	const stencil = new Float64Array(side * side);
	const profile = KERNEL_PROFILE[kernel];
	let total = 0;
	for (let dy = -r; dy <= r; dy++) {
		for (let dx = -r; dx <= r; dx++) {
			const w = profile(((dx * dx + dy * dy) * cell * cell) / (h * h));
			stencil[(dy + r) * side + dx + r] = w;
			total += w;
		}
	}
	for (let k = 0; k < stencil.length; k++) stencil[k] /= total;

	const counts = convolveGrid(binned, gw, gh, stencil, r);
	const cellKm2 = (cell * cell) / 1e6;
	const floor = 1e-12 * Math.max(1, xs.length);
	const values = new Float32Array(width * height);
	for (let k = 0; k < values.length; k++) values[k] = counts[k] > floor ? counts[k] / cellKm2 : 0;

	return {
		width,
		height,
		cellMetres: cell,
		origin: [minX, minY],
		centre,
		values,
		kernel,
		bandwidthMetres: h,
		count: xs.length,
		withoutCoordinates: firms.withoutCoordinates
	};
}

function extent(xs: Float64Array, ys: Float64Array, pad: number): [number, number, number, number] {
	let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
	for (let k = 0; k < xs.length; k++) {
		if (xs[k] < minX) minX = xs[k];
		if (xs[k] > maxX) maxX = xs[k];
		if (ys[k] < minY) minY = ys[k];
		if (ys[k] > maxY) maxY = ys[k];
	}
	return [minX - pad, minY - pad, maxX + pad, maxY + pad];
}

/** Projected bounding box of a lon/lat box, from 64 points along each side (the sides are curves). */
function projectedBox(forward: (lon: number, lat: number) => [number, number], [w, s, e, n]: [number, number, number, number]): [number, number, number, number] {
	let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
	const steps = 64;
	for (let k = 0; k <= steps; k++) {
		const t = k / steps;
		for (const [lon, lat] of [[w + (e - w) * t, s], [w + (e - w) * t, n], [w, s + (n - s) * t], [e, s + (n - s) * t]]) {
			const [x, y] = forward(lon, lat);
			minX = Math.min(minX, x);
			minY = Math.min(minY, y);
			maxX = Math.max(maxX, x);
			maxY = Math.max(maxY, y);
		}
	}
	return [minX, minY, maxX, maxY];
}
