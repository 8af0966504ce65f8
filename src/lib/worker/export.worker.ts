/// <reference lib="webworker" />
/**
 * The export worker: holds the firm table (sent once per dataset) and writes classified firm
 * exports off the main thread.
 */
import { createExportHandler } from './export-handler';
import type { ExportRequest } from './export-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createExportHandler((reply, transfer = []) => scope.postMessage(reply, transfer));

scope.onmessage = (event: MessageEvent<ExportRequest>) => handle(event.data);
