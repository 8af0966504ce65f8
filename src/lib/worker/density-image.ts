/**
 * The kernel density surface as an image, painted in the density worker so that the page only
 * hands MapLibre the pixels.
 */

/** Colour stops of the KDE surface, low to high density (viridis, readable on the basemap), as RGB. */
export const KDE_RAMP: [number, number, number][] = [
	[253, 231, 37],
	[94, 201, 98],
	[33, 145, 140],
	[59, 82, 139],
	[68, 1, 84]
];

/**
 * The grid as RGBA pixels, north row first (as an image): transparent where there are no firms,
 * the square root of density mapped onto KDE_RAMP so that the low-density fringe stays visible.
 *
 * @example
 * densityRgba(Float32Array.of(0, 4), 2, 1, 4); // [0,0,0,0, 68,1,84,210]
 */
export function densityRgba(values: Float32Array, width: number, height: number, max: number): Uint8ClampedArray {
	const rgba = new Uint8ClampedArray(width * height * 4);
	if (!(max > 0)) return rgba;
	const last = KDE_RAMP.length - 1;
	for (let row = 0; row < height; row++) {
		const out = (height - 1 - row) * width;
		for (let col = 0; col < width; col++) {
			const v = values[row * width + col];
			if (!(v > max * 1e-3)) continue;
			const t = Math.sqrt(v / max) * last;
			const k = Math.min(last - 1, Math.floor(t));
			const f = t - k;
			const p = (out + col) * 4;
			for (let c = 0; c < 3; c++) rgba[p + c] = KDE_RAMP[k][c] + (KDE_RAMP[k + 1][c] - KDE_RAMP[k][c]) * f;
			rgba[p + 3] = 90 + 120 * Math.min(1, t / last);
		}
	}
	return rgba;
}
