import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Scratch } from '../scratch';
import { localityOrder } from './locality-order';

/** The Z-order key written out bit by bit: y's bit above x's at every level. */
function zKey(x: number, y: number, box: { minX: number; minY: number; maxX: number; maxY: number }): number {
	// The same arithmetic as the code: a cell boundary is where it puts it.
	const cx = box.maxX > box.minX ? Math.floor((x - box.minX) * (65535 / (box.maxX - box.minX))) : 0;
	const cy = box.maxY > box.minY ? Math.floor((y - box.minY) * (65535 / (box.maxY - box.minY))) : 0;
	let key = 0;
	for (let bit = 15; bit >= 0; bit--) key = key * 4 + ((cy >> bit) & 1) * 2 + ((cx >> bit) & 1);
	return key;
}

const coordinate = fc.oneof(
	{ weight: 8, arbitrary: fc.double({ min: 122, max: 154, noNaN: true }) },
	{ weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, 139.7) }
);

describe('localityOrder', () => {
	it('is a permutation in Z-order, ties and unplaced points kept in input order (property)', () => {
		const scratch = new Scratch();
		fc.assert(
			fc.property(fc.array(fc.tuple(coordinate, coordinate), { maxLength: 300 }), (points) => {
				const xs = Float64Array.from(points, (p) => p[0]);
				const ys = Float64Array.from(points, (p) => p[1]);
				const order = Array.from(localityOrder(xs, ys));
				// With arrays kept from the runs before (longer, holding their values): the same order.
				expect(Array.from(localityOrder(xs, ys, scratch))).toEqual(order);
				expect([...order].sort((a, b) => a - b)).toEqual(points.map((_, i) => i));
				const finite = points.map((_, i) => i).filter((i) => Number.isFinite(xs[i]) && Number.isFinite(ys[i]));
				const box = { minX: Math.min(...finite.map((i) => xs[i])), maxX: Math.max(...finite.map((i) => xs[i])), minY: Math.min(...finite.map((i) => ys[i])), maxY: Math.max(...finite.map((i) => ys[i])) };
				// The reference: a stable sort by the key, the points without one after, as they came.
				const expected = [...finite].sort((a, b) => zKey(xs[a], ys[a], box) - zKey(xs[b], ys[b], box) || a - b);
				expect(order).toEqual([...expected, ...points.map((_, i) => i).filter((i) => !finite.includes(i))]);
			}),
			{ numRuns: 300 }
		);
	});
});
