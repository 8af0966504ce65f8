/// <reference lib="webworker" />
/**
 * Imports a user's file off the main thread: a preview first (columns, guessed mapping, first
 * rows), then, once the user confirms, the whole file streamed in batches with progress, until
 * done or cancelled. The file and the parsed features of a preview are kept for the import.
 */
import type { FeatureCollection } from 'geojson';
import { InputError, packedRowsTransfer, streamChunks } from '$lib/core/io';
import { importFirms, ImportCancelled } from '$lib/data/import-firms';
import { importInstitutions } from '$lib/data/import-institutions';
import { previewImport, type ImportPreview } from '$lib/data/import-preview';
import type { ImportFailure, ImportReply, ImportRequest, StoreOutcome } from '$lib/data/import-protocol';
import type { ImportSource } from '$lib/data/import-source';
import { datasetHash, datasetRecordsToStore, isQuotaError, sessionStore } from '$lib/data/persist';
import type { DatasetRecords } from '$lib/data/stored-dataset';
import { importZones } from '$lib/data/import-zones';
import { townGeocoder } from '$lib/data/town-tables';

const scope = self as unknown as DedicatedWorkerGlobalScope;

let current: { source: ImportSource; preview: ImportPreview; features: FeatureCollection | null } | null = null;
const running = new Map<number, AbortController>();
/** The records of the last firms imported, until the page, having shown them, asks to store them. */
let unstored: { id: number; records: DatasetRecords } | null = null;

function post(reply: ImportReply, transfer: Transferable[] = []): void {
	scope.postMessage(reply, transfer);
}

let storing: Promise<void> = Promise.resolve();

/** Keeps the firms in the session store, here rather than on the page, where the copy would freeze it. */
async function store(records: DatasetRecords): Promise<StoreOutcome> {
	try {
		await sessionStore().saveDataset(records);
		return { ok: true };
	} catch (error) {
		return { ok: false, message: error instanceof Error ? error.message : String(error), quota: isQuotaError(error) };
	}
}

function fileSource(file: File): ImportSource {
	return {
		name: file.name,
		size: file.size,
		chunks: () => streamChunks(file.stream()),
		bytes: async () => new Uint8Array(await file.arrayBuffer())
	};
}

function failure(error: unknown, file: string): ImportFailure {
	if (error instanceof InputError) {
		const { file, line, column, message, hint, code, params } = error;
		return { file, line, column, message, hint, text: error.describe(), code, params };
	}
	const message = error instanceof Error ? error.message : String(error);
	return { file, message, text: `${file}: ${message}`, unexpected: true };
}

scope.onmessage = async (event: MessageEvent<ImportRequest>) => {
	const request = event.data;
	if (request.type === 'cancel') {
		running.get(request.of)?.abort();
		return;
	}
	if (request.type === 'store') {
		const records = unstored?.id === request.of ? unstored.records : null;
		unstored = null;
		// One write at a time: a later import's pieces must not interleave with this one's.
		storing = storing.then(async () =>
			post({ type: 'stored', id: request.id, outcome: records ? await store(records) : { ok: false, message: 'the firms were replaced before they could be stored', quota: false } })
		);
		return;
	}
	unstored = null;
	const controller = new AbortController();
	running.set(request.id, controller);
	const file = request.type === 'preview' ? request.file.name : (current?.source.name ?? '');
	try {
		if (request.type === 'preview') {
			current = null;
			const source = fileSource(request.file);
			const { preview, features } = await previewImport(source);
			current = { source, preview, features };
			post({ type: 'preview', id: request.id, preview });
		} else if (current === null) {
			throw new Error('no file was previewed');
		} else if (request.type === 'import-firms') {
			const { source, features } = current;
			const geocode = request.geocode && !features ? { minLevel: request.geocode.minLevel, towns: await townGeocoder() } : undefined;
			const result = await importFirms(source, {
				mapping: request.mapping,
				swap: request.swap,
				features,
				geocode,
				signal: controller.signal,
				onProgress: ({ bytesRead, rows }) => post({ type: 'progress', id: request.id, bytesRead, total: source.size, rows })
			});
			result.table.sha256 = await datasetHash(result.table);
			// The records to store are copies, made before the arrays move to the page: the page gets
			// the firms first, and asks for the store to be written once it shows them.
			unstored = { id: request.id, records: datasetRecordsToStore(result.table) };
			// One message: the rows' text is copied once, every typed array moves without a copy.
			const { lon, lat, rows, industry } = result.table;
			post({ type: 'firms', id: request.id, ...result }, [lon.buffer, lat.buffer, industry.index.buffer, ...packedRowsTransfer(rows)]);
		} else if (request.type === 'import-institutions') {
			const { source, preview, features } = current;
			const result = await importInstitutions(source, { mapping: request.mapping, swap: request.swap, columns: preview.columns, features });
			post({ type: 'institutions', id: request.id, ...result });
		} else {
			if (!current.features) throw new Error('zones need a GeoJSON or Shapefile');
			const result = importZones(current.features, { file: current.source.name, nameColumn: request.nameColumn });
			post({ type: 'zones', id: request.id, ...result });
		}
	} catch (error) {
		if (error instanceof ImportCancelled) post({ type: 'cancelled', id: request.id });
		else post({ type: 'failed', id: request.id, failure: failure(error, file) });
	} finally {
		running.delete(request.id);
	}
};
