/**
 * The app's side of the comparison worker: requests carry increasing ids, and progress or results
 * for anything but the newest comparison are dropped, so a slow answer for old zones never
 * overwrites a newer one.
 */
import type { PackedRows } from '$lib/core/io/packed-rows';
import type { Zone } from '$lib/core/model';
import type { ColumnInfo } from './compare-columns';
import type { CompareParams, CompareReplyMessage, CompareRequest, CompareRequestMessage, CompareResult, ProgressReply } from './compare-protocol';

/** Anything that takes requests and answers with replies: a Worker, or a stand-in in tests. */
export interface ComparePort {
	postMessage(message: CompareRequestMessage, transfer: Transferable[]): void;
	onmessage: ((event: MessageEvent<CompareReplyMessage>) => void) | null;
	terminate(): void;
}

export type CompareInput = Omit<CompareRequest, 'type' | 'id' | 'params'>;

export class CompareClient {
	/** The newest comparison, or null before the first. */
	result = $state.raw<CompareResult | null>(null);
	/** Progress of the comparison in flight, null when idle. */
	progress = $state.raw<Pick<ProgressReply, 'stage' | 'done' | 'total' | 'fraction'> | null>(null);
	/** Kind and levels of every column of the loaded table; empty until it is loaded. */
	columns = $state.raw<ColumnInfo[]>([]);
	/** A comparison is running (including the permutation tests after a first answer). */
	busy = $state(false);
	/** `result` answers the newest request (possibly still without permutation p-values). */
	fresh = $state(false);
	error = $state<string | null>(null);

	#port: ComparePort;
	#nextId = 1;
	#latest = 0;
	#loadId = 0;

	/** @param port defaults to a new comparison worker */
	constructor(port?: ComparePort) {
		this.#port = port ?? (new Worker(new URL('./compare.worker.ts', import.meta.url), { type: 'module' }) as unknown as ComparePort);
		this.#port.onmessage = (event) => this.#receive(event.data);
	}

	/** Sends the firm table (rows and coordinates copied, so the caller keeps them). */
	loadTable(table: { columns: string[]; rows: PackedRows; lon: Float64Array; lat: Float64Array }): void {
		this.#loadId = this.#nextId++;
		const lons = table.lon.slice();
		const lats = table.lat.slice();
		this.#port.postMessage({ type: 'load-table', id: this.#loadId, columns: table.columns, rows: table.rows, lons, lats }, [lons.buffer, lats.buffer]);
	}

	/** Compares the loaded table; any comparison still running becomes stale. */
	compare(params: CompareParams, input: CompareInput): void {
		const id = this.#nextId++;
		this.#latest = id;
		this.busy = true;
		this.fresh = false;
		this.progress = { stage: 'prepare', done: 0, total: 1, fraction: 0 };
		// Copies: the page keeps its classification, and reactive proxies cannot be cloned.
		const request: CompareRequest = {
			type: 'compare',
			id,
			params: $state.snapshot(params) as CompareParams,
			inside: input.inside.slice(),
			zones: input.zones.map((zone) => $state.snapshot(zone) as Zone),
			nearestKm: input.nearestKm?.slice(),
			institutions: input.institutions.map(({ id, type, lon, lat }) => ({ id, type, lon, lat })),
			stability: input.stability
		};
		this.#port.postMessage(request, [request.inside.buffer, ...(request.nearestKm ? [request.nearestKm.buffer] : [])]);
	}

	destroy(): void {
		this.#port.terminate();
	}

	#receive(reply: CompareReplyMessage): void {
		if (reply.type === 'table-loaded') {
			if (reply.id === this.#loadId) this.columns = reply.columns;
			return;
		}
		// A failed table load is never stale; everything else counts only for the newest comparison.
		if (reply.type === 'error' && reply.id === this.#loadId) {
			this.error = reply.message;
			return;
		}
		if (reply.id !== this.#latest) return;
		if (reply.type === 'progress') {
			this.progress = { stage: reply.stage, done: reply.done, total: reply.total, fraction: reply.fraction };
			return;
		}
		if (reply.type === 'error') {
			this.busy = false;
			this.progress = null;
			this.error = reply.message;
			return;
		}
		this.error = null;
		this.result = reply.result;
		this.fresh = true;
		if (!reply.result.permutationsPending && !reply.result.regressionsPending) {
			this.busy = false;
			this.progress = null;
		}
	}
}
