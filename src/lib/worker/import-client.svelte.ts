/**
 * The page's side of the import worker: one file at a time, from preview to result, as reactive
 * state the import dialog shows (phase, preview, progress, failure, problems).
 */
import type { ImportProblem, InstitutionPoint } from '$lib/core/io';
import type { Zone } from '$lib/core/model';
import type { LevelCounts } from '$lib/core/geocode/geocode-batch';
import type { GeocodeLevel } from '$lib/core/geocode/geocoder';
import type { FirmTable } from '$lib/core/firm-table';
import type { InstitutionMapping } from '$lib/data/import-institutions';
import type { ColumnMapping, ImportPreview } from '$lib/data/import-preview';
import type { ImportFailure, ImportReply, ImportRequest, StoreOutcome } from '$lib/data/import-protocol';

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

	#worker: Worker | null = null;
	#id = 0;
	#settle: ((result: ImportResult | null) => void) | null = null;

	/** Reads the start of a file and guesses its columns (phase 'reading', then 'mapping' or 'failed'). */
	open(file: File): void {
		this.#finish(null);
		this.file = file.name;
		this.preview = null;
		this.failure = null;
		this.result = null;
		this.progress = null;
		this.phase = 'reading';
		this.#send({ type: 'preview', id: ++this.#id, file });
	}

	/**
	 * Imports the previewed file as firms with this mapping; resolves with the result, or null if
	 * cancelled or failed. The worker then keeps the firms in the session store (see `onstored`).
	 */
	importFirms(mapping: ColumnMapping, swap: boolean, geocode?: { minLevel: GeocodeLevel }): Promise<ImportResult | null> {
		return this.#run({ type: 'import-firms', id: ++this.#id, mapping: $state.snapshot(mapping), swap, ...(geocode && { geocode: { ...geocode } }) });
	}

	/** Imports the previewed features as zones. */
	importZones(nameColumn?: string): Promise<ImportResult | null> {
		return this.#run({ type: 'import-zones', id: ++this.#id, nameColumn });
	}

	/** Imports the previewed file as R&D institutions with this mapping. */
	importInstitutions(mapping: InstitutionMapping, swap: boolean): Promise<ImportResult | null> {
		return this.#run({ type: 'import-institutions', id: ++this.#id, mapping: $state.snapshot(mapping), swap });
	}

	/** Stops the import under way (the worker stops between batches). */
	cancel(): void {
		if (this.phase === 'importing') this.#send({ type: 'cancel', id: this.#id });
		else if (this.phase === 'reading') this.close();
	}

	/** Forgets the file; a reply still on its way is dropped. */
	close(): void {
		this.#id++;
		this.#finish(null);
		this.phase = 'idle';
		this.file = null;
		this.preview = null;
		this.progress = null;
	}

	destroy(): void {
		this.#worker?.terminate();
		this.#worker = null;
	}

	#run(request: ImportRequest): Promise<ImportResult | null> {
		this.#finish(null);
		this.phase = 'importing';
		this.failure = null;
		this.progress = { bytesRead: 0, total: this.preview?.size ?? 0, rows: 0 };
		return new Promise((resolve) => {
			this.#settle = resolve;
			this.#send(request);
		});
	}

	#finish(result: ImportResult | null): void {
		const settle = this.#settle;
		this.#settle = null;
		settle?.(result);
	}

	#send(request: ImportRequest): void {
		if (!this.#worker) {
			this.#worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
			this.#worker.onmessage = (event: MessageEvent<ImportReply>) => this.#receive(event.data);
			this.#worker.onerror = (event) => {
				this.failure = { file: this.file ?? '', message: event.message || 'the import stopped', text: `${this.file ?? ''}: ${event.message || 'the import stopped'}`, unexpected: true };
				this.phase = 'failed';
				this.#worker?.terminate();
				this.#worker = null;
				this.#finish(null);
			};
		}
		this.#worker.postMessage(request);
	}

	#receive(reply: ImportReply): void {
		// Firms already handed over are being stored whatever the user has chosen since.
		if (reply.type === 'stored') return this.onstored?.(reply.outcome);
		if (reply.id !== this.#id) return;
		switch (reply.type) {
			case 'preview':
				this.preview = reply.preview;
				this.phase = 'mapping';
				break;
			case 'progress':
				this.progress = { bytesRead: reply.bytesRead, total: reply.total, rows: reply.rows };
				break;
			case 'firms':
			case 'zones':
			case 'institutions': {
				const result: ImportResult =
					reply.type === 'firms'
						? { firms: reply.sample, problems: reply.problems, rows: reply.rows, ...(reply.levels && { levels: reply.levels }) }
						: reply.type === 'institutions'
							? { institutions: reply.institutions, problems: reply.problems, rows: reply.rows }
							: { zones: reply.zones, problems: reply.problems, rows: reply.zones.length };
				this.result = result;
				this.phase = 'done';
				this.#finish(result);
				break;
			}
			case 'failed':
				this.failure = reply.failure;
				this.phase = 'failed';
				this.#finish(null);
				break;
			case 'cancelled':
				this.phase = 'mapping';
				this.progress = null;
				this.#finish(null);
				break;
		}
	}
}
