import { serialize } from 'node:v8';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firmTableFromCsvText } from './read-firm-table';
import type { FirmTable } from '$lib/core/firm-table';
import { packRows } from '$lib/core/io/packed-rows';
import { memoryBackend, sessionStore, type KeyValueBackend } from './persist';
import { datasetFromRecords, datasetRecords, manifestKeys } from './stored-dataset';

const cell = fc.string({ unit: fc.constantFrom('a', '大', '😀', ' ', 'x'), maxLength: 6 });

async function sampleOf(names: string[]): Promise<FirmTable> {
	// The reader refuses a file without rows; an empty table is stored all the same.
	if (names.length === 0) return { file: 'f.csv', columns: ['id', 'name', 'lat', 'lon', 'jsic_medium'], rows: packRows([]), lon: new Float64Array(0), lat: new Float64Array(0), industry: { codes: [], index: new Uint16Array(0) }, industryCounts: [], problems: [], unplaced: [] };
	const lines = names.map((name, i) => `F${i},"${name}",${35 + i / 1000},${139 + i / 1000},${['24', '26', ''][i % 3]}`);
	return firmTableFromCsvText(['id,name,lat,lon,jsic_medium', ...lines].join('\n'), { file: 'f.csv' });
}

function recordsBackend(records: [string, unknown][]): (key: string) => Promise<unknown> {
	const map = new Map(records);
	return async (key) => structuredClone(map.get(key));
}

describe('a dataset stored in pieces', () => {
	it('comes back equal, however small the pieces (property)', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(cell, { maxLength: 40 }), fc.integer({ min: 1, max: 64 }), async (names, pieceBytes) => {
				const sample = await sampleOf(names);
				const { manifest, pieces } = datasetRecords(sample, 'p', pieceBytes);
				for (const [, piece] of pieces) expect(serialize(piece).length).toBeLessThanOrEqual(Math.max(pieceBytes, 8) + 16);
				expect(await datasetFromRecords(manifest, recordsBackend(pieces))).toEqual(sample);
				expect(manifestKeys(manifest).sort()).toEqual(pieces.map(([key]) => key).sort());
			}),
			{ numRuns: 100 }
		);
	});

	it('is not read when a piece is missing', async () => {
		const { manifest, pieces } = datasetRecords(await sampleOf(['a', 'b', 'c']), 'p', 8);
		expect(await datasetFromRecords(manifest, recordsBackend(pieces.slice(1)))).toBeNull();
	});

	it('replaces the pieces of the dataset stored before, and a new session removes them all', async () => {
		const backend = memoryBackend();
		const store = sessionStore(backend);
		await store.saveDataset(await sampleOf(['a', 'b']));
		const second = await sampleOf(['c', 'd', 'e']);
		await store.saveDataset(second);
		expect((await store.load()).dataset).toEqual(second);
		const keys = [...backend.data.keys()];
		expect(keys.filter((key) => key !== 'dataset').every((key) => key.startsWith((backend.data.get('dataset') as { prefix: string }).prefix))).toBe(true);
		await store.saveSession({ version: 1, savedAt: '', zones: [], dataset: null });
		await store.clear();
		expect([...backend.data.keys()]).toEqual([]);
	});

	it('removes pieces no manifest lists, as a write cut short by a closed page leaves them', async () => {
		const backend = memoryBackend();
		backend.data.set('dataset-old:text:0', 'left over');
		await sessionStore(backend).saveDataset(await sampleOf(['a']));
		expect(backend.data.has('dataset-old:text:0')).toBe(false);
		expect((await sessionStore(backend).load()).dataset).toEqual(await sampleOf(['a']));
	});

	it('leaves no piece behind when a write fails, and keeps the dataset stored before', async () => {
		const backend = memoryBackend();
		const first = await sampleOf(['a']);
		await sessionStore(backend).saveDataset(first);
		const before = [...backend.data.keys()].sort();
		let puts = 0;
		const failing: KeyValueBackend = { ...backend, put: async (key, value) => (++puts === 3 ? Promise.reject(new Error('full')) : backend.put(key, value)) };
		await expect(sessionStore(failing).saveDataset(await sampleOf(['b', 'c']))).rejects.toThrow('full');
		expect([...backend.data.keys()].sort()).toEqual(before);
		expect((await sessionStore(backend).load()).dataset).toEqual(first);
	});
});
