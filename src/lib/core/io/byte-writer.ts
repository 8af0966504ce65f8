const encoder = new TextEncoder();

/**
 * A growable byte buffer for assembling output without building one big string first. Short
 * pieces are copied by hand: for a few bytes that beats `subarray` + `set` or `encodeInto`.
 *
 * @example
 * const w = new ByteWriter(1024);
 * w.text('緯度,');
 * w.bytes(record, 0, record.length);
 * const out = w.result();
 */
export class ByteWriter {
	private buffer: Uint8Array;
	length = 0;

	constructor(capacity = 65536) {
		this.buffer = new Uint8Array(capacity);
	}

	/** Makes room for n more bytes. */
	reserve(n: number): void {
		if (this.length + n <= this.buffer.length) return;
		const bigger = new Uint8Array(Math.max(this.buffer.length * 2, this.length + n));
		bigger.set(this.buffer.subarray(0, this.length));
		this.buffer = bigger;
	}

	/** Copies `source[from, to)`. */
	bytes(source: Uint8Array, from: number, to: number): void {
		const n = to - from;
		this.reserve(n);
		const buffer = this.buffer;
		let at = this.length;
		if (n > 64) buffer.set(source.subarray(from, to), at);
		else for (let i = from; i < to; i++) buffer[at++] = source[i];
		this.length += n;
	}

	/**
	 * Copies `source` whole, without checking for room: for hot loops that called
	 * {@link reserve} for everything they write.
	 */
	put(source: Uint8Array): void {
		const buffer = this.buffer;
		let at = this.length;
		for (let i = 0; i < source.length; i++) buffer[at++] = source[i];
		this.length = at;
	}

	/** Appends one byte. */
	byte(value: number): void {
		this.reserve(1);
		this.buffer[this.length++] = value;
	}

	/** Appends text as UTF-8. */
	text(value: string): void {
		this.reserve(value.length * 3);
		this.length += encoder.encodeInto(value, this.buffer.subarray(this.length)).written;
	}

	/**
	 * Appends a non-negative number with at most three decimals, as `String(value)` writes it
	 * (no exponent, no trailing zeros): the value is handled as thousandths, in integers.
	 */
	thousandths(value: number): void {
		const scaled = Math.round(value * 1000);
		if (!(scaled >= 0 && scaled < 1e15)) return this.text(String(value));
		let whole = Math.floor(scaled / 1000);
		let fraction = scaled - whole * 1000;
		this.reserve(20);
		const buffer = this.buffer;
		let digits = 1;
		for (let power = 10; power <= whole; power *= 10) digits++;
		for (let d = digits - 1; d >= 0; d--) {
			buffer[this.length + d] = 0x30 + (whole % 10);
			whole = Math.floor(whole / 10);
		}
		this.length += digits;
		if (fraction === 0) return;
		buffer[this.length++] = 0x2e;
		let decimals = 3;
		while (fraction % 10 === 0) {
			fraction /= 10;
			decimals--;
		}
		for (let d = decimals - 1; d >= 0; d--) {
			buffer[this.length + d] = 0x30 + (fraction % 10);
			fraction = Math.floor(fraction / 10);
		}
		this.length += decimals;
	}

	/** The bytes written: a view, valid until the writer is written to again after {@link clear}. */
	result(): Uint8Array {
		return this.buffer.subarray(0, this.length);
	}

	/** Starts over, keeping the buffer (for a caller that has consumed `result()`). */
	clear(): void {
		this.length = 0;
	}
}
