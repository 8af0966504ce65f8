import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { haversineKm } from '../geo/haversine';
import { createRandom } from '../sample/random';
import { dbscan } from './dbscan';
import { bruteForceDbscan } from './dbscan-brute-force';
import { dbscanStability, STABILITY_FACTORS } from './stability';

const KM_LAT = 111.195;
const kmLon = KM_LAT * Math.cos((35 * Math.PI) / 180);

/**
 * Reference by sets: brute-force DBSCAN at every eps of the ladder, each cluster of the chosen run
 * followed as documented, its firms counted as set sizes.
 */
function reference(lons: Float64Array, lats: Float64Array, epsMetres: number, minPts: number) {
	const factors = [...new Set([1, ...STABILITY_FACTORS])].sort((a, b) => b - a);
	const eps = factors.map((f) => f * epsMetres);
	const chosen = factors.indexOf(1);
	const labelsAt = eps.map((e) => bruteForceDbscan(lons, lats, e, minPts));
	const groups = (labels: Int32Array) => {
		const map = new Map<number, Set<number>>();
		labels.forEach((c, i) => c >= 0 && (map.get(c) ?? map.set(c, new Set()).get(c)!).add(i));
		return map;
	};
	const n = lons.length;
	const isCore = Array.from({ length: n }, (_, i) => lons.filter((_, j) => haversineKm(lons[i], lats[i], lons[j], lats[j]) * 1000 <= epsMetres).length >= minPts);
	const base = labelsAt[chosen];
	return [...groups(base)].sort(([a], [b]) => a - b).map(([c, members]) => {
		const cores = [...members].filter((i) => isCore[i]);
		const size = eps.map((_, l) => {
			const clusters = groups(labelsAt[l]);
			if (l === chosen) return members.size;
			if (l < chosen) {
				const holding = clusters.get(labelsAt[l][cores[0]])!;
				return [...holding].some((i) => isCore[i] && base[i] >= 0 && base[i] !== c) ? -1 : holding.size;
			}
			const found = new Set([...members].map((i) => labelsAt[l][i]).filter((label) => label >= 0));
			return found.size === 1 ? clusters.get([...found][0])!.size : -1;
		});
		let birth = chosen;
		while (birth > 0 && size[birth - 1] >= 0) birth--;
		let death = chosen + 1;
		while (death < eps.length && size[death] >= 0) death++;
		// Midpoint rule: level l covers half the λ gap to each neighbour (at an end, as much outward as inward).
		const lambda = eps.map((e) => 1000 / e);
		const gap = (l: number) => lambda[l + 1] - lambda[l];
		let stability = 0;
		for (let l = birth; l < death; l++) {
			const inner = l === 0 ? gap(0) : gap(l - 1);
			const outer = l === eps.length - 1 ? gap(l - 1) : gap(l);
			stability += (size[l] * (inner + outer)) / 2;
		}
		return { stability, fromMetres: eps[birth], toMetres: eps[death - 1], openAbove: birth === 0, openBelow: death === eps.length };
	});
}

/** Clumps of firms (σ in km) at given centres (km from (137, 35)) plus uniform noise over 6 × 6 km. */
function clumps(seed: number, spec: { x: number; y: number; sd: number; n: number }[], noise: number) {
	const rng = createRandom(seed);
	const lons: number[] = [];
	const lats: number[] = [];
	for (const { x, y, sd, n } of spec)
		for (let k = 0; k < n; k++) {
			lons.push(137 + (x + rng.normal(0, sd)) / kmLon);
			lats.push(35 + (y + rng.normal(0, sd)) / KM_LAT);
		}
	for (let k = 0; k < noise; k++) {
		lons.push(137 + ((rng.next() - 0.5) * 6) / kmLon);
		lats.push(35 + ((rng.next() - 0.5) * 6) / KM_LAT);
	}
	return { lons: Float64Array.from(lons), lats: Float64Array.from(lats) };
}

