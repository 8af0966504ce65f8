import { closeSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BufferPool } from '../lib/core/io/buffer-pool';
import { CHUNK_HEADROOM } from '../lib/core/io/read-csv';
import { InputError } from '../lib/core/io/input-error';

/** Longest a run goes without letting signal handlers in, in milliseconds. */
const SIGNAL_LATENCY_MS = 50;

/**
 * A file's bytes in 4 MiB chunks: fresh ones (the CSV reader may keep references into them), or
 * taken from `pool` for a reader given the same pool, which makes a batch of each (in place: each
 * chunk is read {@link CHUNK_HEADROOM} bytes into its buffer, room for the record the last batch
 * left unfinished) or copies them and gives them back. Reads are synchronous: the CLI has nothing
 * else to do meanwhile but to notice an interruption.
 *
 * @example
 * for await (const batch of readFirmsCsv(fileChunks('firms.csv'), { file: 'firms.csv' })) …
 */
export async function* fileChunks(path: string, chunkBytes = 4 << 20, pool?: BufferPool): AsyncGenerator<Uint8Array> {
	const fd = openForReading(path);
	let turn = Date.now();
	try {
		for (;;) {
			// Reading, classifying and writing a chunk never waits for anything, so a whole run could
			// pass without the event loop turning: let it turn now and then, or SIGINT would wait.
			if (Date.now() - turn >= SIGNAL_LATENCY_MS) {
				await new Promise((resolve) => setImmediate(resolve));
				turn = Date.now();
			}
			const room = pool ? CHUNK_HEADROOM : 0;
			const buffer = pool?.bytes(room + chunkBytes) ?? new Uint8Array(chunkBytes);
			const n = readSync(fd, buffer, room, chunkBytes, null);
			if (n === 0) return;
			yield room === 0 && n === chunkBytes ? buffer : buffer.subarray(room, room + n);
		}
	} finally {
		closeSync(fd);
	}
}

/**
 * Size of a readable regular file, for progress.
 *
 * @throws InputError when it is missing, a directory, or unreadable
 */
export function fileSize(path: string): number {
	closeSync(openForReading(path));
	return statSync(path).size;
}

/**
 * The first bytes of a file (fewer if it is shorter).
 *
 * @throws InputError when it is missing, a directory, or unreadable
 */
export function readHead(path: string, bytes: number): Uint8Array {
	const fd = openForReading(path);
	try {
		const buffer = new Uint8Array(bytes);
		return buffer.subarray(0, readSync(fd, buffer, 0, bytes, 0));
	} finally {
		closeSync(fd);
	}
}

/**
 * Features rather than CSV: GeoJSON by extension, a zipped Shapefile (.zip), or by content for a
 * file whose first character is `{` or that starts as a zip does ("PK").
 */
