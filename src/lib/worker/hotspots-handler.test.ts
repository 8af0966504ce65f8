import { describe, expect, it } from 'vitest';
import { meshCode } from '$lib/core/density';
import { createRandom } from '$lib/core/sample/random';
import { hotSpots, meshLattice } from '$lib/core/stats/hotspots';
import { DensityClient, type DensityPort } from './density-client.svelte';
import { createDensityHandler } from './density-handler';
import type { DensityReply, DensityRequest, HotspotsReply } from './density-protocol';

/** Firms round Ota: a tight cluster of industry A among B firms scattered over the ward, and a few far away. */
function firms(n = 1500, seed = 3) {
	const rng = createRandom(seed);
	const lons = new Float64Array(n);
	const lats = new Float64Array(n);
	const industry = new Uint16Array(n);
	for (let i = 0; i < n; i++) {
		const clustered = i % 3 === 0;
		lons[i] = clustered ? 139.716 + rng.normal(0, 0.004) : 139.68 + rng.next() * 0.08;
		lats[i] = clustered ? 35.562 + rng.normal(0, 0.003) : 35.53 + rng.next() * 0.06;
		industry[i] = clustered ? 0 : 1;
		if (i % 100 === 99) (lons[i] = 135.6), (lats[i] = 34.67); // Osaka, outside the view
	}
	return { lons, lats, industry, industryCodes: ['A', 'B'], employees: new Float64Array(n).fill(12) };
}

const OTA: [number, number, number, number] = [139.6, 35.5, 139.8, 35.65];
const ONLY_A = { industries: ['A'], sizeClasses: null };

function loaded(data = firms()) {
	const handle = createDensityHandler();
	handle({ type: 'load', id: 1, ...data, lons: data.lons.slice(), lats: data.lats.slice() });
	return handle;
}

function answer(reply: DensityReply): HotspotsReply {
	if (reply.type !== 'hotspots') throw new Error(reply.type === 'error' ? reply.message : reply.type);
	return reply;
}

describe('density worker: hot spots', () => {
	const data = firms();
	const progress: number[] = [];
	const reply = answer(
		loaded(data)({ type: 'hotspots', id: 2, bbox: OTA, grid: { kind: 'mesh', level: 'half' }, filter: ONLY_A, permutations: 999, seed: 5 }, (r) => {
			if (r.type === 'progress') progress.push(r.done);
		}).reply
	);

	it('counts the filtered firms of the view in every cell of the rectangle spanning the view’s firms', () => {
		const inView = (i: number) => data.lons[i] >= OTA[0] && data.lons[i] <= OTA[2] && data.lats[i] >= OTA[1] && data.lats[i] <= OTA[3];
		const expected = new Map<string, number>();
		for (let i = 0; i < data.lons.length; i++) if (inView(i) && data.industry[i] === 0) expected.set(meshCode(data.lons[i], data.lats[i], 'half')!, (expected.get(meshCode(data.lons[i], data.lats[i], 'half')!) ?? 0) + 1);
		const shown = new Map(reply.cells.features.map((f) => [f.properties.code, f.properties.count]));
		for (const [code, count] of expected) expect(shown.get(code), code).toBe(count);
		expect(reply.count).toBe([...expected.values()].reduce((a, b) => a + b, 0));
		expect(reply.cellCount).toBe(reply.cells.features.length);
		expect(reply.cells.features.filter((f) => f.properties.count === 0).length).toBeGreaterThan(0);
	});

	it('gives every cell the engine’s statistics, the same seed giving the same p-values, and reports progress', () => {
		const area = [...data.lons.keys()].filter((i) => data.lons[i] >= OTA[0] && data.lons[i] <= OTA[2] && data.lats[i] >= OTA[1] && data.lats[i] <= OTA[3]);
		const lattice = meshLattice(Float64Array.from(area, (i) => data.lons[i]), Float64Array.from(area, (i) => data.lats[i]), 'half', { filter: Uint8Array.from(area, (i) => (data.industry[i] === 0 ? 1 : 0)) });
		const direct = hotSpots(lattice.counts, lattice, { permutations: 999, seed: 5 });
		reply.cells.features.forEach((f, c) => {
			expect(f.properties.giZ).toBeCloseTo(direct.giStarZ[c], 12);
			expect(f.properties.giQ).toBe(direct.giStarQ[c]);
			expect(f.properties.moranP).toBe(direct.localMoranP[c]);
		});
		const hot = reply.cells.features.filter((f) => f.properties.quadrant === 'HH' && f.properties.moranQ! <= 0.05);
		expect(hot.length).toBeGreaterThan(0);
		expect(progress.at(-1)).toBe(reply.cellCount);
	});

	it('says how many cells there are instead of computing more than the map can draw', () => {
		const wide: [number, number, number, number] = [130, 30, 145, 45];
		const tooMany = answer(loaded(data)({ type: 'hotspots', id: 3, bbox: wide, grid: { kind: 'mesh', level: 'quarter' }, filter: ONLY_A, permutations: 99, seed: 1 }).reply);
		expect(tooMany.tooMany).toBeGreaterThan(20_000);
		expect(tooMany.cells.features).toEqual([]);
	});

	it('uses the dataset’s hexagon origin, and the client keeps hot-spot progress apart from Duranton–Overman’s', () => {
		const handle = loaded(data);
		const pending: DensityRequest[] = [];
		const port: DensityPort = { onmessage: null, postMessage: (m) => void pending.push(m), terminate: () => {} };
		const client = new DensityClient(port, () => port);
		client.request({ type: 'hotspots', bbox: OTA, grid: { kind: 'hex', sizeMetres: 400 }, filter: ONLY_A, permutations: 99, seed: 1 });
		const request = pending.at(-1)!;
		const { reply: hex } = handle(request, (r) => {
			port.onmessage?.({ data: r } as MessageEvent<DensityReply>);
			expect(client.hotspotsProgress).not.toBeNull();
			expect(client.progress).toBeNull();
		});
		port.onmessage?.({ data: hex } as MessageEvent<DensityReply>);
		expect(client.hotspots?.cells.features[0].properties.code).toMatch(/^q-?\d+r-?\d+$/);
		expect(client.hotspotsProgress).toBeNull();
		expect(client.busy.has('hotspots')).toBe(false);
	});
});
