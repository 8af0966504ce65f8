/**
 * A command line that cannot work as written (unknown flag, missing value, bad number). The CLI
 * prints the message and a pointer to --help, and exits with status 2.
 */
export class UsageError extends Error {
	override readonly name = 'UsageError';
}
