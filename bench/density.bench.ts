/**
 * Density measures on seeded data: kernel density of 1,000,000 firms over a 200 × 200 km area at
 * 250 m cells (quartic and Gaussian, default bandwidth), and JIS X 0410 mesh counts of 5,000,000
 * firms over Japan (3rd-order and quarter mesh). Baselines run in the same process: a per-cell sum
 * over every firm and a per-firm kernel stencil (on subsamples, scaled), and string mesh codes
 * counted in a Map (on a subsample, scaled).
 *
 *   npx tsx bench/run.ts density        (BENCH_QUICK=1 for a smoke run)
 */
import { kernelDensity } from '../src/lib/core/density/kde';
import { KERNEL_PROFILE, KERNEL_SUPPORT } from '../src/lib/core/density/kernels';
import { createLocalProjection } from '../src/lib/core/density/local-projection';
import { meshCode } from '../src/lib/core/density/jis-mesh';
import { meshAggregate } from '../src/lib/core/density/mesh-aggregate';
import { generateFirms } from './lib/data';
import { machine, measure, ms, QUICK, spread } from './lib/measure';
import { gaussian, seeded } from './lib/random';
import type { BenchResult } from './lib/report';

export const name = 'density: kernel density and mesh counts';

const KDE_FIRMS = QUICK ? 100_000 : 1_000_000;
const MESH_FIRMS = QUICK ? 200_000 : 5_000_000;
const HALF_KM = 100;
const CENTRE: [number, number] = [139.5, 35.8];
const KM_PER_DEG = 111.195;

/**
 * Firms over a 200 × 200 km square round the centre: 40 % spread evenly, 60 % in 30 industrial
 * districts of 1–4 km spread, as in the Kanto plain. Deterministic.
 */
function regionalFirms(count: number, seed: number) {
	const random = seeded(seed);
	const kmLon = KM_PER_DEG * Math.cos((CENTRE[1] * Math.PI) / 180);
	const districts = Array.from({ length: 30 }, () => [(random() - 0.5) * 160, (random() - 0.5) * 160, 1 + random() * 3]);
	const lons = new Float64Array(count);
	const lats = new Float64Array(count);
	for (let i = 0; i < count; i++) {
		let x: number, y: number;
		if (random() < 0.4) [x, y] = [(random() - 0.5) * 2 * HALF_KM, (random() - 0.5) * 2 * HALF_KM];
		else {
			const [cx, cy, sd] = districts[Math.floor(random() * districts.length)];
			[x, y] = [cx + gaussian(random) * sd, cy + gaussian(random) * sd];
		}
		lons[i] = CENTRE[0] + Math.max(-HALF_KM, Math.min(HALF_KM, x)) / kmLon;
		lats[i] = CENTRE[1] + Math.max(-HALF_KM, Math.min(HALF_KM, y)) / KM_PER_DEG;
	}
	return { lons, lats };
}

