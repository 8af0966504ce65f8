import { describe, expect, it } from 'vitest';
import type { Zone } from '../lib/core/model';
import { createFirmResultsComputer, type EngineSetup, type FirmResultsMemory } from '../lib/core/firm-results';
import { join } from 'node:path';
import { BufferPool, InputError } from '../lib/core/io';
import { loadSetup, type SetupSpec } from './classify-setup';
import { EventEmitter } from 'node:events';
import type { Worker } from 'node:worker_threads';
import { startEngine } from './engine';
import { batchCalls, loadEngine } from './engine-thread';
import { UsageError } from './usage-error';

const square = (x: number, y: number, id: string): Zone => ({
	id,
	name: id,
	source: 'drawn',
	geometry: {
		type: 'Polygon',
		coordinates: [
			[
				[x, y],
				[x + 1, y],
				[x + 1, y + 1],
				[x, y + 1],
				[x, y]
			]
		]
	}
});
const setup: EngineSetup = {
	zones: [square(0, 0, 'a'), square(0.5, 0.5, 'b')],
	institutions: [
		{ id: 'i', lon: 0, lat: 0 },
		{ id: 'j', lon: 2, lat: 2 }
	],
	bufferKm: 100
};
const lons = Float64Array.of(0.2, 0.7, 1.4, 3, NaN);
const lats = Float64Array.of(0.2, 0.7, 1.4, 3, NaN);

describe('startEngine', () => {
	it.each([0, 1, 2])('gives what the engine gives in this thread, with %i worker(s)', async (workers) => {
		const engine = startEngine(setup, { workers });
		try {
			const batches = await Promise.all([engine.compute(lons, lats), engine.compute(lons.slice(1), lats.slice(1)), engine.compute(lons, lats)]);
			const compute = createFirmResultsComputer(setup);
			expect(batches).toEqual([compute(lons, lats), compute(lons.slice(1), lats.slice(1)), compute(lons, lats)]);
			expect(Array.from(batches[0].inside)).toEqual([1, 1, 1, 0, 0]);
		} finally {
			await engine.close();
		}
	});

	it('classifies in this thread when a worker cannot start', async () => {
		// A function cannot be sent to a worker thread: starting one fails.
		const unsendable = { ...setup, zones: Object.assign([...setup.zones], { extra: () => 0 }) } as EngineSetup;
		const engine = startEngine(unsendable, { workers: 1 });
		try {
			expect(Array.from((await engine.compute(lons, lats)).inside)).toEqual([1, 1, 1, 0, 0]);
		} finally {
			await engine.close();
		}
	});
});

