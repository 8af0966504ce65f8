import { describe, expect, it } from 'vitest';
import { meshCode } from '$lib/core/density';
import { dbscan, dbscanStability } from '$lib/core/detect';
import { createRandom } from '$lib/core/sample/random';
import { DensityClient, type DensityPort } from './density-client.svelte';
import { contourLevels, createDensityHandler, densityRgba } from './density-handler';
import { MAX_CELLS, sizeClassOf, type DensityReply, type DensityRequest } from './density-protocol';

/** Firms in two clumps round Higashi-Osaka and Ota, with industries A/B and random sizes. */
function firms(n = 2000, seed = 7) {
	const rng = createRandom(seed);
	const random = () => rng.next();
	const lons = new Float64Array(n);
	const lats = new Float64Array(n);
	const industry = new Uint16Array(n);
	const employees = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		const west = i % 2 === 0;
		lons[i] = (west ? 135.6 : 139.72) + (random() - 0.5) * 0.06;
		lats[i] = (west ? 34.67 : 35.56) + (random() - 0.5) * 0.05;
		industry[i] = random() < 0.3 ? 1 : 0;
		employees[i] = random() < 0.05 ? NaN : 1 + Math.floor(random() * 400);
	}
	return { lons, lats, industry, industryCodes: ['A', 'B'], employees };
}

const ALL = { industries: null, sizeClasses: null };
const OSAKA: [number, number, number, number] = [135.5, 34.6, 135.7, 34.75];

function loaded(data = firms()) {
	const handle = createDensityHandler();
	const copy = { lons: data.lons.slice(), lats: data.lats.slice(), industry: data.industry.slice(), industryCodes: data.industryCodes, employees: data.employees.slice() };
	expect(handle({ type: 'load', id: 1, ...copy }).reply).toEqual({ type: 'loaded', id: 1, count: data.lons.length });
	return handle;
}

