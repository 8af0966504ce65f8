import { COLUMN_NAMES, columnsFor, InputError } from '../lib/core/io';

/**
 * The address column of a header: the one named by --address-column, else the one column whose name
 * announces an address (住所, 所在地, 本社所在地, address, addr; any case, full-width or not).
 *
 * @throws InputError (exit 2) when the named column is missing, or there is none or more than one candidate
 * @example
 * addressColumn(['会社名', '住所', '業種'], undefined, 'firms.csv'); // 1
 */
export function addressColumn(header: readonly string[], given: string | undefined, file: string): number {
	const columns = header.map((h) => JSON.stringify(h)).join(', ');
	if (given !== undefined) {
		const i = header.indexOf(given);
		if (i >= 0) return i;
		throw new InputError(file, `has no column ${JSON.stringify(given)} (the columns are ${columns})`, { line: 1, hint: 'Give --address-column one of these names exactly.' });
	}
	const found = columnsFor(header, 'address');
	if (found.length === 1) return found[0];
	if (found.length === 0) {
		throw new InputError(file, `has no address column (looked for ${COLUMN_NAMES.address.join(', ')}; the columns are ${columns})`, {
			line: 1,
			hint: 'Name the address column 住所, or give its name with --address-column.'
		});
	}
	const names = found.map((i) => JSON.stringify(header[i])).join(' and ');
	throw new InputError(file, `has several address columns: ${names}`, { line: 1, hint: `Choose one with --address-column, e.g. --address-column ${JSON.stringify(header[found[0]])}.` });
}
