/**
 * The working session kept in the browser (IndexedDB through idb): the zones, which firms they go
 * with, and an imported firm dataset itself, so that a reload brings everything back. Settings
 * keep to localStorage (see settings.svelte.ts).
 */
import { openDB } from 'idb';
import { isPackedRows, packRows, unpackRows } from '$lib/core/io/packed-rows';
import type { Zone } from '$lib/core/model';
import { codeColumn, type CodeColumn, type FirmTable } from '$lib/core/firm-table';
import type { ImportedInstitutions } from './import-institutions';
import type { ReferenceLayer } from './reference-layers';
import { datasetFromRecords, datasetRecords, isDatasetManifest, manifestKeys, type DatasetRecords } from './stored-dataset';

/** Which firms a session was made with. */
export interface DatasetRef {
	file: string;
	rows: number;
	/** Hex SHA-256 of the columns and rows (see {@link datasetHash}). */
	sha256: string;
	/** True for the synthetic sample that ships with the app. */
	bundled: boolean;
}

/** What is saved on every change. */
export interface StoredSession {
	version: 1;
	savedAt: string;
	zones: Zone[];
	dataset: DatasetRef | null;
	/** Institutions the user imported (added to or replacing the bundled ones); absent: the bundled ones. */
	institutions?: ImportedInstitutions | null;
	/** Polygon layers drawn for reference (outlines and labels), never classified. */
	references?: ReferenceLayer[];
}

/** Keys and values, as IndexedDB's object store offers them; a Map stands in for it in tests. */
export interface KeyValueBackend {
	get(key: string): Promise<unknown>;
	put(key: string, value: unknown): Promise<void>;
	delete(key: string): Promise<void>;
	keys(): Promise<string[]>;
}

/** A stored session that could not be read, kept aside under its own key instead of being overwritten. */
export interface SetAsideSession {
	key: string;
	/** `newer`: saved by a later version of the app; `damaged`: not a session this app can read. */
	reason: 'newer' | 'damaged';
	/** The record as JSON, for the user to download (typed arrays and the like as plain values). */
	json: string;
}

export interface SessionStore {
	/**
	 * The saved session and imported dataset, each null when there is none. A session record that
	 * cannot be read is copied aside first (`setAside`), so the next save does not destroy it.
	 */
	load(): Promise<{ session: StoredSession | null; dataset: FirmTable | null; setAside?: SetAsideSession | null }>;
	saveSession(session: StoredSession): Promise<void>;
	/**
	 * Keeps an imported dataset, or the records `datasetRecordsToStore` made of one (which can be
	 * made before the dataset's arrays are transferred elsewhere); null forgets it (the bundled
	 * sample is never stored).
	 */
	saveDataset(dataset: FirmTable | DatasetRecords | null): Promise<void>;
	clear(): Promise<void>;
}

const DB_NAME = 'cluster-map';
const STORE = 'working';
const SESSION_KEY = 'session';
const DATASET_KEY = 'dataset';
/** Rows per piece of a dataset hash: bounds the strings made at once. */
const HASH_RUN = 10_000;

/**
 * The session store over IndexedDB, or over `backend` when given.
 *
 * @example
 * const store = sessionStore();
 * await store.saveSession({ version: 1, savedAt: new Date().toISOString(), zones, dataset: null });
 */
export function sessionStore(backend: KeyValueBackend = indexedDbBackend()): SessionStore {
	return {
		async load() {
			const [session, dataset] = await Promise.all([backend.get(SESSION_KEY), backend.get(DATASET_KEY)]);
			const readable = isStoredSession(session);
			const aside = readable || session === undefined || session === null ? null : await setAside(backend, session);
			return {
				...(aside ? { setAside: aside } : {}),
				session: readable ? session : null,
				dataset: isDatasetManifest(dataset) ? await datasetFromRecords(dataset, (key) => backend.get(key)) : storedSample(dataset)
			};
		},
		saveSession: (session) => backend.put(SESSION_KEY, session),
		async saveDataset(dataset) {
			if (dataset) await putPieces(backend, dataset);
			else await backend.delete(DATASET_KEY);
			await deleteUnlistedPieces(backend);
		},
		async clear() {
			await backend.delete(SESSION_KEY);
			await backend.delete(DATASET_KEY);
			await deleteUnlistedPieces(backend);
		}
	};
}

/**
 * Removes the pieces the stored manifest does not list: those of the dataset stored before, and
 * any left by a write the page's closing cut short.
 */
async function deleteUnlistedPieces(backend: KeyValueBackend): Promise<void> {
	const manifest = await backend.get(DATASET_KEY);
	const listed = new Set(isDatasetManifest(manifest) ? manifestKeys(manifest) : []);
	for (const key of await backend.keys()) if (key.startsWith(`${DATASET_KEY}-`) && !listed.has(key)) await backend.delete(key);
}

/**
 * The records a dataset is stored as (copies of its columns), for `saveDataset`.
 *
 * @example
 * const records = datasetRecordsToStore(sample); // then transfer the sample's arrays
 * await sessionStore().saveDataset(records);
 */
export function datasetRecordsToStore(dataset: FirmTable): DatasetRecords {
	return datasetRecords(dataset, `${DATASET_KEY}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`);
}

/** Writes a dataset's pieces, then the manifest that lists them; a write cut short removes what it wrote. */
async function putPieces(backend: KeyValueBackend, dataset: FirmTable | DatasetRecords): Promise<void> {
	const { manifest, pieces } = 'manifest' in dataset ? dataset : datasetRecordsToStore(dataset);
	const written: string[] = [];
	try {
		for (const [key, value] of pieces) {
			written.push(key);
			await backend.put(key, value);
		}
		await backend.put(DATASET_KEY, manifest);
	} catch (error) {
		for (const key of written) await backend.delete(key).catch(() => undefined);
		throw error;
	}
}

