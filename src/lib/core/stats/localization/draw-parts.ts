import type { DrawRange } from './counterfactuals';

/** Simulated curves of the draws [range.from, range.to) of a run, row by row. */
export interface CurvesOfDraws {
	range: DrawRange;
	curves: Float64Array;
}

/**
 * Splits `draws` into `parts` contiguous ranges of nearly equal size, for workers that each run
 * one range of the same seeded run.
 * @example
 * splitDraws(1000, 2); // [{ from: 0, to: 500 }, { from: 500, to: 1000 }]
 */
export function splitDraws(draws: number, parts: number): DrawRange[] {
	const count = Math.max(1, Math.min(Math.floor(parts), draws));
	return Array.from({ length: count }, (_, k) => ({ from: Math.round((k * draws) / count), to: Math.round(((k + 1) * draws) / count) }));
}

/**
 * The curves of all `draws` in draw order from parts covering 0 … draws exactly once, each with
 * `points` values per draw.
 * @example
 * const curves = joinDraws([second, first], 1000, 361); // first's rows, then second's
 * @internal
 */
export function joinDraws(parts: CurvesOfDraws[], draws: number, points: number): Float64Array {
	const sorted = [...parts].sort((a, b) => a.range.from - b.range.from);
	const curves = new Float64Array(draws * points);
	let next = 0;
	for (const { range, curves: rows } of sorted) {
		if (range.from !== next) throw new Error(`The parts of the test do not fit together: draws ${next}–${range.from} are missing or repeated.`);
		if (rows.length !== (range.to - range.from) * points) throw new Error(`The part for draws ${range.from}–${range.to} has ${rows.length} values, not ${(range.to - range.from) * points}.`);
		curves.set(rows, range.from * points);
		next = range.to;
	}
	if (next !== draws) throw new Error(`The parts of the test cover draws 0–${next} of ${draws}.`);
	return curves;
}
