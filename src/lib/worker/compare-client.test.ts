import { describe, expect, it } from 'vitest';
import { packRows } from '$lib/core/io';
import { CompareClient, type ComparePort } from './compare-client.svelte';
import type { CompareParams, CompareReplyMessage, CompareRequestMessage, CompareResult } from './compare-protocol';

/** A port that records requests; the test answers them by hand, in any order. */
function manualPort() {
	const sent: CompareRequestMessage[] = [];
	const port: ComparePort & { reply(message: CompareReplyMessage): void; sent: CompareRequestMessage[] } = {
		sent,
		onmessage: null,
		postMessage: (message) => void sent.push(message),
		terminate: () => {},
		reply: (message) => port.onmessage?.({ data: message } as MessageEvent<CompareReplyMessage>)
	};
	return port;
}

const params: CompareParams = { grouping: { kind: 'inside-outside' }, outcomes: ['y'], distance: null, communication: null, subcontractor: null, size: null, industry: null, bands: [2], permutations: 10, seed: 1 };
const result = (total: number, permutationsPending = false): CompareResult => ({ contrasts: [], linkage: [], distance: null, distributions: [], regressions: [], notes: [], total, elapsedMs: 1, regressionsPending: false, permutationsPending });
const input = { membership: { inside: Uint8Array.of(1, 0), offsets: new Uint32Array(3), zoneIndices: new Uint32Array(0), zoneIds: [] }, institutions: [] };

describe('CompareClient', () => {
	it('keeps the caller’s arrays, and shows progress and results of the newest comparison only', () => {
		const port = manualPort();
		const client = new CompareClient(port);
		const lon = Float64Array.of(1, 2);
		client.loadTable({ columns: ['y'], rows: packRows([['1'], ['0']]), lon, lat: Float64Array.of(3, 4) });
		expect(lon[0]).toBe(1);
		port.reply({ type: 'table-loaded', id: 1, rows: 2, columns: [{ name: 'y', kind: 'binary', levels: ['no', 'yes'] }] });
		expect(client.columns.map((c) => c.name)).toEqual(['y']);
		client.compare(params, input); // id 2
		client.compare(params, input); // id 3
		port.reply({ type: 'progress', id: 2, stage: 'tests', done: 1, total: 1, fraction: 0.5 });
		expect(client.progress?.fraction).toBe(0);
		port.reply({ type: 'progress', id: 3, stage: 'permutation', done: 5, total: 10, fraction: 0.4 });
		expect(client.progress).toEqual({ stage: 'permutation', done: 5, total: 10, fraction: 0.4 });
		port.reply({ type: 'compared', id: 2, result: result(2) });
		expect(client.result).toBeNull();
		port.reply({ type: 'compared', id: 3, result: result(3, true) });
		expect(client.result?.total).toBe(3);
		expect(client.busy).toBe(true); // permutation tests still to come
		expect(client.fresh).toBe(true);
		port.reply({ type: 'compared', id: 3, result: result(30) });
		expect(client.result?.total).toBe(30);
		expect(client.busy).toBe(false);
		expect(client.progress).toBeNull();
		client.compare(params, input); // id 4: the shown result is now from an older request
		expect(client.fresh).toBe(false);
		port.reply({ type: 'error', id: 4, message: 'no column "y"' });
		expect(client.error).toBe('no column "y"');
		expect(client.busy).toBe(false);
	});

	it('reports a failed table load even while a comparison is pending', () => {
		const port = manualPort();
		const client = new CompareClient(port);
		client.loadTable({ columns: [], rows: packRows([]), lon: new Float64Array(0), lat: new Float64Array(0) });
		client.compare(params, input);
		port.reply({ type: 'error', id: 1, message: 'firm table: 0 rows but 1 longitudes' });
		expect(client.error).toMatch(/0 rows/);
	});
});
