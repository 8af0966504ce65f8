/**
 * The app's side of the analysis worker: sends requests with increasing ids and keeps only the
 * reply to the newest classification, so a slow answer for an old set of zones never overwrites
 * a newer one.
 */
import type { Zone } from '$lib/core/model';
import type { AnalysisReply, AnalysisRequest, ClassifiedReply } from './protocol';

/** Anything that takes requests and answers with replies: a Worker, or a stand-in in tests. */
export interface AnalysisPort {
	postMessage(message: AnalysisRequest, transfer: Transferable[]): void;
	onmessage: ((event: MessageEvent<AnalysisReply>) => void) | null;
	terminate(): void;
}

export class AnalysisClient {
	/** The newest classification, or null before the first one (or after zones were cleared). */
	result = $state.raw<ClassifiedReply | null>(null);
	/** True while a classification is in flight. */
	busy = $state(false);
	/** The last error message from the worker, if any. */
	error = $state<string | null>(null);

	#port: AnalysisPort;
	#nextId = 1;
	#latestClassify = 0;
	#loadId = 0;

	/** @param port defaults to a new analysis worker */
	constructor(port?: AnalysisPort) {
		this.#port = port ?? (new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' }) as unknown as AnalysisPort);
		this.#port.onmessage = (event) => this.#receive(event.data);
	}

	/**
	 * Sends the firm coordinates (copied, then the copies transferred: the caller keeps its arrays),
	 * and optionally a group per firm (below `groupCount`) for per-zone breakdowns.
	 */
	loadFirms(lons: Float64Array, lats: Float64Array, options: { groups?: Uint16Array; groupCount?: number } = {}): void {
		this.#loadId = this.#nextId++;
		const groups = options.groups?.slice();
		const request: AnalysisRequest = { type: 'load-firms', id: this.#loadId, lons: lons.slice(), lats: lats.slice(), groups, groupCount: options.groupCount };
		this.#port.postMessage(request, [request.lons.buffer, request.lats.buffer, ...(groups ? [groups.buffer] : [])]);
	}

	/** Classifies the loaded firms against `zones`; earlier pending classifications become stale. */
	classify(zones: Zone[]): void {
		const id = this.#nextId++;
		this.#latestClassify = id;
		this.busy = true;
		// Zones may be reactive proxies: send plain copies.
		const plain = zones.map((zone) => ({ ...zone, geometry: $state.snapshot(zone.geometry), parameters: $state.snapshot(zone.parameters) }));
		this.#port.postMessage({ type: 'classify', id, zones: plain }, []);
	}

	destroy(): void {
		this.#port.terminate();
	}

	#receive(reply: AnalysisReply): void {
		if (reply.type === 'firms-loaded') return;
		// A failed firm load is never stale; any other reply counts only for the newest request.
		if (reply.id !== this.#latestClassify && !(reply.type === 'error' && reply.id === this.#loadId)) return;
		if (reply.id === this.#latestClassify) this.busy = false;
		if (reply.type === 'error') {
			this.error = reply.message;
			return;
		}
		this.error = null;
		this.result = reply;
	}
}
