import type { Factor } from './types';

/**
 * Cuts distances into bands: with breaks [2, 5, 10, 20] the levels are "<2 km", "2–5 km",
 * "5–10 km", "10–20 km" and "≥20 km"; a distance equal to a break goes to the band above it.
 * NaN (no institution) is -1.
 *
 * @param km distance to the nearest institution per firm
 * @param options.breaks ascending positive break points in km (default [2, 5, 10, 20])
 * @example
 * distanceBands(new Float64Array([0.5, 7, 25])).codes; // → [0, 2, 4]
 */
export function distanceBands(km: ArrayLike<number>, options: { breaks?: readonly number[]; name?: string } = {}): Factor {
	const breaks = options.breaks ?? [2, 5, 10, 20];
	if (breaks.length === 0 || breaks.some((b, i) => !(b > 0) || !Number.isFinite(b) || (i > 0 && b <= breaks[i - 1]))) {
		throw new Error(`distanceBands: breaks must be increasing positive kilometres such as 2,5,10,20, not ${breaks.join(',')}.`);
	}
	const f = (v: number) => String(v);
	const levels = [`<${f(breaks[0])} km`, ...breaks.slice(1).map((b, i) => `${f(breaks[i])}–${f(b)} km`), `≥${f(breaks[breaks.length - 1])} km`];
	const codes = new Int32Array(km.length);
	for (let i = 0; i < km.length; i++) {
		const d = km[i];
		if (Number.isNaN(d)) {
			codes[i] = -1;
			continue;
		}
		let band = 0;
		while (band < breaks.length && d >= breaks[band]) band++;
		codes[i] = band;
	}
	return { name: options.name ?? 'distance to nearest institution', levels, codes };
}
