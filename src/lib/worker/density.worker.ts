/// <reference lib="webworker" />
/**
 * The density worker: holds the firms and computes density surfaces, mesh and hexagon counts,
 * location quotients, detected zones and the Duranton–Overman test off the main thread.
 */
import { createDensityHandler } from './density-handler';
import type { DensityReply, DensityRequest } from './density-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createDensityHandler();
const emit = (reply: DensityReply) => scope.postMessage(reply);

scope.onmessage = (event: MessageEvent<DensityRequest>) => {
	const { reply, transfer } = handle(event.data, emit);
	scope.postMessage(reply, transfer);
};
