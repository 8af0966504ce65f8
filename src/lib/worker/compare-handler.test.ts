import { describe, expect, it } from 'vitest';
import { classifyFirms } from '$lib/core/classify';
import { columnCells, packRows } from '$lib/core/io';
import type { Zone } from '$lib/core/model';
import { compareOutcome, makeContrasts, parseColumn } from '$lib/core/stats/compare';
import { createCompareHandler } from './compare-handler';
import type { CompareParams, CompareReplyMessage, CompareRequest } from './compare-protocol';

/** Firms on a line of longitudes 0.1…; those west of lon 1 lie in the square zone. */
function table() {
	const rows: string[][] = [];
	const lons: number[] = [];
	for (let i = 0; i < 40; i++) {
		const lon = 0.05 + i * 0.05;
		const inside = lon < 1;
		// Inside firms say yes more often; one unreadable answer and one blank to be counted.
		const product = i === 3 ? 'maybe' : i === 4 ? '' : (inside ? i % 4 !== 0 : i % 3 === 0) ? 'yes' : 'no';
		rows.push([`F${i}`, product, String(i % 5), ['none', 'yearly', 'monthly', 'weekly'][i % 4], i % 2 ? 'yes' : 'no', String(5 + i)]);
		lons.push(lon);
	}
	return { columns: ['id', 'new_products', 'patents', 'rd_communication', 'subcontractor', 'employees'], rows: packRows(rows), lons: Float64Array.from(lons), lats: new Float64Array(40).fill(0.5) };
}

const zone: Zone = { id: 'z', name: 'Zone', source: 'drawn', geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] } };
const params: CompareParams = {
	grouping: { kind: 'inside-outside' },
	outcomes: ['new_products', 'patents'],
	distance: 'any',
	communication: 'rd_communication',
	subcontractor: 'subcontractor',
	size: 'employees',
	industry: null,
	bands: [20, 60],
	permutations: 200,
	seed: 3
};

function setup() {
	const replies: CompareReplyMessage[] = [];
	let release: (() => void)[] = [];
	const handle = createCompareHandler({
		post: (reply) => void replies.push(reply),
		// Steps wait until the test lets them go, so a newer request can arrive in between.
		pause: () => new Promise<void>((resolve) => release.push(resolve))
	});
	const drain = async () => {
		for (let k = 0; k < 100 && release.length > 0; k++) {
			const pending = release;
			release = [];
			pending.forEach((go) => go());
			await new Promise((resolve) => setTimeout(resolve, 0));
		}
	};
	return { replies, handle, drain };
}

const t = table();
const inside = Uint8Array.from(t.lons, (lon) => (lon <= 1 ? 1 : 0));
/** A comparison of the table classified against `zones` (as the analysis worker would), with the given inside flags. */
const request = (id: number, overrides: Partial<CompareRequest> & { zones?: Zone[]; inside?: Uint8Array } = {}): CompareRequest => {
	const { zones = [zone], inside: flags = inside, ...rest } = overrides;
	return {
		type: 'compare',
		id,
		params,
		membership: { ...classifyFirms(zones, t.lons, t.lats), inside: flags },
		institutions: [{ id: 'lab', type: 'national-university', lon: 0, lat: 0.5 }],
		...rest
	};
};

