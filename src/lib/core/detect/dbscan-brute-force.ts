import { haversineKm } from '../geo/haversine';
import { NOISE } from './dbscan';

/**
 * O(n²) reference with haversine distances and the documented rules: core = at least minPts
 * within eps (itself included); clusters are connected components of core firms numbered by
 * their lowest index; a border firm takes its nearest core firm's cluster (ties: lower index).
 * The tests' reference for dbscan and dbscanStability; not used by the app.
 * @example
 * bruteForceDbscan(lons, lats, 300, 10)[0]; // cluster of firm 0, or NOISE
 */
export function bruteForceDbscan(lons: Float64Array, lats: Float64Array, epsMetres: number, minPts: number): Int32Array {
	const n = lons.length;
	const eps = epsMetres / 1000;
	const d = (i: number, j: number) => haversineKm(lons[i], lats[i], lons[j], lats[j]);
	const core = Array.from({ length: n }, (_, i) => {
		let c = 0;
		for (let j = 0; j < n; j++) if (d(i, j) <= eps) c++;
		return c >= minPts;
	});
	const labels = new Int32Array(n).fill(NOISE);
	let next = 0;
	for (let i = 0; i < n; i++) {
		if (!core[i] || labels[i] !== NOISE) continue;
		const stack = [i];
		labels[i] = next;
		while (stack.length > 0) {
			const k = stack.pop()!;
			for (let j = 0; j < n; j++) if (core[j] && labels[j] === NOISE && d(k, j) <= eps) {
				labels[j] = next;
				stack.push(j);
			}
		}
		next++;
	}
	for (let i = 0; i < n; i++) {
		if (core[i]) continue;
		let best = -1;
		let bestD = Infinity;
		for (let j = 0; j < n; j++) if (core[j] && d(i, j) <= eps && d(i, j) < bestD) [best, bestD] = [j, d(i, j)];
		if (best >= 0) labels[i] = labels[best];
	}
	return labels;
}
