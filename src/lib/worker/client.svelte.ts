/**
 * The app's side of the analysis worker: sends requests with increasing ids and keeps only the
 * reply to the newest classification, so a slow answer for an old set of zones never overwrites
 * a newer one.
 */
import type { Zone } from '$lib/core/model';
import type { AnalysisReply, AnalysisRequest, ClassifiedReply, NearestInstitutions } from './protocol';

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
	/** Nearest institution of every firm, once firms and institutions are both loaded. */
	nearest = $state.raw<NearestInstitutions | null>(null);

	#port: AnalysisPort;
	#nextId = 1;
	#latestClassify = 0;
	#loadIds = new Set<number>();

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
		const id = this.#nextId++;
		this.#loadIds.add(id);
		const groups = options.groups?.slice();
		const request: AnalysisRequest = { type: 'load-firms', id, lons: lons.slice(), lats: lats.slice(), groups, groupCount: options.groupCount };
		this.#port.postMessage(request, [request.lons.buffer, request.lats.buffer, ...(groups ? [groups.buffer] : [])]);
	}

	/** Sends the institutions whose distances every firm gets (index order is kept in `nearest`). */
	loadInstitutions(institutions: readonly { id: string; lon: number; lat: number }[]): void {
		const id = this.#nextId++;
		this.#loadIds.add(id);
		const plain = institutions.map((institution) => ({ id: institution.id, lon: institution.lon, lat: institution.lat }));
		this.#port.postMessage({ type: 'load-institutions', id, institutions: plain }, []);
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
		if (reply.type === 'firms-loaded' || reply.type === 'institutions-loaded') {
			// Loads are answered in order, so the newest load's distances arrive last.
			this.nearest = reply.nearest ?? null;
			if (this.result) this.result = this.#withNearest(this.result);
			return;
		}
		// A failed load is never stale; any other reply counts only for the newest request.
		if (reply.id !== this.#latestClassify && !(reply.type === 'error' && this.#loadIds.has(reply.id))) return;
		if (reply.id === this.#latestClassify) this.busy = false;
		if (reply.type === 'error') {
			this.error = reply.message;
			return;
		}
		this.error = null;
		this.result = this.#withNearest(reply);
	}

	#withNearest(reply: ClassifiedReply): ClassifiedReply {
		return { ...reply, nearestIndex: this.nearest?.index, nearestKm: this.nearest?.km };
	}
}
