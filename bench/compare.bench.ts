/**
 * The inside/outside statistics on survey-sized data (50,000 firms): the seeded permutation test
 * (10,000 permutations), Mann–Whitney U, the robust logit and OLS, and a whole comparison row,
 * each beside a naive baseline run on the same data in the same process.
 *
 *   npx tsx bench/run.ts compare        (BENCH_QUICK=1 for a smoke run)
 */
import { createRandom } from '../src/lib/core/sample/random';
import { fitGlm } from '../src/lib/core/sample/test-helpers';
import { compareOutcome, logitRobust, mannWhitneyU, olsRobust, permutationTest, type Contrast, type ParsedColumn } from '../src/lib/core/stats/compare';
import { machine, measure, ms, QUICK, spread, type Timing } from './lib/measure';
import type { BenchResult } from './lib/report';

export const name = 'stats: inside vs outside comparison';

const FIRMS = QUICK ? 5_000 : 50_000;
const PERMUTATIONS = QUICK ? 1_000 : 10_000;
/** Industry dummies in the regressions, as in the app's design (about 25 JSIC divisions). */
const INDUSTRIES = 20;
const MW_SAMPLE = QUICK ? 1_000 : 5_000;

/** Firms like the sample's: 70 % inside, covariates as the study's, planted logit and count outcomes. */
function survey(n: number, seed: number) {
	const rng = createRandom(seed);
	const p = 6 + INDUSTRIES - 1;
	const x = new Float64Array(n * p);
	const rows: number[][] = [];
	const yes = new Float64Array(n);
	const count = new Float64Array(n);
	const group = new Int8Array(n);
	for (let i = 0; i < n; i++) {
		const inside = rng.next() < 0.7 ? 1 : 0;
		const logKm = Math.log(1 + (inside ? 4 : 25) * -Math.log(1 - rng.next()));
		const comm = rng.int(0, 3);
		const sub = rng.next() < 0.5 ? 1 : 0;
		const logEmp = Math.log(rng.int(1, 299));
		const industry = rng.int(0, INDUSTRIES - 1);
		const row = [1, inside, logKm, comm, sub, logEmp, ...Array.from({ length: INDUSTRIES - 1 }, (_, k) => (industry === k + 1 ? 1 : 0))];
		x.set(row, i * p);
		rows.push(row);
		const eta = -0.5 + 0.5 * inside - 0.25 * logKm + 0.3 * comm - 0.3 * sub;
		yes[i] = rng.next() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
		count[i] = rng.poisson(Math.exp(eta - 0.7));
		group[i] = inside;
	}
	const names = ['(intercept)', 'inside', 'log_km', 'communication', 'subcontractor', 'log_employees', ...Array.from({ length: INDUSTRIES - 1 }, (_, k) => `industry:${k + 1}`)];
	return { n, p, x, rows, yes, count, group, names };
}

/** Textbook permutation test: shuffle every label (full Fisher–Yates), recompute both means. */
function naivePermutation(values: Float64Array, group: Int8Array, permutations: number, seed: number): number {
	const rng = createRandom(seed);
	const labels = Int8Array.from(group);
	const diff = () => {
		let s1 = 0, n1 = 0, s0 = 0, n0 = 0;
		for (let i = 0; i < values.length; i++) {
			if (labels[i] === 1) (s1 += values[i]), n1++;
			else (s0 += values[i]), n0++;
		}
		return s1 / n1 - s0 / n0;
	};
	const observed = Math.abs(diff());
	let extreme = 0;
	for (let b = 0; b < permutations; b++) {
		for (let i = labels.length - 1; i > 0; i--) {
			const j = Math.floor(rng.next() * (i + 1));
			const t = labels[i];
			labels[i] = labels[j];
			labels[j] = t;
		}
		if (Math.abs(diff()) >= observed - 1e-12) extreme++;
	}
	return (1 + extreme) / (1 + permutations);
}

/** U by counting every pair. */
function pairCountU(x: Float64Array, y: Float64Array): number {
	let u = 0;
	for (const a of x) for (const b of y) u += a > b ? 1 : a === b ? 0.5 : 0;
	return u;
}

