import { describe, expect, it } from 'vitest';
import type { FirmTable } from '$lib/core/firm-table';
import type { ImportPreview } from '$lib/data/import-preview';
import type { ImportReply, ImportRequest, StoreOutcome } from '$lib/data/import-protocol';
import { ImportClient, type ImportPort } from './import-client.svelte';

/** Worker stand-ins: each records what it is sent; the test answers for it. */
function standIns() {
	const ports: (ImportPort & { sent: ImportRequest[]; ended: boolean; answer(reply: ImportReply): void; fail(message: string): void })[] = [];
	const make = () => {
		const port = {
			sent: [] as ImportRequest[],
			ended: false,
			onmessage: null as ImportPort['onmessage'],
			onerror: null as ImportPort['onerror'],
			postMessage(message: ImportRequest) {
				this.sent.push(message);
			},
			terminate() {
				this.ended = true;
			},
			answer(reply: ImportReply) {
				this.onmessage?.({ data: reply } as MessageEvent<ImportReply>);
			},
			fail(message: string) {
				this.onerror?.({ message } as ErrorEvent);
			}
		};
		ports.push(port);
		return port;
	};
	return { ports, make };
}

const file = (name: string) => ({ name }) as File;
const preview = { size: 100, columns: ['lon', 'lat'] } as unknown as ImportPreview;
const firms = { file: 'a.csv' } as unknown as FirmTable;
const mapping = { lon: 'lon', lat: 'lat' } as never;
const tick = () => new Promise((next) => setTimeout(next, 0));

describe('ImportClient', () => {
	it('previews, imports with progress, then asks the worker to store the firms it shows', async () => {
		const { ports, make } = standIns();
		const client = new ImportClient(make);
		const stored: StoreOutcome[] = [];
		client.onstored = (outcome) => stored.push(outcome);
		client.open(file('a.csv'));
		expect(client.phase).toBe('reading');
		const [port] = ports;
		port.answer({ type: 'preview', id: port.sent[0].id, preview });
		await tick();
		expect(client.phase).toBe('mapping');
		expect(client.preview).toBe(preview);

		const done = client.importFirms(mapping, false);
		const importId = port.sent[1].id;
		expect(port.sent[1]).toMatchObject({ type: 'import-firms', swap: false });
		expect(client.progress).toEqual({ bytesRead: 0, total: 100, rows: 0 });
		port.answer({ type: 'progress', id: importId, bytesRead: 50, total: 100, rows: 7 });
		expect(client.progress).toEqual({ bytesRead: 50, total: 100, rows: 7 });
		port.answer({ type: 'firms', id: importId, table: firms, problems: [], rows: 7 });
		expect((await done)?.firms).toBe(firms);
		expect(client.phase).toBe('done');
		// Only once shown are the firms stored: the store request names the import.
		expect(port.sent[2]).toMatchObject({ type: 'store', of: importId });
		port.answer({ type: 'stored', id: port.sent[2].id, outcome: { ok: true } });
		await tick();
		expect(stored).toEqual([{ ok: true }]);
	});

	it('drops the replies of an import when another file is chosen, and never stores its firms', async () => {
		const { ports, make } = standIns();
		const client = new ImportClient(make);
		client.open(file('a.csv'));
		const [port] = ports;
		port.answer({ type: 'preview', id: port.sent[0].id, preview });
		await tick();
		const first = client.importFirms(mapping, false);
		const firstId = port.sent[1].id;
		client.open(file('b.csv'));
		expect(await first).toBeNull();
		port.answer({ type: 'progress', id: firstId, bytesRead: 90, total: 100, rows: 9 });
		port.answer({ type: 'firms', id: firstId, table: firms, problems: [], rows: 9 });
		await tick();
		expect(client.phase).toBe('reading');
		expect(client.file).toBe('b.csv');
		expect(client.progress).toBeNull();
		expect(port.sent.map((m) => m.type)).toEqual(['preview', 'import-firms', 'preview']);
	});

	it('cancels the running import by its id and goes back to the mapping when the worker has stopped', async () => {
		const { ports, make } = standIns();
		const client = new ImportClient(make);
		client.open(file('a.csv'));
		const [port] = ports;
		port.answer({ type: 'preview', id: port.sent[0].id, preview });
		await tick();
		const running = client.importZones('name');
		const id = port.sent[1].id;
		client.cancel();
		expect(port.sent[2]).toMatchObject({ type: 'cancel', of: id });
		expect(client.phase).toBe('importing');
		port.answer({ type: 'cancelled', id });
		expect(await running).toBeNull();
		expect(client.phase).toBe('mapping');
	});

	it('says so when the worker itself fails, and starts another for the next file', async () => {
		const { ports, make } = standIns();
		const client = new ImportClient(make);
		client.open(file('a.csv'));
		const [port] = ports;
		port.answer({ type: 'preview', id: port.sent[0].id, preview });
		await tick();
		const running = client.importFirms(mapping, false);
		port.fail('out of memory');
		expect(await running).toBeNull();
		expect(client.phase).toBe('failed');
		expect(client.failure).toMatchObject({ file: 'a.csv', text: 'a.csv: out of memory', unexpected: true });
		expect(port.ended).toBe(true);
		client.open(file('b.csv'));
		expect(ports).toHaveLength(2);
		expect(ports[1].sent[0]).toMatchObject({ type: 'preview', file: { name: 'b.csv' } });
	});

	it('shows a file that cannot be read', async () => {
		const { ports, make } = standIns();
		const client = new ImportClient(make);
		client.open(file('bad.csv'));
		const failure = { file: 'bad.csv', message: 'is empty', text: 'bad.csv: is empty' };
		ports[0].answer({ type: 'failed', id: ports[0].sent[0].id, failure });
		await tick();
		expect(client.phase).toBe('failed');
		expect(client.failure).toEqual(failure);
	});
});