describe('comparison worker handler', () => {
	it('describes the columns, then answers a comparison with the engine’s own numbers and notes', async () => {
		const { replies, handle, drain } = setup();
		await handle({ type: 'load-table', id: 1, ...t });
		expect(replies[0]).toMatchObject({ type: 'table-loaded', id: 1, rows: 40 });
		const done = handle(request(2));
		await drain();
		await done;
		const answers = replies.filter((r) => r.type === 'compared');
		// A quick first answer without the permutation tests, then the complete one.
		expect(answers.map((r) => r.type === 'compared' && [r.result.regressionsPending, r.result.permutationsPending, r.result.regressions.length])).toEqual([
			[true, true, 0],
			[false, true, 2],
			[false, false, 2]
		]);
		const quick = answers[0].type === 'compared' ? answers[0].result : null;
		expect(quick?.contrasts[0].outcomes.map((row) => row.permutation)).toEqual([null, null]);
		const last = replies.at(-1)!;
		if (last.type !== 'compared') throw new Error(JSON.stringify(last));
		expect(quick?.contrasts[0].outcomes[0].welch).toEqual(last.result.contrasts[0].outcomes[0].welch);
		const [contrast] = last.result.contrasts;
		expect(contrast.zoneId).toBeNull();
		// The same row computed directly with the engine.
		const column = parseColumn(columnCells(t.rows, 1), { column: 'new_products', kind: 'binary' });
		const [direct] = makeContrasts({ inside, offsets: new Uint32Array(41), zoneIndices: new Uint32Array(0), zoneIds: [] }, { kind: 'inside-outside' });
		const expected = compareOutcome(column, direct, { permutations: 200, seed: 3 });
		expect(contrast.outcomes[0]).toEqual(expected);
		expect(contrast.outcomes[0].inside.n + contrast.outcomes[0].outside.n).toBe(38);
		expect(last.result.notes).toEqual([{ column: 'new_products', count: 1, row: 4, value: 'maybe' }]);
		// Linkage: distance, communication and subcontractor for each outcome; a regression each.
		expect(last.result.linkage.map((l) => `${l.outcome}:${l.factor}`)).toEqual([
			'new_products:distance', 'new_products:communication', 'new_products:subcontractor',
			'patents:distance', 'patents:communication', 'patents:subcontractor'
		]);
		expect(last.result.linkage[1].levels).toEqual(['none', 'yearly', 'monthly', 'weekly']);
		expect(last.result.regressions.map((r) => r.result.ok && r.result.model)).toEqual(['logit', 'ols']);
		const progress = replies.filter((r) => r.type === 'progress');
		expect(progress.length).toBeGreaterThan(2);
		const fractions = progress.map((r) => (r.type === 'progress' ? r.fraction : NaN));
		expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
		expect(fractions.at(-1)).toBe(1);
	});

	it('stops a comparison that a newer one replaced, without replying to it', async () => {
		const { replies, handle, drain } = setup();
		await handle({ type: 'load-table', id: 1, ...t });
		const first = handle(request(2));
		const second = handle(request(3, { params: { ...params, grouping: { kind: 'each-zone' } } }));
		await drain();
		await Promise.all([first, second]);
		const finished = replies.filter((r) => r.type === 'compared' || r.type === 'error');
		expect(new Set(finished.map((r) => r.id))).toEqual(new Set([3]));
		expect(replies.some((r) => r.type === 'progress' && r.id === 2 && r.stage !== 'prepare')).toBe(false);
	});

	it('compares one zone with the rest, every other firm included, and explains an unknown zone', async () => {
		const { replies, handle, drain } = setup();
		await handle({ type: 'load-table', id: 1, ...t });
		const west: Zone = { ...zone, id: 'w', name: 'West', geometry: { type: 'Polygon', coordinates: [[[0, 0], [0.5, 0], [0.5, 1], [0, 1], [0, 0]]] } };
		const run = handle(request(2, { zones: [zone, west], params: { ...params, permutations: 0, grouping: { kind: 'zone-vs-rest', zoneId: 'w' } } }));
		await drain();
		await run;
		const last = replies.at(-1)!;
		if (last.type !== 'compared') throw new Error(JSON.stringify(last));
		const [contrast] = last.result.contrasts;
		expect(contrast).toMatchObject({ zoneId: 'w', versus: 'rest' });
		// Firms at lon ≤ 0.5 (10 of them: the boundary counts as inside) against the other 30, those in the larger zone included.
		const patents = contrast.outcomes[1];
		expect([patents.inside.n, patents.outside.n]).toEqual([10, 30]);
		const unknown = handle(request(3, { zones: [zone], params: { ...params, grouping: { kind: 'zone-vs-rest', zoneId: 'gone' } } }));
		await drain();
		await unknown;
		expect(replies.at(-1)).toMatchObject({ type: 'error', id: 3, message: expect.stringMatching(/no zone "gone"/) });
	});

	it('explains a missing table, a missing column and a classification of the wrong length', async () => {
		const { replies, handle, drain } = setup();
		await handle(request(1));
		expect(replies.at(-1)).toMatchObject({ type: 'error', id: 1, message: expect.stringMatching(/no firm table is loaded/) });
		await handle({ type: 'load-table', id: 2, ...t });
		const missing = handle(request(3, { params: { ...params, outcomes: ['sales'] } }));
		await drain();
		await missing;
		expect(replies.at(-1)).toMatchObject({ type: 'error', id: 3, message: expect.stringMatching(/no column "sales"/) });
		await handle(request(4, { inside: new Uint8Array(3) }));
		expect(replies.at(-1)).toMatchObject({ type: 'error', id: 4, message: expect.stringMatching(/3 firms but the table 40/) });
	});
});
