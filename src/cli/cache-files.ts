import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The files of the command's caches (checked zones, index cells): read as most recently used,
 * written under another name and renamed into place (a run started meanwhile never reads half an
 * entry), the least recently used removed past a count or a size. Nothing here ever stops a run:
 * an entry that cannot be read is none, one that cannot be written is not kept.
 */

/** How many entries of one kind (file ending) a folder keeps, and how many bytes together (the newest is always kept). */
export interface EntryLimits {
	ending: string;
	entries: number;
	bytes: number;
}

/** The entry at `path` as `decode` reads it, touched as most recently used; null, and removed, when `decode` refuses it. */
export function readEntry<T>(path: string, decode: (bytes: Uint8Array) => T | null): T | null {
	let bytes: Uint8Array;
	try {
		bytes = readFileSync(path);
	} catch {
		return null;
	}
	const found = decode(bytes);
	if (found === null) {
		forget(path);
		return null;
	}
	try {
		const now = new Date();
		utimesSync(path, now, now); // most recently used: the last to be pruned
	} catch {
		// read-only: kept as it is
	}
	return found;
}

/** Writes the entry at `path`, then prunes its folder to `limits`. */
export function writeEntry(path: string, bytes: Uint8Array, limits: EntryLimits): void {
	const partial = `${path}.partial-${process.pid}`;
	try {
		mkdirSync(dirname(path), { recursive: true });
		writeFileSync(partial, bytes);
		renameSync(partial, path); // atomic: a run started meanwhile never reads half an entry
		prune(dirname(path), limits);
	} catch {
		forget(partial);
	}
}

/** SHA-256 of an entry's bytes after its header, which holds it. */
export function digestAfter(bytes: Uint8Array, headerBytes: number): Uint8Array {
	return createHash('sha256').update(bytes.subarray(headerBytes)).digest();
}

/**
 * Removes the least recently used entries past the limits (the newest is always kept), and
 * entries half written by a run stopped an hour or more ago.
 */
function prune(dir: string, { ending, entries, bytes }: EntryLimits): void {
	const names = readdirSync(dir);
	const stale = Date.now() - 3600_000;
	for (const name of names) if (name.includes(`${ending}.partial-`) && statSync(join(dir, name)).mtimeMs < stale) forget(join(dir, name));
	let total = 0;
	names
		.filter((name) => name.endsWith(ending))
		.map((name) => ({ path: join(dir, name), stat: statSync(join(dir, name)) }))
		.sort((a, b) => b.stat.mtimeMs - a.stat.mtimeMs)
		.forEach(({ path, stat }, i) => {
			total += stat.size;
			if (i > 0 && (i >= entries || total > bytes)) forget(path);
		});
}

/** Removes a file of the cache if it can. */
function forget(path: string): void {
	try {
		rmSync(path, { force: true });
	} catch {
		// not ours to remove, or already gone with its folder
	}
}
