/**
 * Sorts unsigned 32-bit integers ascending: LSD radix, three passes of 11 bits. `keys` is used as
 * scratch; the sorted values are in the returned array (keys itself or a new one). Hand-written
 * because the typed-array sort is a comparison sort and cell keys of millions of firms are the
 * hot path of the grid aggregations.
 *
 * @example
 * radixSort(Uint32Array.of(5, 1, 4)); // Uint32Array [1, 4, 5]
 * @internal shared by meshAggregate and hexBin
 */
export function radixSort(keys: Uint32Array): Uint32Array {
	let from: Uint32Array = keys;
	let to: Uint32Array = new Uint32Array(keys.length);
	const counts = new Uint32Array(2048);
	for (let shift = 0; shift < 33; shift += 11) {
		counts.fill(0);
		for (let i = 0; i < from.length; i++) counts[(from[i] >>> shift) & 2047]++;
		for (let b = 0, sum = 0; b < 2048; b++) {
			const c = counts[b];
			counts[b] = sum;
			sum += c;
		}
		for (let i = 0; i < from.length; i++) to[counts[(from[i] >>> shift) & 2047]++] = from[i];
		const swap = from;
		from = to;
		to = swap;
	}
	return from;
}
