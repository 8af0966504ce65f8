/**
 * What the export worker does with each message, apart from the worker global so it runs (and is
 * tested) in Node: it keeps the firm table as it arrives in runs, and writes each export over it,
 * a run at a time, as soon as the run is there (so the first export of a dataset is written while
 * the table is still coming).
 */
import { createFirmExporter, runResults, type FirmExporter, type FirmRows } from './export-firms';
import type { ExportFileRequest, ExportReply, ExportRequest } from './export-protocol';

interface Table {
	columns: readonly string[];
	placed: number;
	total: number;
	/** Runs received, each with the index of its first firm (placed runs) or null (firms without a position). */
	runs: { firms: FirmRows; from: number | null }[];
	/** Firms received, and those of them with a position. */
	received: number;
	receivedPlaced: number;
}

interface Job {
	request: ExportFileRequest;
	exporter: FirmExporter;
	parts: Uint8Array<ArrayBuffer>[];
	/** Next run to write, firms written, firms that passed the filter. */
	next: number;
	done: number;
	count: number;
}

/**
 * @param post sends a reply to the page
 * @example
 * const handle = createExportHandler((reply, transfer) => self.postMessage(reply, transfer));
 * self.onmessage = (event) => handle(event.data);
 */
export function createExportHandler(post: (reply: ExportReply, transfer?: Transferable[]) => void): (request: ExportRequest) => void {
	let table: Table | null = null;
	let jobs: Job[] = [];

	const fail = (id: number, error: unknown) => post({ type: 'error', id, message: error instanceof Error ? error.message : String(error) });

	/** Writes what each export can write of the runs there; true while it waits for more. */
	function advance(job: Job): boolean {
		const { runs, received, total } = table!;
		const { classification, nearest = null, stability } = job.request;
		while (job.next < runs.length) {
			const { firms, from } = runs[job.next++];
			const n = firms.rows.count;
			const results = from === null ? undefined : runResults(classification, nearest, from, from + n);
			const written = job.exporter.write({ ...firms, results, stability: from === null ? undefined : stability?.slice(from, from + n) });
			if (written.bytes) job.parts.push(written.bytes);
			job.count += written.count;
			job.done += n;
			post({ type: 'progress', id: job.request.id, done: job.done, total });
		}
		if (received < total) return true;
		job.parts.push(job.exporter.end());
		post({ type: 'done', id: job.request.id, parts: job.parts, count: job.count }, job.parts.map((part) => part.buffer));
		return false;
	}

	function run(job: Job): boolean {
		try {
			return advance(job);
		} catch (error) {
			fail(job.request.id, error);
			return false;
		}
	}

	return (request) => {
		if (request.type === 'load') {
			for (const job of jobs) fail(job.request.id, new Error('the firms were replaced during the export'));
			jobs = [];
			table = { columns: request.columns, placed: request.placed, total: request.total, runs: [], received: 0, receivedPlaced: 0 };
		} else if (request.type === 'rows') {
			if (!table) return;
			const { type: _type, id: _id, ...firms } = request;
			const placed = !firms.rowProblems;
			table.runs.push({ firms, from: placed ? table.receivedPlaced : null });
			table.received += firms.rows.count;
			if (placed) table.receivedPlaced += firms.rows.count;
			jobs = jobs.filter(run);
		} else {
			try {
				if (!table) throw new Error('export: no firms were sent');
				const offsets = request.classification.offsets;
				if (offsets.length !== table.placed + 1) throw new Error(`export: ${table.placed} firms but a classification of ${offsets.length - 1}`);
				const exporter = createFirmExporter({ ...request.setup, columns: table.columns }, request);
				const job: Job = { request, exporter, parts: [exporter.start()], next: 0, done: 0, count: 0 };
				if (run(job)) jobs.push(job);
			} catch (error) {
				fail(request.id, error);
			}
		}
	};
}
