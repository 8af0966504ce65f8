/**
 * Seeded pseudo-random numbers (mulberry32), so every benchmark run sees the same data.
 *
 * @example
 * const random = seeded(42);
 * random(); // 0.6011037519201636, always
 */
export function seeded(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A standard normal deviate (Box–Muller) from a uniform source. */
export function gaussian(random: () => number): number {
	return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}
