import { describe, expect, it } from 'vitest';
import { unpackRows } from '$lib/core/io/packed-rows';
import { handleFirmSampleRequest } from './firm-sample-handler';
import type { FirmSampleReply, FirmSampleRequest } from './firm-sample-protocol';
import { loadFirmSample, type FirmSamplePort } from './load-firm-sample';

/** A worker stand-in that answers as the sample worker does, from `files` instead of the network. */
function samplePort(files: Record<string, string>) {
	const fetcher = (async (url: string) =>
		url in files ? new Response(files[url]) : new Response('', { status: 404, statusText: 'Not Found' })) as typeof fetch;
	const port = {
		sent: [] as FirmSampleRequest[],
		ended: false,
		onmessage: null as FirmSamplePort['onmessage'],
		onerror: null as FirmSamplePort['onerror'],
		postMessage(message: FirmSampleRequest) {
			this.sent.push(message);
			void handleFirmSampleRequest(message, fetcher).then(({ reply }) => this.onmessage?.({ data: reply } as MessageEvent<FirmSampleReply>));
		},
		terminate() {
			this.ended = true;
		}
	};
	return port;
}

describe('loadFirmSample', () => {
	it('reads the sample in its worker through the gateway, then ends the worker', async () => {
		const port = samplePort({ '/s.csv': '\uFEFFid,lat,lon,jsic_medium\nF1,35.56,139.71,26\nF2,34.68,135.60,E24\n' });
		const sample = await loadFirmSample('/s.csv', () => port);
		expect(port.sent).toEqual([{ type: 'load', id: 1, url: '/s.csv', file: 'firms-sample.csv' }]);
		expect(unpackRows(sample.rows)).toEqual([
			['F1', '35.56', '139.71', '26'],
			['F2', '34.68', '135.60', 'E24']
		]);
		expect([...sample.lon]).toEqual([139.71, 135.6]);
		expect(sample.industry.codes).toEqual(['26', '24']);
		expect(sample.sha256).toMatch(/^[0-9a-f]{64}$/);
		expect(port.ended).toBe(true);
	});

	it('rejects with the file and the line when the sample cannot be read', async () => {
		const port = samplePort({ '/s.csv': 'id,name,latitude\nF1,a,35\n' });
		await expect(loadFirmSample('/s.csv', () => port)).rejects.toThrow(/^firms-sample\.csv:1: has no longitude column/);
		expect(port.ended).toBe(true);
		await expect(loadFirmSample('/missing.csv', () => samplePort({}))).rejects.toThrow('firms-sample.csv: HTTP 404 Not Found');
	});

	it('rejects, naming the file, when the worker itself fails', async () => {
		const port = samplePort({});
		port.postMessage = function () {
			this.onerror?.({ message: 'SyntaxError: unexpected token' } as ErrorEvent);
		};
		await expect(loadFirmSample('/s.csv', () => port)).rejects.toThrow('firms-sample.csv: the loader stopped (SyntaxError: unexpected token).');
		expect(port.ended).toBe(true);
	});
});
