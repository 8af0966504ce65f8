/**
 * The app's side of the analysis worker: firm and institution loads (every reply counts), and
 * classifications, of which only the newest counts (see `WorkerGateway`).
 */
import type { Zone } from '$lib/core/model';
import { WorkerGateway, type WorkerPort } from './gateway';
import type { AnalysisReply, AnalysisRequest, ClassifiedReply, NearestInstitutions } from './analysis-protocol';

/** The analysis worker, or a stand-in in tests. */
export type AnalysisPort = WorkerPort<AnalysisRequest, AnalysisReply>;

export class AnalysisClient {
	/** The newest classification, or null before the first one (or after zones were cleared). */
	result = $state.raw<ClassifiedReply | null>(null);
	/** True while a classification is in flight. */
	busy = $state(false);
	/** The last error message from the worker, if any. */
	error = $state<string | null>(null);
	/** Nearest institution of every firm, once firms and institutions are both loaded. */
	nearest = $state.raw<NearestInstitutions | null>(null);
	/** Called after each reply is taken in (a classification, an error, a load's distances). */
	onreply: (() => void) | null = null;

	#gateway: WorkerGateway<AnalysisRequest, AnalysisReply>;

	/** @param port defaults to a new analysis worker */
	constructor(port?: AnalysisPort) {
		const worker = port ?? (new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' }) as unknown as AnalysisPort);
		this.#gateway = new WorkerGateway(worker, (reply, kind) => {
			this.#receive(reply, kind);
			this.onreply?.();
		});
	}

	/**
	 * Sends the firm coordinates (copied, then the copies transferred: the caller keeps its arrays),
	 * and optionally a group per firm (below `groupCount`) for per-zone breakdowns.
	 */
	loadFirms(lons: Float64Array, lats: Float64Array, options: { groups?: Uint16Array; groupCount?: number } = {}): void {
		const groups = options.groups?.slice();
		const request = { type: 'load-firms' as const, lons: lons.slice(), lats: lats.slice(), groups, groupCount: options.groupCount };
		this.#gateway.request('load', request, [request.lons.buffer, request.lats.buffer, ...(groups ? [groups.buffer] : [])], { latestWins: false });
	}

	/** Sends the institutions whose distances every firm gets (index order is kept in `nearest`). */
	loadInstitutions(institutions: readonly { id: string; lon: number; lat: number }[]): void {
		const plain = institutions.map((institution) => ({ id: institution.id, lon: institution.lon, lat: institution.lat }));
		this.#gateway.request('load', { type: 'load-institutions', institutions: plain }, [], { latestWins: false });
	}

	/** Classifies the loaded firms against `zones`; earlier pending classifications become stale. */
	classify(zones: Zone[]): void {
		this.busy = true;
		// Zones may be reactive proxies: send plain copies.
		const plain = zones.map((zone) => ({ ...zone, geometry: $state.snapshot(zone.geometry), parameters: $state.snapshot(zone.parameters) }));
		this.#gateway.request('classify', { type: 'classify', zones: plain });
	}

	destroy(): void {
		this.#gateway.terminate();
	}

	#receive(reply: AnalysisReply, kind: string): void {
		this.#gateway.forget(reply.id);
		if (reply.type === 'firms-loaded' || reply.type === 'institutions-loaded') {
			// Loads are answered in order, so the newest load's distances arrive last.
			this.nearest = reply.nearest ?? null;
			if (this.result) this.result = this.#withNearest(this.result);
			return;
		}
		if (kind === 'classify') this.busy = false;
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
