import { chiSquareTest } from './chi-square-test';
import { describeValues } from './describe-values';
import { effectSizes } from './effect-sizes';
import { fisherExact } from './fisher-exact';
import { mannWhitneyU } from './mann-whitney';
import { permutationTest } from './permutation-test';
import { splitGroups } from './split-groups';
import type { CompareOptions, Contrast, OutcomeComparison, ParsedColumn } from './types';
import { welchTTest } from './welch-t-test';

/**
 * Compares one outcome between the two groups of a contrast: descriptives with missing counts,
 * Welch's t-test with the 95 % interval of the difference, Mann–Whitney U, chi-square and Fisher's
 * exact test for yes/no outcomes, a seeded permutation test and effect sizes. A test that cannot
 * run (fewer than two values in a group) is null and `notes` says why.
 *
 * @param column from `parseColumn`
 * @param contrast from `makeContrasts`
 * @param options permutations (default 10,000; 0 skips), seed (default 1), level (0.95), onProgress
 * @example
 * const row = compareOutcome(parseColumn(cells, { column: 'new_products' }), contrast, { seed: 42 });
 * row.welch?.p; row.fisher?.p; row.permutation?.p;
 */
export function compareOutcome(column: ParsedColumn, contrast: Contrast, options: CompareOptions = {}): OutcomeComparison {
	const { permutations = 10_000, seed = 1, level = 0.95, onProgress } = options;
	const binary = column.kind === 'binary';
	const { inside: x, outside: y, missingInside, missingOutside } = splitGroups(column.values, contrast.group);
	const result: OutcomeComparison = {
		outcome: column.column,
		kind: column.kind,
		contrastId: contrast.id,
		labels: contrast.labels,
		inside: describeValues(x, { binary, missing: missingInside }),
		outside: describeValues(y, { binary, missing: missingOutside }),
		welch: null,
		mannWhitney: null,
		chiSquare: null,
		fisher: null,
		permutation: null,
		effect: null,
		notes: []
	};
	if (x.length < 2 || y.length < 2) {
		result.notes.push(`fewer than 2 values ${x.length < 2 ? 'in the first group' : 'in the second group'}: no tests`);
		return result;
	}
	result.welch = welchTTest(x, y, { level });
	if (result.inside.sd === 0 && result.outside.sd === 0) result.notes.push('no variation within either group: the t-test and effect sizes are undefined');
	result.mannWhitney = mannWhitneyU(x, y);
	if (binary) {
		const yesX = count(x);
		const yesY = count(y);
		result.chiSquare = chiSquareTest([
			[yesX, x.length - yesX],
			[yesY, y.length - yesY]
		]);
		result.fisher = fisherExact([
			[yesX, x.length - yesX],
			[yesY, y.length - yesY]
		]);
	}
	if (permutations > 0) result.permutation = permutationTest(x, y, { permutations, seed, onProgress });
	result.effect = effectSizes(x, y, { binary, level, rankBiserial: result.mannWhitney.rankBiserial });
	return result;
}

function count(values: Float64Array): number {
	let s = 0;
	for (const v of values) s += v;
	return s;
}
