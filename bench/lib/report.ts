/** What a benchmark module hands the runner: a titled table and notes (markdown). */
export interface BenchResult {
	title: string;
	columns: string[];
	rows: (string | number)[][];
	notes: string[];
}

/** A benchmark module: bench/*.bench.ts exports `name` and `run(report)`. */
export interface BenchModule {
	name: string;
	run(report: (result: BenchResult) => void): Promise<void> | void;
}

/**
 * Renders a result as a markdown section.
 *
 * @example
 * toMarkdown({ title: 'x', columns: ['a'], rows: [[1]], notes: [] }); // '### x\n\n| a |\n| --- |\n| 1 |\n'
 */
export function toMarkdown(result: BenchResult): string {
	const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
	return [`### ${result.title}`, '', line(result.columns), line(result.columns.map(() => '---')), ...result.rows.map(line), '', ...result.notes.map((n) => `- ${n}`), ''].join('\n');
}
