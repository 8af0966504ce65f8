import { chiSquareUpperP } from './distributions';
import type { ChiSquareResult } from './types';

/**
 * Pearson's chi-square test of independence of an r×k table of counts (2×k for yes/no by
 * groups). Columns and rows with a zero total carry no information and are left out of the
 * degrees of freedom. Without `correct` it matches R's `chisq.test(table, correct = FALSE)`; with
 * it a 2×2 table gets Yates' continuity correction as R's default.
 *
 * @param table rows of counts, all rows the same length
 * @param options.correct Yates' correction for 2×2 tables (default false)
 * @example
 * chiSquareTest([[12, 5], [7, 9]]).p;
 */
export function chiSquareTest(table: readonly (readonly number[])[], options: { correct?: boolean } = {}): ChiSquareResult {
	const rows = table.length;
	const cols = rows === 0 ? 0 : table[0].length;
	const rowSum = table.map((row) => row.reduce((s, v) => s + v, 0));
	const colSum = Array.from({ length: cols }, (_, j) => table.reduce((s, row) => s + row[j], 0));
	const total = rowSum.reduce((s, v) => s + v, 0);
	const expected = table.map((_, i) => colSum.map((c) => (rowSum[i] * c) / total));
	const liveRows = rowSum.filter((s) => s > 0).length;
	const liveCols = colSum.filter((s) => s > 0).length;
	const df = (liveRows - 1) * (liveCols - 1);
	const yates = (options.correct ?? false) && liveRows === 2 && liveCols === 2;
	let statistic = 0;
	let minExpected = Infinity;
	for (let i = 0; i < rows; i++) {
		for (let j = 0; j < cols; j++) {
			const e = expected[i][j];
			if (!(e > 0)) continue;
			minExpected = Math.min(minExpected, e);
			// R caps Yates' 0.5 at |O − E| so the correction never flips the sign.
			const diff = Math.abs(table[i][j] - e) - (yates ? Math.min(0.5, Math.abs(table[i][j] - e)) : 0);
			statistic += (diff * diff) / e;
		}
	}
	if (df <= 0) return { statistic: NaN, df, p: NaN, expected, minExpected: Number.isFinite(minExpected) ? minExpected : NaN };
	return { statistic, df, p: chiSquareUpperP(statistic, df), expected, minExpected };
}
