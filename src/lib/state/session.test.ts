import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { Zone } from '$lib/core/model';
import { firmTableFromCsvText } from '$lib/data/read-firm-table';
import { memoryBackend, sessionStore, type SessionStore } from '$lib/data/persist';
import { Notices } from './notices.svelte';
import { WorkingSession } from './session.svelte';
import { DEFAULT_BUFFER_KM, Settings } from './settings.svelte';
import { Zones } from './zones.svelte';

const box = (size: number): Polygon => ({
	type: 'Polygon',
	coordinates: [[[139.7, 35.5], [139.7 + size, 35.5], [139.7 + size, 35.5 + size], [139.7, 35.5 + size], [139.7, 35.5]]]
});
const zone = (id: string, size = 0.01): Zone => ({ id, name: `Z ${id}`, geometry: box(size), source: 'district', colour: '#7048e8', parameters: { districtId: 'ota' } });
const bundled = await firmTableFromCsvText('id,lat,lon\nB1,35.5,139.7\n', { file: 'firms-sample.csv' });
const imported = await firmTableFromCsvText('id,lat,lon,name\nI1,35.5,139.7,a\nI2,35.6,139.8,b\n', { file: 'survey.csv' });

function open(store: SessionStore | null) {
	const notices = new Notices();
	const zones = new Zones();
	const settings = new Settings(null);
	const session = new WorkingSession({ zones, notices, settings, store, debounceMs: 1 });
	return { notices, zones, settings, session };
}

describe('WorkingSession', () => {
	it('saves zones and an imported dataset and restores them in a new visit', async () => {
		const store = sessionStore(memoryBackend());
		const first = open(store);
		expect(await first.session.restore(async () => bundled)).toBe(bundled);
		first.zones.add(zone('a'));
		first.zones.add(zone('b', 0.02));
		first.session.show(imported);
		await first.session.saveNow();
		first.session.destroy();

		const second = open(store);
		const shown = await second.session.restore(async () => bundled);
		expect(shown).toEqual(imported);
		expect(second.zones.list).toEqual(first.zones.list);
		expect(second.notices.items.map((n) => [n.key, n.params])).toEqual([['session.restored', { count: 2 }]]);
		second.session.destroy();
	});

	it('does not write firms the import worker has kept, and says when the worker could not keep them', async () => {
		const backend = memoryBackend();
		const { session, notices } = open(sessionStore(backend));
		await session.restore(async () => bundled);
		session.adoptStored(imported);
		session.storedOutcome({ ok: true });
		session.show(imported);
		await session.saveNow();
		expect(backend.data.has('dataset')).toBe(false); // the worker's copy is the stored one
		expect(backend.data.get('session')).toMatchObject({ dataset: { file: 'survey.csv', rows: 2, bundled: false } });
		const other = await firmTableFromCsvText('id,lat,lon\nX,35,139\n', { file: 'other.csv' });
		session.adoptStored(other);
		session.show(other);
		session.storedOutcome({ ok: false, message: 'full', quota: true });
		await session.saveNow();
		expect(backend.data.has('dataset')).toBe(false);
		expect(notices.items.find((n) => n.id === 'session-dataset-save')).toMatchObject({ key: 'session.quota', params: { message: 'full' }, tone: 'error' });
		session.destroy();
	});

	it('asks before the page is left while the import worker is still writing firms', async () => {
		const listeners = new Set<string>();
		const stub = { addEventListener: (type: string) => listeners.add(type), removeEventListener: (type: string) => listeners.delete(type) };
		const global = globalThis as { window?: unknown };
		global.window = stub;
		try {
			const { session } = open(null);
			session.adoptStored(imported);
			expect(listeners.has('beforeunload')).toBe(true);
			session.storedOutcome({ ok: true });
			expect(listeners.has('beforeunload')).toBe(false);
			session.destroy();
		} finally {
			delete global.window;
		}
	});

	it('references the bundled sample without storing it', async () => {
		const backend = memoryBackend();
		const { session, zones } = open(sessionStore(backend));
		await session.restore(async () => bundled);
		zones.add(zone('a'));
		await session.saveNow();
		expect(backend.data.has('dataset')).toBe(false);
		const stored = backend.data.get('session') as { dataset: { bundled: boolean; rows: number; file: string } };
		expect(stored.dataset).toMatchObject({ bundled: true, rows: 1, file: 'firms-sample.csv' });
		session.destroy();
	});

	it('tells the user when storage fails or imported firms are missing, and keeps working', async () => {
		const backend = memoryBackend();
		backend.data.set('session', { version: 1, savedAt: '', zones: [zone('a')], dataset: { file: 'survey.csv', rows: 2, sha256: '0'.repeat(64), bundled: false } });
		const full = sessionStore({ ...backend, put: async () => Promise.reject(new DOMException('full', 'QuotaExceededError')) });
		const { session, notices, zones } = open(full);
		expect(await session.restore(async () => bundled)).toBe(bundled);
		expect(zones.list.map((z) => z.id)).toEqual(['a']);
		expect(notices.items.find((n) => n.id === 'session-dataset')).toMatchObject({ key: 'session.datasetMissing', params: { file: 'survey.csv' }, tone: 'warning' });
		await session.saveNow();
		expect(notices.items.find((n) => n.id === 'session-save')).toMatchObject({ key: 'session.quota', tone: 'error' });
		session.destroy();
	});

	it('a new session clears zones, settings and storage; an imported dataset asks for a reload', async () => {
		const store = sessionStore(memoryBackend());
		const { session, zones, settings } = open(store);
		await session.restore(async () => bundled);
		zones.add(zone('a'));
		settings.setBufferKm(12);
		settings.setLayer('firms', false);
		await session.saveNow();
		expect(await session.reset()).toBe(false);
		expect(zones.list).toEqual([]);
		expect(settings.bufferKm).toBe(DEFAULT_BUFFER_KM);
		expect(settings.layers.firms).toBe(true);
		expect((await store.load()).session).toBeNull();
		session.show(imported);
		expect(await session.reset()).toBe(true);
		session.destroy();
	});

	it('keeps imported institutions and reference layers with the session; a new session forgets them', async () => {
		const store = sessionStore(memoryBackend());
		const first = open(store);
		await first.session.restore(async () => bundled);
		const institutions = { file: 'labs.csv', mode: 'replace' as const, institutions: [{ id: 'L1', lon: 139.7, lat: 35.6, name: 'Lab', type: 'other' as const }] };
		const reference = { id: 'ref-1', name: 'wards.zip', source: 'file' as const, features: [{ type: 'Feature' as const, properties: { layer: 'ref-1', label: 'A' }, geometry: box(0.1) }] };
		first.session.institutions = institutions;
		first.session.references = [reference];
		await first.session.saveNow();
		first.session.destroy();

		const second = open(store);
		await second.session.restore(async () => bundled);
		expect(second.session.institutions).toEqual(institutions);
		expect(second.session.references).toEqual([reference]);
		await second.session.reset();
		expect(second.session.institutions).toBeNull();
		expect(second.session.references).toEqual([]);
		second.session.destroy();
		const third = open(store);
		await third.session.restore(async () => bundled);
		expect(third.session.institutions).toBeNull();
		third.session.destroy();
	});

	it('keeps the buffer distance in the settings storage and ignores unusable values', () => {
		const data = new Map<string, string>();
		const storage = { getItem: (key: string) => data.get(key) ?? null, setItem: (key: string, value: string) => void data.set(key, value) };
		const first = new Settings(storage);
		expect(first.bufferKm).toBe(DEFAULT_BUFFER_KM);
		first.setBufferKm(2.5);
		first.setBufferKm(-1);
		first.setBufferKm(Number.NaN);
		expect(first.bufferKm).toBe(2.5);
		expect(new Settings(storage).bufferKm).toBe(2.5);
		data.set('cluster-map:settings:v1', JSON.stringify({ bufferKm: 'far' }));
		expect(new Settings(storage).bufferKm).toBe(DEFAULT_BUFFER_KM);
	});

	it('applies session settings it knows and leaves the rest', () => {
		const { session, settings } = open(null);
		session.applySettings({ bufferKm: 3, basemap: 'satellite', layers: { institutions: false, unknown: true } });
		expect(settings.bufferKm).toBe(3);
		expect(settings.basemap).toBe('offline');
		expect(settings.layers.institutions).toBe(false);
		expect(session.settingsValues()).toMatchObject({ bufferKm: 3, basemap: 'offline' });
	});
});

