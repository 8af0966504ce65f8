const SQRT_2PI = Math.sqrt(2 * Math.PI);

/**
 * Largest of 1, 2 or 5 × 10^k not above x.
 * @example
 * niceStep(0.7); // 0.5
 * @internal
 */
export function niceStep(x: number): number {
	const power = 10 ** Math.floor(Math.log10(x));
	for (const m of [5, 2, 1]) if (m * power <= x * (1 + 1e-9)) return m * power;
	return power;
}

/**
 * The reflected Gaussian kernel density at `distances` from a histogram of pair distances (bin
 * centres (b + ½) · binKm), as a banded weight table: only bins within 4h contribute.
 * @example
 * const kernel = reflectedKernel(distancesKm, 1.2, 0.1, 1849, 1 / (pairs * 1.2));
 * kernel(histogram, density);
 * @internal
 */
export function reflectedKernel(distances: Float64Array, h: number, binKm: number, bins: number, scale: number) {
	const points = distances.length;
	const from = new Int32Array(points);
	const to = new Int32Array(points);
	const weights: Float64Array[] = [];
	for (let k = 0; k < points; k++) {
		const d = distances[k];
		from[k] = Math.max(0, Math.floor((d - 4 * h) / binKm));
		to[k] = Math.min(bins, Math.ceil((d + 4 * h) / binKm) + 1);
		const w = new Float64Array(to[k] - from[k]);
		for (let b = from[k]; b < to[k]; b++) {
			const centre = (b + 0.5) * binKm;
			const u = (d - centre) / h;
			const v = (d + centre) / h;
			w[b - from[k]] = (Math.abs(u) < 4 ? Math.exp((-u * u) / 2) : 0) + (v < 4 ? Math.exp((-v * v) / 2) : 0);
		}
		weights.push(w);
	}
	const norm = scale / SQRT_2PI;
	return (histogram: Float64Array, out: Float64Array) => {
		for (let k = 0; k < points; k++) {
			const w = weights[k];
			const start = from[k];
			let sum = 0;
			for (let t = 0; t < w.length; t++) sum += w[t] * histogram[start + t];
			out[k] = sum * norm;
		}
	};
}
