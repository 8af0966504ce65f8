import { CANONICAL_BANDWIDTH, type KernelName } from './kernels';
import { createLocalProjection } from './local-projection';
import { bboxCentre, selectFirms, type FirmFilter } from './select-firms';

/**
 * The default bandwidth rule on projected coordinates (metres): the spatial variant of Silverman's
 * rule of thumb that ArcGIS Kernel Density uses for its default search radius,
 *
 *   radius = 0.9 × min(SD, √(1/ln 2) × Dm) × n^(−1/5),
 *
 * where SD is the standard distance of the points round their mean centre and Dm the median
 * distance to it (the Dm term keeps a few far-off points from inflating the radius). The result is
 * the quartic kernel's radius; other kernels get the same smoothing through the ratio of canonical
 * bandwidths (Gaussian σ ≈ 0.38 × radius, Epanechnikov radius ≈ 0.84 × radius).
 * @example
 * const { xs, ys } = createLocalProjection(centre).projectAll(lons, lats);
 * bandwidthOfProjected(xs, ys, 'quartic'); // metres
 * @internal shared by {@link kdeBandwidth} and kernelDensity
 */
export function bandwidthOfProjected(xs: Float64Array, ys: Float64Array, kernel: KernelName): number {
	const n = xs.length;
	if (n < 2) throw new Error(`A default bandwidth needs at least 2 firms with coordinates, got ${n}; give a bandwidth in metres.`);
	let mx = 0;
	let my = 0;
	for (let i = 0; i < n; i++) {
		mx += xs[i];
		my += ys[i];
	}
	mx /= n;
	my /= n;
	const distances = new Float64Array(n);
	let sum2 = 0;
	for (let i = 0; i < n; i++) {
		const d2 = (xs[i] - mx) ** 2 + (ys[i] - my) ** 2;
		sum2 += d2;
		distances[i] = Math.sqrt(d2);
	}
	distances.sort();
	const median = n % 2 === 1 ? distances[(n - 1) / 2] : (distances[n / 2 - 1] + distances[n / 2]) / 2;
	const standardDistance = Math.sqrt(sum2 / n);
	const radius = 0.9 * Math.min(standardDistance, Math.sqrt(1 / Math.LN2) * median) * n ** -0.2;
	if (!(radius > 0)) throw new Error('All firms share one location, so no default bandwidth exists; give a bandwidth in metres.');
	return (radius * CANONICAL_BANDWIDTH[kernel]) / CANONICAL_BANDWIDTH.quartic;
}

/**
 * Default kernel bandwidth in metres for a set of firms (see the rule above): the radius for the
 * quartic and Epanechnikov kernels, the standard deviation for the Gaussian. Firms without
 * finite coordinates are left out.
 *
 * @param lons firm longitudes, degrees
 * @param lats firm latitudes, degrees
 * @param options.kernel default 'quartic'
 * @param options.filter firms to use (mask or predicate), default all
 * @example
 * kdeBandwidth(lons, lats); // e.g. 1840 (metres)
 */
export function kdeBandwidth(
	lons: ArrayLike<number>,
	lats: ArrayLike<number>,
	options: { kernel?: KernelName; filter?: FirmFilter } = {}
): number {
	const { lons: l, lats: p } = selectFirms(lons, lats, options.filter);
	if (l.length === 0) throw new Error('No firms with coordinates to choose a bandwidth from.');
	const projection = createLocalProjection(bboxCentre(l, p));
	const { xs, ys } = projection.projectAll(l, p);
	return bandwidthOfProjected(xs, ys, options.kernel ?? 'quartic');
}
