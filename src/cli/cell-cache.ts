import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { EngineCells } from '../lib/core/firm-results';
import type { BuiltCells } from '../lib/core/index';
import type { InstitutionPoint } from '../lib/core/io';
import type { ZoneCache } from './zone-cache';
import { digestAfter, readEntry, writeEntry, type EntryLimits } from './cache-files';

/**
 * The cells the engine's zone and institution indexes built in a run (`BuiltCells`), kept in the
 * zone cache's folder for the next run over the same zones and institutions: a run then starts
 * with the cells where the firms of the runs before were, instead of building them while its
 * first batches wait (about 60 ms of a million-firm run over 2,000 zones, as much of a
 * 100,000-firm one). Zones' cells are found by their checked zones' key, institutions' by their
 * coordinates; an entry carries its SHA-256, and one that is damaged or of another grid is not
 * used. Kept again only when the run built an eighth more cells than it started with.
 */
export interface KeptCells {
	cache: ZoneCache;
	/** The entries' keys: the zones' when their checked zones come from the cache, the institutions' when given. */
	keys: { zones?: string; institutions?: string };
	/** Cells each index started with (0: none kept). */
	had: { zones: number; institutions: number };
}

const FORMAT = 1;
const MAGIC = 0x5443_4d43; // "CMCT", little-endian
/** Magic, format, node count, entry count, source length, 0, then the SHA-256 of everything after the header at 24. */
const HEADER_BYTES = 56;
const GRID_BYTES = 56;
/** The sixteen most recently used entries are kept. */
const LIMITS: EntryLimits = { ending: '.cells', entries: 16, bytes: Infinity };
/** An entry larger than this is not kept (cells refined in many places). */
const MAX_BYTES = 64 << 20;

/** The key of the cells of the zones kept under `zonesKey`, or of institutions at these coordinates. */
export function cellsKey(what: { zonesKey: string } | { institutions: readonly InstitutionPoint[] }): string {
	const hash = createHash('sha256').update(`cluster-map cells ${FORMAT} ${'zonesKey' in what ? `zones ${what.zonesKey}` : 'institutions'}\0`);
	if ('institutions' in what) hash.update(new Uint8Array(Float64Array.from(what.institutions.flatMap((i) => [i.lon, i.lat])).buffer));
	return hash.digest('hex');
}

/** The cells kept for `keys`, and how many each has, to give the engine. */
export function readCells(cache: ZoneCache, keys: KeptCells['keys']): { built: EngineCells; kept: KeptCells } {
	const zones = keys.zones ? read(cache, keys.zones) : null;
	const institutions = keys.institutions ? read(cache, keys.institutions) : null;
	return {
		built: { zones: zones ?? undefined, institutions: institutions ?? undefined },
		kept: { cache, keys, had: { zones: zones?.child.length ?? 0, institutions: institutions?.child.length ?? 0 } }
	};
}

/** Keeps the cells an engine built, those that grew by an eighth or more since the run began. */
export function keepCells(kept: KeptCells, built: EngineCells): void {
	for (const what of ['zones', 'institutions'] as const) {
		const key = kept.keys[what];
		const cells = built[what];
		if (key && cells && cells.child.length > kept.had[what] + (kept.had[what] >> 3)) write(kept.cache, key, cells);
	}
}

function read(cache: ZoneCache, key: string): BuiltCells | null {
	return readEntry(join(cache.dir, `${key}.cells`), decode);
}

function write(cache: ZoneCache, key: string, cells: BuiltCells): void {
	const bytes = encode(cells);
	if (bytes.length <= MAX_BYTES) writeEntry(join(cache.dir, `${key}.cells`), bytes, LIMITS);
}

/** Layout: the header, the grid (7 doubles), the source, then child, entry start and count per cell, then the entries. */
function encode({ grid, source, child, entryStart, entryCount, entries }: BuiltCells): Uint8Array {
	const n = child.length;
	const bytes = new Uint8Array(HEADER_BYTES + GRID_BYTES + 8 * source.length + 12 * n + 4 * entries.length);
	const view = new DataView(bytes.buffer);
	[MAGIC, FORMAT, n, entries.length, source.length, 0].forEach((value, i) => view.setUint32(i * 4, value, true));
	let at = HEADER_BYTES;
	for (const array of [grid, source, child, entryStart, entryCount, entries]) {
		bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
		at += array.byteLength;
	}
	bytes.set(digest(bytes), 24);
	return bytes;
}

function decode(bytes: Uint8Array): BuiltCells | null {
	if (bytes.length < HEADER_BYTES + GRID_BYTES) return null;
	// A copy at offset 0: typed-array views need their alignment, which a read buffer need not have.
	const own = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
	const view = new DataView(own.buffer, own.byteOffset, HEADER_BYTES);
	const [magic, format, n, entryTotal, sourceLength] = [0, 1, 2, 3, 4].map((i) => view.getUint32(i * 4, true));
	const cellsAt = HEADER_BYTES + GRID_BYTES + 8 * sourceLength;
	if (magic !== MAGIC || format !== FORMAT || own.length !== cellsAt + 12 * n + 4 * entryTotal) return null;
	if (!Buffer.from(digest(own)).equals(own.subarray(24, HEADER_BYTES))) return null; // damaged on disk
	const at = (k: number) => own.byteOffset + cellsAt + 4 * n * k;
	return {
		grid: new Float64Array(own.buffer, own.byteOffset + HEADER_BYTES, 7),
		source: new Float64Array(own.buffer, own.byteOffset + HEADER_BYTES + GRID_BYTES, sourceLength),
		child: new Int32Array(own.buffer, at(0), n),
		entryStart: new Uint32Array(own.buffer, at(1), n),
		entryCount: new Uint32Array(own.buffer, at(2), n),
		entries: new Uint32Array(own.buffer, at(3), entryTotal)
	};
}

/** SHA-256 of an entry's bytes after its header. */
function digest(bytes: Uint8Array): Uint8Array {
	return digestAfter(bytes, HEADER_BYTES);
}
