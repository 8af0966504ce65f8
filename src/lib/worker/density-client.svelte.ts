/**
 * The app's side of the density worker. Each kind of request (surface, cells, location quotient,
 * detection, sensitivity, Duranton–Overman) keeps only the reply to its newest request, so a slow
 * answer for an old slider position never overwrites a newer one. Duranton–Overman runs in
 * workers of its own, so a long test neither blocks the sliders nor is lost when cancelled: its
 * seeded draws are split between two workers (one per core), each sends its part, and the parts
 * are merged here into the same result as one run; cancelling ends those workers, and the next
 * test starts fresh ones.
 */
import { mergeDurantonOverman, mergeRipley, splitDraws, type DurantonOvermanPart, type RipleyPart } from '$lib/core/stats/localization';
import { WorkerGateway, type Unnumbered, type WorkerPort } from './gateway';
import type {
	CellsReply,
	DensityLoadRequest,
	DensityReply,
	DensityRequest,
	DetectReply,
	DurantonOvermanPartReply,
	DurantonOvermanReply,
	HotspotsReply,
	KdeReply,
	LqReply,
	SensitivityReply
} from './density-protocol';
import type { StabilityRequest } from './stability-protocol';

/** The density worker, or a stand-in in tests. */
export type DensityPort = WorkerPort<DensityRequest, DensityReply>;

/** Requests as the client's callers write them: the gateway numbers them. */
/** Membership stability runs in a worker of its own (StabilityClient), so it can be cancelled at once. */
export type DensityQuery = Unnumbered<Exclude<DensityRequest, DensityLoadRequest | StabilityRequest>>;
type Kind = 'kde' | 'cells' | 'lq' | 'detect' | 'sensitivity' | 'duranton-overman' | 'hotspots';

/** The firms as the worker needs them (see DensityLoadRequest). */
export type DensityFirms = Omit<DensityLoadRequest, 'type' | 'id'>;

const newWorker = (): DensityPort => new Worker(new URL('./density.worker.ts', import.meta.url), { type: 'module' }) as unknown as DensityPort;

/** Workers sharing the draws of a test: two, or one on a single-core machine. */
const defaultTestWorkers = (): number => Math.max(1, Math.min(2, globalThis.navigator?.hardwareConcurrency ?? 2));

export class DensityClient {
	kde = $state.raw<KdeReply | null>(null);
	cells = $state.raw<CellsReply | null>(null);
	lq = $state.raw<LqReply | null>(null);
	detection = $state.raw<DetectReply | null>(null);
	sensitivity = $state.raw<SensitivityReply | null>(null);
	durantonOverman = $state.raw<DurantonOvermanReply | null>(null);
	hotspots = $state.raw<HotspotsReply | null>(null);
	/** Cells done of the running hot-spot permutations, or null when none run. */
	hotspotsProgress = $state.raw<{ done: number; total: number } | null>(null);
	/** Draws done of the running Duranton–Overman test, or null when none runs. */
	progress = $state.raw<{ done: number; total: number } | null>(null);
	/** Kinds with a request in flight. */
	busy = $state.raw<ReadonlySet<Kind>>(new Set());
	/** The last error per kind. */
	errors = $state.raw<Partial<Record<Kind | 'load', string>>>({});

	#gateway: WorkerGateway<DensityRequest, DensityReply>;
	#makeTestPort: () => DensityPort;
	#testWorkers: number;
	#testPorts: WorkerGateway<DensityRequest, DensityReply>[] = [];
	/** Per test worker of the running test: its draws done and its part once it has answered. */
	#testParts: { done: number; part: DurantonOvermanPartReply['part'] | null }[] = [];
	#firms: DensityFirms | null = null;

	/**
	 * @param port the worker for the quick requests (default a new density worker)
	 * @param makeTestPort makes a worker for Duranton–Overman (default a new density worker)
	 * @param testWorkers how many workers share a test's draws (default 2, 1 on one core)
	 */
	constructor(port?: DensityPort, makeTestPort: () => DensityPort = newWorker, testWorkers = defaultTestWorkers()) {
		this.#gateway = new WorkerGateway(port ?? newWorker(), (reply, kind) => this.#receive(reply, kind));
		this.#makeTestPort = makeTestPort;
		this.#testWorkers = testWorkers;
	}

