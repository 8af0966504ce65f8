import type { DesignInput, DesignMatrix, DesignOptions } from './types';

/**
 * Builds the regression design of the study: an intercept, then whichever covariates are given —
 * `inside` (0/1), `log_km` = ln(km + 1) (distance to the nearest institution; +1 keeps a firm next
 * door finite), `communication`, `subcontractor`, `log_employees` = ln(employees) and one dummy per
 * industry (`industry:<code>`) except the reference level. Firms missing any used variable are
 * left out (listwise deletion) and counted in `excluded` under the first missing variable; industry
 * levels with no remaining firm get no dummy.
 *
 * @param input response and covariates, one value per firm
 * @param options.referenceIndustry industry left out of the dummies (default the most frequent)
 * @param options.minIndustryFirms pool industries with fewer complete firms into "other" (default 0: none)
 * @example
 * const design = buildDesign({ y: newProducts.values, inside, distanceKm, communication, subcontractor, employees, industry });
 * design.names; // ['(intercept)', 'inside', 'log_km', 'communication', 'subcontractor', 'log_employees', 'industry:25', …]
 */
export function buildDesign(input: DesignInput, options: DesignOptions = {}): DesignMatrix {
	const n = input.y.length;
	const numeric: [name: string, value: (i: number) => number][] = [];
	const check = (name: string, values: ArrayLike<unknown> | undefined) => {
		if (values !== undefined && values.length !== n) throw new Error(`buildDesign: ${name} has ${values.length} values but y has ${n}; pass one per firm.`);
		return values !== undefined;
	};
	if (check('inside', input.inside)) numeric.push(['inside', (i) => (input.inside![i] === 1 ? 1 : input.inside![i] === 0 ? 0 : NaN)]);
	if (check('distanceKm', input.distanceKm)) numeric.push(['log_km', (i) => (input.distanceKm![i] >= 0 ? Math.log(input.distanceKm![i] + 1) : NaN)]);
	if (check('communication', input.communication)) numeric.push(['communication', (i) => input.communication![i]]);
	if (check('subcontractor', input.subcontractor)) numeric.push(['subcontractor', (i) => input.subcontractor![i]]);
	if (check('employees', input.employees)) numeric.push(['log_employees', (i) => (input.employees![i] > 0 ? Math.log(input.employees![i]) : NaN)]);
	const industry = check('industry', input.industry) ? input.industry! : null;

	const excluded: Record<string, number> = {};
	const kept: number[] = [];
	for (let i = 0; i < n; i++) {
		let missing: string | null = Number.isFinite(input.y[i]) ? null : 'y';
		for (const [name, value] of numeric) if (missing === null && !Number.isFinite(value(i))) missing = name;
		if (missing === null && industry !== null && !(industry[i] ?? '').trim()) missing = 'industry';
		if (missing === null) kept.push(i);
		else excluded[missing] = (excluded[missing] ?? 0) + 1;
	}

	let dummies: string[] = [];
	let industryReference: string | null = null;
	const pooledIndustries: string[] = [];
	const industryOf = new Map<string, string>();
	if (industry !== null) {
		const raw = new Map<string, number>();
		for (const i of kept) raw.set(industry[i].trim(), (raw.get(industry[i].trim()) ?? 0) + 1);
		const min = options.minIndustryFirms ?? 0;
		const counts = new Map<string, number>();
		for (const [level, count] of raw) {
			const target = count < min ? 'other' : level;
			if (target !== level) pooledIndustries.push(level);
			industryOf.set(level, target);
			counts.set(target, (counts.get(target) ?? 0) + count);
		}
		pooledIndustries.sort();
		const levels = [...counts.keys()].sort();
		industryReference = options.referenceIndustry ?? [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null;
		if (options.referenceIndustry !== undefined && !counts.has(options.referenceIndustry)) {
			throw new Error(`buildDesign: reference industry "${options.referenceIndustry}" has no firm with complete data; choose one of ${levels.join(', ')}.`);
		}
		dummies = levels.filter((level) => level !== industryReference);
	}
	const names = ['(intercept)', ...numeric.map(([name]) => name), ...dummies.map((d) => `industry:${d}`)];
	const p = names.length;
	const rows = Uint32Array.from(kept);
	const x = new Float64Array(rows.length * p);
	const y = new Float64Array(rows.length);
	const dummyColumn = new Map(dummies.map((d, k) => [d, 1 + numeric.length + k]));
	rows.forEach((firm, r) => {
		const base = r * p;
		x[base] = 1;
		numeric.forEach(([, value], k) => (x[base + 1 + k] = value(firm)));
		const column = industry === null ? undefined : dummyColumn.get(industryOf.get(industry[firm].trim())!);
		if (column !== undefined) x[base + column] = 1;
		y[r] = input.y[firm];
	});
	return { names, x, y, n: rows.length, p, rows, excluded, industryReference, pooledIndustries };
}
