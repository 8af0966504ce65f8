import { recordCell } from './cell-text';
import type { CsvRecords } from './scan-csv-records';

const RECORD_PLAIN_FLAGS = 4; // RECORD_FORMULA_START only: no quote anywhere in the record

/** Collects the id of each row, then tells which rows repeat an earlier row's id. */
export interface DuplicateIdFinder {
	/** Notes the id of the next row. */
	addText(id: string): void;
	/** Notes the id of the next row: cell c of CSV record r, read from its bytes where it can be. */
	addRecordCell(records: CsvRecords, r: number, c: number): void;
	/**
	 * For every row whose id an earlier row has: the row and the first row with that id, in row
	 * order. `textOf(row)` gives back a row's id (it is read only for rows whose ids hash alike).
	 */
	repeats(textOf: (row: number) => string): { row: number; first: number }[];
}

/**
 * A finder of rows that share an id (results keyed by id could not tell them apart), for a
 * million rows: ids are compared as written, after trimming spaces; empty ids are ignored, as by
 * `duplicateIds`, which is simpler and tells as rows go by.
 *
 * Written by hand rather than with a Map of id strings: on a million rows that Map, and the id
 * strings made for it, cost more than reading the rest of the file. Here each id is hashed from
 * its bytes as the row goes by, the hashes are grouped once at the end (a counting sort on their
 * low bits), and only ids whose hashes meet are read as text and compared.
 *
 * @example
 * const ids = duplicateIdFinder();
 * for (const id of ['F1', 'F2', 'F1 ']) ids.addText(id);
 * ids.repeats((row) => ['F1', 'F2', 'F1 '][row].trim()); // [{ row: 2, first: 0 }]
 */
export function duplicateIdFinder(): DuplicateIdFinder {
	let hashes = new Uint32Array(1024);
	let present = new Uint8Array(1024);
	let count = 0;
	const add = (hash: number, empty: boolean) => {
		if (count === hashes.length) {
			hashes = grown(hashes);
			present = grown(present);
		}
		hashes[count] = hash;
		present[count++] = empty ? 0 : 1;
	};
	const addText = (id: string) => {
		const key = id.trim();
		add(hashUnits(key), key === '');
	};
	return {
		addText,
		addRecordCell(records, r, c) {
			const k = records.firstCell[r] + c;
			const b = records.bytes;
			if (c < 0 || k >= records.firstCell[r + 1]) return add(0, true);
			const s = records.cellStart[k];
			const e = records.cellEnd[k];
			// Fast path: an unquoted ASCII id without spaces around it; its bytes are its UTF-16 units.
			if ((records.flags[r] & ~RECORD_PLAIN_FLAGS) === 0 && s < e && !isAsciiSpace(b[s]) && !isAsciiSpace(b[e - 1])) {
				let hash = FNV_OFFSET;
				let ascii = true;
				for (let i = s; i < e; i++) {
					if (b[i] >= 0x80) {
						ascii = false;
						break;
					}
					hash = Math.imul(hash ^ b[i], FNV_PRIME);
				}
				if (ascii) return add(finalMix(hash), false);
			}
			addText(recordCell(records, r, c));
		},
		repeats(textOf) {
			return groupRepeats(hashes.subarray(0, count), present, textOf);
		}
	};
}

function groupRepeats(hashes: Uint32Array, present: Uint8Array, textOf: (row: number) => string): { row: number; first: number }[] {
	const n = hashes.length;
	const bits = Math.max(1, Math.ceil(Math.log2(n + 1)));
	const mask = (1 << bits) - 1;
	const bucketStart = new Uint32Array(mask + 2);
	for (let i = 0; i < n; i++) if (present[i]) bucketStart[(hashes[i] & mask) + 1]++;
	for (let b = 0; b <= mask; b++) bucketStart[b + 1] += bucketStart[b];
	const fill = bucketStart.slice(0, mask + 1);
	const order = new Uint32Array(bucketStart[mask + 1]);
	// Stable: within a bucket, rows stay in row order.
	for (let i = 0; i < n; i++) if (present[i]) order[fill[hashes[i] & mask]++] = i;
	const firstOf = new Int32Array(n).fill(-1);
	for (let b = 0; b <= mask; b++) {
		const from = bucketStart[b];
		const to = bucketStart[b + 1];
		if (to - from < 2) continue;
		let seen: Map<string, number> | null = null;
		for (let j = from; j < to; j++) {
			const row = order[j];
			// Only rows whose full hash another row in the bucket shares are read as text.
			let alike = false;
			for (let m = from; m < to && !alike; m++) alike = m !== j && hashes[order[m]] === hashes[row];
			if (!alike) continue;
			const key = `${hashes[row]}:${textOf(row).trim()}`;
			seen ??= new Map();
			const first = seen.get(key);
			if (first === undefined) seen.set(key, row);
			else firstOf[row] = first;
		}
	}
	const repeats: { row: number; first: number }[] = [];
	for (let i = 0; i < n; i++) if (firstOf[i] >= 0) repeats.push({ row: i, first: firstOf[i] });
	return repeats;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over UTF-16 units, then mixed so that the low bits (the bucket) depend on every unit. */
function hashUnits(text: string): number {
	let hash = FNV_OFFSET;
	for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
	return finalMix(hash);
}

/** MurmurHash3's finaliser. */
function finalMix(h: number): number {
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	return (h ^ (h >>> 16)) >>> 0;
}

/** Characters String.prototype.trim removes that are ASCII: tab, line breaks, vertical tab, form feed, space. */
function isAsciiSpace(c: number): boolean {
	return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

function grown<T extends Uint32Array | Uint8Array>(array: T): T {
	const bigger = new (array.constructor as new (length: number) => T)(array.length * 2);
	bigger.set(array);
	return bigger;
}
