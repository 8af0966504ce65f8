/**
 * The app's side of the comparison worker: requests carry increasing ids, and progress or results
 * for anything but the newest comparison are dropped, so a slow answer for old zones never
 * overwrites a newer one.
 */
import type { PackedRows } from '$lib/core/io/packed-rows';
import type { ColumnInfo } from './compare-columns';
import type { CompareParams, CompareReplyMessage, CompareRequest, CompareRequestMessage, CompareResult, ProgressReply } from './compare-protocol';
import { WorkerGateway, type Unnumbered, type WorkerPort } from './gateway';

/** The comparison worker, or a stand-in in tests. */
export type ComparePort = WorkerPort<CompareRequestMessage, CompareReplyMessage>;

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

	#gateway: WorkerGateway<CompareRequestMessage, CompareReplyMessage>;

	/** @param port defaults to a new comparison worker */
	constructor(port?: ComparePort) {
		const worker = port ?? (new Worker(new URL('./compare.worker.ts', import.meta.url), { type: 'module' }) as unknown as ComparePort);
		this.#gateway = new WorkerGateway(worker, (reply, kind) => this.#receive(reply, kind));
	}

	/** Sends the firm table (rows and coordinates copied, so the caller keeps them). */
	loadTable(table: { columns: string[]; rows: PackedRows; lon: Float64Array; lat: Float64Array }): void {
		const lons = table.lon.slice();
		const lats = table.lat.slice();
		this.#gateway.request('load-table', { type: 'load-table', columns: table.columns, rows: table.rows, lons, lats }, [lons.buffer, lats.buffer]);
	}

	/** Compares the loaded table; any comparison still running becomes stale. */
	compare(params: CompareParams, input: CompareInput): void {
		this.busy = true;
		this.fresh = false;
		this.progress = { stage: 'prepare', done: 0, total: 1, fraction: 0 };
		// Copies: the page keeps its classification, and reactive proxies cannot be cloned.
		const request: Unnumbered<CompareRequest> = {
			type: 'compare',
			params: $state.snapshot(params) as CompareParams,
			membership: { ...input.membership, inside: input.membership.inside.slice(), offsets: input.membership.offsets.slice(), zoneIndices: input.membership.zoneIndices.slice(), zoneIds: [...input.membership.zoneIds], zoneNames: input.membership.zoneNames && [...input.membership.zoneNames] },
			nearestKm: input.nearestKm?.slice(),
			institutions: input.institutions.map(({ id, type, lon, lat }) => ({ id, type, lon, lat })),
			stability: input.stability
		};
		const { membership } = request;
		this.#gateway.request('compare', request, [membership.inside.buffer, membership.offsets.buffer, membership.zoneIndices.buffer, ...(request.nearestKm ? [request.nearestKm.buffer] : [])]);
	}

	destroy(): void {
		this.#gateway.terminate();
	}

	#receive(reply: CompareReplyMessage, kind: string): void {
		if (kind === 'load-table') {
			if (reply.type === 'table-loaded') this.columns = reply.columns;
			else if (reply.type === 'error') this.error = reply.message;
			return;
		}
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
		if (reply.type !== 'compared') return;
		this.error = null;
		this.result = reply.result;
		this.fresh = true;
		if (!reply.result.permutationsPending && !reply.result.regressionsPending) {
			this.busy = false;
			this.progress = null;
		}
	}
}
