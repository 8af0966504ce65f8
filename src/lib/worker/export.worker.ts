/// <reference lib="webworker" />
/**
 * Writes one classified firm export off the main thread, a run of firms at a time as they arrive.
 */
import { createFirmExporter, type FirmExporter } from './export-firms';
import type { ExportReply, ExportRequest } from './export-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const reply = (message: ExportReply, transfer: Transferable[] = []) => scope.postMessage(message, transfer);

let exporter: FirmExporter | null = null;
let parts: Uint8Array<ArrayBuffer>[] = [];
let done = 0;
let count = 0;
let total = 0;
let failed = false;

scope.onmessage = (event: MessageEvent<ExportRequest>) => {
	if (failed) return;
	const message = event.data;
	try {
		if (message.type === 'start') {
			exporter = createFirmExporter(message.setup, message);
			parts = [exporter.start()];
			total = message.total;
		} else if (message.type === 'rows') {
			const written = exporter!.write(message);
			if (written.bytes) parts.push(written.bytes);
			count += written.count;
			done += message.rows.count;
			reply({ type: 'progress', done, total });
		} else {
			parts.push(exporter!.end());
			reply({ type: 'done', parts, count }, parts.map((part) => part.buffer));
		}
	} catch (error) {
		failed = true;
		reply({ type: 'error', message: error instanceof Error ? error.message : String(error) });
	}
};
