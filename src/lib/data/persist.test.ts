import { createHash } from 'node:crypto';
import { packRows, unpackRows } from '$lib/core/io';
import { describe, expect, it } from 'vitest';
import { firmTableFromCsvText } from './read-firm-table';
import { datasetHash, isQuotaError, memoryBackend, sessionStore, type KeyValueBackend } from './persist';

const read = await firmTableFromCsvText('id,lat,lon,jsic_medium,名前\nF1,35.56,139.71,26,"髙橋, 製作所"\nF2,35.57,139.72,9,=1+2\n', { file: 'firms.csv' });
// Its rows packed from their cells, as a session stored before rows were packed reads back (the reader keeps offsets into the file's text instead).
const sample = { ...read, rows: packRows(unpackRows(read.rows)) };

describe('session store', () => {
	it('keeps the session and an imported dataset, and forgets them on clear', async () => {
		const store = sessionStore(memoryBackend());
		expect(await store.load()).toEqual({ session: null, dataset: null });
		const session = { version: 1 as const, savedAt: '2026-01-01T00:00:00.000Z', zones: [], dataset: null };
		await store.saveSession(session);
		await store.saveDataset(sample);
		const loaded = await store.load();
		expect(loaded.session).toEqual(session);
		expect(loaded.dataset).toEqual(sample);
		expect(loaded.dataset?.lon).toBeInstanceOf(Float64Array);
		await store.saveDataset(null);
		expect((await store.load()).dataset).toBeNull();
		await store.clear();
		expect(await store.load()).toEqual({ session: null, dataset: null });
	});

	it('reads a dataset stored with its rows as arrays of strings, packed', async () => {
		const backend = memoryBackend();
		backend.data.set('dataset', { ...sample, rows: unpackRows(sample.rows) });
		const { dataset } = await sessionStore(backend).load();
		expect(dataset?.rows.count).toBe(2);
		expect(unpackRows(dataset!.rows)).toEqual(unpackRows(sample.rows));
		expect(dataset?.file).toBe(sample.file);
	});

	it('reads a dataset stored with its industry codes as strings, as a code column', async () => {
		const backend = memoryBackend();
		backend.data.set('dataset', { ...sample, rows: unpackRows(sample.rows), industry: ['26', '09'] });
		const { dataset } = await sessionStore(backend).load();
		expect(dataset).toEqual(sample);
		backend.data.set('dataset', { ...sample, industry: ['26'] }); // one code for two firms
		expect((await sessionStore(backend).load()).dataset).toBeNull();
	});

	it('ignores stored values of another shape instead of failing, keeping an unreadable session aside', async () => {
		const backend = memoryBackend();
		backend.data.set('session', { version: 9, zones: 'x' });
		backend.data.set('dataset', { columns: [] });
		const loaded = await sessionStore(backend).load();
		expect(loaded).toMatchObject({ session: null, dataset: null, setAside: { reason: 'newer' } });
		expect(backend.data.get(loaded.setAside!.key)).toEqual({ version: 9, zones: 'x' });
	});

	it('passes storage errors on, so the user can be told', async () => {
		const full: KeyValueBackend = {
			get: async () => undefined,
			put: async () => {
				throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			},
			delete: async () => {},
			keys: async () => []
		};
		const error = await sessionStore(full).saveDataset(sample).catch((e: unknown) => e);
		expect(isQuotaError(error)).toBe(true);
		expect(isQuotaError(new Error('other'))).toBe(false);
	});
});

describe('datasetHash', () => {
	it('is the SHA-256 of the columns and rows as JSON', async () => {
		const expected = createHash('sha256').update(JSON.stringify([sample.columns, unpackRows(sample.rows)])).digest('hex');
		expect(await datasetHash(sample)).toBe(expected);
	});

	it('hashes a table of many runs as the JSON of all its rows', async () => {
		const rows = Array.from({ length: 25_001 }, (_, i) => [`F${i}`, i % 7 === 0 ? '"東京", 大田' : String(i)]);
		const expected = createHash('sha256').update(JSON.stringify([['id', 'x'], rows])).digest('hex');
		expect(await datasetHash({ columns: ['id', 'x'], rows: packRows(rows) })).toBe(expected);
	});

	it('changes with any cell', async () => {
		const other = { columns: sample.columns, rows: packRows(unpackRows(sample.rows).map((row, i) => (i === 1 ? [...row.slice(0, 4), '=1+3'] : row))) };
		expect(await datasetHash(other)).not.toBe(await datasetHash(sample));
	});
});