/**
 * IndexedDB database "cluster-map", one object store; opened on first use.
 *
 * @example
 * const store = sessionStore(indexedDbBackend());
 */
export function indexedDbBackend(name = DB_NAME): KeyValueBackend {
	let db: ReturnType<typeof openDB> | null = null;
	const open = () => (db ??= openDB(name, 1, { upgrade: (d) => void d.createObjectStore(STORE) }));
	return {
		get: async (key) => (await open()).get(STORE, key),
		put: async (key, value) => void (await (await open()).put(STORE, value, key)),
		delete: async (key) => (await open()).delete(STORE, key),
		keys: async () => (await (await open()).getAllKeys(STORE)).map(String)
	};
}

/**
 * A backend in memory that copies values as IndexedDB does (structured clone).
 *
 * @example
 * const store = sessionStore(memoryBackend());
 */
export function memoryBackend(): KeyValueBackend & { data: Map<string, unknown> } {
	const data = new Map<string, unknown>();
	return {
		data,
		get: async (key) => structuredClone(data.get(key)),
		put: async (key, value) => void data.set(key, structuredClone(value)),
		delete: async (key) => void data.delete(key),
		keys: async () => [...data.keys()]
	};
}

/**
 * Hex SHA-256 of a dataset's columns and rows (as JSON), to tell whether a session file meets the
 * same firms it was made with. Coordinates are columns too, so they are covered.
 *
 * @example
 * await datasetHash({ columns: ['id'], rows: packRows([['F1']]) }); // '…64 hex digits…'
 */
export async function datasetHash(sample: Pick<FirmTable, 'columns' | 'rows'>): Promise<string> {
	// The JSON of [columns, rows as arrays of strings], as hashes were made before rows were packed,
	// so that session files saved then still match; written a run of rows at a time.
	const encoder = new TextEncoder();
	const parts = [encoder.encode(`[${JSON.stringify(sample.columns)},[`)];
	const { rows } = sample;
	for (let from = 0; from < rows.count; from += HASH_RUN) {
		const run = JSON.stringify(unpackRows(rows, from, Math.min(rows.count, from + HASH_RUN))).slice(1, -1);
		parts.push(encoder.encode(from > 0 ? `,${run}` : run));
	}
	parts.push(encoder.encode(']]'));
	const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
	parts.reduce((at, part) => (bytes.set(part, at), at + part.length), 0);
	const digest = await crypto.subtle.digest('SHA-256', bytes);
	return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Whether an error from storage means the browser's quota is used up. */
export function isQuotaError(error: unknown): boolean {
	const name = (error as { name?: string } | null)?.name;
	const inner = (error as { inner?: { name?: string } } | null)?.inner?.name;
	return name === 'QuotaExceededError' || inner === 'QuotaExceededError';
}

/** Copies an unreadable session record to a key of its own, which no save or clear touches. */
async function setAside(backend: KeyValueBackend, value: unknown): Promise<SetAsideSession> {
	const key = `${SESSION_KEY}-unreadable-${Date.now().toString(36)}`;
	await backend.put(key, value);
	const version = (value as { version?: unknown } | null)?.version;
	let json: string;
	try {
		json = JSON.stringify(value, null, '\t') ?? String(value);
	} catch {
		json = String(value);
	}
	return { key, reason: typeof version === 'number' && version > 1 ? 'newer' : 'damaged', json };
}

/** A session this version can use: every zone with an id, a name and a polygonal geometry. */
function isStoredSession(value: unknown): value is StoredSession {
	const v = value as StoredSession | null;
	if (typeof v !== 'object' || v === null || v.version !== 1 || !Array.isArray(v.zones)) return false;
	const polygonal = (g: unknown) => typeof g === 'object' && g !== null && ['Polygon', 'MultiPolygon'].includes((g as { type?: unknown }).type as string) && Array.isArray((g as { coordinates?: unknown }).coordinates);
	const zonesOk = v.zones.every((z) => typeof z === 'object' && z !== null && typeof z.id === 'string' && typeof z.name === 'string' && polygonal(z.geometry));
	const referencesOk = v.references === undefined || Array.isArray(v.references);
	const datasetOk = v.dataset === null || v.dataset === undefined || (typeof v.dataset === 'object' && typeof v.dataset.file === 'string');
	return zonesOk && referencesOk && datasetOk;
}

/**
 * A stored firm dataset, or null. One stored before rows and industry codes were packed (arrays
 * of strings) is packed now.
 */
function storedSample(value: unknown): FirmTable | null {
	const v = value as (Omit<FirmTable, 'rows' | 'industry'> & { rows: unknown; industry: unknown }) | null;
	if (typeof v !== 'object' || v === null || !Array.isArray(v.columns) || !(v.lon instanceof Float64Array) || !(v.lat instanceof Float64Array)) return null;
	const industry = Array.isArray(v.industry) && v.industry.every((code) => typeof code === 'string') ? codeColumn(v.industry) : v.industry;
	if (!isCodeColumn(industry) || industry.index.length !== v.lon.length) return null;
	if (isPackedRows(v.rows)) return { ...v, rows: v.rows, industry };
	if (Array.isArray(v.rows) && v.rows.every((row) => Array.isArray(row))) return { ...v, rows: packRows(v.rows as string[][]), industry };
	return null;
}

function isCodeColumn(value: unknown): value is CodeColumn {
	const v = value as CodeColumn | null;
	return typeof v === 'object' && v !== null && Array.isArray(v.codes) && v.index instanceof Uint16Array;
}
