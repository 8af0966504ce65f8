/**
 * Messages between the app and the export worker. One export per worker: the request carries the
 * firms and zones, the worker answers with progress and then the file's bytes (transferred).
 */
import type { FirmExportFilter, FirmExportFormat, FirmExportInput } from './export-firms';

export interface ExportRequest {
	type: 'export';
	input: FirmExportInput;
	format: FirmExportFormat;
	filter: FirmExportFilter;
}

export interface ExportProgressReply {
	type: 'progress';
	done: number;
	total: number;
}

export interface ExportDoneReply {
	type: 'done';
	parts: Uint8Array<ArrayBuffer>[];
	/** Firms written. */
	count: number;
}

export interface ExportErrorReply {
	type: 'error';
	message: string;
}

export type ExportReply = ExportProgressReply | ExportDoneReply | ExportErrorReply;
