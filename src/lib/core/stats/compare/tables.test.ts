import { describe, expect, it } from 'vitest';
import { buildDesign } from './build-design';
import { compareOutcome } from './compare-outcome';
import { describeValues } from './describe-values';
import { distanceBands } from './distance-bands';
import { linkageTable } from './linkage-table';
import { makeContrasts } from './make-contrasts';
import { meanInterval } from './mean-interval';
import { parseColumn } from './parse-column';
import { parseFactor } from './parse-factor';
import { readCommunication } from './read-communication';
import { yesNoFactor } from './yes-no-factor';
import type { ZoneMembership } from './types';

describe('parseColumn', () => {
	it('reads yes/no answers in English, Japanese and digits, counting blanks as missing', () => {
		const c = parseColumn(['yes', 'NO', 'はい', 'いいえ', '有', '無', '1', '0', 'true', 'False', '', ' ', 'NA', '無回答'], { column: 'new_products' });
		expect(c.kind).toBe('binary');
		expect([...c.values.slice(0, 10)]).toEqual([1, 0, 1, 0, 1, 0, 1, 0, 1, 0]);
		expect(c.blank).toBe(4);
		expect(c.problems).toEqual([]);
	});

	it('reads numbers with full-width digits and thousands separators and reports unreadable cells by line and column', () => {
		const c = parseColumn(['12', '１２', '1,200', '3.5', 'many', '', '\u22122'], { column: 'patents_3y' });
		expect(c.kind).toBe('numeric');
		expect([...c.values]).toEqual([12, 12, 1200, 3.5, NaN, NaN, -2]);
		expect(c.blank).toBe(1);
		expect(c.unreadable).toBe(1);
		expect(c.problems).toEqual([
			{ index: 4, line: 6, column: 'patents_3y', value: 'many', message: expect.stringMatching(/line 6, column "patents_3y": "many" is not a number/) }
		]);
	});

	it('keeps a forced binary column honest: a count is a problem, not silently a yes', () => {
		const c = parseColumn(['yes', '3'], { column: 'new_products', kind: 'binary', lineOffset: 10 });
		expect([...c.values]).toEqual([1, NaN]);
		expect(c.problems[0]).toMatchObject({ line: 11, value: '3' });
	});
});

describe('parseFactor', () => {
	it('codes ordinal levels with aliases and lists cells it cannot match', () => {
		const f = parseFactor(['weekly', 'None', '', '月1回', 'sometimes'], {
			name: 'rd_communication',
			levels: ['none', 'yearly', 'monthly', 'weekly'],
			aliases: { 月1回: 'monthly' }
		});
		expect([...f.codes]).toEqual([3, 0, -1, 2, -1]);
		expect(f.unmatched).toEqual([{ index: 4, value: 'sometimes' }]);
	});
});

describe('distanceBands', () => {
	it('puts a distance on a break into the band above and NaN into none', () => {
		const f = distanceBands(new Float64Array([0, 1.99, 2, 5, 9.9, 10, 20, 300, NaN]));
		expect(f.levels).toEqual(['<2 km', '2–5 km', '5–10 km', '10–20 km', '≥20 km']);
		expect([...f.codes]).toEqual([0, 0, 1, 2, 2, 3, 4, 4, -1]);
		expect(() => distanceBands([1], { breaks: [5, 2] })).toThrow(/increasing positive/);
	});
});

// Five firms, two overlapping zones: firm 0 in A, 1 in A and B, 2 in B, 3 and 4 in none.
const MEMBERSHIP: ZoneMembership = {
	inside: new Uint8Array([1, 1, 1, 0, 0]),
	offsets: new Uint32Array([0, 1, 3, 4, 4, 4]),
	zoneIndices: new Uint32Array([0, 0, 1, 1]),
	zoneIds: ['A', 'B']
};

