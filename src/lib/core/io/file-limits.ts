import { InputError } from './input-error';

/**
 * Largest files the app imports, in bytes. CSV streams, but every row is kept (for display and
 * export), so memory grows with the file: 256 MB is about 3.5 million firms. GeoJSON and zipped
 * Shapefiles are read whole.
 */
export const IMPORT_LIMITS = { csv: 256 * 1024 * 1024, whole: 100 * 1024 * 1024 } as const;

/**
 * Throws a message stating the limit when a file is larger than it.
 *
 * @param size the file's size in bytes
 * @throws InputError when `size` is over `limit`
 * @example
 * checkFileSize('firms.csv', file.size, IMPORT_LIMITS.csv);
 */
export function checkFileSize(file: string, size: number, limit: number): void {
	if (size <= limit) return;
	const mb = (n: number) => `${Math.ceil(n / (1024 * 1024)).toLocaleString('en')} MB`;
	throw new InputError(file, `is ${mb(size)}, more than the ${mb(limit)} that can be imported`, {
		code: 'too-large',
		params: { size: Math.ceil(size / (1024 * 1024)), limit: Math.ceil(limit / (1024 * 1024)) },
		hint: 'Split it into smaller files, or use the cluster-map command, which has no size limit.'
	});
}
