/**
 * Messages between the app and the export worker, through the worker gateway. The worker holds
 * the firm table, sent once per dataset: "load", then the firms in runs ("rows"), so that the page
 * never stops for the copy of a whole dataset. Each "export" then sends only what the export adds
 * (the classification, nearest institutions, stability, columns to write) and is written as the
 * runs are there; the file comes back transferred, not copied.
 */
import type { FirmExportFilter, FirmExportFormat, FirmExportSetup, FirmRows } from './export-firms';

/** A new firm table: the previous one is dropped, and its runs follow. */
export interface ExportLoadRequest {
	type: 'load';
	id: number;
	columns: readonly string[];
	/** Firms with a position (sent first), and all firms with those without one. */
	placed: number;
	total: number;
}

/** A run of the table being loaded: firms with a position in order, then those without (with `rowProblems`). */
export interface ExportRowsRequest extends Omit<FirmRows, 'results' | 'stability'> {
	type: 'rows';
	id: number;
}

/** Writes the loaded table with these results; answered by progress, then done or error. */
export interface ExportFileRequest {
	type: 'export';
	id: number;
	setup: Omit<FirmExportSetup, 'columns'>;
	format: FirmExportFormat;
	filter: FirmExportFilter;
	/** Per firm with a position: its zones (CSR), nearest institution and stability. */
	classification: { offsets: Uint32Array; zoneIndices: Uint32Array };
	nearest?: { index: Int32Array; km: Float64Array } | null;
	stability?: Float64Array;
}

export type ExportRequest = ExportLoadRequest | ExportRowsRequest | ExportFileRequest;

export interface ExportProgressReply {
	type: 'progress';
	id: number;
	/** Firms written so far (filtered or not). */
	done: number;
	total: number;
}

export interface ExportDoneReply {
	type: 'done';
	id: number;
	parts: Uint8Array<ArrayBuffer>[];
	/** Firms in the file. */
	count: number;
}

export interface ExportErrorReply {
	type: 'error';
	id: number;
	message: string;
}

export type ExportReply = ExportProgressReply | ExportDoneReply | ExportErrorReply;
