import { createRandom } from '../../src/lib/core/sample/random';

/**
 * Seeded pseudo-random numbers (mulberry32), so every benchmark run sees the same data.
 *
 * @example
 * const random = seeded(42);
 * random(); // 0.6011037519201636, always
 */
export function seeded(seed: number): () => number {
	return createRandom(seed).next;
}

/** A standard normal deviate (Box–Muller) from a uniform source. */
export function gaussian(random: () => number): number {
	return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}
