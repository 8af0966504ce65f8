/// <reference lib="webworker" />
/**
 * The comparison worker: holds the firm table and runs the inside-vs-outside statistics off the
 * main thread, reporting progress, so the map and panel stay responsive.
 */
import { createCompareHandler } from './compare-handler';
import type { CompareRequestMessage } from './compare-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createCompareHandler({ post: (reply, transfer = []) => scope.postMessage(reply, transfer) });

scope.onmessage = (event: MessageEvent<CompareRequestMessage>) => void handle(event.data);
