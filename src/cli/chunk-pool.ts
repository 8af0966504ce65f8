import { isUtf8 } from 'node:buffer';
import { serialize } from 'node:v8';
import type { Worker } from 'node:worker_threads';
import type { GeocodeLevel } from '../lib/core/geocode/geocoder';
import { readCsv, type CsvBatch } from '../lib/core/io/read-csv';
import { addressColumn } from './address-column';
import { chunkProcessor, type ChunkOutput, type ChunkSetup } from './chunk-job';
import { startWorker } from './engine-thread';
import { AtomicOutput, fileChunks, fileSize } from './node-files';
import type { Progress } from './progress';
import { recordChunks } from './record-chunks';

/**
 * The run on several threads could not be trusted or started (a stray quote, a read error, no
 * worker threads): the caller runs again on one thread, which gives the exact output or message.
 */
export class UseOneThread extends Error {}

/** Chunks queued on a worker at most: one being worked on and the next, so it never waits for this thread. */
const QUEUED_PER_WORKER = 2;

/**
 * Splits the firms file into chunks at record boundaries and has them read, classified and
 * written by the worker threads and by this thread (which also cuts the file and writes the
 * output): a chunk goes to a worker with fewer than {@link QUEUED_PER_WORKER} chunks queued, else
 * this thread does it itself. Each chunk's output is handed back in file order with the line on
 * which the chunk starts.
 *
 * @throws UseOneThread when the result could differ from the one-thread run's, or a worker fails
 * @example
 * await runChunks({ path: 'firms.csv', workers, setup }, (output, line, bytesRead) => out.write(output.bytes));
 */
export async function runChunks(
	options: { path: string; workers: ChunkWorkers; setup: ChunkSetup; chunkBytes?: number },
	onChunk: (output: ChunkOutput, firstLine: number, bytesRead: number) => void
): Promise<void> {
	const pool = options.workers.pool;
	try {
		if (options.workers.failure !== null) throw options.workers.failure;
		// Serialized once for every worker: zones are a large object graph.
		if (pool.length > 0) {
			const setup = serialize(options.setup);
			for (const worker of pool) worker.setUp(setup);
		}
		let here: ReturnType<typeof chunkProcessor> | null = null;
		const inFlight: { output: Promise<ChunkOutput>; done: boolean; bytesRead: number }[] = [];
		let line = 1;
		const handOldest = async () => {
			const { output: pending, bytesRead } = inFlight.shift()!;
			const output = await pending;
			if (output.malformed) throw new UseOneThread('a record with a stray quote');
			onChunk(output, line, bytesRead);
			line += output.breaks;
		};
		// Outputs wait here for an earlier chunk still in a worker: a bound on memory.
		const maxInFlight = QUEUED_PER_WORKER * pool.length + 8;
		let first = true;
		for (const { bytes, bytesRead } of recordChunks(options.path, options.setup.prefix, options.chunkBytes)) {
			const worker = pool.length > 0 ? pool.reduce((a, b) => (b.pending < a.pending ? b : a)) : null;
			if (worker && worker.pending < QUEUED_PER_WORKER) {
				const entry = { output: worker.process(bytes, first), done: false, bytesRead };
				const settle = () => void (entry.done = true);
				entry.output.then(settle, settle); // awaited in order; a failure surfaces there
				inFlight.push(entry);
			} else {
				here ??= chunkProcessor(options.setup);
				inFlight.push({ output: Promise.resolve(await here(bytes, first)), done: true, bytesRead });
				// Let the workers' finished chunks in (and an interruption).
				await new Promise((resolve) => setImmediate(resolve));
			}
			first = false;
			while (inFlight.length > 0 && inFlight[0].done) await handOldest();
			if (inFlight.length >= maxInFlight) await handOldest();
		}
		while (inFlight.length > 0) await handOldest();
	} catch (error) {
		if (error instanceof UseOneThread) throw error;
		throw new UseOneThread(error instanceof Error ? error.message : String(error));
	} finally {
		await options.workers.close();
	}
}

/**
 * {@link runChunks} into the output file: the header with the first chunk that has one, each
 * chunk's bytes in file order — GeoJSON features joined and closed exactly as the one-thread
 * writer joins and closes them — then the file put in place. On any failure the partial file goes
 * and the error is thrown again (`UseOneThread` included, for the caller's rerun).
 *
 * @param onChunk called with every chunk in file order, for tallies and progress
 * @example
 * await writeChunks({ path, out, header: (columns) => csv.header(columns), workers, setup, progress }, (chunk, line) => tally.add(shiftLines(chunk.tally, line)));
 */
export async function writeChunks(
	options: {
		path: string;
		out: string;
		/** The CSV header of these columns; null for GeoJSON. */
		header: ((columns: readonly string[]) => Uint8Array) | null;
		workers: ChunkWorkers;
		setup: ChunkSetup;
		progress: Progress;
	},
	onChunk: (chunk: ChunkOutput, firstLine: number, bytesRead: number) => void
): Promise<void> {
	const { header, progress } = options;
	const output = new AtomicOutput(options.out);
	let started = false;
	let features = false;
	try {
		const chunkBytes = Number(process.env.CLUSTER_MAP_BATCH_BYTES) || chunkSize(fileSize(options.path), options.workers.pool.length + 1);
		await runChunks({ path: options.path, workers: options.workers, setup: options.setup, chunkBytes }, (chunk, line, bytesRead) => {
			if (!started && chunk.columns) {
				started = true;
				output.write(header ? header(chunk.columns) : GEOJSON_START);
			}
			onChunk(chunk, line, bytesRead);
			if (chunk.bytes.length === 0) return;
			if (!header && features) output.write(GEOJSON_BETWEEN);
			output.write(chunk.bytes);
			features = true;
		});
		if (!header) output.write(features ? GEOJSON_END : GEOJSON_EMPTY_END);
		output.commit();
	} catch (error) {
		output.abandon();
		throw error;
	} finally {
		progress.clear();
	}
}

