/**
 * The working session: the zones, the settings and the firms on the page, saved in the browser a
 * moment after every change and brought back on the next visit. Storage failures are told to the
 * user (nothing is dropped quietly); "New session" starts again from the bundled sample.
 */
import type { Zone } from '$lib/core/model';
import type { FirmTable } from '$lib/core/firm-table';
import type { ImportedInstitutions } from '$lib/data/import-institutions';
import type { StoreOutcome } from '$lib/data/import-protocol';
import type { ReferenceLayer } from '$lib/data/reference-layers';
import { datasetHash, isQuotaError, sessionStore, type DatasetRef, type SessionStore, type SetAsideSession } from '$lib/data/persist';
import type { Notices } from './notices.svelte';
import { BASEMAPS, DEFAULT_BUFFER_KM, DEFAULT_LAYERS, LAYER_KEYS, type Basemap, type Settings } from './settings.svelte';
import type { Zones } from './zones.svelte';

/** Settings a session carries; the UI language stays the reader's own. */
export interface SessionSettingsValues {
	bufferKm: number;
	basemap?: string;
	layers?: Record<string, boolean>;
}

export interface WorkingSessionOptions {
	zones: Zones;
	notices: Notices;
	settings: Settings;
	/** Where to keep the session (default IndexedDB; null keeps nothing). */
	store?: SessionStore | null;
	/** Quiet time after a change before saving (default 400 ms). */
	debounceMs?: number;
	/** Offers a text file to the user (the page's download); used for a session record kept aside. */
	download?: (name: string, text: string) => void;
}

const SAVE_NOTICE = 'session-save';
const DATASET_SAVE_NOTICE = 'session-dataset-save';

export class WorkingSession {
	/** The firms the page shows. */
	dataset = $state.raw<FirmTable | null>(null);
	/** Institutions the user imported, or null for the bundled ones. */
	institutions = $state.raw<ImportedInstitutions | null>(null);
	/** Polygon layers shown for reference (outlines with labels), not classified. */
	references = $state.raw<readonly ReferenceLayer[]>([]);
	/** True from the first restore until the stored session is applied. */
	restoring = $state(true);

	readonly zones: Zones;
	readonly #notices: Notices;
	readonly #settings: Settings;
	readonly #store: SessionStore | null;
	readonly #debounceMs: number;
	readonly #download: ((name: string, text: string) => void) | undefined;
	#bundled: FirmTable | null = null;
	/** The dataset last written to the store (the bundled sample is written as "none"). */
	#savedDataset: FirmTable | null = null;
	#timer: ReturnType<typeof setTimeout> | null = null;
	#stop: (() => void) | null = null;
	#hashes = new WeakMap<FirmTable, Promise<string>>();
	/** Imported datasets the import worker is still writing. */
	#storing = 0;
	readonly #askBeforeLeaving = (event: Event) => event.preventDefault();

	constructor(options: WorkingSessionOptions) {
		this.zones = options.zones;
		this.#notices = options.notices;
		this.#settings = options.settings;
		this.#store = options.store === undefined ? sessionStore() : options.store;
		this.#debounceMs = options.debounceMs ?? 400;
		this.#download = options.download;
	}

