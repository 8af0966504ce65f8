import { describe, expect, it } from 'vitest';
import { AnalysisClient, type AnalysisPort } from './analysis-client.svelte';
import { createAnalysisHandler } from './analysis-handler';
import type { AnalysisReply, AnalysisRequest } from './analysis-protocol';
import type { Zone } from '$lib/core/model';

/** A port that answers only when told to, in any order, with the real handler. */
function manualPort() {
	const handle = createAnalysisHandler();
	const pending: AnalysisRequest[] = [];
	const port: AnalysisPort & { answer(id: number): void } = {
		onmessage: null,
		postMessage: (message) => void pending.push(message),
		terminate: () => {},
		answer(id) {
			const request = pending.find((r) => r.id === id);
			if (!request) throw new Error(`no pending request ${id}`);
			const reply: AnalysisReply = handle(request).reply;
			port.onmessage?.({ data: reply } as MessageEvent<AnalysisReply>);
		}
	};
	return port;
}

const zone = (id: string, size: number): Zone => ({
	id,
	name: id,
	source: 'drawn',
	geometry: { type: 'Polygon', coordinates: [[[0, 0], [size, 0], [size, size], [0, size], [0, 0]]] }
});

describe('AnalysisClient', () => {
	it('keeps only the reply to the newest classification', () => {
		const port = manualPort();
		const client = new AnalysisClient(port);
		const lons = Float64Array.from([0.5, 1.5, 2.5]);
		client.loadFirms(lons, Float64Array.from([0.5, 1.5, 2.5]));
		expect(lons[0]).toBe(0.5); // the caller's arrays are not transferred away
		port.answer(1);
		client.classify([zone('small', 1)]); // id 2
		client.classify([zone('large', 3)]); // id 3
		expect(client.busy).toBe(true);
		port.answer(3);
		expect(client.busy).toBe(false);
		expect(client.result?.insideCount).toBe(3);
		port.answer(2); // stale: must not replace the newer result
		expect(client.result?.zoneIds).toEqual(['large']);
		expect(client.result?.insideCount).toBe(3);
	});

	it('shows a failed firm load as an error', () => {
		const port = manualPort();
		const client = new AnalysisClient(port);
		client.loadFirms(new Float64Array(1), new Float64Array(2));
		port.answer(1);
		expect(client.error).toMatch(/1 longitudes but 2 latitudes/);
	});
});

describe('AnalysisClient nearest institutions', () => {
	it('attaches the distances of the last load to every classification, whichever came first', () => {
		const port = manualPort();
		const client = new AnalysisClient(port);
		client.loadFirms(Float64Array.from([0, 3]), Float64Array.from([0, 0])); // id 1
		port.answer(1);
		client.classify([zone('z', 1)]); // id 2
		port.answer(2);
		expect(client.result?.nearestKm).toBeUndefined();
		client.loadInstitutions([
			{ id: 'far', lon: 10, lat: 0 },
			{ id: 'near', lon: 2, lat: 0 }
		]); // id 3
		port.answer(3);
		expect(Array.from(client.nearest?.index ?? [])).toEqual([1, 1]);
		expect(Array.from(client.result?.nearestIndex ?? [])).toEqual([1, 1]);
		// One degree of longitude at the equator on Turf's sphere.
		const degreeKm = (6371.0088 * Math.PI) / 180;
		expect(client.result?.nearestKm?.[0]).toBeCloseTo(2 * degreeKm, 6);
		expect(client.result?.nearestKm?.[1]).toBeCloseTo(degreeKm, 6);
		client.classify([zone('z', 4)]); // id 4
		port.answer(4);
		expect(client.result?.insideCount).toBe(2);
		expect(client.result?.nearestKm?.[1]).toBeCloseTo(degreeKm, 6);
	});

	it('shows a failed institution load as an error', () => {
		const port = manualPort();
		const client = new AnalysisClient(port);
		client.loadInstitutions([{ id: 'bad', lon: 200, lat: 0 }]);
		port.answer(1);
		expect(client.error).toMatch(/"bad".*longitude in -180\.\.180/);
	});
});
