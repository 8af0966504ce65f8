import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseFirmSample } from './firm-sample';
import { datasetHash, isQuotaError, memoryBackend, sessionStore, type KeyValueBackend } from './persist';

const sample = parseFirmSample('id,lat,lon,jsic_medium,名前\nF1,35.56,139.71,26,"髙橋, 製作所"\nF2,35.57,139.72,9,=1+2\n', { file: 'firms.csv' });

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

	it('ignores stored values of another shape instead of failing', async () => {
		const backend = memoryBackend();
		backend.data.set('session', { version: 9, zones: 'x' });
		backend.data.set('dataset', { columns: [] });
		expect(await sessionStore(backend).load()).toEqual({ session: null, dataset: null });
	});

	it('passes storage errors on, so the user can be told', async () => {
		const full: KeyValueBackend = {
			get: async () => undefined,
			put: async () => {
				throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			},
			delete: async () => {}
		};
		const error = await sessionStore(full).saveDataset(sample).catch((e: unknown) => e);
		expect(isQuotaError(error)).toBe(true);
		expect(isQuotaError(new Error('other'))).toBe(false);
	});
});

describe('datasetHash', () => {
	it('is the SHA-256 of the columns and rows as JSON', async () => {
		const expected = createHash('sha256').update(JSON.stringify([sample.columns, sample.rows])).digest('hex');
		expect(await datasetHash(sample)).toBe(expected);
	});

	it('changes with any cell', async () => {
		const other = { columns: sample.columns, rows: sample.rows.map((row, i) => (i === 1 ? [...row.slice(0, 4), '=1+3'] : row)) };
		expect(await datasetHash(other)).not.toBe(await datasetHash(sample));
	});
});