describe('makeContrasts', () => {
	it('builds inside-outside, zone-vs-rest and each-zone groups', () => {
		expect([...makeContrasts(MEMBERSHIP, { kind: 'inside-outside' })[0].group]).toEqual([1, 1, 1, 0, 0]);
		expect([...makeContrasts(MEMBERSHIP, { kind: 'zone-vs-rest', zoneId: 'B' })[0].group]).toEqual([0, 1, 1, 0, 0]);
		const each = makeContrasts(MEMBERSHIP, { kind: 'each-zone' });
		expect(each.map((c) => [c.zoneId, [...c.group]])).toEqual([
			['A', [1, 1, -1, 0, 0]],
			['B', [-1, 1, 1, 0, 0]]
		]);
		expect([...makeContrasts(MEMBERSHIP, { kind: 'inside-outside' }, { exclude: new Uint8Array([0, 0, 0, 0, 1]) })[0].group]).toEqual([1, 1, 1, 0, -1]);
		expect(() => makeContrasts(MEMBERSHIP, { kind: 'zone-vs-rest', zoneId: 'C' })).toThrow(/no zone "C"; the zones are A, B/);
	});
});

describe('describeValues and meanInterval', () => {
	it('counts missing values and gives the median of an even count as the mean of the middle two', () => {
		expect(describeValues([4, NaN, 1, 3, 2], { missing: 2 })).toEqual({ n: 4, missing: 3, mean: 2.5, median: 2.5, sd: Math.sqrt(5 / 3), min: 1, max: 4, share: null });
	});

	it("gives Wilson's score interval as Newcombe (1998), Table I, method 3: 81/263, 15/148, 0/20, 1/29", () => {
		const share = (k: number, n: number) => meanInterval(Array.from({ length: n }, (_, i) => (i < k ? 1 : 0)), { binary: true });
		const cases: [number, number, number, number][] = [
			[81, 263, 0.2553, 0.3662],
			[15, 148, 0.0624, 0.1605],
			[0, 20, 0, 0.1611],
			[1, 29, 0.0061, 0.1718]
		];
		for (const [k, n, low, high] of cases) {
			const r = share(k, n);
			expect([r.low, r.high].map((v) => v.toFixed(4))).toEqual([low.toFixed(4), high.toFixed(4)]);
		}
	});
});

describe('compareOutcome', () => {
	it('reports a yes/no outcome with shares, chi-square, Fisher and effect sizes, and missing counts per group', () => {
		const column = parseColumn(['1', '1', '1', '0', '', '0', '0', '1', '0', '0'], { column: 'new_products' });
		const contrast = { id: 't', labels: ['in', 'out'] as [string, string], zoneId: null, group: new Int8Array([1, 1, 1, 1, 1, 0, 0, 0, 0, 0]) };
		const r = compareOutcome(column, contrast, { permutations: 500, seed: 2 });
		expect(r.inside).toMatchObject({ n: 4, missing: 1, share: 0.75 });
		expect(r.outside).toMatchObject({ n: 5, missing: 0, share: 0.2 });
		expect(r.fisher?.p).toBeGreaterThan(0);
		expect(r.chiSquare?.df).toBe(1);
		expect(r.effect?.riskDifference?.estimate).toBeCloseTo(0.55, 12);
		expect(r.effect?.oddsRatio?.estimate).toBeCloseTo((3 * 4) / (1 * 1), 12);
		expect(r.permutation?.permutations).toBe(500);
		expect(r.notes).toEqual([]);
	});

	it('says why no test ran when a group is too small', () => {
		const column = parseColumn(['3', '4', '5'], { column: 'patents_3y' });
		const r = compareOutcome(column, { id: 't', labels: ['in', 'out'], zoneId: null, group: new Int8Array([1, 0, 0]) });
		expect(r.welch).toBeNull();
		expect(r.notes[0]).toMatch(/fewer than 2 values in the first group/);
	});

	it('notes when neither group varies', () => {
		const column = parseColumn(['1', '1', '0', '0'], { column: 'new_products' });
		const r = compareOutcome(column, { id: 't', labels: ['in', 'out'], zoneId: null, group: new Int8Array([1, 1, 0, 0]) }, { permutations: 0 });
		expect(r.fisher?.p).toBeCloseTo(1 / 3, 12); // hypergeometric: the only tables are 2|0, 1|1, 0|2 with 1/6, 4/6, 1/6
		expect(r.notes).toEqual(['no variation within either group: the t-test and effect sizes are undefined']);
	});
});

