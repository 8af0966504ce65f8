import { describe, expect, it, vi } from 'vitest';
import type { FirmTilesReply, FirmTilesRequest } from '$lib/worker/firm-tiles-protocol';
import { FirmMapData, type FirmTilesPort } from './firm-map-data.svelte';

// MapLibre is not loaded in Node; the protocol it would call is `tile`, called here directly.
vi.mock('maplibre-gl', () => ({ addProtocol: vi.fn() }));

/** Worker stand-ins keeping what they are sent; the test answers for them. */
function standIns() {
	const ports: (FirmTilesPort & { sent: FirmTilesRequest[]; ended: boolean; answer(reply: FirmTilesReply): void })[] = [];
	const make = () => {
		const port = {
			sent: [] as FirmTilesRequest[],
			ended: false,
			onmessage: null as FirmTilesPort['onmessage'],
			postMessage(message: FirmTilesRequest) {
				this.sent.push(message);
			},
			terminate() {
				this.ended = true;
			},
			answer(reply: FirmTilesReply) {
				this.onmessage?.({ data: reply } as MessageEvent<FirmTilesReply>);
			}
		};
		ports.push(port);
		return port;
	};
	return { ports, make };
}

const firms = (n: number) => ({ lon: new Float64Array(n).fill(139.7), lat: new Float64Array(n).fill(35.6), industry: { codes: ['A'], index: new Uint16Array(n) } });
const tick = () => new Promise((next) => setTimeout(next, 0));

/** Shows firms and answers their load; returns the data version. */
async function shown(map: FirmMapData, ports: ReturnType<typeof standIns>['ports'], n: number): Promise<number> {
	const showing = map.show(firms(n));
	await tick();
	const port = ports[0];
	const load = port.sent.at(-1) as Extract<FirmTilesRequest, { type: 'load' }>;
	port.answer({ type: 'loaded', id: load.id, version: load.version });
	await showing;
	return load.version;
}

describe('FirmMapData', () => {
	it('sends the firms once per dataset; tiles ask by position only, and the URL names the data version', async () => {
		const { ports, make } = standIns();
		const map = new FirmMapData(make);
		const version = await shown(map, ports, 3);
		expect(map.tiles).toBe(`firms://${version}/{z}/{x}/{y}`);
		const tiles = [map.tile(version, 10, 1, 2), map.tile(version, 10, 1, 3)];
		const asked = ports[0].sent.slice(1) as Extract<FirmTilesRequest, { type: 'tile' }>[];
		expect(asked.map((m) => [m.type, m.z, m.x, m.y, 'points' in m])).toEqual([
			['tile', 10, 1, 2, false],
			['tile', 10, 1, 3, false]
		]);
		// Answered out of order: each tile gets its own bytes.
		ports[0].answer({ type: 'tile', id: asked[1].id, bytes: new ArrayBuffer(3) });
		ports[0].answer({ type: 'tile', id: asked[0].id, bytes: new ArrayBuffer(2) });
		expect((await Promise.all(tiles)).map((b) => b.byteLength)).toEqual([2, 3]);
		expect(ports[0].sent.filter((m) => m.type === 'load')).toHaveLength(1);
	});

	it('gives up a tile MapLibre aborts, and tells the worker to drop it', async () => {
		const { ports, make } = standIns();
		const map = new FirmMapData(make);
		const version = await shown(map, ports, 2);
		const abort = new AbortController();
		const tile = map.tile(version, 5, 0, 0, abort.signal);
		const id = ports[0].sent.at(-1)!.id;
		abort.abort();
		expect((await tile).byteLength).toBe(0);
		expect(ports[0].sent.at(-1)).toMatchObject({ type: 'cancel', of: id });
		// Its late bytes reach nobody.
		ports[0].answer({ type: 'tile', id, bytes: new ArrayBuffer(9) });
	});

	it('answers tiles of data no longer shown with nothing, and drops the load reply of firms replaced since', async () => {
		const { ports, make } = standIns();
		const map = new FirmMapData(make);
		const old = await shown(map, ports, 2);
		const pending = map.tile(old, 1, 0, 0);
		const first = map.show(firms(4));
		const second = map.show(firms(5));
		await tick();
		// The first never got to the worker: the second replaced it before its copy was made.
		expect(ports[0].sent.filter((m) => m.type === 'load').map((m) => m.points.lon.length)).toEqual([2, 5]);
		expect((await map.tile(old, 1, 0, 0)).byteLength).toBe(0);
		ports[0].answer({ type: 'tile', id: ports[0].sent[1].id, bytes: new ArrayBuffer(0) });
		await pending;

		// Sent, then replaced: its reply is dropped.
		const third = map.show(firms(6));
		await tick();
		const fourth = map.show(firms(7));
		await tick();
		const loads = ports[0].sent.filter((m) => m.type === 'load');
		expect(loads.map((m) => m.points.lon.length)).toEqual([2, 5, 6, 7]);
		ports[0].answer({ type: 'loaded', id: loads[2].id, version: loads[2].version });
		await Promise.all([first, second, third]);
		expect(map.tiles).toBeNull();
		ports[0].answer({ type: 'loaded', id: loads[3].id, version: loads[3].version });
		await fourth;
		expect(map.tiles).toBe(`firms://${loads[3].version}/{z}/{x}/{y}`);
	});

	it('ends the worker on destroy; tiles in flight come back empty', async () => {
		const { ports, make } = standIns();
		const map = new FirmMapData(make);
		const version = await shown(map, ports, 2);
		const tile = map.tile(version, 3, 1, 1);
		map.destroy();
		expect(ports[0].ended).toBe(true);
		expect((await tile).byteLength).toBe(0);
		expect(map.tiles).toBeNull();
	});
});
