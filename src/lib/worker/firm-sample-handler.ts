/**
 * The bundled-sample worker's work, without the worker: fetch the CSV, read it with the engine's
 * reader (as an import is read), hash it for the session store. Pure but for `fetch`; tested in Node.
 */
import type { FirmTable } from '$lib/core/firm-table';
import { InputError } from '$lib/core/io/input-error';
import { packedRowsTransfer } from '$lib/core/io/packed-rows';
import { bytesSource } from '$lib/data/import-source';
import { datasetHash } from '$lib/data/persist';
import { readFirmTable } from '$lib/data/read-firm-table';
import type { FirmSampleReply, FirmSampleRequest } from './firm-sample-protocol';

/**
 * The reply to a load request and the buffers to transfer with it. A failure is a reply naming
 * the file (and its line, when the reader found one), never a thrown error.
 *
 * @example
 * const { reply, transfer } = await handleFirmSampleRequest({ type: 'load', id: 1, url, file: 'firms-sample.csv' });
 */
export async function handleFirmSampleRequest(request: FirmSampleRequest, fetcher: typeof fetch = fetch): Promise<{ reply: FirmSampleReply; transfer: Transferable[] }> {
	const { id, url, file } = request;
	try {
		const response = await fetcher(url);
		if (!response.ok) throw new Error(`${file}: HTTP ${response.status} ${response.statusText}`);
		const sample = await readFirmTable(bytesSource(file, new Uint8Array(await response.arrayBuffer())));
		sample.sha256 = await datasetHash(sample);
		return { reply: { id, ok: true, sample }, transfer: tableTransfer(sample) };
	} catch (error) {
		const message = error instanceof InputError ? error.describe() : error instanceof Error ? error.message : String(error);
		return { reply: { id, ok: false, message }, transfer: [] };
	}
}

/** The table's buffers, moved to the page rather than copied. */
function tableTransfer(table: FirmTable): Transferable[] {
	return [table.lon.buffer, table.lat.buffer, table.industry.index.buffer, ...packedRowsTransfer(table.rows)];
}