export async function run(report: (result: BenchResult) => void): Promise<void> {
	const kmLon = KM_PER_DEG * Math.cos((CENTRE[1] * Math.PI) / 180);
	const bbox: [number, number, number, number] = [CENTRE[0] - HALF_KM / kmLon, CENTRE[1] - HALF_KM / KM_PER_DEG, CENTRE[0] + HALF_KM / kmLon, CENTRE[1] + HALF_KM / KM_PER_DEG];
	const { lons, lats } = regionalFirms(KDE_FIRMS, 6);
	const rows: (string | number)[][] = [];
	const notes: string[] = [];
	for (const kernel of ['quartic', 'gaussian'] as const) {
		const options = { kernel, cellMetres: 250, bbox };
		const time = measure(() => kernelDensity(lons, lats, options), { warmup: 1, runs: QUICK ? 2 : 5 });
		const grid = kernelDensity(lons, lats, options);
		let sum = 0;
		for (const v of grid.values) sum += v;
		const mass = (sum * 0.0625) / KDE_FIRMS;
		rows.push([`kernelDensity, ${kernel}, h = ${grid.bandwidthMetres.toFixed(0)} m (default rule)`, `${grid.width} × ${grid.height}`, ms(time.median), spread(time), ms(time.cpuMedian), `${(mass * 100).toFixed(2)} % of firms`, '1×']);

		// Baselines on the same grid and bandwidth: (a) every cell sums the kernel over every firm,
		// (b) every firm adds its kernel to the cells within its reach. Subsamples, scaled per firm.
		const projection = createLocalProjection(grid.centre);
		const { xs, ys } = projection.projectAll(lons, lats);
		const h = grid.bandwidthMetres;
		const profile = KERNEL_PROFILE[kernel];
		const reach = h * KERNEL_SUPPORT[kernel];
		const perCellFirms = QUICK ? 5 : 20;
		const perCell = measure(
			() => {
				const out = new Float64Array(grid.width * grid.height);
				for (let j = 0; j < grid.height; j++) {
					const cy = grid.origin[1] + (j + 0.5) * 250;
					for (let i = 0; i < grid.width; i++) {
						const cx = grid.origin[0] + (i + 0.5) * 250;
						let s = 0;
						for (let k = 0; k < perCellFirms; k++) s += profile(((xs[k] - cx) ** 2 + (ys[k] - cy) ** 2) / (h * h));
						out[j * grid.width + i] = s;
					}
				}
				return out;
			},
			{ warmup: 0, runs: 1 }
		);
		const scaledPerCell = (perCell.median / perCellFirms) * KDE_FIRMS;
		rows.push([`per cell, kernel summed over every firm (${perCellFirms} firms, scaled)`, `${grid.width} × ${grid.height}`, ms(scaledPerCell), '', ms((perCell.cpuMedian / perCellFirms) * KDE_FIRMS), '', `${Math.round(scaledPerCell / time.median).toLocaleString('en')}× slower`]);
		const stencilFirms = QUICK ? 2000 : 20_000;
		const step = Math.floor(KDE_FIRMS / stencilFirms);
		const perFirm = measure(
			() => {
				const out = new Float64Array(grid.width * grid.height);
				const r = Math.ceil(reach / 250);
				for (let k = 0; k < KDE_FIRMS; k += step) {
					const fi = Math.floor((xs[k] - grid.origin[0]) / 250);
					const fj = Math.floor((ys[k] - grid.origin[1]) / 250);
					for (let j = Math.max(0, fj - r); j <= Math.min(grid.height - 1, fj + r); j++) {
						const cy = grid.origin[1] + (j + 0.5) * 250;
						for (let i = Math.max(0, fi - r); i <= Math.min(grid.width - 1, fi + r); i++) {
							const cx = grid.origin[0] + (i + 0.5) * 250;
							out[j * grid.width + i] += profile(((xs[k] - cx) ** 2 + (ys[k] - cy) ** 2) / (h * h));
						}
					}
				}
				return out;
			},
			{ warmup: 1, runs: QUICK ? 1 : 3 }
		);
		const scaledPerFirm = (perFirm.median / stencilFirms) * KDE_FIRMS;
		rows.push([`per firm, kernel stencil added to nearby cells (${stencilFirms.toLocaleString('en')} firms, scaled)`, `${grid.width} × ${grid.height}`, ms(scaledPerFirm), spread({ ...perFirm, min: (perFirm.min / stencilFirms) * KDE_FIRMS, max: (perFirm.max / stencilFirms) * KDE_FIRMS }), ms((perFirm.cpuMedian / stencilFirms) * KDE_FIRMS), '', `${(scaledPerFirm / time.median).toFixed(1)}× slower`]);
	}
	notes.push(
		`${KDE_FIRMS.toLocaleString('en')} firms over 200 × 200 km (40 % even, 60 % in 30 districts), 250 m cells; kernelDensity bins firms to cells and convolves by FFT, so its time does not depend on the bandwidth.`,
		'"% of firms" is the grid integral (sum × cell area) over the firm count; firms in the area\'s edge band lose the part of their kernel outside the 200 km square.'
	);
	report({
		title: `density: kernel density, ${KDE_FIRMS.toLocaleString('en')} firms, 200 × 200 km at 250 m`,
		columns: ['method', 'grid', 'time (median)', 'spread (min – max)', 'CPU (median)', 'integral', 'relative'],
		rows,
		notes: [...notes, `Machine: ${machine()}. Two cores shared with other work: absolute times are noisy.`]
	});

	const national = generateFirms(MESH_FIRMS, 2);
	const meshRows: (string | number)[][] = [];
	const subsample = QUICK ? 20_000 : 500_000;
	const step = Math.floor(MESH_FIRMS / subsample);
	for (const level of ['third', 'quarter'] as const) {
		const time = measure(() => meshAggregate(national.lons, national.lats, { level }), { warmup: 1, runs: QUICK ? 2 : 5 });
		const result = meshAggregate(national.lons, national.lats, { level });
		meshRows.push([level, result.codes.length.toLocaleString('en'), ms(time.median), spread(time), ms(time.cpuMedian), '1×']);
		let cells = 0;
		const map = measure(
			() => {
				const counts = new Map<string, number>();
				for (let k = 0; k < MESH_FIRMS; k += step) {
					const code = meshCode(national.lons[k], national.lats[k], level);
					if (code !== null) counts.set(code, (counts.get(code) ?? 0) + 1);
				}
				cells = counts.size;
				return counts;
			},
			{ warmup: 1, runs: 3 }
		);
		const scaled = (map.median / subsample) * MESH_FIRMS;
		meshRows.push([`${level}: meshCode strings in a Map (${subsample.toLocaleString('en')} firms, scaled)`, `${cells.toLocaleString('en')} (subsample)`, ms(scaled), '', ms((map.cpuMedian / subsample) * MESH_FIRMS), `${(scaled / time.median).toFixed(1)}× slower`]);
	}
	report({
		title: `density: JIS X 0410 mesh counts, ${MESH_FIRMS.toLocaleString('en')} firms over Japan`,
		columns: ['level / method', 'non-empty cells', 'time (median)', 'spread (min – max)', 'CPU (median)', 'relative'],
		rows: meshRows,
		notes: [
			'meshAggregate packs each firm\'s cell into an order-preserving 32-bit rank, radix-sorts the ranks and counts runs; codes and spherical cell areas are computed once per non-empty cell.',
			`Firms: bench/lib/data.ts generateFirms (60 % round the field-study districts, the rest round 20 cities). Machine: ${machine()}.`
		]
	});
}
