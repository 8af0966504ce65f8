import { InputError } from '../lib/core/io';
import { cellId, GridTooLargeError, hexLattice, hotSpots, meshLattice, type CellLattice, type HotSpotResult } from '../lib/core/stats/hotspots';
import type { HotspotsArgs } from './hotspots-args';
import { hotspotCsv, hotspotGeoJson } from './hotspots-format';
import { describeFirmSource, readHotspotFirms } from './hotspots-read';
import { AtomicOutput, refuseOutputOverInput } from './node-files';
import { StageProgress } from './stage-progress';
import { UsageError } from './usage-error';

/** Level of the counts in the summary (the LISA classes use the same, on the q-values). */
const ALPHA = 0.05;
const MESH_SIZES: Record<string, string> = { mesh1: '80 km', mesh2: '10 km', mesh3: '1 km', mesh4: '500 m', mesh5: '250 m' };

/**
 * `cluster-map hotspots`: counts the firms (or one industry's) in every cell of the grid over the
 * rectangle spanning them, computes Gi* and local Moran's I with their permutation p- and
 * q-values (src/lib/core/stats/hotspots), writes one row or feature per cell to OUT, and prints
 * the grid, significant counts and guardrail warnings to stderr.
 *
 * @throws InputError or UsageError for input that cannot be used (exit 2; nothing is left at OUT)
 */
export async function runHotspots(args: HotspotsArgs, stderr: (line: string) => void): Promise<void> {
	const started = performance.now();
	refuseOutputOverInput(args.out, [{ option: '--firms', path: args.firms }]);
	const progress = new StageProgress();
	let firms: Awaited<ReturnType<typeof readHotspotFirms>>;
	let lattice: CellLattice;
	let result: HotSpotResult;
	try {
		firms = await readHotspotFirms(args.firms, args.industry, (rows, share) =>
			progress.update(`hotspots: reading ${rows.toLocaleString('en')} firms, ${Math.round(share * 100)}% of ${args.firms}`)
		);
		lattice = buildLattice(args, firms.lons, firms.lats, firms.counted);
		if (lattice.counts.length === 0) {
			const where = args.cells.kind === 'mesh' ? ' inside the JIS X 0410 mesh’s range (latitude 0–66°40′, longitude 100–200°)' : '';
			throw new InputError(args.firms, `has no firm with usable coordinates${where}`, { hint: 'Check the coordinate columns (decimal degrees, WGS84) and that latitude and longitude are not exchanged.' });
		}
		const total = lattice.counts.length;
		result = hotSpots(lattice.counts, lattice, {
			permutations: args.permutations,
			seed: args.seed,
			alpha: ALPHA,
			onProgress: (done) => progress.update(`hotspots: permutations, ${Math.floor((100 * done) / total)}% of ${total.toLocaleString('en')} cells`)
		});
	} finally {
		progress.clear();
	}
	const output = new AtomicOutput(args.out);
	try {
		for (const text of args.format === 'csv' ? hotspotCsv(lattice, result) : hotspotGeoJson(lattice, result)) output.write(text);
		output.commit();
	} catch (error) {
		output.abandon();
		throw error;
	}
	for (const line of summary(args, firms, lattice, result)) stderr(line);
	stderr(`wrote ${args.out} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

function buildLattice(args: HotspotsArgs, lons: Float64Array, lats: Float64Array, counted: Uint8Array): CellLattice {
	try {
		return args.cells.kind === 'mesh' ? meshLattice(lons, lats, args.cells.level, { filter: counted }) : hexLattice(lons, lats, args.cells.sizeMetres, { filter: counted });
	} catch (error) {
		if (error instanceof GridTooLargeError) throw new UsageError(`--cells ${args.cells.name}: ${error.message}`);
		throw error;
	}
}

function summary(args: HotspotsArgs, firms: Awaited<ReturnType<typeof readHotspotFirms>>, lattice: CellLattice, r: HotSpotResult): string[] {
	const lines: string[] = [];
	const n = lattice.counts.length;
	const inCells = lattice.counts.reduce((s, v) => s + v, 0);
	const industry = args.industry === undefined ? '' : ` of industry ${args.industry} (column "${firms.industryColumn}")`;
	const left = [
		firms.withProblems > 0 ? `${firms.withProblems.toLocaleString('en')} without usable coordinates` : '',
		lattice.unplaced > 0 ? `${lattice.unplaced.toLocaleString('en')} outside the mesh’s range` : ''
	].filter(Boolean);
	lines.push(`firms: ${firms.count.toLocaleString('en')} read from ${args.firms} (${describeFirmSource(firms.info)}); ${inCells.toLocaleString('en')}${industry} counted${left.length > 0 ? `; left out: ${left.join(', ')}` : ''}`);
	const empty = lattice.counts.filter((v) => v === 0).length;
	const grid = args.cells.kind === 'mesh' ? `${args.cells.name} (${MESH_SIZES[args.cells.name]} mesh)` : `${args.cells.sizeMetres} m hexagons, q0r0 centred on ${lattice.centre!.map((v) => v.toFixed(5)).join(', ')}`;
	lines.push(`cells: ${grid}, ${plural(lattice.rows, 'row')} × ${plural(lattice.cols, 'column')} = ${n.toLocaleString('en')} (${empty.toLocaleString('en')} empty) from ${cellId(lattice, 0)} in the south-west`);
	if (r.permutations === 0) {
		lines.push('permutations: none; the p, q and lisa_class columns are empty');
	} else {
		lines.push(`permutations: ${r.permutations.toLocaleString('en')} per cell, seed ${r.seed}`);
		const hot = (p: Float64Array, sign: number) => countWhere(n, (i) => p[i] <= ALPHA && Math.sign(r.giStarZ[i]) === sign);
		lines.push(`Gi* at ${ALPHA}: ${hot(r.giStarQ, 1)} hot and ${hot(r.giStarQ, -1)} cold by q (FDR); ${hot(r.giStarBonferroni, 1)} hot and ${hot(r.giStarBonferroni, -1)} cold after Bonferroni; ${hot(r.giStarP, 1)} hot and ${hot(r.giStarP, -1)} cold by the unadjusted folded p`);
		const classes = ['HH', 'LL', 'HL', 'LH'].map((name, k) => `${name} ${countWhere(n, (i) => r.lisa[i] === k + 1)}`);
		lines.push(`LISA classes (local Moran q ≤ ${ALPHA}): ${classes.join(', ')}; ${countWhere(n, (i) => r.localMoranBonferroni[i] <= ALPHA)} cells significant after Bonferroni`);
	}
	for (const warning of r.warnings) lines.push(`warning: ${warning.message}`);
	return lines;
}

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

function countWhere(n: number, test: (i: number) => boolean): string {
	let count = 0;
	for (let i = 0; i < n; i++) if (test(i)) count++;
	return count.toLocaleString('en');
}
