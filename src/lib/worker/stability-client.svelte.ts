/**
 * The app's side of a membership-stability run. It runs in a density worker of its own, started
 * for the run and ended when it is cancelled, so a long grid neither holds up the density panel's
 * quick requests nor outlives a Cancel: ending the worker stops it at once. Requests go through
 * the worker gateway (numbered, the newest run wins). The firms are sent
 * to each new worker (copies; the page keeps its arrays).
 */
import type { DensityFirms, DensityPort } from './density-client.svelte';
import type { DensityReply, DensityRequest } from './density-protocol';
import { WorkerGateway } from './gateway';
import type { StabilityReply, StabilityRequest } from './stability-protocol';

const newWorker = (): DensityPort => new Worker(new URL('./density.worker.ts', import.meta.url), { type: 'module' }) as unknown as DensityPort;

export class StabilityClient {
	/** Settings done of the running grid, or null when none runs. */
	progress = $state.raw<{ done: number; total: number } | null>(null);
	error = $state.raw<string | null>(null);

	#makePort: () => DensityPort;
	#gateway: WorkerGateway<DensityRequest, DensityReply> | null = null;
	#firms: DensityFirms | null = null;

	/** @param makePort makes the worker (default a new density worker) */
	constructor(makePort: () => DensityPort = newWorker) {
		this.#makePort = makePort;
	}

	/**
	 * Runs the grid on `firms` and resolves with the reply, or null when cancelled or replaced by
	 * a newer run; an error is kept in `error`.
	 */
	async run(firms: DensityFirms, query: Omit<StabilityRequest, 'type' | 'id'>): Promise<StabilityReply | null> {
		if (this.#firms !== firms) this.#stop();
		this.#firms = firms;
		const gateway = (this.#gateway ??= this.#start());
		this.error = null;
		this.progress = { done: 0, total: query.scales.length * query.second.length };
		// Latest wins: an earlier run resolves null, and its replies are dropped.
		const { reply } = gateway.ask('stability', { ...query, type: 'stability' }, {
			last: (reply) => reply.type !== 'progress',
			onreply: (reply) => reply.type === 'progress' && (this.progress = { done: reply.done, total: reply.total })
		});
		const answer = await reply.catch((error: Error) => ((this.error = error.message), null));
		// A newer run has its own progress.
		if (this.#gateway !== gateway || gateway.latest('stability') === undefined) this.progress = null;
		if (answer?.type === 'error') this.error = answer.message;
		return answer?.type === 'stability' ? answer : null;
	}

	/** Stops the running grid at once (its worker is ended; the next run starts another). */
	cancel(): void {
		this.#stop();
		this.progress = null;
	}

	destroy(): void {
		this.cancel();
	}

	#start(): WorkerGateway<DensityRequest, DensityReply> {
		const gateway = new WorkerGateway<DensityRequest, DensityReply>(this.#makePort(), (reply) => {
			if (reply.type === 'error') this.error = reply.message;
		});
		const firms = this.#firms!;
		const lons = firms.lons.slice();
		const lats = firms.lats.slice();
		const industry = firms.industry.slice();
		const employees = firms.employees.slice();
		gateway.request('load', { type: 'load', lons, lats, industry, industryCodes: [...firms.industryCodes], employees }, [lons.buffer, lats.buffer, industry.buffer, employees.buffer], { latestWins: false });
		return gateway;
	}

	#stop(): void {
		this.#gateway?.terminate();
		this.#gateway = null;
	}
}
