import { describe, expect, it } from 'vitest';
import type { Zone } from '../lib/core/model';
import { createFirmResultsComputer, type EngineSetup } from '../lib/core/firm-results';
import { startEngine } from './engine';

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
