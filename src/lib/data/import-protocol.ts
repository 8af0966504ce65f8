/**
 * Messages between the page and the import worker, through the worker gateway: every request
 * carries an id and its replies name it, so a reply to a superseded request (another file chosen,
 * the dialog closed) is dropped.
 */
import type { ImportProblem, InputErrorCode, InputErrorParams, InstitutionPoint } from '$lib/core/io';
import type { Zone } from '$lib/core/model';
import type { LevelCounts } from '$lib/core/geocode/geocode-batch';
import type { GeocodeLevel } from '$lib/core/geocode/geocoder';
import type { FirmTable } from '$lib/core/firm-table';
import type { InstitutionMapping } from './import-institutions';
import type { ColumnMapping, ImportPreview } from './import-preview';

export type ImportRequest =
	| { type: 'preview'; id: number; file: File }
	/** With `geocode`, the firms are placed by their address column (offline) instead of coordinates. */
	| { type: 'import-firms'; id: number; mapping: ColumnMapping; swap: boolean; geocode?: { minLevel: GeocodeLevel } }
	| { type: 'import-zones'; id: number; nameColumn?: string }
	| { type: 'import-institutions'; id: number; mapping: InstitutionMapping; swap: boolean }
	/** Keeps the firms of import `of`, now shown, in the browser's session store (see `StoreOutcome`). */
	| { type: 'store'; id: number; of: number }
	/** Stops import `of` between batches; it answers `cancelled` (or its result, if it was done first). */
	| { type: 'cancel'; id: number; of: number };

/** A file that cannot be used, as `InputError` says it: where, what, what to do. */
export interface ImportFailure {
	file: string;
	line?: number;
	column?: string;
	message: string;
	hint?: string;
	/** The whole sentence, English (the engine's words). */
	text: string;
	/** What is wrong, for wording it in the UI language (absent: show `text`). */
	code?: InputErrorCode;
	params?: InputErrorParams;
	/** Not the file's fault: an unexpected failure, to report. */
	unexpected?: boolean;
}

/**
 * Whether the import worker kept the firms in the browser's session store. The worker does it so
 * that the page never serializes a million rows itself (over a second of a frozen page).
 */
export type StoreOutcome = { ok: true } | { ok: false; message: string; quota: boolean };

export type ImportReply =
	| { type: 'preview'; id: number; preview: ImportPreview }
	| { type: 'progress'; id: number; bytesRead: number; total: number; rows: number }
	| { type: 'firms'; id: number; table: FirmTable; problems: ImportProblem[]; rows: number; levels?: LevelCounts }
	/** The answer to `store`. */
	| { type: 'stored'; id: number; outcome: StoreOutcome }
	| { type: 'zones'; id: number; zones: Zone[]; problems: ImportProblem[] }
	| { type: 'institutions'; id: number; institutions: InstitutionPoint[]; problems: ImportProblem[]; rows: number }
	| { type: 'failed'; id: number; failure: ImportFailure }
	| { type: 'cancelled'; id: number };
