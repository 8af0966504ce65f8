/// <reference lib="webworker" />
/**
 * The analysis worker: holds the firm coordinates and classifies them against zones off the main
 * thread, so the map stays responsive while zones are drawn and edited.
 */
import { createAnalysisHandler } from './analysis-handler';
import type { AnalysisRequest } from './analysis-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createAnalysisHandler();

scope.onmessage = (event: MessageEvent<AnalysisRequest>) => {
	const { reply, transfer } = handle(event.data);
	scope.postMessage(reply, transfer);
};
