import { describe, expect, it } from 'vitest';
import { columnCells, packRows } from '$lib/core/io';
import { compareOutcome, makeContrasts, parseColumn } from '$lib/core/stats/compare';
import { createCompareHandler } from './compare-handler';
import type { CompareReplyMessage, CompareRequest, CompareStability } from './compare-protocol';

// 30 firms on a line; three stability settings draw the boundary at lon 0.5, 1.0 and 1.5.
const n = 30;
const lons = Float64Array.from({ length: n }, (_, i) => 0.05 + i * 0.06);
const rows = packRows(Array.from({ length: n }, (_, i) => [`F${i}`, String(i % 7), i % 3 === 0 ? 'yes' : 'no']));
const zone = { id: 'z' };
const cuts = [0.5, 1.0, 1.5];
const inside = new Uint8Array(cuts.length * n);
cuts.forEach((cut, s) => lons.forEach((lon, i) => (inside[s * n + i] = lon < cut ? 1 : 0)));
const share = Float64Array.from(lons, (lon) => cuts.filter((cut) => lon < cut).length / cuts.length);
const group = Int8Array.from(share, (s) => (s >= 0.9 ? 1 : s <= 0.1 ? 0 : -1));
const stability: CompareStability = { method: 'dbscan', group, settings: cuts.map((c) => ({ epsMetres: c * 100, minPts: 5 })), inside, considered: new Uint8Array(n).fill(1) };

async function compare(grouping: CompareRequest['params']['grouping']) {
	const replies: CompareReplyMessage[] = [];
	const handle = createCompareHandler({ post: (reply) => void replies.push(reply), pause: async () => {} });
	await handle({ type: 'load-table', id: 1, columns: ['id', 'patents', 'new_products'], rows, lons, lats: new Float64Array(n).fill(0.5) });
	const params = { grouping, outcomes: ['patents', 'new_products'], distance: null, communication: null, subcontractor: null, size: null, industry: null, bands: [5], permutations: 0, seed: 1 };
	const inZone = Uint8Array.from(lons, (lon) => (lon <= 1 ? 1 : 0));
	const offsets = new Uint32Array(n + 1);
	inZone.forEach((flag, i) => (offsets[i + 1] = offsets[i] + flag));
	const membership = { inside: inZone, offsets, zoneIndices: new Uint32Array(offsets[n]), zoneIds: [zone.id] };
	await handle({ type: 'compare', id: 2, params, membership, institutions: [], stability });
	const last = replies.at(-1)!;
	if (last.type !== 'compared') throw new Error(JSON.stringify(last));
	return last.result;
}

describe('comparison with a membership-stability run', () => {
	it('compares stably inside against stably outside, leaving the uncertain firms out', async () => {
		const result = await compare({ kind: 'stability' });
		const [contrast] = result.contrasts;
		expect(contrast.versus).toBe('stably-outside');
		const column = parseColumn(columnCells(rows, 1), { column: 'patents', kind: 'numeric' });
		const [direct] = makeContrasts({ inside: new Uint8Array(n), offsets: new Uint32Array(n + 1), zoneIndices: new Uint32Array(0), zoneIds: [] }, { kind: 'stability' }, { stableGroup: group });
		expect(contrast.outcomes[0]).toEqual(compareOutcome(column, direct, { permutations: 0, seed: 1 }));
		expect(contrast.outcomes[0].inside.n).toBe(group.filter((g) => g === 1).length);
		expect(contrast.outcomes[0].outside.n).toBe(group.filter((g) => g === 0).length);
		expect(group.filter((g) => g === -1).length).toBeGreaterThan(5);
	});

	it('gives each outcome its inside − outside difference under every setting, and their range', async () => {
		const result = await compare({ kind: 'inside-outside' });
		expect(result.bandMethod).toBe('dbscan');
		const patents = Array.from({ length: n }, (_, i) => i % 7);
		const band = result.bands!.find((b) => b.outcome === 'patents')!;
		cuts.forEach((cut, s) => {
			const mean = (flag: boolean) => {
				const values = patents.filter((_, i) => lons[i] < cut === flag);
				return values.reduce((a, b) => a + b, 0) / values.length;
			};
			expect(band.differences[s]).toBeCloseTo(mean(true) - mean(false), 12);
		});
		expect(band.min).toBe(Math.min(...band.differences));
		expect(band.max).toBe(Math.max(...band.differences));
		expect(result.bands!.map((b) => b.outcome)).toEqual(['patents', 'new_products']);
	});

	it('says what to do when the stability grouping has no run', () => {
		expect(() => makeContrasts({ inside: new Uint8Array(2), offsets: new Uint32Array(3), zoneIndices: new Uint32Array(0), zoneIds: [] }, { kind: 'stability' })).toThrow(/run membership stability/);
	});
});
