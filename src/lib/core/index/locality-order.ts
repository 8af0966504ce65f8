import type { Scratch } from '../scratch';

/**
 * An order of points that keeps neighbours together (a Z-order curve over 2^16 × 2^16 cells of
 * their bounding box), for queries whose cost is memory reads: classifying points in this order
 * touches each index cell and polygon edge list while it is still in the processor's cache, not
 * once per scattered firm. On the million-firm benchmark the engine took 0.99 s instead of 1.25 s,
 * the sort included.
 *
 * Written by hand: no package sorts a permutation of typed arrays by a Z-order key without
 * allocating an object per point. Points with NaN coordinates come last, in their input order.
 *
 * @param scratch arrays to reuse from the call before (the order returned is then one of them, valid until the next call)
 * @returns `order`: `order[k]` is the index of the k-th point in curve order (a permutation of 0 … n − 1)
 * @example
 * const order = localityOrder(lons, lats);
 * for (const i of order) visit(lons[i], lats[i]);
 */
export function localityOrder(xs: Float64Array, ys: Float64Array, scratch?: Scratch): Uint32Array {
	const n = xs.length;
	let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
	for (let i = 0; i < n; i++) {
		const x = xs[i], y = ys[i];
		if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
		if (x < minX) minX = x;
		if (x > maxX) maxX = x;
		if (y < minY) minY = y;
		if (y > maxY) maxY = y;
	}
	const scaleX = maxX > minX ? 65535 / (maxX - minX) : 0;
	const scaleY = maxY > minY ? 65535 / (maxY - minY) : 0;
	const keys = scratch?.uint32('keys', n) ?? new Uint32Array(n);
	const placed = scratch?.uint32('placed', n) ?? new Uint32Array(n);
	let count = 0;
	let last = n;
	const order = scratch?.uint32('order', n) ?? new Uint32Array(n);
	for (let i = 0; i < n; i++) {
		const x = xs[i], y = ys[i];
		if (!Number.isFinite(x) || !Number.isFinite(y)) {
			order[--last] = i;
			continue;
		}
		const cx = ((x - minX) * scaleX) | 0;
		const cy = ((y - minY) * scaleY) | 0;
		keys[count] = (SPREAD[cx & 0xff] | (SPREAD[cx >>> 8] << 16) | (SPREAD[cy & 0xff] << 1) | (SPREAD[cy >>> 8] << 17)) >>> 0;
		placed[count++] = i;
	}
	// The points without a key were stored from the end backwards: put them back in input order.
	order.subarray(last).reverse();
	radixSort(keys.subarray(0, count), placed.subarray(0, count), order, scratch);
	return order;
}

/** SPREAD[b]: the 8 bits of b moved to the even bit positions of 16. */
const SPREAD = new Uint32Array(256);
for (let b = 0; b < 256; b++) {
	let spread = 0;
	for (let bit = 0; bit < 8; bit++) spread |= ((b >> bit) & 1) << (2 * bit);
	SPREAD[b] = spread;
}

/** Stable LSD radix sort of `values` by 32-bit `keys`, in four passes of 8 bits; the result goes to `out[0 …]`. */
function radixSort(keys: Uint32Array, values: Uint32Array, out: Uint32Array, scratch: Scratch | undefined): void {
	const n = keys.length;
	let keyFrom: Uint32Array = keys, valueFrom: Uint32Array = values;
	let keyTo: Uint32Array = scratch?.uint32('keyTo', n) ?? new Uint32Array(n), valueTo: Uint32Array = scratch?.uint32('valueTo', n) ?? new Uint32Array(n);
	const counts = new Uint32Array(256);
	for (let shift = 0; shift < 32; shift += 8) {
		counts.fill(0);
		for (let i = 0; i < n; i++) counts[(keyFrom[i] >>> shift) & 0xff]++;
		let sum = 0;
		for (let b = 0; b < 256; b++) {
			const c = counts[b];
			counts[b] = sum;
			sum += c;
		}
		for (let i = 0; i < n; i++) {
			const slot = counts[(keyFrom[i] >>> shift) & 0xff]++;
			keyTo[slot] = keyFrom[i];
			valueTo[slot] = valueFrom[i];
		}
		[keyFrom, keyTo] = [keyTo, keyFrom];
		[valueFrom, valueTo] = [valueTo, valueFrom];
	}
	out.set(valueFrom);
}