	/** Sends the firms (copies; the caller keeps its arrays). Results of the earlier firms are cleared. */
	load(firms: DensityFirms): void {
		this.#firms = firms;
		this.#sendLoad(this.#gateway);
		for (const port of this.#testPorts) this.#sendLoad(port);
		this.kde = this.cells = this.lq = this.detection = this.sensitivity = this.durantonOverman = this.hotspots = null;
	}

	/** Asks for a result; an earlier request of the same kind becomes stale. */
	request(query: DensityQuery): void {
		const kind: Kind = query.type === 'mesh' || query.type === 'hex' ? 'cells' : query.type;
		this.busy = new Set([...this.busy, kind]);
		const message = query;
		if (message.type === 'duranton-overman') {
			// A test still running for an earlier request would only hold the cores up.
			if (this.#testParts.some((p) => p.part === null)) this.#stopTestPorts();
			const ranges = splitDraws(message.draws, this.#testWorkers);
			while (this.#testPorts.length < ranges.length) this.#testPorts.push(this.#startTestPort(this.#testPorts.length));
			this.#testParts = ranges.map(() => ({ done: 0, part: null }));
			this.progress = { done: 0, total: message.draws };
			ranges.forEach((range, k) => this.#testPorts[k].request(kind, { ...message, range }));
		} else {
			this.#gateway.request(kind, message);
		}
	}

	/** Forgets the result of a kind (its layer is switched off); a reply in flight is dropped. */
	clear(kind: Exclude<Kind, 'duranton-overman'>): void {
		this.#gateway.cancel(kind);
		this.#done(kind);
		if (kind === 'kde') this.kde = null;
		else if (kind === 'cells') this.cells = null;
		else if (kind === 'lq') this.lq = null;
		else if (kind === 'detect') this.detection = null;
		else if (kind === 'hotspots') {
			this.hotspots = null;
			this.hotspotsProgress = null;
		} else this.sensitivity = null;
	}

	/** Stops a running Duranton–Overman test at once: every worker of it. */
	cancelDurantonOverman(): void {
		this.#stopTestPorts();
		this.progress = null;
		this.#done('duranton-overman');
	}

	destroy(): void {
		this.#gateway.terminate();
		this.#stopTestPorts();
	}

	#stopTestPorts(): void {
		for (const port of this.#testPorts) port.terminate();
		this.#testPorts = [];
		this.#testParts = [];
	}

	#startTestPort(slot: number): WorkerGateway<DensityRequest, DensityReply> {
		const port = new WorkerGateway(this.#makeTestPort(), (reply, kind) => this.#receiveTestPart(slot, reply, kind));
		this.#sendLoad(port);
		return port;
	}

	/** Progress and parts of the test workers: summed, and merged once every part is in. */
	#receiveTestPart(slot: number, reply: DensityReply, kind: string): void {
		const slotState = this.#testParts[slot];
		if (kind === 'load') return this.#receive(reply, kind);
		if (slotState === undefined) return;
		if (reply.type !== 'progress' && reply.type !== 'duranton-overman-part') {
			this.#stopTestPorts();
			this.#receive(reply, kind);
			return;
		}
		if (reply.type === 'progress') slotState.done = reply.done;
		else {
			slotState.part = reply.part;
			slotState.done = reply.part.part.range.to - reply.part.part.range.from;
		}
		this.progress = { done: this.#testParts.reduce((sum, p) => sum + p.done, 0), total: this.progress?.total ?? 0 };
		if (reply.type === 'progress' || this.#testParts.some((p) => p.part === null)) return;
		const parts = this.#testParts.map((p) => p.part!);
		this.#testParts = [];
		let merged: DensityReply;
		try {
			merged =
				parts[0].statistic === 'ripley'
					? { type: 'duranton-overman', id: reply.id, industry: reply.industry, result: null, ripley: mergeRipley(parts.map((p) => p.part as RipleyPart)) }
					: { type: 'duranton-overman', id: reply.id, industry: reply.industry, result: mergeDurantonOverman(parts.map((p) => p.part as DurantonOvermanPart)), ripley: null };
		} catch (error) {
			merged = { type: 'error', id: reply.id, message: error instanceof Error ? error.message : String(error) };
		}
		this.#receive(merged, kind);
	}

	#sendLoad(port: WorkerGateway<DensityRequest, DensityReply>): void {
		const firms = this.#firms;
		if (!firms) return;
		const request: Unnumbered<DensityLoadRequest> = {
			type: 'load',
			lons: firms.lons.slice(),
			lats: firms.lats.slice(),
			industry: firms.industry.slice(),
			industryCodes: [...firms.industryCodes],
			employees: firms.employees.slice()
		};
		port.request('load', request, [request.lons.buffer, request.lats.buffer, request.industry.buffer, request.employees.buffer], { latestWins: false });
	}

	#done(kind: Kind): void {
		if (!this.busy.has(kind)) return;
		const next = new Set(this.busy);
		next.delete(kind);
		this.busy = next;
	}

	#receive(reply: DensityReply, as: string): void {
		if (as === 'load') {
			if (reply.type === 'error') this.errors = { ...this.errors, load: reply.message };
			return;
		}
		const kind = as as Kind;
		if (reply.type === 'progress') {
			if (kind === 'hotspots') this.hotspotsProgress = { done: reply.done, total: reply.total };
			else this.progress = { done: reply.done, total: reply.total };
			return;
		}
		this.#done(kind);
		if (kind === 'duranton-overman') this.progress = null;
		if (kind === 'hotspots') this.hotspotsProgress = null;
		const { [kind]: _old, ...others } = this.errors;
		if (reply.type === 'error') {
			this.errors = { ...others, [kind]: reply.message };
			return;
		}
		this.errors = others;
		if (reply.type === 'kde') this.kde = reply;
		else if (reply.type === 'mesh' || reply.type === 'hex') this.cells = reply;
		else if (reply.type === 'lq') this.lq = reply;
		else if (reply.type === 'detect') this.detection = reply;
		else if (reply.type === 'sensitivity') this.sensitivity = reply;
		else if (reply.type === 'duranton-overman') this.durantonOverman = reply;
		else if (reply.type === 'hotspots') this.hotspots = reply;
	}
}
