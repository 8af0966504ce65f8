/**
 * A file that cannot be used as given: unreadable, empty, in an unknown encoding, without
 * coordinate columns, not GeoJSON, without polygons… The message names the problem; `hint` says
 * what to do. Callers (the CLI, the import dialog) show {@link InputError.describe} as one line.
 *
 * Row-level problems (one bad coordinate) are not errors: the row is kept and its problem noted.
 */
export class InputError extends Error {
	override readonly name = 'InputError';
	/** The file as the user named it. */
	readonly file: string;
	/** 1-based line in the file (the header is line 1), when the problem is at one place. */
	readonly line?: number;
	/** The column (header name) concerned, when there is one. */
	readonly column?: string;
	/** What the user can do about it. */
	readonly hint?: string;

	/**
	 * @example
	 * throw new InputError('firms.csv', 'has no latitude column', {
	 * 	hint: 'name the column lat, latitude or 緯度'
	 * });
	 */
	constructor(file: string, message: string, options: { line?: number; column?: string; hint?: string } = {}) {
		super(message);
		this.file = file;
		this.line = options.line;
		this.column = options.column;
		this.hint = options.hint;
	}

	/**
	 * One line for a terminal or a status bar: `file:line: message (column "x"). Hint.`
	 *
	 * @example
	 * new InputError('a.csv', 'is empty', { hint: 'Export it again.' }).describe(); // 'a.csv: is empty. Export it again.'
	 */
	describe(): string {
		const where = this.line === undefined ? this.file : `${this.file}:${this.line}`;
		const column = this.column === undefined ? '' : ` (column "${this.column}")`;
		const stop = /[.!?]$/.test(this.message) && column === '' ? '' : '.';
		const hint = this.hint === undefined ? '' : ` ${this.hint}`;
		return `${where}: ${this.message}${column}${stop}${hint}`;
	}
}