describe('dbscanStability', () => {
	it('equals the set-based reference with brute-force DBSCAN on small random data (property)', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 60, max: 160 }), fc.integer({ min: 3, max: 6 }), fc.integer({ min: 80, max: 300 }), (seed, n, minPts, epsMetres) => {
				const rng = createRandom(seed);
				const spec = Array.from({ length: 4 }, () => ({ x: (rng.next() - 0.5) * 4, y: (rng.next() - 0.5) * 4, sd: 0.05 + rng.next() * 0.2, n: Math.floor(n / 5) }));
				const { lons, lats } = clumps(seed, spec, n - 4 * Math.floor(n / 5));
				const base = dbscan(lons, lats, { epsMetres, minPts });
				const got = dbscanStability(lons, lats, base, { epsMetres, minPts });
				const want = reference(lons, lats, epsMetres, minPts);
				expect(got.length).toBe(want.length);
				got.forEach((g, k) => {
					expect(g.fromMetres).toBeCloseTo(want[k].fromMetres, 9);
					expect(g.toMetres).toBeCloseTo(want[k].toMetres, 9);
					expect(g.openAbove).toBe(want[k].openAbove);
					expect(g.openBelow).toBe(want[k].openBelow);
					expect(g.stability).toBeCloseTo(want[k].stability, 9);
				});
			}),
			{ numRuns: 12 }
		);
	});

	it('ranks an isolated clump above two clumps that merge at a slightly larger eps', () => {
		// Two clumps 0.6 km apart and one 3 km away, 60 firms each, σ = 80 m.
		const { lons, lats } = clumps(
			5,
			[
				{ x: 0, y: 0, sd: 0.08, n: 60 },
				{ x: 0.6, y: 0, sd: 0.08, n: 60 },
				{ x: 3, y: 2, sd: 0.08, n: 60 }
			],
			0
		);
		const base = dbscan(lons, lats, { epsMetres: 100, minPts: 5 });
		expect(base.clusterCount).toBe(3);
		const [a, b, isolated] = dbscanStability(lons, lats, base, { epsMetres: 100, minPts: 5 });
		expect(isolated.fromMetres).toBeGreaterThan(a.fromMetres);
		expect(a.fromMetres).toBe(b.fromMetres);
		expect(a.fromMetres).toBeLessThan(400);
		expect(isolated.stability).toBeGreaterThan(a.stability);
		expect(isolated.openAbove).toBe(true); // still apart at 400 m: the range goes on
	});

	it('gives a cluster that exists at the chosen eps only its firms × that eps’s share of 1/eps, and explains bad input', () => {
		// Two pairs of firms 150 m apart, the pairs 250 m apart, minPts 2: two clusters at eps 151 m,
		// one at 302 m, noise at 75.5 m.
		const lons = Float64Array.from([0, 0.15, 0.4, 0.55], (x) => 137 + x / kmLon);
		const lats = Float64Array.of(35, 35, 35, 35);
		const base = dbscan(lons, lats, { epsMetres: 151, minPts: 2 });
		expect(base.clusterCount).toBe(2);
		const [only] = dbscanStability(lons, lats, base, { epsMetres: 151, minPts: 2, factors: [2, 1, 0.5] });
		// λ = 1000/302, 1000/151, 1000/75.5 per km: the middle one covers half of each gap.
		expect(only).toMatchObject({ fromMetres: 151, toMetres: 151, openAbove: false, openBelow: false });
		expect(only.stability).toBeCloseTo(2 * ((1000 / 151 - 1000 / 302) / 2 + (1000 / 75.5 - 1000 / 151) / 2), 9);
		expect(() => dbscanStability(lons, lats, { ...base, labels: new Int32Array(2) }, { epsMetres: 151, minPts: 2 })).toThrow(/4 firms but 2 labels/);
		expect(() => dbscanStability(lons, lats, base, { epsMetres: 151, minPts: 2, factors: [0] })).toThrow(/factors must be positive/);
	});
});
