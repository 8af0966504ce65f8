/**
 * Messages between the app and the export worker, one export per worker. The firms go over in runs
 * ("rows"), so that the page never stops for the copy of a whole dataset and the worker writes
 * each run as it comes; "end" asks for the file, which comes back transferred, not copied.
 */
import type { FirmExportFilter, FirmExportFormat, FirmExportSetup, FirmRows } from './export-firms';

export interface ExportStartRequest {
	type: 'start';
	setup: FirmExportSetup;
	format: FirmExportFormat;
	filter: FirmExportFilter;
	/** Firms that will be sent, for progress. */
	total: number;
}

export interface ExportRowsRequest extends FirmRows {
	type: 'rows';
}

export interface ExportEndRequest {
	type: 'end';
}

export type ExportRequest = ExportStartRequest | ExportRowsRequest | ExportEndRequest;

export interface ExportProgressReply {
	type: 'progress';
	/** Firms written so far (filtered or not). */
	done: number;
	total: number;
}

export interface ExportDoneReply {
	type: 'done';
	parts: Uint8Array<ArrayBuffer>[];
	/** Firms in the file. */
	count: number;
}

export interface ExportErrorReply {
	type: 'error';
	message: string;
}

export type ExportReply = ExportProgressReply | ExportDoneReply | ExportErrorReply;
