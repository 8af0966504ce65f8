import { describe, expect, it } from 'vitest';
import type { DensityFirms, DensityPort } from './density-client.svelte';
import type { DensityReply, DensityRequest } from './density-protocol';
import { StabilityClient } from './stability-client.svelte';

/** A worker stand-in: records what it is sent and whether it was ended; the test answers for it. */
function fakePorts() {
	const ports: (DensityPort & { sent: DensityRequest[]; ended: boolean; answer: (reply: DensityReply) => void })[] = [];
	const make = () => {
		const port = {
			sent: [] as DensityRequest[],
			ended: false,
			onmessage: null as DensityPort['onmessage'],
			postMessage(message: DensityRequest) {
				this.sent.push(message);
			},
			terminate() {
				this.ended = true;
			},
			answer(reply: DensityReply) {
				this.onmessage?.({ data: reply } as MessageEvent<DensityReply>);
			}
		};
		ports.push(port);
		return port;
	};
	return { ports, make };
}

const firms: DensityFirms = { lons: Float64Array.of(135.6), lats: Float64Array.of(34.67), industry: Uint16Array.of(0), industryCodes: ['A'], employees: Float64Array.of(5) };
const query = { bbox: [135, 34, 136, 35] as [number, number, number, number], filter: { industries: null, sizeClasses: null }, detection: { method: 'dbscan' as const, epsMetres: 150, minPts: 20, hull: 'convex' as const }, scales: [1, 2], second: [10, 20] };
const reply = (id: number): DensityReply => ({ type: 'stability', id, method: 'dbscan', stability: Float64Array.of(1), settings: [], inside: new Uint8Array(0), considered: Uint8Array.of(1), count: 1 });

describe('StabilityClient', () => {
	it('loads the firms into a worker of its own, follows the progress and resolves with the reply', async () => {
		const { ports, make } = fakePorts();
		const client = new StabilityClient(make);
		const done = client.run(firms, query);
		const [port] = ports;
		expect(port.sent.map((m) => m.type)).toEqual(['load', 'stability']);
		const id = port.sent[1].id;
		expect(client.progress).toEqual({ done: 0, total: 4 });
		port.answer({ type: 'progress', id, done: 3, total: 4 });
		expect(client.progress).toEqual({ done: 3, total: 4 });
		port.answer(reply(id));
		expect((await done)?.count).toBe(1);
		expect(client.progress).toBeNull();
	});

	it('ends the worker on Cancel (resolving null), and the next run starts another with the firms again', async () => {
		const { ports, make } = fakePorts();
		const client = new StabilityClient(make);
		const first = client.run(firms, query);
		client.cancel();
		expect(await first).toBeNull();
		expect(ports[0].ended).toBe(true);
		expect(client.progress).toBeNull();
		const second = client.run(firms, query);
		expect(ports).toHaveLength(2);
		expect(ports[1].sent.map((m) => m.type)).toEqual(['load', 'stability']);
		ports[1].answer(reply(ports[1].sent[1].id));
		expect(await second).not.toBeNull();
	});

	it('drops the reply to a run that a newer run replaced', async () => {
		const { ports, make } = fakePorts();
		const client = new StabilityClient(make);
		const first = client.run(firms, query);
		const second = client.run(firms, query);
		expect(await first).toBeNull();
		ports[0].answer(reply(ports[0].sent[1].id));
		expect(client.progress).not.toBeNull();
		ports[0].answer(reply(ports[0].sent[2].id));
		expect(await second).not.toBeNull();
	});

	it('keeps the worker’s error for the panel', async () => {
		const { ports, make } = fakePorts();
		const client = new StabilityClient(make);
		const run = client.run(firms, query);
		ports[0].answer({ type: 'error', id: ports[0].sent[1].id, message: 'Fewer than 2 firms in view' });
		expect(await run).toBeNull();
		expect(client.error).toBe('Fewer than 2 firms in view');
	});
});
