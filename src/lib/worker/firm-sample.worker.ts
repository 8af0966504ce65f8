/// <reference lib="webworker" />
/**
 * Fetches and reads the bundled firm sample off the main thread, so the map stays responsive while
 * tens of thousands of rows are read.
 */
import { handleFirmSampleRequest } from './firm-sample-handler';
import type { FirmSampleRequest } from './firm-sample-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<FirmSampleRequest>) => {
	const { reply, transfer } = await handleFirmSampleRequest(event.data);
	scope.postMessage(reply, transfer);
};
