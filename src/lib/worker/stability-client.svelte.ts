/**
 * The app's side of a membership-stability run. It runs in a density worker of its own, started
 * for the run and ended when it is cancelled, so a long grid neither holds up the density panel's
 * quick requests nor outlives a Cancel: ending the worker stops it at once. The firms are sent
 * to each new worker (copies; the page keeps its arrays).
 */
import type { DensityFirms, DensityPort } from './density-client.svelte';
import type { DensityReply } from './density-protocol';
import type { StabilityReply, StabilityRequest } from './stability-protocol';

const newWorker = (): DensityPort => new Worker(new URL('./density.worker.ts', import.meta.url), { type: 'module' }) as unknown as DensityPort;

export class StabilityClient {
	/** Settings done of the running grid, or null when none runs. */
	progress = $state.raw<{ done: number; total: number } | null>(null);
	error = $state.raw<string | null>(null);

	#makePort: () => DensityPort;
	#port: DensityPort | null = null;
	#firms: DensityFirms | null = null;
	#nextId = 1;
	#running = 0;
	#resolve: ((reply: StabilityReply | null) => void) | null = null;

	/** @param makePort makes the worker (default a new density worker) */
	constructor(makePort: () => DensityPort = newWorker) {
		this.#makePort = makePort;
	}

	/**
	 * Runs the grid on `firms` and resolves with the reply, or null when cancelled or replaced by
	 * a newer run; an error is kept in `error`.
	 */
	run(firms: DensityFirms, query: Omit<StabilityRequest, 'type' | 'id'>): Promise<StabilityReply | null> {
		this.#settle(null);
		if (this.#firms !== firms) this.#stop();
		this.#firms = firms;
		const port = (this.#port ??= this.#start());
		const id = this.#nextId++;
		this.#running = id;
		this.error = null;
		this.progress = { done: 0, total: query.scales.length * query.second.length };
		port.postMessage({ ...query, type: 'stability', id }, []);
		return new Promise((resolve) => (this.#resolve = resolve));
	}

	/** Stops the running grid at once (its worker is ended; the next run starts another). */
	cancel(): void {
		this.#stop();
		this.#settle(null);
	}

	destroy(): void {
		this.cancel();
	}

	#start(): DensityPort {
		const port = this.#makePort();
		port.onmessage = (event) => this.#receive(event.data);
		const firms = this.#firms!;
		const lons = firms.lons.slice();
		const lats = firms.lats.slice();
		const industry = firms.industry.slice();
		const employees = firms.employees.slice();
		port.postMessage({ type: 'load', id: 0, lons, lats, industry, industryCodes: [...firms.industryCodes], employees }, [lons.buffer, lats.buffer, industry.buffer, employees.buffer]);
		return port;
	}

	#stop(): void {
		this.#port?.terminate();
		this.#port = null;
	}

	#settle(reply: StabilityReply | null): void {
		this.#running = 0;
		this.progress = null;
		const resolve = this.#resolve;
		this.#resolve = null;
		resolve?.(reply);
	}

	#receive(reply: DensityReply): void {
		if (reply.id === 0 && reply.type === 'error') this.error = reply.message;
		if (reply.id !== this.#running) return; // the load, or a run since replaced
		if (reply.type === 'progress') this.progress = { done: reply.done, total: reply.total };
		else if (reply.type === 'stability') this.#settle(reply);
		else if (reply.type === 'error') {
			this.error = reply.message;
			this.#settle(null);
		}
	}
}
