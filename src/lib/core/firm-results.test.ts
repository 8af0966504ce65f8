import { describe, expect, it } from 'vitest';
import { createFirmResultsComputer } from './firm-results';
import type { FirmResults, InstitutionPoint } from './io';
import type { Zone } from './model';
import { INSTITUTION_TYPES } from './model';

/** A seeded generator, so that a failure can be run again. */
function random(seed: number): () => number {
	return () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
}

function star(id: string, lon: number, lat: number, r: number, next: () => number): Zone {
	const ring = Array.from({ length: 12 }, (_, i) => {
		const a = (i / 12) * 2 * Math.PI;
		const k = r * (0.4 + 0.6 * next());
		return [lon + k * Math.cos(a), lat + k * Math.sin(a)];
	});
	return { id, name: id, source: 'drawn', geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]]] } };
}

/** Zones, institutions (three types) and a batch of points over them, seeded. */
function world(seed: number) {
	const next = random(seed);
	const zones = Array.from({ length: 60 }, (_, z) => star(`z${z}`, 135 + next() * 5, 34 + next() * 3, 0.05 + next() * 0.4, next));
	const institutions: InstitutionPoint[] = Array.from({ length: 40 }, (_, i) => ({ id: `i${i}`, lon: 135 + next() * 5, lat: 34 + next() * 3, type: INSTITUTION_TYPES[i % 3] }));
	const byType = INSTITUTION_TYPES.slice(0, 3).map((type) => institutions.filter((i) => i.type === type));
	const points = (n: number) => ({
		lons: Float64Array.from({ length: n }, (_, i) => (i % 97 === 0 ? NaN : 134.5 + next() * 6)),
		lats: Float64Array.from({ length: n }, (_, i) => (i % 89 === 0 ? Infinity : 33.5 + next() * 4))
	});
	return { setup: { zones, institutions, bufferKm: 10, byType }, points };
}

describe('createFirmResultsComputer', () => {
	it('gives a large batch, classified in Z-order, the answers of each point classified alone', () => {
		const { setup, points } = world(20261206);
		const n = 6000;
		const { lons, lats } = points(n);
		const compute = createFirmResultsComputer(setup);
		const batch = compute(lons, lats);
		let inside = 0;
		for (let i = 0; i < n; i++) {
			const alone = compute(lons.subarray(i, i + 1), lats.subarray(i, i + 1));
			expect(Array.from(batch.zoneIndices.subarray(batch.offsets[i], batch.offsets[i + 1]))).toEqual(Array.from(alone.zoneIndices));
			expect([batch.inside[i], batch.nearest![i], batch.km![i], batch.withinBuffer![i]]).toEqual([alone.inside[0], alone.nearest![0], alone.km![0], alone.withinBuffer![0]]);
			expect(batch.byType!.map((g) => [g.nearest[i], g.km[i]])).toEqual(alone.byType!.map((g) => [g.nearest[0], g.km[0]]));
			inside += batch.inside[i];
		}
		// The batch exercises both answers: firms inside zones, and outside.
		expect(inside).toBeGreaterThan(n / 20);
		expect(inside).toBeLessThan(n - n / 20);
		expect(batch.offsets[n]).toBe(batch.zoneIndices.length);
	});
});

describe('createFirmResultsComputer, batch after batch', () => {
	it('gives every batch the answers of a computer of its own, and leaves the answers it gave before as they were', () => {
		const { setup, points } = world(20261207);
		// Smaller, then larger than any before (the reused arrays grow), then small again.
		const batches = [6000, 2500, 9000, 3000, 2048].map(points);
		const compute = createFirmResultsComputer(setup);
		const given: FirmResults[] = [];
		const copies: FirmResults[] = [];
		for (const { lons, lats } of batches) {
			given.push(compute(lons, lats));
			copies.push(structuredClone(given.at(-1)!));
		}
		// Nothing given out is a view of memory a later batch used again: each is as it was when given.
		given.forEach((results, b) => expect(results).toEqual(copies[b]));
		for (const [b, { lons, lats }] of batches.entries()) expect(given[b]).toEqual(createFirmResultsComputer(setup)(lons, lats));
		expect(given.every((results) => results.offsets[results.offsets.length - 1] === results.zoneIndices.length)).toBe(true);
	});
});

describe('createFirmResultsComputer, into memory lent', () => {
	it('writes the answers of fresh memory into memory holding an older batch\'s numbers, and zones beyond its room into a fresh array', () => {
		const { setup, points } = world(20261208);
		const compute = createFirmResultsComputer(setup);
		const n = 5000;
		const { lons, lats } = points(n);
		const expected = createFirmResultsComputer(setup)(lons, lats);
		const zones = expected.zoneIndices.length;
		expect(zones).toBeGreaterThan(1);
		for (const room of [zones, zones - 1]) {
			const memory = { offsets: new Uint32Array(n + 1).fill(7), zoneIndices: new Uint32Array(room).fill(7), inside: new Uint8Array(n).fill(7), nearest: new Int32Array(n).fill(7), km: new Float64Array(n).fill(7), withinBuffer: new Uint8Array(n).fill(7) };
			const results = compute(lons, lats, memory);
			expect(results).toEqual(expected);
			expect([results.offsets, results.inside, results.nearest, results.km, results.withinBuffer]).toEqual([memory.offsets, memory.inside, memory.nearest, memory.km, memory.withinBuffer]);
			expect(results.km).toBe(memory.km);
			expect(results.zoneIndices.buffer === memory.zoneIndices.buffer).toBe(room >= zones);
		}
	});
});

describe('createFirmResultsComputer, with the cells of an earlier run', () => {
	it('answers as a fresh computer, and starts with the cells the earlier one built', () => {
		const { setup, points } = world(20261209);
		const earlier = createFirmResultsComputer(setup);
		const first = points(6000);
		earlier(first.lons, first.lats);
		const built = structuredClone(earlier.builtCells());
		expect(built.zones!.child.length).toBeGreaterThan(0);
		const later = createFirmResultsComputer({ ...setup, built });
		expect(later.builtCells().zones!.child.length).toBe(built.zones!.child.length);
		expect(later.builtCells().institutions!.entries).toEqual(built.institutions!.entries);
		for (const batch of [first, points(6000), points(3000)]) expect(later(batch.lons, batch.lats)).toEqual(createFirmResultsComputer(setup)(batch.lons, batch.lats));
	});

	it('builds its own cells when those given are of other zones', () => {
		const { setup, points } = world(20261210);
		const other = world(20261211);
		const elsewhere = createFirmResultsComputer(other.setup);
		const some = other.points(3000);
		elsewhere(some.lons, some.lats);
		const later = createFirmResultsComputer({ ...setup, built: elsewhere.builtCells() });
		const batch = points(4000);
		expect(later(batch.lons, batch.lats)).toEqual(createFirmResultsComputer(setup)(batch.lons, batch.lats));
	});
});
