/**
 * The one way the app's clients talk to their workers: every request gets an id, the replies
 * repeating it are routed back by it, and for requests of a kind where only the newest counts (a
 * classification, a comparison, a density surface) the replies to older ones are dropped, so a slow
 * answer for an old state never overwrites a newer one. Transferable buffers go with the message.
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

export class WorkerGateway<Request extends { id: number }, Reply extends { id: number }> {
	#port: WorkerPort<Request, Reply>;
	#nextId = 1;
	/** Kind of every request whose replies still count. */
	#kinds = new Map<number, string>();
	/** Per latest-wins kind, its newest request. */
	#latest = new Map<string, number>();

	/**
	 * @param port the worker (or a stand-in)
	 * @param onreply called with every reply that still counts
	 * @param onerror called when the worker itself fails (a script error, not an error reply)
	 */
	constructor(port: WorkerPort<Request, Reply>, onreply: ReplyHandler<Reply>, onerror?: (message: string) => void) {
		this.#port = port;
		port.onmessage = (event) => {
			const reply = event.data;
			const kind = this.#kinds.get(reply.id);
			if (kind !== undefined) onreply(reply, kind);
		};
		if (onerror) port.onerror = (event) => onerror(event.message || 'the worker stopped');
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
			if (before !== undefined) this.#kinds.delete(before);
			this.#latest.set(kind, id);
		}
		this.#kinds.set(id, kind);
		this.#port.postMessage({ ...message, id } as unknown as Request, transfer);
		return id;
	}

	/** The newest request of a latest-wins kind, if its replies still count. */
	latest(kind: string): number | undefined {
		const id = this.#latest.get(kind);
		return id !== undefined && this.#kinds.has(id) ? id : undefined;
	}

	/** Replies to this request are not wanted any more (it is answered, or given up). */
	forget(id: number): void {
		this.#kinds.delete(id);
	}

	/** Replies to `kind`'s request in flight are dropped from now on. */
	cancel(kind: string): void {
		const id = this.#latest.get(kind);
		if (id !== undefined) this.#kinds.delete(id);
		this.#latest.delete(kind);
	}

	terminate(): void {
		this.#port.terminate();
		this.#kinds.clear();
		this.#latest.clear();
	}
}
