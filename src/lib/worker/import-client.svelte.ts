/**
 * The page's side of the import worker: one file at a time, from preview to result, as reactive
 * state the import dialog shows (phase, preview, progress, failure, problems). Requests go through
 * the worker gateway: a preview or import is one job of kind 'file', so choosing another file or
 * closing the dialog drops the replies of the one before.
 */
import type { ImportProblem, InstitutionPoint } from '$lib/core/io';
import type { Zone } from '$lib/core/model';
import type { LevelCounts } from '$lib/core/geocode/geocode-batch';
import type { GeocodeLevel } from '$lib/core/geocode/geocoder';
import type { FirmTable } from '$lib/core/firm-table';
import type { InstitutionMapping } from '$lib/data/import-institutions';
import type { ColumnMapping, ImportPreview } from '$lib/data/import-preview';
import type { ImportFailure, ImportReply, ImportRequest, StoreOutcome } from '$lib/data/import-protocol';
import { WorkerGateway, type Unnumbered, type WorkerPort } from './gateway';

/** The import worker, or a stand-in in tests. */
export type ImportPort = WorkerPort<ImportRequest, ImportReply>;

const newWorker = (): ImportPort => new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' }) as unknown as ImportPort;

export type ImportPhase = 'idle' | 'reading' | 'mapping' | 'importing' | 'done' | 'failed';

/** What a file becomes; imported institutions join the bundled ones or replace them. */
export type ImportTarget = { as: 'firms' | 'zones' | 'reference'; nameColumn?: string } | { as: 'institutions'; mode: 'add' | 'replace' };

export interface ImportResult {
	firms?: FirmTable;
	zones?: Zone[];
	institutions?: InstitutionPoint[];
	problems: ImportProblem[];
	/** Rows (or features) read. */
	rows: number;
	/** Firms located by address: rows per level reached. */
	levels?: LevelCounts;
}

export class ImportClient {
	phase = $state<ImportPhase>('idle');
	file = $state<string | null>(null);
	preview = $state.raw<ImportPreview | null>(null);
	progress = $state.raw<{ bytesRead: number; total: number; rows: number } | null>(null);
	failure = $state.raw<ImportFailure | null>(null);
	/** Told whether imported firms were kept in the session store (they are stored after they are shown). */
	onstored: ((outcome: StoreOutcome) => void) | null = null;
	result = $state.raw<ImportResult | null>(null);

	#makePort: () => ImportPort;
	/** Started with the first file, and again after the worker failed. */
	#gateway: WorkerGateway<ImportRequest, ImportReply> | null = null;

	/** @param makePort makes the worker (default a new import worker) */
	constructor(makePort: () => ImportPort = newWorker) {
		this.#makePort = makePort;
	}

	/** Reads the start of a file and guesses its columns (phase 'reading', then 'mapping' or 'failed'). */
	open(file: File): void {
		this.file = file.name;
		this.preview = null;
		this.failure = null;
		this.result = null;
		this.progress = null;
		this.phase = 'reading';
		void this.#ask({ type: 'preview', file }).then((reply) => {
			if (reply?.type === 'preview') {
				this.preview = reply.preview;
				this.phase = 'mapping';
			} else if (reply?.type === 'failed') this.#fail(reply.failure);
		});
	}

	/**
	 * Imports the previewed file as firms with this mapping; resolves with the result, or null if
	 * cancelled or failed. The worker then keeps the firms in the session store (see `onstored`).
	 */
	importFirms(mapping: ColumnMapping, swap: boolean, geocode?: { minLevel: GeocodeLevel }): Promise<ImportResult | null> {
		return this.#run({ type: 'import-firms', mapping: $state.snapshot(mapping), swap, ...(geocode && { geocode: { ...geocode } }) });
	}

	/** Imports the previewed features as zones. */
	importZones(nameColumn?: string): Promise<ImportResult | null> {
		return this.#run({ type: 'import-zones', nameColumn });
	}

	/** Imports the previewed file as R&D institutions with this mapping. */
	importInstitutions(mapping: InstitutionMapping, swap: boolean): Promise<ImportResult | null> {
		return this.#run({ type: 'import-institutions', mapping: $state.snapshot(mapping), swap });
	}

	/** Stops the import under way (the worker stops between batches, and answers 'cancelled'). */
	cancel(): void {
		const id = this.#gateway?.latest('file');
		if (this.phase === 'importing' && id !== undefined) this.#gateway!.post({ type: 'cancel', of: id });
		else if (this.phase === 'reading') this.close();
	}

	/** Forgets the file; a reply still on its way is dropped. */
	close(): void {
		this.#gateway?.cancel('file');
		this.phase = 'idle';
		this.file = null;
		this.preview = null;
		this.progress = null;
	}

	destroy(): void {
		this.#gateway?.terminate();
		this.#gateway = null;
	}

	async #run(request: Unnumbered<ImportRequest>): Promise<ImportResult | null> {
		this.phase = 'importing';
		this.failure = null;
		this.progress = { bytesRead: 0, total: this.preview?.size ?? 0, rows: 0 };
		const reply = await this.#ask(request, (progress) => {
			if (progress.type === 'progress') this.progress = { bytesRead: progress.bytesRead, total: progress.total, rows: progress.rows };
		});
		// Null: another file was chosen or the dialog closed meanwhile (the phase is theirs), or the worker failed.
		if (reply === null) return null;
		if (reply.type === 'failed') return this.#fail(reply.failure);
		if (reply.type === 'cancelled') {
			this.phase = 'mapping';
			this.progress = null;
			return null;
		}
		let result: ImportResult;
		if (reply.type === 'firms') {
			result = { firms: reply.table, problems: reply.problems, rows: reply.rows, ...(reply.levels && { levels: reply.levels }) };
			this.#store(reply.id);
		} else if (reply.type === 'institutions') result = { institutions: reply.institutions, problems: reply.problems, rows: reply.rows };
		else if (reply.type === 'zones') result = { zones: reply.zones, problems: reply.problems, rows: reply.zones.length };
		else return null;
		this.result = result;
		this.phase = 'done';
		return result;
	}

	/** Asks the worker to keep the firms of import `of`, now that they are shown; the outcome goes to `onstored`. */
	#store(of: number): void {
		this.#ask({ type: 'store', of }, undefined, 'store').then(
			(reply) => reply?.type === 'stored' && this.onstored?.(reply.outcome),
			(error: Error) => this.onstored?.({ ok: false, message: error.message, quota: false })
		);
	}

	#fail(failure: ImportFailure): null {
		this.failure = failure;
		this.phase = 'failed';
		return null;
	}

	/** One job of `kind` ('file': the newest wins); null when dropped, or when the worker failed. */
	#ask(request: Unnumbered<ImportRequest>, onreply?: (reply: ImportReply) => void, kind = 'file'): Promise<ImportReply | null> {
		this.#gateway ??= new WorkerGateway<ImportRequest, ImportReply>(this.#makePort(), undefined, (message) => {
			// The worker is gone: the next file starts another.
			this.#gateway?.terminate();
			this.#gateway = null;
			this.#fail({ file: this.file ?? '', message, text: `${this.file ?? ''}: ${message}`, unexpected: true });
		});
		const { reply } = this.#gateway.ask(kind, request, { latestWins: kind === 'file', last: (reply) => reply.type !== 'progress', onreply });
		return kind === 'file' ? reply.catch(() => null) : reply;
	}
}
