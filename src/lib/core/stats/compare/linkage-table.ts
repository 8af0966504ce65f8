import { chiSquareTest } from './chi-square-test';
import { meanInterval } from './mean-interval';
import type { ChiSquareResult, Factor, LinkageCell, LinkageTable, ParsedColumn } from './types';

/**
 * An outcome by the levels of a linkage factor (distance band, communication frequency,
 * subcontractor status), each level split inside vs outside and overall, with the mean (share for
 * yes/no) and its 95 % interval per cell. Firms with group -1 are left out; firms whose factor is
 * missing are counted in `factorMissing`.
 *
 * @param column outcome from `parseColumn`
 * @param factor from `distanceBands` or `parseFactor`
 * @param group per firm 1 inside, 0 outside, -1 left out (a contrast's `group`, or the inside flags)
 * @example
 * const table = linkageTable(newProducts, distanceBands(km), contrast.group);
 * table.cells.filter((c) => c.group === 'inside').map((c) => c.mean.estimate);
 */
export function linkageTable(column: ParsedColumn, factor: Factor, group: ArrayLike<number>, options: { level?: number } = {}): LinkageTable {
	const n = column.values.length;
	if (factor.codes.length !== n || group.length !== n) {
		throw new Error(`linkageTable: ${n} outcome values, ${factor.codes.length} factor codes and ${group.length} group flags; pass one of each per firm.`);
	}
	const binary = column.kind === 'binary';
	const buckets = factor.levels.map(() => [[] as number[], [] as number[]]);
	const factorMissing = { inside: 0, outside: 0 };
	for (let i = 0; i < n; i++) {
		const g = group[i];
		if (g !== 0 && g !== 1) continue;
		const code = factor.codes[i];
		if (code < 0) {
			if (g === 1) factorMissing.inside++;
			else factorMissing.outside++;
			continue;
		}
		buckets[code][g === 1 ? 0 : 1].push(column.values[i]);
	}
	const cells: LinkageCell[] = [];
	factor.levels.forEach((level, k) => {
		const [inside, outside] = buckets[k];
		for (const [name, values] of [['inside', inside], ['outside', outside], ['all', [...inside, ...outside]]] as const) {
			const { n, missing, ...mean } = meanInterval(values, { binary, level: options.level });
			cells.push({ level, group: name, n, missing, mean });
		}
	});
	let chiSquare: LinkageTable['chiSquare'] = null;
	if (binary) {
		const test = (pick: (inside: number[], outside: number[]) => number[]): ChiSquareResult => {
			const yes: number[] = [];
			const no: number[] = [];
			for (const [inside, outside] of buckets) {
				let y = 0;
				let m = 0;
				for (const v of pick(inside, outside)) {
					if (v === 1) y++;
					else if (v === 0) m++;
				}
				yes.push(y);
				no.push(m);
			}
			return chiSquareTest([yes, no]);
		};
		chiSquare = { inside: test((a) => a), outside: test((_, b) => b), all: test((a, b) => [...a, ...b]) };
	}
	return { outcome: column.column, factor: factor.name, kind: column.kind, levels: [...factor.levels], cells, factorMissing, chiSquare };
}
