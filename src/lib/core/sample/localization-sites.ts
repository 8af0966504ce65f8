import { createRandom } from './random';

const KM_PER_DEG = 111.195;

/**
 * `size` firm sites over a 150 × 150 km region round (138, 36) — half spread evenly, half in 25
 * towns — of which the first `industry` are an industry that keeps to 8 of the towns. Seeded, so
 * the Node benchmark and the browser's localisation benchmark page test the same firms.
 *
 * @example
 * const { lons, lats, mask } = localizationSites(6000, 2000, 9);
 */
export function localizationSites(size: number, industry: number, seed: number): { lons: Float64Array; lats: Float64Array; mask: Uint8Array } {
	const rng = createRandom(seed);
	const random = rng.next;
	const kmLon = KM_PER_DEG * Math.cos((36 * Math.PI) / 180);
	const towns = Array.from({ length: 25 }, () => [(random() - 0.5) * 130, (random() - 0.5) * 130, 1 + random() * 4]);
	const lons = new Float64Array(size);
	const lats = new Float64Array(size);
	const mask = new Uint8Array(size);
	for (let i = 0; i < size; i++) {
		let x: number, y: number;
		if (i < industry) {
			const [cx, cy, sd] = towns[i % 8];
			[x, y] = [cx + rng.normal(0, sd), cy + rng.normal(0, sd)];
			mask[i] = 1;
		} else if (random() < 0.5) [x, y] = [(random() - 0.5) * 150, (random() - 0.5) * 150];
		else {
			const [cx, cy, sd] = towns[Math.floor(random() * towns.length)];
			[x, y] = [cx + rng.normal(0, sd), cy + rng.normal(0, sd)];
		}
		lons[i] = 138 + x / kmLon;
		lats[i] = 36 + y / KM_PER_DEG;
	}
	return { lons, lats, mask };
}
