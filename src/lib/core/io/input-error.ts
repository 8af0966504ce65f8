/**
 * What is wrong with a file, for wording it in the UI language (`import.error.<code>`); `params`
 * hold the parts of the message that vary. Every code has an English and a Japanese text (a test
 * checks that every code thrown in this folder has both).
 */
export const INPUT_ERROR_CODES = [
	'empty',
	'unknown-encoding',
	'utf-32',
	'invalid-bytes',
	'too-large',
	'no-rows',
	'header-only',
	'record-too-long',
	'unclosed-quote',
	'no-coordinate-column',
	'invalid-json',
	'invalid-json-csv',
	'not-feature-collection',
	'features-missing',
	'too-deep',
	'no-features',
	'no-polygons',
	'no-usable-polygon',
	'unknown-district',
	'zip-unreadable',
	'shapefile-no-shp',
	'shapefile-no-dbf',
	'prj-unreadable',
	'crs-projected',
	'crs-other-datum',
	'shapefile-damaged',
	'shapefile-not-degrees',
	'institutions-no-id',
	'institutions-none-usable',
	'session-invalid-json',
	'not-session-file',
	'session-too-new'
] as const;
export type InputErrorCode = (typeof INPUT_ERROR_CODES)[number];

/** The varying parts of an {@link InputError}'s message, by name. */
export type InputErrorParams = Record<string, string | number>;

export interface InputErrorOptions {
	line?: number;
	column?: string;
	hint?: string;
	/** What is wrong, for a translated message; errors of the command-line tool alone need none. */
	code?: InputErrorCode;
	params?: InputErrorParams;
}

/**
 * A file that cannot be used as given: unreadable, empty, in an unknown encoding, without
 * coordinate columns, not GeoJSON, without polygons… The message names the problem; `hint` says
 * what to do. The CLI shows {@link InputError.describe} as one line (English); the import dialog
 * words `code` and `params` in the UI language.
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
	readonly code?: InputErrorCode;
	readonly params: InputErrorParams;

	/**
	 * @example
	 * throw new InputError('firms.csv', 'is empty', { code: 'empty', hint: 'Choose a file with a header row and data rows.' });
	 */
	constructor(file: string, message: string, options: InputErrorOptions = {}) {
		super(message);
		this.file = file;
		this.line = options.line;
		this.column = options.column;
		this.hint = options.hint;
		this.code = options.code;
		this.params = options.params ?? {};
	}

	/**
	 * One line for a terminal or a status bar: `file:line: message (column "x"). Hint.`
	 *
	 * @example
	 * new InputError('a.csv', 'is empty', { code: 'empty', hint: 'Export it again.' }).describe(); // 'a.csv: is empty. Export it again.'
	 */
	describe(): string {
		const where = this.line === undefined ? this.file : `${this.file}:${this.line}`;
		const column = this.column === undefined ? '' : ` (column "${this.column}")`;
		const stop = /[.!?]$/.test(this.message) && column === '' ? '' : '.';
		const hint = this.hint === undefined ? '' : ` ${this.hint}`;
		return `${where}: ${this.message}${column}${stop}${hint}`;
	}
}