describe('loadEngine', () => {
	const IN = join(import.meta.dirname, 'test/in');
	const BAD = join(import.meta.dirname, 'test/bad');
	const spec = (zones: string): SetupSpec => ({ zones, institutions: 'bundled', institutionFields: ['engineering'], nearestByType: true, bufferKm: 2, verbose: true });
	const silent = { update: () => {}, clear: () => {} };

	async function loaded(zones: string, thread: boolean) {
		const lines: string[] = [];
		const engine = loadEngine(spec(zones), (line) => lines.push(line), silent, { thread });
		try {
			const summary = await engine.ready;
			return { lines, summary, results: await engine.compute(Float64Array.of(139.72, 135.6, NaN), Float64Array.of(35.56, 34.68, NaN)) };
		} catch (error) {
			return { lines, error };
		} finally {
			await engine.close();
		}
	}

	it('reads the setup in its thread as this thread reads it: same summary, warnings in order, results', async () => {
		const zones = join(IN, 'zones.geojson');
		const inThread = await loaded(zones, true);
		const here = await loaded(zones, false);
		expect(inThread).toEqual(here);
		const direct = await loadSetup(spec(zones), () => {});
		expect(here.summary).toEqual(direct.summary);
		expect(here.results).toEqual(createFirmResultsComputer(direct.engine)(Float64Array.of(139.72, 135.6, NaN), Float64Array.of(35.56, 34.68, NaN)));
		expect(direct.summary.zoneIds.length).toBeGreaterThan(0);
		expect(here.lines).toEqual([expect.stringContaining('zone "=z-bowtie" the polygon crosses itself')]);
		expect(here.summary?.byType?.length).toBeGreaterThan(1);
	});

	it.each(['not-json.geojson', 'points-as-zones.geojson'])('passes on the error of a zones file that cannot be used, class and fields kept: %s', async (name) => {
		const inThread = await loaded(join(BAD, name), true);
		const here = await loaded(join(BAD, name), false);
		expect(inThread.error).toBeInstanceOf(InputError);
		expect(inThread.error).toEqual(here.error);
		expect({ ...(inThread.error as InputError) }).toEqual({ ...(here.error as InputError) });
		expect(inThread.lines).toEqual(here.lines);
	});

	it('takes batches before the zones are read, and answers them once they are', async () => {
		const zones = join(IN, 'zones.geojson');
		const engine = loadEngine(spec(zones), () => {}, silent, { thread: true });
		try {
			// Sent at once, not after `ready`: the thread finds them waiting.
			const early = [engine.compute(Float64Array.of(139.72, 135.6), Float64Array.of(35.56, 34.68)), engine.compute(Float64Array.of(NaN), Float64Array.of(NaN))];
			const answered = await Promise.all(early);
			const direct = await loadSetup(spec(zones), () => {});
			const compute = createFirmResultsComputer(direct.engine);
			expect(answered).toEqual([compute(Float64Array.of(139.72, 135.6), Float64Array.of(35.56, 34.68)), compute(Float64Array.of(NaN), Float64Array.of(NaN))]);
		} finally {
			await engine.close();
		}
	});

	it('passes on a usage error as one', async () => {
		const bundled = { ...spec('municipality:'), institutions: undefined };
		const engine = loadEngine(bundled, () => {}, silent, { thread: true });
		await expect(engine.ready).rejects.toBeInstanceOf(UsageError);
		await expect(engine.compute(Float64Array.of(0), Float64Array.of(0))).rejects.toBeInstanceOf(UsageError);
		await engine.close();
	});
});

describe('an engine thread given memory for the results', () => {
	it('writes large batches\' results into the shared memory lent, which later batches use again', async () => {
		const pool = new BufferPool(32, { shared: true });
		const engine = startEngine(setup, { workers: 1 });
		const compute = createFirmResultsComputer(setup);
		try {
			let memory: FirmResultsMemory | null = null;
			for (const seed of [1, 2, 3]) {
				// Enough points for the engine's Z-order path (2,048 and more), a few without coordinates.
				const n = 3000 + seed * 100;
				const lons = Float64Array.from({ length: n }, (_, i) => (i % 101 === 0 ? NaN : -0.5 + ((i * 7919 * seed) % 3500) / 1000));
				const lats = Float64Array.from({ length: n }, (_, i) => -0.5 + ((i * 104729 + seed) % 3500) / 1000);
				// The memory of the batch before, given back once its results were read, serves this one.
				if (memory) for (const array of Object.values(memory)) pool.give(array.buffer);
				memory = { offsets: pool.uint32s(n + 1), zoneIndices: pool.uint32s(n), inside: pool.bytes(n), nearest: pool.int32s(n), km: pool.float64s(n), withinBuffer: pool.bytes(n) };
				const results = await engine.compute(lons, lats, memory);
				expect(results).toEqual(compute(lons, lats));
				// Written into the memory lent, not sent back as a copy.
				expect(results.km!.buffer).toBeInstanceOf(SharedArrayBuffer);
				expect(memory.km).toEqual(results.km);
				expect(memory.offsets).toEqual(results.offsets);
			}
		} finally {
			await engine.close();
		}
	});
});

describe('batchCalls', () => {
	it('gives the batches a thread never answered, and later ones, to another engine', async () => {
		const posted: unknown[] = [];
		const worker = Object.assign(new EventEmitter(), { postMessage: (message: unknown) => posted.push(message) }) as unknown as Worker;
		const calls = batchCalls(worker);
		const compute = createFirmResultsComputer(setup);
		const first = calls.send(lons, lats);
		const second = calls.send(lons.slice(1), lats.slice(1));
		expect(posted).toHaveLength(2);
		calls.redirect(async (x, y) => compute(x, y));
		const third = calls.send(lons.slice(2), lats.slice(2));
		expect(posted).toHaveLength(2);
		expect(await Promise.all([first, second, third])).toEqual([compute(lons, lats), compute(lons.slice(1), lats.slice(1)), compute(lons.slice(2), lats.slice(2))]);
	});
});
