import { describe, expect, it } from 'vitest';
import { translate, type Lang } from '$lib/i18n';
import type { RegressionFit } from '$lib/core/stats/compare/types';
import { regressionTable, type Labels } from './tables';

const labels = (lang: Lang): Labels => ({ lang, t: (key, params) => translate(lang, key, params), zoneName: (id) => id });
const coefficient = (name: string) => ({ name, estimate: 0.1, se: 0.05, statistic: 2, p: 0.04, low: 0, high: 0.2 });
const fit: RegressionFit = {
	ok: true,
	model: 'logit',
	coefficients: ['(intercept)', 'inside', 'industry:G', 'industry:I', 'industry:24', 'industry:other'].map(coefficient),
	n: 500,
	df: null,
	r2: 0.1,
	logLik: -300,
	iterations: 6,
	seType: 'HC0'
};

describe('regression table', () => {
	it('names industry terms by their JSIC names in English and says the baseline', () => {
		const table = regressionTable({ outcome: 'new_products', result: fit, industryReference: 'E' }, labels('en'))!;
		expect(table.rows.map((row) => row[0])).toEqual([
			'Intercept',
			'Inside cluster',
			'Industry: Information and communications (G)',
			'Industry: Wholesale and retail trade (I)',
			'Industry: Fabricated metal products (24)',
			'Industry: other industries (pooled)'
		]);
		expect(table.caption).toContain('against the baseline Manufacturing (E)');
	});

	it('names them in Japanese in the Japanese UI', () => {
		const table = regressionTable({ outcome: 'new_products', result: fit, industryReference: 'E' }, labels('ja'))!;
		expect(table.rows[2][0]).toBe('業種：情報通信業 (G)');
		expect(table.rows[4][0]).toBe('業種：金属製品製造業 (24)');
		expect(table.caption).toContain('基準カテゴリー 製造業 (E)');
	});

	it('says nothing of a baseline when the model has no industry', () => {
		const table = regressionTable({ outcome: 'new_products', result: { ...fit, coefficients: fit.coefficients.slice(0, 2) }, industryReference: null }, labels('en'))!;
		expect(table.caption).not.toContain('baseline');
	});
});
