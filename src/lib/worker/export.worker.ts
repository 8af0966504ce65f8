/// <reference lib="webworker" />
/**
 * Writes one classified firm export off the main thread, reporting progress at most every 100 ms.
 */
import { exportFirms } from './export-firms';
import type { ExportReply, ExportRequest } from './export-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const reply = (message: ExportReply, transfer: Transferable[] = []) => scope.postMessage(message, transfer);

scope.onmessage = (event: MessageEvent<ExportRequest>) => {
	const { input, format, filter } = event.data;
	let last = 0;
	try {
		const { parts, count } = exportFirms(input, {
			format,
			filter,
			onprogress(done, total) {
				const now = performance.now();
				if (now - last < 100 && done < total) return;
				last = now;
				reply({ type: 'progress', done, total });
			}
		});
		reply({ type: 'done', parts, count }, parts.map((part) => part.buffer));
	} catch (error) {
		reply({ type: 'error', message: error instanceof Error ? error.message : String(error) });
	}
};