describe('an unreadable stored session', () => {
	const good = { version: 1, savedAt: '2026-01-01T00:00:00.000Z', zones: [zone('a')], dataset: null };
	it.each([
		['a newer version', { ...good, version: 2 }, 'session.setAsideNewer'],
		['zones that are not a list', { ...good, zones: 'a' }, 'session.setAsideDamaged'],
		['a zone without geometry', { ...good, zones: [{ id: 'a', name: 'A' }] }, 'session.setAsideDamaged'],
		['a zone with a point', { ...good, zones: [{ ...zone('a'), geometry: { type: 'Point', coordinates: [139, 35] } }] }, 'session.setAsideDamaged'],
		['a zone without an id', { ...good, zones: [{ ...zone('a'), id: 7 }] }, 'session.setAsideDamaged'],
		['a dataset reference without a file', { ...good, dataset: { rows: 3 } }, 'session.setAsideDamaged'],
		['references that are not a list', { ...good, references: {} }, 'session.setAsideDamaged'],
		['a string', 'garbage', 'session.setAsideDamaged'],
		['a number', 42, 'session.setAsideDamaged'],
		['no version', { zones: [] }, 'session.setAsideDamaged']
	])('(%s) is kept aside, never overwritten, and the user is told with a download', async (_, record, key) => {
		const backend = memoryBackend();
		await backend.put('session', record);
		const downloads: [string, string][] = [];
		const notices = new Notices();
		const zones = new Zones();
		const session = new WorkingSession({ zones, notices, settings: new Settings(null), store: sessionStore(backend), debounceMs: 1, download: (name, text) => downloads.push([name, text]) });
		await session.restore(async () => bundled);
		zones.add(zone('new'));
		await session.saveNow();
		const asideKeys = [...backend.data.keys()].filter((k) => k.startsWith('session-unreadable-'));
		expect(asideKeys).toHaveLength(1);
		expect(backend.data.get(asideKeys[0])).toEqual(record);
		expect(backend.data.get('session')).toMatchObject({ version: 1, zones: [{ id: 'new' }] });
		const notice = notices.items.find((n) => n.id === 'session-set-aside');
		expect(notice).toMatchObject({ key, tone: 'error' });
		notice!.action!.run();
		expect(downloads).toEqual([[`${asideKeys[0]}.json`, JSON.stringify(record, null, '\t')]]);
		session.destroy();
	});

	it('leaves a readable session alone', async () => {
		const backend = memoryBackend();
		await backend.put('session', good);
		const { session, notices } = open(sessionStore(backend));
		await session.restore(async () => bundled);
		expect([...backend.data.keys()].some((k) => k.startsWith('session-unreadable-'))).toBe(false);
		expect(notices.has('session-set-aside')).toBe(false);
		session.destroy();
	});
});
