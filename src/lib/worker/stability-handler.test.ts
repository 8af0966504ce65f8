import { describe, expect, it } from 'vitest';
import { membershipStability } from '$lib/core/detect';
import { createRandom } from '$lib/core/sample/random';
import { createDensityHandler } from './density-handler';
import type { DensityReply } from './density-protocol';

/** Two clumps, round Higashi-Osaka and Ota, industries A/B. */
function firms(n = 1200) {
	const rng = createRandom(3);
	const lons = new Float64Array(n);
	const lats = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		const west = i % 2 === 0;
		lons[i] = (west ? 135.6 : 139.72) + rng.normal(0, 0.01);
		lats[i] = (west ? 34.67 : 35.56) + rng.normal(0, 0.008);
	}
	return { lons, lats, industry: Uint16Array.from(lons, (_, i) => i % 3 === 0 ? 1 : 0), industryCodes: ['A', 'B'], employees: new Float64Array(n).fill(5) };
}
const OSAKA: [number, number, number, number] = [135.5, 34.6, 135.7, 34.75];

describe('the density worker’s stability run', () => {
	it('scores the firms of the view passing the filter, as the engine on them alone, with progress, and leaves every other firm NaN', () => {
		const data = firms();
		const handle = createDensityHandler();
		handle({ type: 'load', id: 1, ...data, lons: data.lons.slice(), lats: data.lats.slice() });
		const progress: DensityReply[] = [];
		const detection = { method: 'dbscan' as const, epsMetres: 200, minPts: 10, hull: 'convex' as const };
		const { reply } = handle(
			{ type: 'stability', id: 2, bbox: OSAKA, filter: { industries: ['A'], sizeClasses: null }, detection, scales: [0.5, 1, 2], second: [5, 10, 10] },
			(r) => progress.push(r)
		);
		if (reply.type !== 'stability') throw new Error(JSON.stringify(reply));
		const area = Array.from(data.lons.keys()).filter((i) => i % 2 === 0 && i % 3 !== 0);
		const alone = membershipStability(Float64Array.from(area, (i) => data.lons[i]), Float64Array.from(area, (i) => data.lats[i]), { method: 'dbscan', epsMetres: [100, 200, 400], minPts: [5, 10], hull: 'convex' });
		expect(reply.count).toBe(area.length);
		expect(reply.settings).toHaveLength(6);
		area.forEach((i, k) => expect(reply.stability[i]).toBe(alone.stability[k]));
		expect(Array.from(reply.stability).filter((s) => !Number.isNaN(s))).toHaveLength(area.length);
		expect(reply.inside.length).toBe(6 * data.lons.length);
		expect(progress.map((r) => (r.type === 'progress' ? r.done : -1))).toEqual([1, 2, 3, 4, 5, 6]);
		expect(alone.stability.some((s) => s > 0 && s < 1)).toBe(true);
	});

	it('runs the density threshold round the default bandwidth and says when there are too few firms', () => {
		const data = firms();
		const handle = createDensityHandler();
		handle({ type: 'load', id: 1, ...data, lons: data.lons.slice(), lats: data.lats.slice() });
		const detection = { method: 'kde-threshold' as const, kernel: 'quartic' as const, bandwidthMetres: null, cellMetres: 100, level: null, percentile: 90 };
		const { reply } = handle({ type: 'stability', id: 2, bbox: OSAKA, filter: { industries: null, sizeClasses: null }, detection, scales: [0.5, 1], second: [80, 90] });
		if (reply.type !== 'stability') throw new Error(JSON.stringify(reply));
		expect(reply.settings).toHaveLength(4);
		expect(reply.stability.some((s) => s === 1)).toBe(true);
		const empty = handle({ type: 'stability', id: 3, bbox: [100, 10, 100.1, 10.1], filter: { industries: null, sizeClasses: null }, detection, scales: [1], second: [90] }).reply;
		expect(empty).toMatchObject({ type: 'error', message: expect.stringMatching(/Fewer than 2 firms/) });
	});
});
