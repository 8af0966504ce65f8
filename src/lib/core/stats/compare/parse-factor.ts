import type { Factor } from './types';

const BLANK = new Set(['', '-', 'na', 'n/a', 'nan', 'null', '無回答', '不明']);

/**
 * Reads a categorical column (communication frequency, subcontractor status…) into level codes.
 * With `levels` the order is theirs (ordinal variables: none, yearly, monthly, weekly) and
 * `aliases` map other spellings onto them (e.g. 週 → weekly); a cell matching no level is coded -1
 * and listed in `unmatched`. Without `levels` every distinct non-blank text becomes a level, in
 * order of first appearance. Matching ignores case and surrounding space.
 *
 * @example
 * parseFactor(['weekly', 'none', '', '月1回'], {
 *   name: 'rd_communication',
 *   levels: ['none', 'yearly', 'monthly', 'weekly'],
 *   aliases: { 月1回: 'monthly' }
 * });
 * // → codes [3, 0, -1, 2]
 */
export function parseFactor(
	values: readonly string[],
	options: { name: string; levels?: readonly string[]; aliases?: Readonly<Record<string, string>> }
): Factor & { unmatched: { index: number; value: string }[] } {
	const key = (text: string) => (text ?? '').normalize('NFKC').trim().toLowerCase();
	const levels = options.levels ? [...options.levels] : [];
	const lookup = new Map(levels.map((level, i) => [key(level), i]));
	for (const [alias, level] of Object.entries(options.aliases ?? {})) {
		const at = lookup.get(key(level));
		if (at === undefined) throw new Error(`parseFactor: alias "${alias}" points to "${level}", which is not one of the levels ${levels.join(', ')}.`);
		lookup.set(key(alias), at);
	}
	const open = options.levels === undefined;
	const codes = new Int32Array(values.length);
	const unmatched: { index: number; value: string }[] = [];
	values.forEach((value, index) => {
		const k = key(value);
		if (BLANK.has(k)) return void (codes[index] = -1);
		let code = lookup.get(k);
		if (code === undefined && open) {
			code = levels.push(value.trim()) - 1;
			lookup.set(k, code);
		}
		if (code === undefined) unmatched.push({ index, value });
		codes[index] = code ?? -1;
	});
	return { name: options.name, levels, codes, unmatched };
}
