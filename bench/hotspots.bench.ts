/**
 * Hot spots on 100,000 cells × 9,999 permutations: 300,000 seeded firms round 30 centres (and a
 * uniform scatter) in a 1.3° × 2° box east of Tokyo, counted on the 500 m mesh (312 × 320 cells);
 * Gi*, local Moran, conditional permutations, q-values and classes (`hotSpots`), the lattice
 * itself, and the whole `cluster-map hotspots` command in a fresh process, CSV in and out.
 *
 * Baselines in the same run: the textbook conditional permutation (for each cell and permutation,
 * a full Fisher–Yates shuffle of the other n − 1 values, the first k taken), and esda's scheme
 * (k random draws per permutation shared by all cells, each cell's neighbour sum recomputed per
 * permutation); both on a subsample of cells and permutations, scaled. Their p-values are checked
 * against the engine's on a small grid.
 *
 *   npx tsx bench/run.ts hotspots        (BENCH_QUICK=1 for a smoke run)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRandom } from '../src/lib/core/sample/random';
import { conditionalPermutation, hotSpots, meshLattice, type Contiguity } from '../src/lib/core/stats/hotspots';
import { machine, measure, ms, QUICK, type Timing } from './lib/measure';
import type { BenchResult } from './lib/report';

export const name = 'stats: hot spots (Gi*, local Moran, conditional permutations)';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIR = join(ROOT, 'bench/output/hotspots');
const FIRMS = QUICK ? 30_000 : 300_000;
const PERMUTATIONS = QUICK ? 999 : 9_999;
/** Box of the firms: 312 rows × 320 columns of the 500 m mesh (QUICK: a quarter of it). */
const BOX = QUICK ? { south: 35, west: 139, lat: 0.65, lon: 1 } : { south: 35, west: 139, lat: 1.3, lon: 2 };

/** Firms: 70 % round 30 seeded centres (spread 0.5–4 km), the rest scattered uniformly over the box. */
function firms(n: number, seed: number) {
	const rng = createRandom(seed);
	const centres = Array.from({ length: 30 }, () => [BOX.west + rng.next() * BOX.lon, BOX.south + rng.next() * BOX.lat, 0.5 + rng.next() * 3.5]);
	const lons = new Float64Array(n);
	const lats = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		if (rng.next() < 0.7) {
			const [lon, lat, km] = centres[rng.int(0, centres.length - 1)];
			lons[i] = Math.min(BOX.west + BOX.lon - 1e-6, Math.max(BOX.west, lon + rng.normal(0, km / 90)));
			lats[i] = Math.min(BOX.south + BOX.lat - 1e-6, Math.max(BOX.south, lat + rng.normal(0, km / 111)));
		} else {
			lons[i] = BOX.west + rng.next() * BOX.lon;
			lats[i] = BOX.south + rng.next() * BOX.lat;
		}
	}
	return { lons, lats };
}

/** Textbook: per cell and permutation, shuffle all other values and sum the first k. Returns folded p of the given cells. */
function fullShuffle(values: Float64Array, { offsets, neighbours }: Contiguity, cells: number[], permutations: number, seed: number): number[] {
	const next = createRandom(seed).next;
	const n = values.length;
	return cells.map((i) => {
		const others = Float64Array.from(values.filter((_, j) => j !== i));
		const k = offsets[i + 1] - offsets[i];
		let observed = 0;
		for (let e = offsets[i]; e < offsets[i + 1]; e++) observed += values[neighbours[e]];
		let atLeast = 0, atMost = 0;
		for (let b = 0; b < permutations; b++) {
			for (let t = n - 2; t > 0; t--) {
				const j = Math.floor(next() * (t + 1));
				const v = others[t];
				others[t] = others[j];
				others[j] = v;
			}
			let s = 0;
			for (let t = 0; t < k; t++) s += others[t];
			if (s >= observed) atLeast++;
			if (s <= observed) atMost++;
		}
		return (Math.min(atLeast, atMost) + 1) / (permutations + 1);
	});
}