/**
 * About ten chunks a thread, from 256 KiB to 2 MiB: enough that the threads finish together (the
 * last chunk is at most a few tens of milliseconds of work) and that a small file is shared at all,
 * few enough that each chunk's fixed cost (a message each way, a reader and writer) stays small.
 */
export function chunkSize(fileBytes: number, threads: number): number {
	return Math.min(2 << 20, Math.max(256 << 10, Math.ceil(fileBytes / (10 * threads))));
}

/** The one-thread GeoJSON writer's frame (`createClassifiedGeoJsonWriter`), around the workers' features. */
const GEOJSON_START = '{"type":"FeatureCollection","features":[\n';
const GEOJSON_BETWEEN = ',\n';
const GEOJSON_END = '\n]}\n';
const GEOJSON_EMPTY_END = ']}\n';

/** Worker threads started ahead, while the zones are read; `close` when they are not used. */
export interface ChunkWorkers {
	pool: ChunkWorker[];
	/** Why they could not start, or null. */
	failure: unknown;
	close(): Promise<void>;
}

/**
 * Starts the chunk workers of a run on `threads` threads: this one and `threads` − 1 workers (they
 * load their code meanwhile).
 *
 * @example
 * const workers = startChunkWorkers(2); … await runChunks({ path, workers, setup }, onChunk);
 */
export function startChunkWorkers(threads: number): ChunkWorkers {
	const pool: ChunkWorker[] = [];
	let failure: unknown = null;
	try {
		for (let t = 1; t < threads; t++) pool.push(new ChunkWorker());
	} catch (error) {
		failure = error;
	}
	return { pool, failure, close: async () => void (await Promise.all(pool.map((w) => w.close()))) };
}

class ChunkWorker {
	pending = 0;
	private readonly worker: Worker;
	private readonly waiting = new Map<number, { resolve: (o: ChunkOutput) => void; reject: (e: unknown) => void }>();
	private next = 0;
	private failure: unknown = null;

	constructor() {
		this.worker = startWorker('chunk-worker', null);
		const fail = (error: unknown) => {
			this.failure ??= error;
			for (const { reject } of this.waiting.values()) reject(error);
			this.waiting.clear();
		};
		this.worker.on('error', fail);
		this.worker.on('exit', (code) => fail(new Error(`a worker thread stopped (exit code ${code})`)));
		this.worker.on('message', (message: { ready?: boolean; error?: string; id?: number; output?: ChunkOutput }) => {
			if (message.id === undefined) {
				if (message.ready === false) fail(new Error(message.error));
				return;
			}
			const waiting = this.waiting.get(message.id);
			this.waiting.delete(message.id);
			this.pending--;
			if (message.output) waiting?.resolve(message.output);
			else waiting?.reject(new Error(message.error));
		});
	}

	setUp(setup: Uint8Array): void {
		this.worker.postMessage({ setup });
	}

	process(bytes: Uint8Array, first: boolean): Promise<ChunkOutput> {
		if (this.failure !== null) return Promise.reject(this.failure);
		const id = this.next++;
		this.pending++;
		return new Promise((resolve, reject) => {
			this.waiting.set(id, { resolve, reject });
			this.worker.postMessage({ id, bytes, first }, [bytes.buffer as ArrayBuffer]);
		});
	}

	async close(): Promise<void> {
		this.worker.removeAllListeners('exit');
		await this.worker.terminate();
	}
}

/**
 * The file's first records as the CSV reader reads them, for a look at the header (the delimiter,
 * encoding and records are found as in the whole read: both look at the same first 64 KiB), from
 * at most 256 KiB instead of a whole 4 MiB batch.
 */
export function headBatches(path: string): AsyncGenerator<CsvBatch> {
	const batchBytes = Number(process.env.CLUSTER_MAP_BATCH_BYTES) || undefined;
	const headBytes = Math.min(batchBytes ?? Infinity, 256 << 10);
	return readCsv(fileChunks(path, headBytes), { file: path, isUtf8, batchBytes: headBytes, sampleBytes: batchBytes });
}

/**
 * What the chunk workers need to know of a UTF-8 CSV file, from its first batch (read here as the
 * one-thread reader reads it): header, delimiter, where the data starts. Null for other encodings,
 * which are read on one thread.
 */
export async function chunkPlan(batches: AsyncGenerator<CsvBatch>, args: { firms: string; format: 'csv' | 'geojson'; addressColumn?: string; minLevel: GeocodeLevel }, geocoding: boolean): Promise<Omit<ChunkSetup, 'engine' | 'output' | 'swap'> | null> {
	const first = await batches.next();
	await batches.return(undefined);
	if (first.done || first.value.encoding !== 'utf-8') return null;
	const { header, records, delimiter } = first.value;
	return {
		file: args.firms,
		delimiter,
		prefix: records.bytes.slice(0, records.start[0]),
		firstDataLine: records.line[0],
		format: args.format,
		geocode: geocoding ? { addressColumn: addressColumn(header, args.addressColumn, args.firms), minLevel: args.minLevel } : null
	};
}
