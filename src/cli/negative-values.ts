/**
 * The arguments with a negative number after a value option joined to it (`--seed -1` →
 * `--seed=-1`): node's parseArgs reads "-1" as an option and would say the value is missing,
 * when the value is there and out of range, which the option's own check then says.
 *
 * @example
 * joinNegativeValues(['--permutations', '-1']); // ['--permutations=-1']
 */
export function joinNegativeValues(argv: readonly string[]): string[] {
	const out: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const next = argv[i + 1];
		if (/^--[a-z][a-z-]*$/.test(argv[i]) && next !== undefined && /^-(\d|\.\d)/.test(next)) {
			out.push(`${argv[i]}=${next}`);
			i++;
		} else out.push(argv[i]);
	}
	return out;
}
