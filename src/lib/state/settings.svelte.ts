/**
 * User settings that survive a reload: UI language, basemap and layer visibility, kept in
 * localStorage. The map view itself lives in the URL hash (MapLibre's `hash` option).
 */
import { isLang, languageFromNavigator, translate, type Lang, type MessageKey, type MessageParams } from '$lib/i18n';

export const BASEMAPS = ['offline', 'gsi-std', 'gsi-pale'] as const;
export type Basemap = (typeof BASEMAPS)[number];

/** Layers the user can switch on and off. */
export const LAYER_KEYS = [
	'prefectures',
	'districts',
	'institutions',
	'firms',
	'municipalities',
	'towns',
	'clusterPrograms'
] as const;
export type LayerKey = (typeof LAYER_KEYS)[number];
export type LayerVisibility = Record<LayerKey, boolean>;

/** Cluster programme regions are optional: they start off. */
export const DEFAULT_LAYERS: LayerVisibility = {
	prefectures: true,
	districts: true,
	institutions: true,
	firms: true,
	municipalities: true,
	towns: true,
	clusterPrograms: false
};

/** Default distance for "within the buffer" of an institution and for institution buffer zones. */
export const DEFAULT_BUFFER_KM = 5;

const STORAGE_KEY = 'cluster-map:settings:v1';

interface Stored {
	language: Lang;
	basemap: Basemap;
	layers: LayerVisibility;
	bufferKm: number;
}

/** Minimal storage interface, so tests can pass a stand-in for localStorage. */
export type SettingsStorage = Pick<Storage, 'getItem' | 'setItem'>;

export class Settings {
	language = $state<Lang>('en');
	basemap = $state<Basemap>('offline');
	layers = $state<LayerVisibility>({ ...DEFAULT_LAYERS });
	/** Km from an institution within which a firm counts as near it (export, buffer zones). */
	bufferKm = $state(DEFAULT_BUFFER_KM);

	#storage: SettingsStorage | null;

	/**
	 * @param storage where to persist (null: keep in memory only)
	 * @param browserLanguages navigator.languages, for the default language
	 */
	constructor(storage: SettingsStorage | null, browserLanguages: readonly string[] = []) {
		this.#storage = storage;
		this.language = languageFromNavigator(browserLanguages);
		const stored = readStored(storage);
		if (stored.language) this.language = stored.language;
		if (stored.basemap) this.basemap = stored.basemap;
		// Only the layers this version knows: a switch removed since (the online district boundaries) is dropped.
		if (stored.layers) for (const key of LAYER_KEYS) if (typeof stored.layers[key] === 'boolean') this.layers[key] = stored.layers[key];
		if (stored.bufferKm !== undefined) this.bufferKm = stored.bufferKm;
	}

	/** A UI string in the current language; reading it in a template re-renders on a language switch. */
	t = (key: MessageKey, params?: MessageParams): string => translate(this.language, key, params);

	setLanguage(language: Lang): void {
		this.language = language;
		this.save();
	}

	setBasemap(basemap: Basemap): void {
		this.basemap = basemap;
		this.save();
	}

	setLayer(key: LayerKey, visible: boolean): void {
		this.layers = { ...this.layers, [key]: visible };
		this.save();
	}

	/** Sets the buffer distance; anything but a finite positive number is ignored. */
	setBufferKm(km: number): void {
		if (!isBufferKm(km)) return;
		this.bufferKm = km;
		this.save();
	}

	save(): void {
		const stored: Stored = { language: this.language, basemap: this.basemap, layers: this.layers, bufferKm: this.bufferKm };
		try {
			this.#storage?.setItem(STORAGE_KEY, JSON.stringify(stored));
		} catch {
			// Storage full or disabled (private mode): the settings still apply for this visit.
		}
	}
}

/** Reads what was stored, keeping only values that are still valid (old or hand-edited entries). */
function readStored(storage: SettingsStorage | null): Partial<Stored> {
	let raw: unknown;
	try {
		raw = JSON.parse(storage?.getItem(STORAGE_KEY) ?? 'null');
	} catch {
		return {};
	}
	if (!raw || typeof raw !== 'object') return {};
	const value = raw as Record<string, unknown>;
	const result: Partial<Stored> = {};
	if (isLang(value.language)) result.language = value.language;
	if (BASEMAPS.includes(value.basemap as Basemap)) result.basemap = value.basemap as Basemap;
	if (value.layers && typeof value.layers === 'object') {
		const layers = { ...DEFAULT_LAYERS };
		for (const key of LAYER_KEYS) {
			const visible = (value.layers as Record<string, unknown>)[key];
			if (typeof visible === 'boolean') layers[key] = visible;
		}
		result.layers = layers;
	}
	if (isBufferKm(value.bufferKm)) result.bufferKm = value.bufferKm;
	return result;
}

/** A usable buffer distance: finite and above 0. */
export function isBufferKm(value: unknown): value is number {
	return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

function browserStorage(): SettingsStorage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		// Reading localStorage throws where storage is blocked for the page.
		return null;
	}
}

/** The app's settings, read from localStorage in the browser. */
export const settings = new Settings(browserStorage(), typeof navigator === 'undefined' ? [] : navigator.languages);
