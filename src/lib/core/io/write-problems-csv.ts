import { csvCell } from './csv-cell';
import { describeImportProblem, type ImportProblem } from './import-problem';

export interface ProblemsCsvOptions {
	/** Words each problem (default: the English sentence); the UI passes its own language. */
	describe?: (problem: ImportProblem) => string;
	/** Header names (default file, line, column, severity, message). */
	header?: readonly [string, string, string, string, string];
}

/**
 * The problems of an import as a CSV text a spreadsheet opens directly: a byte order mark, one row
 * per problem with file, line, column, severity and message, CRLF line ends, and every cell
 * formula-guarded (cells come from the user's file).
 *
 * @example
 * const text = problemsCsv([importProblem('a.csv', 3, { kind: 'missing', axis: 'latitude', column: 'lat' })]);
 * // file,line,column,severity,message
 * // a.csv,3,lat,error,"latitude (column ""lat"") is empty"
 */
export function problemsCsv(problems: readonly ImportProblem[], options: ProblemsCsvOptions = {}): string {
	const describe = options.describe ?? describeImportProblem;
	const header = options.header ?? ['file', 'line', 'column', 'severity', 'message'];
	const lines = [header.map((h) => csvCell(h)).join(',')];
	for (const p of problems) lines.push([p.file, String(p.line), p.column, p.severity, describe(p)].map((c) => csvCell(c)).join(','));
	return `\ufeff${lines.join('\r\n')}\r\n`;
}
