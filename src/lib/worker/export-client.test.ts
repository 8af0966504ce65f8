import { describe, expect, it } from 'vitest';
import { classifyFirms } from '$lib/core/classify';
import { packRows } from '$lib/core/io/packed-rows';
import type { Zone } from '$lib/core/model';
import { createRandom } from '$lib/core/sample';
import { ExportClient, type ExportPort, type ExportTable } from './export-client';
import { exportFirms, type FirmExportFilter, type FirmExportFormat } from './export-firms';
import { createExportHandler } from './export-handler';
import type { ExportReply, ExportRequest } from './export-protocol';

/** Stand-ins for the worker, each running the real handler and counting what it is sent. */
function standIns() {
	const ports: (ExportPort & { sent: ExportRequest['type'][]; ended: boolean })[] = [];
	const make = () => {
		const port = {
			sent: [] as ExportRequest['type'][],
			ended: false,
			onmessage: null as ExportPort['onmessage'],
			handle: createExportHandler((reply) => port.onmessage?.({ data: reply } as MessageEvent<ExportReply>)),
			// Structured clone, as postMessage does: the handler must not share the page's arrays.
			postMessage(message: ExportRequest) {
				this.sent.push(message.type);
				this.handle(structuredClone(message));
			},
			terminate() {
				this.ended = true;
			}
		};
		ports.push(port);
		return port;
	};
	return { ports, make };
}

/** A table of `count` firms over more than one run (2,000 firms each), plus rows without a position. */
function table(count: number, seed: number): ExportTable {
	const rng = createRandom(seed);
	const lon = Float64Array.from({ length: count }, () => 139.6 + rng.next() * 0.2);
	const lat = Float64Array.from({ length: count }, () => 35.5 + rng.next() * 0.2);
	const rows = packRows(Array.from({ length: count }, (_, i) => [`F${i}`, i % 7 === 0 ? '=1+1' : '大田区', lat[i].toFixed(6), lon[i].toFixed(6)]));
	const unplaced: ExportTable['unplaced'] = [{ line: count + 2, cells: ['BAD', '', '', ''], problems: [{ kind: 'missing', axis: 'latitude', column: 'lat' }] }];
	return { columns: ['id', 'memo', 'lat', 'lon'], rows, lon, lat, unplaced };
}

const zone: Zone = { id: 'z1', name: '中心', source: 'drawn', geometry: { type: 'Polygon', coordinates: [[[139.65, 35.55], [139.75, 35.55], [139.75, 35.65], [139.65, 35.65], [139.65, 35.55]]] } };

function jobFor(firms: ExportTable) {
	const n = firms.rows.count;
	return {
		zones: [{ id: zone.id, name: zone.name }],
		classification: classifyFirms([zone], firms.lon, firms.lat),
		institutionIds: ['A', 'B'],
		nearest: { index: Int32Array.from({ length: n }, (_, i) => i % 2), km: Float64Array.from({ length: n }, (_, i) => (i % 50) / 10) },
		bufferKm: 2,
		insideStability: true,
		stability: Float64Array.from({ length: n }, (_, i) => (i % 4) / 4)
	};
}

/** The bytes as one char each (compared at once, unlike an array of numbers). */
const bytesOf = async (blob: Blob) => Buffer.from(await blob.arrayBuffer()).toString('latin1');

describe('ExportClient', () => {
	it('writes what exportFirms writes, and sends the table to its worker once for several exports', async () => {
		const { ports, make } = standIns();
		const client = new ExportClient(make);
		const firms = table(4100, 7);
		const job = jobFor(firms);
		const cases: [FirmExportFormat, FirmExportFilter][] = [
			['csv', 'all'],
			['csv-sjis', 'inside'],
			['geojson', 'outside']
		];
		for (const [format, filter] of cases) {
			const progress: number[] = [];
			const { blob, count } = await client.run(firms, job, { format, filter, onprogress: (done, total) => (expect(total).toBe(4101), progress.push(done)) });
			const expected = exportFirms({ ...firms, ...job }, { format, filter });
			expect(await bytesOf(blob)).toBe(Buffer.concat(expected.parts).toString('latin1'));
			expect(count).toBe(expected.count);
			expect(progress.at(-1)).toBe(4101);
		}
		expect(ports).toHaveLength(1);
		// The first export is written as the table arrives (three runs of placed firms, one of unplaced); the others reuse it.
		expect(ports[0].sent).toEqual(['load', 'export', 'rows', 'rows', 'rows', 'rows', 'export', 'export']);
		// The page keeps its arrays: nothing of them was moved away.
		expect(job.classification.offsets.length).toBe(4101);
		expect(firms.lon.length).toBe(4100);
	});

	it('sends another dataset when it is exported, and frees the worker holding a dataset no longer shown', async () => {
		const { ports, make } = standIns();
		const client = new ExportClient(make);
		const first = table(10, 1);
		const second = table(20, 2);
		await client.run(first, jobFor(first), { format: 'csv', filter: 'all' });
		const { count } = await client.run(second, jobFor(second), { format: 'csv', filter: 'all' });
		expect(count).toBe(21);
		expect(ports[0].sent.filter((type) => type === 'load')).toHaveLength(2);
		await client.keepOnly(second);
		expect(ports[0].ended).toBe(false);
		// Not while an export is running: the worker ends after it.
		const running = client.run(second, jobFor(second), { format: 'geojson', filter: 'all' });
		const released = client.keepOnly(first);
		expect((await running).count).toBe(21);
		await released;
		expect(ports[0].ended).toBe(true);
		await client.run(first, jobFor(first), { format: 'csv', filter: 'all' });
		expect(ports).toHaveLength(2);
		expect(ports[1].sent[0]).toBe('load');
	});

	it('rejects with the worker’s message when the results do not fit the table, and the next export still works', async () => {
		const { make } = standIns();
		const client = new ExportClient(make);
		const firms = table(10, 3);
		const wrong = { ...jobFor(firms), classification: classifyFirms([zone], firms.lon.subarray(0, 5), firms.lat.subarray(0, 5)) };
		await expect(client.run(firms, wrong, { format: 'csv', filter: 'all' })).rejects.toThrow('10 firms but a classification of 5');
		const { count } = await client.run(firms, jobFor(firms), { format: 'csv', filter: 'all' });
		expect(count).toBe(11);
	});
});