describe('linkageTable', () => {
	it('summarises the outcome per band inside, outside and overall, counting firms without a band', () => {
		const column = parseColumn(['1', '0', '1', '1', '0', '0'], { column: 'new_products' });
		const bands = distanceBands([1, 1, 3, 30, 30, NaN], { breaks: [2, 5] });
		const table = linkageTable(column, bands, new Int8Array([1, 0, 1, 0, 0, 1]));
		const cell = (level: string, group: string) => table.cells.find((c) => c.level === level && c.group === group)!;
		expect(cell('<2 km', 'inside')).toMatchObject({ n: 1, mean: { estimate: 1 } });
		expect(cell('<2 km', 'all')).toMatchObject({ n: 2, mean: { estimate: 0.5 } });
		expect(cell('≥5 km', 'outside')).toMatchObject({ n: 2, mean: { estimate: 0.5 } });
		expect(table.factorMissing).toEqual({ inside: 1, outside: 0 });
		// all firms: yes/no by band = [[1, 1, 1], [1, 0, 1]] → expected from the margins, X² by hand
		const e = [[1.2, 0.6, 1.2], [0.8, 0.4, 0.8]];
		const o = [[1, 1, 1], [1, 0, 1]];
		const x2 = o.flatMap((row, i) => row.map((v, j) => (v - e[i][j]) ** 2 / e[i][j])).reduce((s, v) => s + v, 0);
		expect(table.chiSquare?.all.statistic).toBeCloseTo(x2, 12);
		expect(table.chiSquare?.all.df).toBe(2);
		expect(table.cells).toHaveLength(3 * 3);
	});
});

describe('buildDesign', () => {
	it('drops firms missing a variable (counted by the first one missing), logs distance and size, and dummies industries but the reference', () => {
		const d = buildDesign({
			y: new Float64Array([1, 0, NaN, 1, 0, 1]),
			inside: new Int8Array([1, 0, 1, -1, 1, 0]),
			distanceKm: new Float64Array([0, Math.E - 1, 1, 1, NaN, 3]),
			employees: new Float64Array([1, Math.E, 5, 5, 5, 0]),
			industry: ['25', '26', '25', '25', '26', '']
		});
		expect(d.names).toEqual(['(intercept)', 'inside', 'log_km', 'log_employees', 'industry:26']);
		expect(d.excluded).toEqual({ y: 1, inside: 1, log_km: 1, log_employees: 1 });
		expect([...d.rows]).toEqual([0, 1]);
		expect(d.industryReference).toBe('25'); // most frequent among kept firms: a tie, broken by code
		expect([...d.x]).toEqual([1, 1, 0, 0, 0, 1, 0, 1, 1, 1]);
		expect(() => buildDesign({ y: new Float64Array([1]), industry: ['25'] }, { referenceIndustry: '99' })).toThrow(/reference industry "99" has no firm/);
	});

	it('pools rare industries into "other" on request', () => {
		const d = buildDesign({ y: new Float64Array(6).fill(1), industry: ['25', '25', '25', '09', '16', '16'] }, { minIndustryFirms: 3 });
		expect(d.pooledIndustries).toEqual(['09', '16']);
		expect(d.names).toEqual(['(intercept)', 'industry:other']);
		expect(d.industryReference).toBe('25');
		expect([...d.x].filter((_, k) => k % 2 === 1)).toEqual([0, 0, 0, 1, 1, 1]);
	});
});

describe('readCommunication and yesNoFactor', () => {
	it('reads level names (with Japanese spellings) as 0–3 and lists what it cannot read', () => {
		const r = readCommunication(['weekly', 'None', '月1回', '', 'often', '年'], { name: 'rd_communication' });
		expect([...r.numbers]).toEqual([3, 0, 2, NaN, NaN, 1]);
		expect(r.factor.levels).toEqual(['none', 'yearly', 'monthly', 'weekly']);
		expect(r.unmatched).toEqual([{ index: 4, value: 'often' }]);
	});

	it('keeps a numeric scale as it is, levels in numeric order', () => {
		const r = readCommunication(['12', '0', '', '4', '12'], { name: 'contacts_per_year' });
		expect([...r.numbers]).toEqual([12, 0, NaN, 4, 12]);
		expect(r.factor.levels).toEqual(['0', '4', '12']);
		expect([...r.factor.codes]).toEqual([2, 0, -1, 1, 2]);
	});

	it('turns a yes/no column into the factor no, yes', () => {
		const f = yesNoFactor(parseColumn(['yes', 'いいえ', ''], { column: 'subcontractor' }));
		expect([f.name, f.levels, [...f.codes]]).toEqual(['subcontractor', ['no', 'yes'], [1, 0, -1]]);
	});
});