describe('density handler', () => {
	it('counts every filtered firm in the mesh cell the engine names for it', () => {
		const data = firms();
		const handle = loaded(data);
		const { reply } = handle({ type: 'mesh', id: 2, bbox: OSAKA, level: 'half', filter: { industries: ['B'], sizeClasses: ['20-99', '100-299'] } });
		if (reply.type !== 'mesh') throw new Error(reply.type === 'error' ? reply.message : reply.type);
		const expected = new Map<string, number>();
		for (let i = 0; i < data.lons.length; i++) {
			const size = sizeClassOf(data.employees[i]);
			if (data.industry[i] !== 1 || (size !== '20-99' && size !== '100-299') || data.lons[i] > 137) continue;
			const code = meshCode(data.lons[i], data.lats[i], 'half')!;
			expected.set(code, (expected.get(code) ?? 0) + 1);
		}
		const shown = new Map(reply.cells.features.map((f) => [f.properties.code, f.properties.count]));
		expect(shown).toEqual(expected);
		expect(reply.count).toBe([...expected.values()].reduce((a, b) => a + b, 0));
		for (const f of reply.cells.features) expect(f.properties.density).toBeCloseTo(f.properties.count / f.properties.areaKm2, 9);
		expect([...reply.breaks].sort((a, b) => a - b)).toEqual(reply.breaks);
	});

	it('sends no cells, only their number, when the area holds too many to draw', () => {
		const data = firms(60_000, 3);
		// Spread over 3° × 3°: tens of thousands of distinct quarter-mesh cells.
		const rng = createRandom(11);
		for (let i = 0; i < data.lons.length; i++) {
			data.lons[i] = 136 + 3 * rng.next();
			data.lats[i] = 34 + 3 * rng.next();
		}
		const handle = loaded(data);
		const { reply } = handle({ type: 'mesh', id: 2, bbox: [120, 20, 150, 46], level: 'quarter', filter: ALL });
		if (reply.type !== 'mesh') throw new Error(reply.type);
		expect(reply.tooMany).toBeGreaterThan(MAX_CELLS);
		expect(reply.cells.features).toEqual([]);
		expect(reply.count).toBe(60_000);
	});

	it('counts hexagons of the area only, adding up to the firms near it', () => {
		const data = firms();
		const handle = loaded(data);
		const { reply } = handle({ type: 'hex', id: 2, bbox: [135, 34, 136, 35.2], sizeMetres: 800, filter: ALL });
		if (reply.type !== 'hex') throw new Error(reply.type);
		expect(reply.count).toBe(data.lons.length / 2);
		for (const f of reply.cells.features) expect(f.geometry.coordinates[0]).toHaveLength(7);
	});

	it('gives location quotients equal to the shares computed by hand', () => {
		const data = firms();
		const handle = loaded(data);
		const membership = Int32Array.from(data.lons, (lon) => (lon < 137 ? 0 : 1));
		const { reply } = handle({ type: 'lq', id: 3, industry: 'B', regions: { kind: 'membership', ids: ['osaka', 'tokyo'], membership }, filter: { industries: null, sizeClasses: ['1-9'] } });
		if (reply.type !== 'lq') throw new Error(reply.type === 'error' ? reply.message : reply.type);
		const small = (i: number) => sizeClassOf(data.employees[i]) === '1-9';
		let all = 0, inB = 0;
		const region = [0, 0], regionB = [0, 0];
		for (let i = 0; i < data.lons.length; i++) {
			if (!small(i)) continue;
			all++;
			region[membership[i]]++;
			if (data.industry[i] === 1) {
				inB++;
				regionB[membership[i]]++;
			}
		}
		expect(reply.ids).toEqual(['osaka', 'tokyo']);
		for (const z of [0, 1]) expect(reply.lq[z]).toBeCloseTo(regionB[z] / region[z] / (inB / all), 12);
	});

	it('detects DBSCAN zones among the firms in view and counts those inside', () => {
		const handle = loaded();
		const { reply } = handle({ type: 'detect', id: 4, bbox: OSAKA, filter: ALL, detection: { method: 'dbscan', epsMetres: 400, minPts: 5, hull: 'convex' } });
		if (reply.type !== 'detect') throw new Error(reply.type === 'error' ? reply.message : reply.type);
		expect(reply.total).toBe(1000);
		expect(reply.zones.length).toBeGreaterThan(0);
		expect(reply.inside).toBeGreaterThan(0);
		expect(reply.inside).toBeLessThanOrEqual(reply.total);
		expect(reply.zones[0].parameters).toMatchObject({ method: 'dbscan', epsMetres: 400, minPts: 5 });
		expect(reply.zones[0].parameters.stability).toBeUndefined();
	});

	it('scores each DBSCAN zone’s stability across eps on request, numbered as the engine numbers clusters', () => {
		const data = firms();
		const handle = loaded(data);
		const detection = { method: 'dbscan', epsMetres: 150, minPts: 5, hull: 'convex' } as const;
		const { reply } = handle({ type: 'detect', id: 4, bbox: OSAKA, filter: ALL, detection, stability: true });
		if (reply.type !== 'detect') throw new Error(reply.type === 'error' ? reply.message : reply.type);
		const [w, s, e, n] = OSAKA;
		const inView = Array.from(data.lons.keys()).filter((i) => data.lons[i] >= w && data.lons[i] <= e && data.lats[i] >= s && data.lats[i] <= n);
		const lons = Float64Array.from(inView, (i) => data.lons[i]);
		const lats = Float64Array.from(inView, (i) => data.lats[i]);
		const expected = dbscanStability(lons, lats, dbscan(lons, lats, detection), detection);
		expect(reply.zones.map((zone) => zone.parameters.stability)).toEqual(expected);
		expect(expected.length).toBeGreaterThan(1);
	});

	it('sweeps a threshold: a higher percentile never puts more firms inside', () => {
		const handle = loaded();
		const values = [50, 70, 90, 99];
		const { reply } = handle({
			type: 'sensitivity',
			id: 5,
			bbox: OSAKA,
			filter: ALL,
			detection: { method: 'kde-threshold', kernel: 'quartic', bandwidthMetres: 800, cellMetres: 100, level: null, percentile: 90 },
			values
		});
		if (reply.type !== 'sensitivity') throw new Error(reply.type === 'error' ? reply.message : reply.type);
		expect(reply.shares).toHaveLength(values.length);
		for (let k = 1; k < values.length; k++) expect(reply.shares[k]).toBeLessThanOrEqual(reply.shares[k - 1]);
		expect(reply.shares[0]).toBeGreaterThan(reply.shares[values.length - 1]);
	});

	it('estimates a surface over the view with contour levels below its peak', () => {
		const handle = loaded();
		const { reply } = handle({ type: 'kde', id: 6, bbox: OSAKA, kernel: 'gaussian', bandwidthMetres: null, cellMetres: 100, filter: ALL });
		if (reply.type !== 'kde') throw new Error(reply.type === 'error' ? reply.message : reply.type);
		expect(reply.defaultBandwidth).toBe(true);
		expect(reply.count).toBe(1000);
		expect(reply.rgba).toHaveLength(reply.width * reply.height * 4);
		expect(reply.levels.every((level) => level < reply.max)).toBe(true);
		expect(reply.contours.features.length).toBe(reply.levels.length);
		// Corners run clockwise from the north-west.
		const [nw, ne, se, sw] = reply.corners;
		expect(nw[1]).toBeGreaterThan(sw[1]);
		expect(ne[0]).toBeGreaterThan(nw[0]);
		expect(se[1]).toBeLessThan(ne[1]);
	});

	it('gives Ripley’s L with bands over about 200 steps of the view’s diagonal', () => {
		const handle = loaded();
		const { reply } = handle({ type: 'duranton-overman', id: 9, bbox: OSAKA, industry: 'B', statistic: 'ripley', draws: 39, seed: 1, filter: ALL });
		if (reply.type !== 'duranton-overman') throw new Error(reply.type === 'error' ? reply.message : reply.type);
		expect(reply.result).toBeNull();
		const ripley = reply.ripley!;
		expect(ripley.draws).toBe(39);
		expect(ripley.l).toHaveLength(ripley.distancesKm.length);
		expect(ripley.stepKm).toBeLessThanOrEqual(0.1);
		expect(ripley.globalUpper).toHaveLength(ripley.l.length);
	});

	it('reports Duranton–Overman progress and names a missing industry', () => {
		const handle = loaded();
		const progress: number[] = [];
		const { reply } = handle({ type: 'duranton-overman', id: 7, bbox: OSAKA, industry: 'B', statistic: 'duranton-overman', draws: 40, seed: 1, filter: ALL }, (r) => {
			if (r.type === 'progress') progress.push(r.done);
		});
		if (reply.type !== 'duranton-overman') throw new Error(reply.type === 'error' ? reply.message : reply.type);
		expect(reply.result?.draws).toBe(40);
		expect(reply.ripley).toBeNull();
		expect(progress.at(-1)).toBe(40);
		const missing = handle({ type: 'duranton-overman', id: 8, bbox: OSAKA, industry: 'Z', statistic: 'duranton-overman', draws: 40, seed: 1, filter: ALL }).reply;
		expect(missing).toMatchObject({ type: 'error', id: 8 });
	});
});

