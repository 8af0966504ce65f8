/// <reference lib="webworker" />
/**
 * Fetches and parses the firm sample off the main thread, so the map stays responsive while
 * tens of thousands of rows are read.
 */
import { parseFirmSample } from '$lib/data/firm-sample';
import type { FirmTable } from '$lib/core/firm-table';
import { packedRowsTransfer } from '$lib/core/io/packed-rows';
import { datasetHash } from '$lib/data/persist';

export type FirmSampleRequest = { url: string; file: string };
export type FirmSampleReply = { ok: true; sample: FirmTable } | { ok: false; message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<FirmSampleRequest>) => {
	const { url, file } = event.data;
	let reply: FirmSampleReply;
	try {
		const response = await fetch(url);
		if (!response.ok) throw new Error(`${file}: HTTP ${response.status} ${response.statusText}`);
		const sample = parseFirmSample(await response.text(), { file });
		sample.sha256 = await datasetHash(sample);
		reply = { ok: true, sample };
	} catch (error) {
		reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
	}
	const transfer = reply.ok ? [reply.sample.lon.buffer, reply.sample.lat.buffer, reply.sample.industry.index.buffer, ...packedRowsTransfer(reply.sample.rows)] : [];
	scope.postMessage(reply, transfer);
};