	/**
	 * Brings back the stored session: its zones, and its imported dataset if it had one, else the
	 * bundled sample from `loadBundled`. Saving starts afterwards, so nothing stored is overwritten
	 * before it was read.
	 *
	 * @example
	 * sample = await session.restore(loadFirmSample);
	 */
	async restore(loadBundled: () => Promise<FirmTable>): Promise<FirmTable> {
		try {
			let stored: Awaited<ReturnType<SessionStore['load']>> = { session: null, dataset: null };
			try {
				if (this.#store) stored = await this.#store.load();
			} catch (error) {
				this.#notices.show({ id: 'session-restore', key: 'session.restoreFailed', params: { message: messageOf(error) }, tone: 'error' });
			}
			if (stored.setAside) this.#tellSetAside(stored.setAside);
			this.institutions = stored.session?.institutions ?? null;
			this.references = stored.session?.references ?? [];
			const zones = stored.session?.zones ?? [];
			if (zones.length > 0) {
				this.replaceZones(zones);
				this.#notices.show({ id: 'session-restored', key: 'session.restored', params: { count: zones.length }, tone: 'info' });
			}
			if (stored.dataset) {
				this.dataset = stored.dataset;
				this.#savedDataset = stored.dataset;
				return stored.dataset;
			}
			const ref = stored.session?.dataset;
			if (ref && !ref.bundled) {
				this.#notices.show({ id: 'session-dataset', key: 'session.datasetMissing', params: { file: ref.file }, tone: 'warning' });
			}
			const sample = await loadBundled();
			this.#bundled = sample;
			this.#savedDataset = sample;
			this.dataset = sample;
			return sample;
		} finally {
			this.restoring = false;
			this.#start();
		}
	}

	/** Says that the stored session could not be read and was kept aside, with its download. */
	#tellSetAside(record: SetAsideSession): void {
		this.#notices.show({
			id: 'session-set-aside',
			key: record.reason === 'newer' ? 'session.setAsideNewer' : 'session.setAsideDamaged',
			tone: 'error',
			action: { key: 'session.downloadSetAside', run: () => this.#download?.(`${record.key}.json`, record.json) }
		});
	}

	/** The page shows other firms (an import): they are kept with the session from now on. */
	show(sample: FirmTable | null): void {
		this.dataset = sample;
	}

	/**
	 * Firms the import worker keeps in the store itself: the page does not write them again, which
	 * would freeze it for a second per million rows. `storedOutcome` says how the worker's write went.
	 */
	adoptStored(sample: FirmTable): void {
		this.#savedDataset = sample;
		// Leaving the page during the write (seconds for a million rows) would lose the firms: ask first.
		if (this.#storing++ === 0 && typeof window !== 'undefined') window.addEventListener('beforeunload', this.#askBeforeLeaving);
	}

	/** How the import worker's write of the firms went. */
	storedOutcome(outcome: StoreOutcome): void {
		if (this.#storing > 0 && --this.#storing === 0 && typeof window !== 'undefined') window.removeEventListener('beforeunload', this.#askBeforeLeaving);
		// A notice of its own: a later successful save of the zones does not mean the firms were kept.
		if (outcome.ok) this.#notices.dismiss(DATASET_SAVE_NOTICE);
		else this.#notices.show({ id: DATASET_SAVE_NOTICE, key: outcome.quota ? 'session.quota' : 'session.saveFailed', params: { message: outcome.message }, tone: 'error' });
	}

	/** Whether the page shows the bundled synthetic sample. */
	get bundled(): boolean {
		return this.dataset !== null && this.dataset === this.#bundled;
	}

	/** The reference to the firms shown, with their hash, or null before they are loaded. */
	async datasetRef(): Promise<DatasetRef | null> {
		const sample = this.dataset;
		if (!sample) return null;
		let hash = this.#hashes.get(sample);
		if (!hash) this.#hashes.set(sample, (hash = sample.sha256 ? Promise.resolve(sample.sha256) : datasetHash(sample)));
		return { file: sample.file, rows: sample.rows.count, sha256: await hash, bundled: sample === this.#bundled };
	}

	/** Current settings as a session carries them. */
	settingsValues(): SessionSettingsValues {
		return { bufferKm: this.#settings.bufferKm, basemap: this.#settings.basemap, layers: { ...this.#settings.layers } };
	}

	/** Applies a session's settings, keeping the current value of anything unknown. */
	applySettings(values: SessionSettingsValues): void {
		this.#settings.setBufferKm(values.bufferKm);
		if (BASEMAPS.includes(values.basemap as Basemap)) this.#settings.setBasemap(values.basemap as Basemap);
		for (const key of LAYER_KEYS) {
			const visible = values.layers?.[key];
			if (typeof visible === 'boolean' && visible !== this.#settings.layers[key]) this.#settings.setLayer(key, visible);
		}
	}

	/** Replaces every zone by `list` (one undoable step to clear, then the additions). */
	replaceZones(list: readonly Zone[]): void {
		this.zones.load(list);
	}

	/**
	 * Clears zones, settings, imported institutions and reference layers and forgets the stored session. Returns true when the page shows an
	 * imported dataset, which only a reload replaces by the bundled sample (saving stops until then).
	 */
	async reset(): Promise<boolean> {
		const imported = this.dataset !== null && this.dataset !== this.#bundled;
		if (imported) this.#stopSaving();
		this.zones.remove(this.zones.list.map((zone) => zone.id));
		this.zones.selectedId = null;
		this.institutions = null;
		this.references = [];
		this.applySettings({ bufferKm: DEFAULT_BUFFER_KM, basemap: 'offline', layers: { ...DEFAULT_LAYERS } });
		try {
			await this.#store?.clear();
			this.#savedDataset = this.#bundled;
		} catch (error) {
			this.#failed(error);
		}
		return imported;
	}

	/** Saves now instead of after the quiet time. */
	async saveNow(): Promise<void> {
		if (this.#timer !== null) clearTimeout(this.#timer);
		this.#timer = null;
		const store = this.#store;
		if (!store || this.#stop === null) return;
		const dataset = this.dataset;
		try {
			if (dataset !== this.#savedDataset) {
				await store.saveDataset(dataset === this.#bundled ? null : dataset);
				this.#savedDataset = dataset;
			}
			const zones = this.zones.list.map((zone) => $state.snapshot(zone) as Zone);
			await store.saveSession({
				version: 1,
				savedAt: new Date().toISOString(),
				zones,
				dataset: await this.datasetRef(),
				institutions: this.institutions,
				references: [...this.references]
			});
			if (this.#notices.has(SAVE_NOTICE)) this.#notices.dismiss(SAVE_NOTICE);
		} catch (error) {
			this.#failed(error);
		}
	}

	/** Stops saving (for tests and page teardown). */
	destroy(): void {
		this.#stopSaving();
	}

	#start(): void {
		if (this.#stop || !this.#store) return;
		// Leaving within the quiet time must not lose the last change: save at once (best effort).
		const flush = () => void (this.#timer !== null && this.saveNow());
		if (typeof window !== 'undefined') window.addEventListener('pagehide', flush);
		const stopEffects = $effect.root(() => {
			$effect(() => {
				// Any change of these is saved once things are quiet.
				void this.zones.list;
				void this.dataset;
				void this.institutions;
				void this.references;
				if (this.#timer !== null) clearTimeout(this.#timer);
				this.#timer = setTimeout(() => void this.saveNow(), this.#debounceMs);
			});
		});
		this.#stop = () => {
			stopEffects();
			if (typeof window !== 'undefined') window.removeEventListener('pagehide', flush);
		};
	}

	#stopSaving(): void {
		this.#stop?.();
		this.#stop = null;
		if (this.#timer !== null) clearTimeout(this.#timer);
		this.#timer = null;
	}

	#failed(error: unknown): void {
		const key = isQuotaError(error) ? 'session.quota' : 'session.saveFailed';
		this.#notices.show({ id: SAVE_NOTICE, key, params: { message: messageOf(error) }, tone: 'error' });
	}
}

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