describe('densityRgba and contourLevels', () => {
	it('leaves empty cells transparent and puts the north row first', () => {
		const rgba = densityRgba(Float32Array.of(0, 0, 4, 1), 2, 2, 4);
		// Row 1 (north) comes first: [4, 1]; row 0 (south) last: [0, 0].
		expect(rgba[3]).toBeGreaterThan(rgba[7]);
		expect(rgba[7]).toBeGreaterThan(0);
		expect([...rgba.slice(8)]).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
	});

	it('gives ascending positive levels', () => {
		const levels = contourLevels(688.7);
		expect(levels.length).toBeGreaterThan(1);
		for (let k = 1; k < levels.length; k++) expect(levels[k]).toBeGreaterThan(levels[k - 1]);
		expect(contourLevels(0)).toEqual([]);
	});
});

describe('DensityClient', () => {
	/** A port that answers only when told to, with the real handler. */
	function manualPort() {
		const handle = createDensityHandler();
		const pending: DensityRequest[] = [];
		const port: DensityPort & { answer(id: number): void } = {
			onmessage: null,
			postMessage: (message) => void pending.push(message),
			terminate: () => {},
			answer(id) {
				const request = pending.find((r) => r.id === id);
				if (!request) throw new Error(`no pending request ${id}`);
				const reply: DensityReply = handle(request).reply;
				port.onmessage?.({ data: reply } as MessageEvent<DensityReply>);
			}
		};
		return port;
	}

	it('keeps only the newest reply of each kind and copies the firms it sends', () => {
		const port = manualPort();
		const client = new DensityClient(port, () => port);
		const data = firms(400);
		client.load(data);
		expect(data.lons[0]).toBeGreaterThan(0); // the caller's arrays are not transferred away
		port.answer(1);
		client.request({ type: 'mesh', bbox: OSAKA, level: 'third', filter: ALL }); // 2
		client.request({ type: 'mesh', bbox: OSAKA, level: 'half', filter: ALL }); // 3
		client.request({ type: 'detect', bbox: OSAKA, filter: ALL, detection: { method: 'dbscan', epsMetres: 300, minPts: 4, hull: 'convex' } }); // 4
		expect(client.busy.has('cells')).toBe(true);
		port.answer(3);
		expect(client.cells?.cells.features[0].properties.code).toHaveLength(9);
		port.answer(2); // stale
		expect(client.cells?.cells.features[0].properties.code).toHaveLength(9);
		expect(client.busy.has('cells')).toBe(false);
		expect(client.busy.has('detect')).toBe(true);
		port.answer(4);
		expect(client.detection?.total).toBe(200);
	});

	it('drops the reply of a cancelled Duranton–Overman test, ending both its workers', () => {
		const port = manualPort();
		const testPorts: ReturnType<typeof manualPort>[] = [];
		const terminated: number[] = [];
		const client = new DensityClient(
			port,
			() => {
				const test = manualPort();
				const slot = testPorts.length;
				test.terminate = () => void terminated.push(slot);
				testPorts.push(test);
				return test;
			},
			2
		);
		client.load(firms(400));
		port.answer(1);
		client.request({ type: 'duranton-overman', bbox: OSAKA, industry: 'B', statistic: 'duranton-overman', draws: 20, seed: 1, filter: ALL });
		expect(testPorts).toHaveLength(2);
		expect(client.progress).toEqual({ done: 0, total: 20 });
		client.cancelDurantonOverman();
		expect(terminated).toEqual([0, 1]);
		testPorts[0].answer(1); // its load
		testPorts[0].answer(2);
		expect(client.durantonOverman).toBeNull();
		expect(client.progress).toBeNull();
	});

	it('splits the draws between two workers, sums their progress and merges their parts into the one-worker result', () => {
		const data = firms(600);
		const query = { type: 'duranton-overman', bbox: OSAKA, industry: 'B', statistic: 'duranton-overman', draws: 40, seed: 3, filter: ALL } as const;
		for (const statistic of ['duranton-overman', 'ripley'] as const) {
			const port = manualPort();
			const testPorts: ReturnType<typeof manualPort>[] = [];
			const client = new DensityClient(port, () => testPorts[testPorts.push(manualPort()) - 1], 2);
			client.load(data);
			client.request({ ...query, statistic });
			// Each worker numbers its own requests: 1 a test worker's load, 2 its part of the test.
			testPorts[0].answer(1);
			testPorts[1].answer(1);
			const seen: number[] = [];
			testPorts[1].answer(2);
			seen.push(client.progress!.done);
			expect(client.durantonOverman).toBeNull();
			testPorts[0].answer(2);
			expect(seen[0]).toBe(20);
			expect(client.progress).toBeNull();
			const whole = loaded(data)({ ...query, statistic, id: 9 }).reply;
			if (whole.type !== 'duranton-overman' || client.durantonOverman === null) throw new Error('no result');
			expect(client.durantonOverman.result).toEqual(whole.result);
			expect(client.durantonOverman.ripley).toEqual(whole.ripley);
			expect(client.errors['duranton-overman']).toBeUndefined();
		}
	});
});
