/**
 * The one way the app's clients talk to their workers: every request gets an id, the replies
 * repeating it are routed back by it, and for requests of a kind where only the newest counts (a
 * classification, a comparison, a density surface) the replies to older ones are dropped, so a slow
 * answer for an old state never overwrites a newer one. Transferable buffers go with the message.
 * One-shot jobs (a tile, an import, an export) are asked for with `ask`, which resolves with the
 * job's last reply and hands the ones before it (progress) to a callback.
 */

/** Anything that takes requests and answers with replies: a Worker, or a stand-in in tests. */
export interface WorkerPort<Request, Reply> {
	postMessage(message: Request, transfer: Transferable[]): void;
	onmessage: ((event: MessageEvent<Reply>) => void) | null;
	onerror?: ((event: ErrorEvent) => void) | null;
	terminate(): void;
}

/** A request as the caller writes it: the gateway numbers it. */
export type Unnumbered<T> = T extends unknown ? Omit<T, 'id'> : never;

/** What the gateway hands a client: a reply and the kind of the request it answers. */
export type ReplyHandler<Reply> = (reply: Reply, kind: string) => void;

export interface AskOptions<Reply> {
	/** Buffers moved to the worker with the message (default none). */
	transfer?: Transferable[];
	/** Replies to earlier jobs of the same kind are dropped from now on (default true). */
	latestWins?: boolean;
	/** Whether a reply is the job's last (default: the first reply is). */
	last?: (reply: Reply) => boolean;
	/** Replies before the last one (progress). */
	onreply?: (reply: Reply) => void;
}

/** A job asked for: its id (to name it to the worker, e.g. to cancel it) and its last reply, or null if it was dropped. */
export interface Asked<Reply> {
	id: number;
	reply: Promise<Reply | null>;
}

interface Waiting<Reply> {
	resolve(reply: Reply | null): void;
	reject(error: Error): void;
	last(reply: Reply): boolean;
	onreply?: (reply: Reply) => void;
}

export class WorkerGateway<Request extends { id: number }, Reply extends { id: number }> {
	#port: WorkerPort<Request, Reply>;
	#nextId = 1;
	/** Kind of every request whose replies still count. */
	#kinds = new Map<number, string>();
	/** Per latest-wins kind, its newest request. */
	#latest = new Map<string, number>();
	/** Jobs asked for and not yet answered in full. */
	#waiting = new Map<number, Waiting<Reply>>();

	/**
	 * @param port the worker (or a stand-in)
	 * @param onreply called with every reply that still counts, except those to `ask`
	 * @param onerror called when the worker itself fails (a script error, not an error reply); jobs asked for are rejected
	 */
	constructor(port: WorkerPort<Request, Reply>, onreply: ReplyHandler<Reply> = () => {}, onerror?: (message: string) => void) {
		this.#port = port;
		port.onmessage = (event) => {
			const reply = event.data;
			const kind = this.#kinds.get(reply.id);
			if (kind === undefined) return;
			const waiting = this.#waiting.get(reply.id);
			if (!waiting) return onreply(reply, kind);
			if (!waiting.last(reply)) return waiting.onreply?.(reply);
			this.#waiting.delete(reply.id);
			this.#forget(reply.id, false);
			waiting.resolve(reply);
		};
		port.onerror = (event) => {
			const message = event.message || 'the worker stopped';
			const waiting = [...this.#waiting.values()];
			this.#waiting.clear();
			for (const job of waiting) job.reject(new Error(message));
			onerror?.(message);
		};
	}

	/**
	 * Sends a request of `kind`. With `latestWins` (the default), replies to earlier requests of the
	 * same kind are dropped from now on; otherwise every reply counts (loads, answered in order).
	 *
	 * @returns the request's id
	 * @example
	 * gateway.request('classify', { type: 'classify', zones });
	 */
	request(kind: string, message: Unnumbered<Request>, transfer: Transferable[] = [], options: { latestWins?: boolean } = {}): number {
		const id = this.#nextId++;
		if (options.latestWins ?? true) {
			const before = this.#latest.get(kind);
			if (before !== undefined) this.#forget(before);
			this.#latest.set(kind, id);
		}
		this.#kinds.set(id, kind);
		this.#port.postMessage({ ...message, id } as unknown as Request, transfer);
		return id;
	}

	/**
	 * Asks for a one-shot job: resolves with its last reply, or with null when it is dropped first
	 * (a newer job of a latest-wins kind, `cancel`, `forget`, `terminate`); rejects when the worker fails.
	 *
	 * @example
	 * const { reply } = gateway.ask('export', request, { last: (r) => r.type !== 'progress', onreply: showProgress });
	 * const done = await reply;
	 */
	ask(kind: string, message: Unnumbered<Request>, options: AskOptions<Reply> = {}): Asked<Reply> {
		let waiting!: Waiting<Reply>;
		const reply = new Promise<Reply | null>((resolve, reject) => (waiting = { resolve, reject, last: options.last ?? (() => true), onreply: options.onreply }));
		const id = this.#nextId;
		// Registered before sending: a stand-in port may answer at once.
		this.#waiting.set(id, waiting);
		this.request(kind, message, options.transfer, options);
		return { id, reply };
	}

	/**
	 * Sends a message that gets no reply (a piece of a load, a cancellation naming a job): numbered
	 * like every request, but nothing waits for an answer to it.
	 *
	 * @returns the message's id
	 */
	post(message: Unnumbered<Request>, transfer: Transferable[] = []): number {
		const id = this.#nextId++;
		this.#port.postMessage({ ...message, id } as unknown as Request, transfer);
		return id;
	}

	/** The newest request of a latest-wins kind, if its replies still count. */
	latest(kind: string): number | undefined {
		const id = this.#latest.get(kind);
		return id !== undefined && this.#kinds.has(id) ? id : undefined;
	}

	/**
	 * Replies to this request are not wanted any more (it is answered, or given up); a job asked for resolves null.
	 *
	 * @returns whether its replies still counted until now
	 */
	forget(id: number): boolean {
		const counted = this.#kinds.has(id);
		this.#forget(id);
		return counted;
	}

	/** Replies to `kind`'s request in flight are dropped from now on. */
	cancel(kind: string): void {
		const id = this.#latest.get(kind);
		if (id !== undefined) this.#forget(id);
		this.#latest.delete(kind);
	}

	terminate(): void {
		this.#port.terminate();
		for (const id of [...this.#kinds.keys()]) this.#forget(id);
		this.#latest.clear();
	}

	#forget(id: number, settle = true): void {
		this.#kinds.delete(id);
		const waiting = this.#waiting.get(id);
		this.#waiting.delete(id);
		if (settle) waiting?.resolve(null);
	}
}