/** esda's crand scheme: one table of k distinct draws from n − 1 per permutation, shared; every cell sums its own. */
function sharedDraws(values: Float64Array, { offsets, neighbours }: Contiguity, cells: number, permutations: number, seed: number): Float64Array {
	const next = createRandom(seed).next;
	const n = values.length;
	const k = 8;
	const ids = new Uint32Array(permutations * k);
	for (let b = 0; b < permutations; b++) {
		for (let t = 0; t < k; t++) {
			let j: number;
			do j = Math.floor(next() * (n - 1));
			while (ids.subarray(b * k, b * k + t).includes(j));
			ids[b * k + t] = j;
		}
	}
	const p = new Float64Array(cells);
	for (let i = 0; i < cells; i++) {
		const ki = offsets[i + 1] - offsets[i];
		let observed = 0;
		for (let e = offsets[i]; e < offsets[i + 1]; e++) observed += values[neighbours[e]];
		let atLeast = 0, atMost = 0;
		for (let b = 0; b < permutations; b++) {
			let s = 0;
			for (let t = 0; t < ki; t++) {
				const j = ids[b * k + t];
				s += values[j < i ? j : j + 1]; // skip the cell itself
			}
			if (s >= observed) atLeast++;
			if (s <= observed) atMost++;
		}
		p[i] = (Math.min(atLeast, atMost) + 1) / (permutations + 1);
	}
	return p;
}

/** Milliseconds as the other tables write them, but days beyond a day (the scaled full shuffle). */
const long = (t: number) => (t >= 86_400_000 ? `≈ ${(t / 86_400_000).toFixed(1)} days` : ms(t));

const scaled = (t: Timing, factor: number): Timing => ({ ...t, median: t.median * factor, min: t.min * factor, max: t.max * factor, cpuMedian: t.cpuMedian * factor });

