/**
 * The app's side of the export worker. The worker keeps the firm table, sent once per dataset in
 * runs with a pause between them (the page stays responsive while a large dataset is copied over);
 * each export then sends only its classification and settings, and resolves with the file as a
 * Blob. The first export of a dataset is written while its runs arrive.
 */
import { sliceRows, packedRowsTransfer } from '$lib/core/io/packed-rows';
import type { FirmExportFilter, FirmExportFormat, FirmExportInput, FirmRows } from './export-firms';
import type { ExportFileRequest, ExportReply, ExportRequest } from './export-protocol';
import { unplacedRun } from './export-unplaced';
import { WorkerGateway, type Unnumbered, type WorkerPort } from './gateway';

export const EXPORT_MIME: Record<FirmExportFormat, string> = {
	csv: 'text/csv;charset=utf-8',
	'csv-sjis': 'text/csv;charset=shift_jis',
	geojson: 'application/geo+json'
};

/** The export worker, or a stand-in in tests. */
export type ExportPort = WorkerPort<ExportRequest, ExportReply>;

/** The firms an export writes (a `FirmTable`): sent to the worker once, and known by identity. */
export type ExportTable = Pick<FirmExportInput, 'columns' | 'rows' | 'lon' | 'lat' | 'unplaced'>;

/** What one export adds to the table: zones, classification, institutions, stability. */
export type ExportJob = Omit<FirmExportInput, keyof ExportTable>;

export interface ExportOptions {
	format: FirmExportFormat;
	filter: FirmExportFilter;
	onprogress?: (done: number, total: number) => void;
}

/** Firms per message: a copy of a few tens of milliseconds. */
const RUN = 2000;

const newWorker = (): ExportPort => new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module' }) as unknown as ExportPort;

export class ExportClient {
	#makePort: () => ExportPort;
	#gateway: WorkerGateway<ExportRequest, ExportReply> | null = null;
	/** The table the worker holds; weakly, so that a replaced dataset is not kept alive here. */
	#loaded: WeakRef<ExportTable> | null = null;
	/** Exports run one after another: each may have to load the table first. */
	#queue: Promise<unknown> = Promise.resolve();

	/** @param makePort makes the worker (default a new export worker) */
	constructor(makePort: () => ExportPort = newWorker) {
		this.#makePort = makePort;
	}

	/**
	 * Exports `table` with `job`'s results; the table goes to the worker only if it holds another.
	 *
	 * @example
	 * const { blob, count } = await client.run(sample, { zones, classification, institutionIds: null }, { format: 'csv', filter: 'all' });
	 */
	run(table: ExportTable, job: ExportJob, options: ExportOptions): Promise<{ blob: Blob; count: number }> {
		const next = this.#queue.then(() => this.#run(table, job, options));
		this.#queue = next.catch(() => {});
		return next;
	}

	/** Ends the worker, once the exports asked for are done, unless it holds `table`: its copy of a dataset no longer shown is freed. */
	keepOnly(table: ExportTable | null): Promise<void> {
		const release = this.#queue.then(() => {
			if (this.#gateway && this.#loaded?.deref() !== table) this.destroy();
		});
		this.#queue = release;
		return release;
	}

	destroy(): void {
		this.#gateway?.terminate();
		this.#gateway = null;
		this.#loaded = null;
	}

	async #run(table: ExportTable, job: ExportJob, options: ExportOptions): Promise<{ blob: Blob; count: number }> {
		const gateway = (this.#gateway ??= new WorkerGateway(this.#makePort(), undefined, () => this.destroy()));
		const loading = this.#loaded?.deref() !== table;
		const unplaced = table.unplaced ?? [];
		if (loading) {
			gateway.post({ type: 'load', columns: [...table.columns], placed: table.rows.count, total: table.rows.count + unplaced.length });
			this.#loaded = new WeakRef(table);
		}
		let settled = false;
		const request = exportRequest(job, options);
		const { reply } = gateway.ask('export', request, {
			transfer: transferOf(request),
			last: (reply) => reply.type !== 'progress',
			onreply: (reply) => reply.type === 'progress' && options.onprogress?.(reply.done, reply.total)
		});
		const answered = reply.finally(() => (settled = true));
		if (loading) {
			for (const run of runsOf(table)) {
				// Answered before the table is all there: an error, or the worker failed; the next export loads it again.
				if (settled || this.#gateway !== gateway) {
					if (this.#loaded?.deref() === table) this.#loaded = null;
					break;
				}
				gateway.post({ type: 'rows', ...run }, [run.lon.buffer, run.lat.buffer, ...packedRowsTransfer(run.rows)]);
				await new Promise((next) => setTimeout(next, 0));
			}
		}
		const answer = await answered;
		if (answer === null) throw new Error('the export was stopped');
		if (answer.type !== 'done') throw new Error(answer.type === 'error' ? answer.message : 'the export worker answered out of turn');
		return { blob: new Blob(answer.parts, { type: EXPORT_MIME[options.format] }), count: answer.count };
	}
}

/** The request of one export: copies of the page's results, moved to the worker. */
function exportRequest(job: ExportJob, options: ExportOptions): Unnumbered<ExportFileRequest> {
	const { classification, nearest, stability, ...setup } = job;
	return {
		type: 'export',
		setup,
		format: options.format,
		filter: options.filter,
		classification: { offsets: classification.offsets.slice(), zoneIndices: classification.zoneIndices.slice() },
		nearest: nearest ? { index: nearest.index.slice(), km: nearest.km.slice() } : null,
		stability: stability?.slice()
	};
}

function transferOf(request: Pick<ExportFileRequest, 'classification' | 'nearest' | 'stability'>): Transferable[] {
	const { classification, nearest, stability } = request;
	return [classification.offsets.buffer, classification.zoneIndices.buffer, ...(nearest ? [nearest.index.buffer, nearest.km.buffer] : []), ...(stability ? [stability.buffer] : [])];
}

/** The table in runs: firms with a position, then (as in exportFirms) those without, so the file keeps every row. */
function* runsOf(table: ExportTable): Generator<Omit<FirmRows, 'results' | 'stability'>> {
	const { rows, lon, lat, unplaced = [] } = table;
	for (let from = 0; from < rows.count; from += RUN) {
		const to = Math.min(rows.count, from + RUN);
		yield { rows: sliceRows(rows, from, to), lon: lon.slice(from, to), lat: lat.slice(from, to) };
	}
	for (let from = 0; from < unplaced.length; from += RUN) yield unplacedRun(unplaced.slice(from, from + RUN));
}