export function isGeoJson(path: string): boolean {
	if (/\.(geo)?json$/i.test(path) || /\.zip$/i.test(path)) return true;
	if (/\.(csv|tsv|txt)$/i.test(path)) return false;
	const head = readHead(path, 64);
	if (head[0] === 0x50 && head[1] === 0x4b) return true;
	return /^\s*\{/.test(new TextDecoder().decode(head).replace(/^\ufeff/, ''));
}

/**
 * A whole (small) file.
 *
 * @throws InputError when it is missing, a directory, or unreadable
 */
export function readWhole(path: string): Uint8Array {
	closeSync(openForReading(path));
	return readFileSync(path);
}

/** @throws InputError when the file is missing, a directory, or unreadable */
export function openForReading(path: string): number {
	let fd: number;
	try {
		fd = openSync(path, 'r');
	} catch (error) {
		throw fileError(path, error, 'read');
	}
	if (statSync(path).isDirectory()) {
		closeSync(fd);
		throw new InputError(path, 'is a directory, not a file', { hint: 'Give the path of the file itself.' });
	}
	return fd;
}

function fileError(path: string, error: unknown, action: 'read' | 'write'): InputError {
	const code = (error as NodeJS.ErrnoException).code;
	if (code === 'ENOENT') {
		return action === 'read'
			? new InputError(path, 'does not exist', { hint: 'Check the path (it is relative to the current directory).' })
			: new InputError(path, 'cannot be written: its directory does not exist', { hint: 'Create the directory first, or choose another --out.' });
	}
	if (code === 'EACCES' || code === 'EPERM') return new InputError(path, `cannot be ${action === 'read' ? 'read' : 'written'}: permission denied`);
	if (code === 'EISDIR') return new InputError(path, 'is a directory, not a file');
	return new InputError(path, `cannot be ${action === 'read' ? 'read' : 'written'} (${code ?? String(error)})`);
}

/**
 * Refuses an output path that is one of the inputs (the same path, or another name of the same
 * file: a hard or symbolic link), before anything is read: renaming the finished output into place
 * would replace the input.
 *
 * @throws InputError naming both
 */
export function refuseOutputOverInput(out: string, inputs: { option: string; path: string }[]): void {
	const outStat = statOrNull(out);
	for (const { option, path } of inputs) {
		const inStat = statOrNull(path);
		const same = resolve(out) === resolve(path) || (outStat !== null && inStat !== null && outStat.dev === inStat.dev && outStat.ino === inStat.ino);
		if (same) {
			throw new InputError(out, `is the ${option} file${resolve(out) === resolve(path) ? '' : ` ${path} under another name (a link)`}: writing it would replace the input`, {
				hint: 'Choose another --out; the input is left as it is.'
			});
		}
	}
}

function statOrNull(path: string) {
	try {
		return statSync(path);
	} catch {
		return null;
	}
}

/** Partial outputs of this process, removed if it is interrupted. */
const openOutputs = new Set<AtomicOutput>();
let signalsHandled = false;

/**
 * On SIGINT or SIGTERM, removes every partial output, says so and exits with 128 + the signal's
 * number (130, 143), as shells report an interrupted command.
 */
function handleInterruptions(): void {
	if (signalsHandled) return;
	signalsHandled = true;
	for (const [signal, status] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
		process.on(signal, () => {
			const paths = [...openOutputs].map((output) => output.path);
			for (const output of openOutputs) output.abandon();
			process.stderr.write(`\ncluster-map: interrupted (${signal}); nothing was written${paths.length > 0 ? ` to ${paths.join(', ')}` : ''}\n`);
			process.exit(status);
		});
	}
}

/**
 * An output file written beside its final path and renamed into place on `commit`, so a failed
 * or interrupted run never leaves a half-written file that looks complete, nor the partial file.
 */
export class AtomicOutput {
	private readonly temporary: string;
	private fd: number;

	constructor(readonly path: string) {
		this.temporary = `${path}.partial-${process.pid}`;
		// Before the file exists: a signal between creating it and listening would leave it behind.
		handleInterruptions();
		try {
			this.fd = openSync(this.temporary, 'w');
		} catch (error) {
			throw fileError(path, error, 'write');
		}
		openOutputs.add(this);
	}

	/** @throws InputError when the disk is full or the write fails otherwise (the partial file is removed) */
	write(bytes: Uint8Array | string): void {
		const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
		let at = 0;
		try {
			while (at < data.length) at += writeSync(this.fd, data, at, data.length - at);
		} catch (error) {
			this.abandon();
			throw writeError(this.path, error);
		}
	}

	commit(): void {
		try {
			closeSync(this.fd);
			renameSync(this.temporary, this.path);
		} catch (error) {
			this.abandon();
			throw writeError(this.path, error);
		}
		openOutputs.delete(this);
	}

	abandon(): void {
		openOutputs.delete(this);
		try {
			closeSync(this.fd);
		} catch {
			// already closed
		}
		rmSync(this.temporary, { force: true });
	}
}

function writeError(path: string, error: unknown): InputError {
	const code = (error as NodeJS.ErrnoException).code;
	if (code === 'ENOSPC' || code === 'EDQUOT') {
		return new InputError(path, `could not be written: ${code === 'ENOSPC' ? 'the disk is full' : 'the disk quota is used up'} (${code}); nothing was written`, {
			hint: 'Free some space, or choose an --out on another disk, and run again.'
		});
	}
	return fileError(path, error, 'write');
}
