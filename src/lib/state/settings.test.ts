import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYERS, Settings, type SettingsStorage } from './settings.svelte';

function memoryStorage(initial?: unknown): SettingsStorage & { data: Map<string, string> } {
	const data = new Map<string, string>();
	if (initial !== undefined) data.set('cluster-map:settings:v1', JSON.stringify(initial));
	return { data, getItem: (key) => data.get(key) ?? null, setItem: (key, value) => void data.set(key, value) };
}

describe('Settings', () => {
	it('defaults the language from the browser and the layers to the documented defaults', () => {
		expect(new Settings(memoryStorage(), ['ja-JP']).language).toBe('ja');
		const settings = new Settings(memoryStorage(), ['en-US']);
		expect(settings.language).toBe('en');
		expect(settings.basemap).toBe('offline');
		expect(settings.layers).toEqual(DEFAULT_LAYERS);
		expect(settings.layers.clusterPrograms).toBe(false);
	});

	it('persists language, basemap and layers and restores them in a new session', () => {
		const storage = memoryStorage();
		const first = new Settings(storage, ['en']);
		first.setLanguage('ja');
		first.setBasemap('gsi-pale');
		first.setLayer('firms', false);
		const second = new Settings(storage, ['en']);
		expect(second.language).toBe('ja');
		expect(second.basemap).toBe('gsi-pale');
		expect(second.layers.firms).toBe(false);
		expect(second.layers.institutions).toBe(true);
	});

	it('ignores invalid stored values instead of failing', () => {
		const settings = new Settings(
			memoryStorage({ language: 'fr', basemap: 'satellite', layers: { firms: 'no', districts: false } }),
			['en']
		);
		expect(settings.language).toBe('en');
		expect(settings.basemap).toBe('offline');
		expect(settings.layers.firms).toBe(true);
		expect(settings.layers.districts).toBe(false);
		const broken = memoryStorage();
		broken.data.set('cluster-map:settings:v1', '{not json');
		expect(new Settings(broken, ['ja']).language).toBe('ja');
	});

	it('translates with the current language', () => {
		const settings = new Settings(null, ['en']);
		expect(settings.t('layers.title')).toBe('Layers');
		settings.setLanguage('ja');
		expect(settings.t('layers.title')).toBe('レイヤー');
	});
});
