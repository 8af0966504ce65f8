/**
 * A small seeded random source: mulberry32 plus normal, Poisson, logistic and weighted draws.
 * Hand-written because it is a dozen lines, must give identical streams in Node and the browser for a
 * given seed, and no well-kept library offers seeded normal/Poisson draws without a large dependency.
 */

export interface Random {
	/** Uniform in [0, 1). */
	next(): number;
	/** Normal with the given mean and standard deviation (Box–Muller). */
	normal(mean?: number, sd?: number): number;
	/** Poisson count with mean `lambda` (Knuth's product method; the sample's means are small). */
	poisson(lambda: number): number;
	/** Standard logistic draw, the noise of a logit model. */
	logistic(): number;
	/** Index drawn with probability proportional to `weights[i]`. */
	pick(weights: readonly number[]): number;
	/** Integer in [min, max]. */
	int(min: number, max: number): number;
}

/**
 * Creates a deterministic random source from a 32-bit integer seed.
 *
 * @example
 * const rng = createRandom(20021001);
 * rng.next(); // same value on every run and platform
 */
export function createRandom(seed: number): Random {
	let a = seed >>> 0;
	// mulberry32 (Tommy Ettinger): a full-period 32-bit generator, good enough for simulation.
	const next = (): number => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	let spare: number | null = null;
	const normal = (mean = 0, sd = 1): number => {
		if (spare !== null) {
			const z = spare;
			spare = null;
			return mean + sd * z;
		}
		const u = 1 - next(); // (0, 1]: log(0) never happens
		const v = next();
		const r = Math.sqrt(-2 * Math.log(u));
		spare = r * Math.sin(2 * Math.PI * v);
		return mean + sd * r * Math.cos(2 * Math.PI * v);
	};
	const poisson = (lambda: number): number => {
		if (!(lambda >= 0)) throw new Error(`poisson: lambda must be ≥ 0, got ${lambda}`);
		if (lambda > 30) return Math.max(0, Math.round(normal(lambda, Math.sqrt(lambda))));
		const limit = Math.exp(-lambda);
		let k = 0;
		let p = next();
		while (p > limit) {
			k++;
			p *= next();
		}
		return k;
	};
	const logistic = (): number => {
		const u = next() || Number.MIN_VALUE;
		return Math.log(u / (1 - u));
	};
	const pick = (weights: readonly number[]): number => {
		let total = 0;
		for (const w of weights) total += w;
		let r = next() * total;
		for (let i = 0; i < weights.length; i++) {
			r -= weights[i];
			if (r < 0) return i;
		}
		return weights.length - 1;
	};
	const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
	return { next, normal, poisson, logistic, pick, int };
}