export async function run(report: (result: BenchResult) => void): Promise<void> {
	const data = survey(FIRMS, 11);
	const { n, p } = data;
	const x1: number[] = [];
	const x0: number[] = [];
	for (let i = 0; i < n; i++) (data.group[i] ? x1 : x0).push(data.count[i]);
	const inside = Float64Array.from(x1);
	const outside = Float64Array.from(x0);
	const rows: (string | number)[][] = [];
	const row = (task: string, method: string, t: Timing, base: Timing | null) =>
		rows.push([task, method, ms(t.median), spread(t), ms(t.cpuMedian), base === null ? '1×' : `${(t.median / base.median).toFixed(1)}× slower`]);

	// Permutation test of the difference in mean patent counts.
	const perm = measure(() => permutationTest(inside, outside, { permutations: PERMUTATIONS, seed: 1 }), { warmup: 1, runs: QUICK ? 2 : 3 });
	const naivePerm = measure(() => naivePermutation(data.count, data.group, PERMUTATIONS, 1), { warmup: 0, runs: QUICK ? 1 : 2 });
	const pEngine = permutationTest(inside, outside, { permutations: 2000, seed: 1 }).p;
	const pNaive = naivePermutation(data.count, data.group, 2000, 1);
	if (Math.abs(pEngine - pNaive) > 0.05) throw new Error(`permutation p-values disagree: ${pEngine} vs ${pNaive}`);
	const permLabel = `permutation test, ${PERMUTATIONS.toLocaleString('en')} permutations`;
	row(permLabel, 'engine: partial shuffle of the smaller group, sums compared', perm, null);
	row(permLabel, 'full shuffle of all labels, both means recomputed', naivePerm, perm);

	// Mann–Whitney U: ranks (n log n) against pair counting (nx·ny) on a subsample, scaled.
	const mw = measure(() => mannWhitneyU(inside, outside), { runs: 5 });
	const subX = inside.subarray(0, Math.round(MW_SAMPLE * 0.7));
	const subY = outside.subarray(0, Math.round(MW_SAMPLE * 0.3));
	if (Math.abs(mannWhitneyU(subX, subY).u - pairCountU(subX, subY)) > 1e-6) throw new Error('Mann–Whitney U disagrees with pair counting');
	const pairs = measure(() => pairCountU(subX, subY), { runs: 3 });
	const scale = (inside.length * outside.length) / (subX.length * subY.length);
	const pairsScaled = { ...pairs, median: pairs.median * scale, min: pairs.min * scale, max: pairs.max * scale, cpuMedian: pairs.cpuMedian * scale };
	row('Mann–Whitney U', 'engine: mid-ranks after one sort', mw, null);
	row('Mann–Whitney U', `count every pair (${MW_SAMPLE.toLocaleString('en')} firms, scaled)`, pairsScaled, mw);

	// Logit with robust SEs against textbook IRLS on row arrays (normal equations, Gaussian elimination).
	const design = { names: data.names, x: data.x, y: data.yes, n, p };
	const logit = measure(() => logitRobust(design), { runs: QUICK ? 2 : 3 });
	const naiveLogit = measure(() => fitGlm(data.rows, Array.from(data.yes), 'logit'), { runs: QUICK ? 1 : 2 });
	const fit = logitRobust(design);
	const naiveBeta = fitGlm(data.rows, Array.from(data.yes), 'logit');
	if (!fit.ok || fit.coefficients.some((c, j) => Math.abs(c.estimate - naiveBeta[j]) > 1e-6)) throw new Error('logit coefficients disagree with the naive IRLS');
	row(`logit, ${p} coefficients`, 'engine: Newton–IRLS by Householder QR, robust sandwich SEs', logit, null);
	row(`logit, ${p} coefficients`, 'IRLS on number[][] normal equations (coefficients only)', naiveLogit, logit);

	const ols = measure(() => olsRobust({ ...design, y: data.count }), { runs: 5 });
	row(`OLS, ${p} coefficients`, 'engine: Householder QR, HC1 robust SEs', ols, null);

	// One full table row: descriptives, Welch, Mann–Whitney, chi-square, Fisher, permutation, effects.
	const column: ParsedColumn = { column: 'new_products', kind: 'binary', values: data.yes, blank: 0, unreadable: 0, problems: [] };
	const contrast: Contrast = { id: 'inside-outside', labels: ['inside', 'outside'], group: data.group, zoneId: null };
	const whole = measure(() => compareOutcome(column, contrast, { permutations: PERMUTATIONS, seed: 1 }), { runs: QUICK ? 2 : 3 });
	row('compareOutcome, one yes/no outcome', `every test, ${PERMUTATIONS.toLocaleString('en')} permutations`, whole, null);

	report({
		title: `${name}: ${n.toLocaleString('en')} firms (${inside.length.toLocaleString('en')} inside)`,
		columns: ['task', 'method', 'time (median)', 'spread (min – max)', 'CPU time (median)', 'relative'],
		rows,
		notes: [
			'Seeded synthetic survey: 70 % of firms inside, covariates and outcomes drawn from the planted model of the synthetic sample.',
			'Checked while measuring: both permutation tests give p-values within Monte Carlo error, U equals pair counting, and the logit coefficients equal the naive IRLS to 1e-6.',
			`Machine: ${machine()}.`
		]
	});
}
