/**
 * The bundled-sample worker's one request and its reply: fetch the sample's CSV and read it into a
 * firm table (typed arrays transferred to the page).
 */
import type { FirmTable } from '$lib/core/firm-table';

export interface FirmSampleRequest {
	type: 'load';
	id: number;
	url: string;
	/** The file's name in messages. */
	file: string;
}

export type FirmSampleReply = { id: number; ok: true; sample: FirmTable } | { id: number; ok: false; message: string };
