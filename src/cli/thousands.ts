/**
 * A count with thousands separators, as `n.toLocaleString('en')` writes it: without the 20 ms that
 * Node's first `toLocaleString` spends loading ICU's number formats, which every run's summary paid.
 * Anything but a whole number is left to `toLocaleString`.
 *
 * @example
 * thousands(1234567); // '1,234,567'
 */
export function thousands(n: number): string {
	if (!Number.isSafeInteger(n)) return n.toLocaleString('en');
	const digits = String(Math.abs(n));
	let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
	for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
	return n < 0 || Object.is(n, -0) ? `-${out}` : out;
}