export async function run(report: (result: BenchResult) => void): Promise<void> {
	const { lons, lats } = firms(FIRMS, 18);
	const lattice = meshLattice(lons, lats, 'half');
	const n = lattice.counts.length;
	const rows: (string | number)[][] = [];
	const row = (task: string, method: string, t: Timing, base: Timing | null, cpu = long(t.cpuMedian)) =>
		rows.push([task, method, long(t.median), `${long(t.min)} – ${long(t.max)}`, cpu, base === null ? '1×' : `${Math.round(t.median / base.median).toLocaleString('en')}× slower`]);
	const task = `${n.toLocaleString('en')} cells × ${PERMUTATIONS.toLocaleString('en')} permutations`;

	const build = measure(() => meshLattice(lons, lats, 'half'), { runs: 5 });
	const engine = measure(() => hotSpots(lattice.counts, lattice, { permutations: PERMUTATIONS, seed: 1 }), { warmup: 1, runs: QUICK ? 3 : 5 });
	const simulated = conditionalPermutation(lattice.counts, lattice, { permutations: PERMUTATIONS, seed: 1 }).simulated;
	row(`lattice: ${FIRMS.toLocaleString('en')} firms on the 500 m mesh`, 'meshLattice: counts and queen neighbours (CSR)', build, null);
	row(task, `engine: hotSpots — z, one null per (k, count) pair (${simulated.toLocaleString('en')}), q, classes`, engine, null);

	// Baselines on a subsample, scaled to every cell and permutation.
	const fewCells = QUICK ? 2 : 4;
	const fewPerms = QUICK ? 10 : 20;
	const naive = measure(() => fullShuffle(lattice.counts, lattice, Array.from({ length: fewCells }, (_, c) => c * 997), fewPerms, 1), { warmup: 0, runs: 3 });
	row(task, `full shuffle per cell and permutation (${fewCells} cells × ${fewPerms} permutations, scaled)`, scaled(naive, (n * PERMUTATIONS) / (fewCells * fewPerms)), engine);
	const someCells = QUICK ? 1_000 : 5_000;
	const shared = measure(() => sharedDraws(lattice.counts, lattice, someCells, PERMUTATIONS, 1), { warmup: 0, runs: 3 });
	row(task, `esda's scheme: shared draws, every cell's sum per permutation (${someCells.toLocaleString('en')} cells, scaled)`, scaled(shared, n / someCells), engine);

	// The baselines answer the same question: p-values agree within Monte Carlo error on a 20 × 20 block in the middle.
	const [r0, c0] = [(lattice.rows >> 1) - 10, (lattice.cols >> 1) - 10];
	const corner = { counts: new Float64Array(400), offsets: new Uint32Array(401), neighbours: [] as number[] };
	for (let r = 0; r < 20; r++) for (let c = 0; c < 20; c++) corner.counts[r * 20 + c] = lattice.counts[(r0 + r) * lattice.cols + c0 + c];
	for (let i = 0; i < 400; i++) {
		for (let d = 0; d < 400; d++) if (d !== i && Math.abs(Math.floor(d / 20) - Math.floor(i / 20)) <= 1 && Math.abs((d % 20) - (i % 20)) <= 1) corner.neighbours.push(d);
		corner.offsets[i + 1] = corner.neighbours.length;
	}
	const grid = { offsets: corner.offsets, neighbours: Uint32Array.from(corner.neighbours) };
	const pEngine = conditionalPermutation(corner.counts, grid, { permutations: 1999, seed: 2 }).giStar;
	const pNaive = fullShuffle(corner.counts, grid, Array.from({ length: 400 }, (_, i) => i), 1999, 3);
	const pShared = sharedDraws(corner.counts, grid, 400, 1999, 4);
	const worst = Math.max(...pNaive.map((p, i) => Math.max(Math.abs(p - pEngine[i]), Math.abs(pShared[i] - pEngine[i]))));
	if (worst > 0.07) throw new Error(`permutation p-values disagree with the baselines by up to ${worst}`);

	// The whole command, a fresh process per run: read CSV, lattice, statistics, write CSV.
	mkdirSync(DIR, { recursive: true });
	const csv = join(DIR, 'firms.csv');
	let text = 'id,lat,lon\n';
	for (let i = 0; i < FIRMS; i++) text += `F${i},${lats[i].toFixed(6)},${lons[i].toFixed(6)}\n`;
	writeFileSync(csv, text);
	const command = ['bin/cluster-map.js', 'hotspots', '--firms', csv, '--cells', 'mesh4', '--permutations', String(PERMUTATIONS), '--seed', '1', '--out', join(DIR, 'cells.csv')];
	const cli = measure(() => {
		const r = spawnSync(process.execPath, command, { cwd: ROOT, encoding: 'utf8' });
		if (r.status !== 0) throw new Error(`cluster-map hotspots failed: ${r.stderr}`);
	}, { warmup: 1, runs: 3 });
	row(`whole command, ${FIRMS.toLocaleString('en')} firms → ${n.toLocaleString('en')} cells`, 'cluster-map hotspots --cells mesh4 (new process, CSV in and out)', cli, null, '—');

	report({
		title: `${name}: ${task}`,
		columns: ['task', 'method', 'time (median)', 'spread (min – max)', 'CPU time (median)', 'relative'],
		rows,
		notes: [
			`Seeded firms (${FIRMS.toLocaleString('en')}) round 30 centres and scattered over ${BOX.lat}° × ${BOX.lon}°; counted on the 500 m mesh, ${lattice.rows} × ${lattice.cols} cells, ${lattice.counts.filter((v) => v === 0).length.toLocaleString('en')} empty.`,
			`Checked while measuring: on a 20 × 20 block of these cells, both baselines' p-values are within ${worst.toFixed(3)} of the engine's (1,999 permutations each, independent seeds).`,
			'The whole command is timed from outside its process, Node start-up included.',
			`Machine: ${machine()}.`
		]
	});
}
