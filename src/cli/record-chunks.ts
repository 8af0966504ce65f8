import { closeSync, readSync } from 'node:fs';
import { openForReading } from './node-files';

/** A chunk that runs this long without a place to cut is read on one thread instead. */
const MAX_UNCUT = 64 << 20;

/** No record boundary in the first {@link MAX_UNCUT} bytes (lone CR line ends, or a stray quote). */
export class NoRecordBoundary extends Error {}

/**
 * The end of the last complete record in `bytes`, which start at a record boundary: just after the
 * last LF outside quotes, counting quotes (a doubled quote counts twice, so only the parity
 * matters). That is where the CSV reader ends a record as long as every quote is well formed,
 * which the reader of each chunk checks. -1 when there is none.
 *
 * @example
 * lastRecordEnd(new TextEncoder().encode('a,"x\ny"\nb')); // 8
 */
export function lastRecordEnd(bytes: Uint8Array): number {
	// Buffer's searches are much faster than Uint8Array's on megabytes.
	if (!Buffer.isBuffer(bytes)) bytes = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
	const quotes: number[] = [];
	for (let q = bytes.indexOf(0x22); q !== -1; q = bytes.indexOf(0x22, q + 1)) quotes.push(q);
	let before = quotes.length;
	let lf = bytes.lastIndexOf(0x0a);
	while (lf !== -1) {
		while (before > 0 && quotes[before - 1] > lf) before--;
		if (before % 2 === 0) return lf + 1;
		// Inside a quoted cell: look before the quote that opened it.
		lf = before > 0 ? bytes.lastIndexOf(0x0a, quotes[before - 1]) : -1;
	}
	return -1;
}

/**
 * A file in chunks of about `chunkBytes` that each end at a record boundary (the last one at the
 * end of the file), with the bytes read so far. Every chunk but the first starts with `prefix`
 * (the header, for the chunk's reader), in the same buffer: nothing is copied twice.
 *
 * @throws NoRecordBoundary past {@link MAX_UNCUT} bytes without one
 */
export function* recordChunks(path: string, prefix: Uint8Array, chunkBytes = 4 << 20): Generator<{ bytes: Uint8Array; bytesRead: number }> {
	const fd = openForReading(path);
	try {
		let carry: Uint8Array = new Uint8Array(0);
		let bytesRead = 0;
		let head: Uint8Array = new Uint8Array(0);
		for (;;) {
			// The prefix, the rest of the last chunk, then the file's next bytes straight after them.
			const buffer = new Uint8Array(head.length + carry.length + chunkBytes);
			buffer.set(head);
			buffer.set(carry, head.length);
			const n = readSync(fd, buffer, head.length + carry.length, chunkBytes, null);
			bytesRead += n;
			const bytes = buffer.subarray(head.length, head.length + carry.length + n);
			if (n === 0) {
				if (bytes.length > 0) yield { bytes: buffer.subarray(0, head.length + bytes.length), bytesRead };
				return;
			}
			const cut = lastRecordEnd(bytes);
			if (cut <= 0) {
				if (bytes.length > MAX_UNCUT) throw new NoRecordBoundary();
				carry = bytes.slice();
				continue;
			}
			carry = bytes.slice(cut);
			yield { bytes: buffer.subarray(0, head.length + cut), bytesRead };
			head = prefix;
		}
	} finally {
		closeSync(fd);
	}
}
