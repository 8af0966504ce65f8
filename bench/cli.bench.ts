/**
 * The whole `cluster-map classify` command on seeded synthetic data: 1,000,000 firms (≈ 80 MB
 * of CSV with Japanese names, a few quoted cells) × 2,000 concave zones (5–60 vertices, some with
 * holes, some multipart) × 1,000 institutions, with --buffer-km. Each run is a fresh process
 * (startup included); wall time is measured outside it, peak memory (max RSS) by the command's
 * hidden --stats flag. Sizes 100,000, 1,000,000 and 5,000,000 firms, each with the default threads
 * (the checked zones found in the command's cache, as after any earlier run with the same zones
 * file, and read afresh with the cache off), --threads 1 and --threads 2: a warm-up of each, then
 * BENCH_RUNS (default 3) rounds of the four in turn: median, spread, and the ratio to --threads 1
 * round by round.
 *
 * The naive baseline column runs in its own process: Papa Parse on the whole file, a plain Turf
 * loop (booleanPointInPolygon over every zone, distance to every institution) timed on a
 * subsample and scaled to every row, Papa.unparse of every row, on 100,000 firms.
 *
 *   npx tsx bench/cli.bench.ts            (or npm run bench -- cli)
 *   BENCH_QUICK=1 npx tsx bench/cli.bench.ts   (50,000 firms, one run: a smoke test)
 *
 * Data is written once to bench/output/cli/ (gitignored) and reused.
 */
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { distance } from '@turf/distance';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import Papa from 'papaparse';
import { machine, QUICK } from './lib/measure';
import { toMarkdown, type BenchResult } from './lib/report';
import { seeded } from './lib/random';

export const name = 'cli: cluster-map classify, whole command';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIR = join(ROOT, 'bench/output/cli');
const BIN = join(ROOT, 'bin/cluster-map.js');
const ZONES = 2000;
const INSTITUTIONS = 1000;
const BUFFER_KM = 5;

// --- seeded data ------------------------------------------------------------------------------


function gaussian(random: () => number): number {
	return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Industrial centres: the nine field-study districts and large cities, [lon, lat, weight, spread km]. */
const CENTRES: [number, number, number, number][] = [
	...(JSON.parse(readFileSync(join(ROOT, 'geodata/districts.json'), 'utf8')) as { center: [number, number] }[]).map((d): [number, number, number, number] => [d.center[0], d.center[1], 6, 5]),
	[139.767, 35.681, 10, 15],
	[135.496, 34.702, 7, 12],
	[136.882, 35.171, 5, 12],
	[139.622, 35.466, 4, 10],
	[130.42, 33.59, 3, 10],
	[141.351, 43.069, 2, 8],
	[140.882, 38.26, 2, 8],
	[132.475, 34.398, 2, 8]
];
const TOTAL_WEIGHT = CENTRES.reduce((s, c) => s + c[2], 0);

function near(random: () => number, spread = 1): [number, number] {
	let r = random() * TOTAL_WEIGHT;
	const centre = CENTRES.find((c) => (r -= c[2]) < 0) ?? CENTRES[0];
	const [lon, lat, , km] = centre;
	return offset(lon, lat, gaussian(random) * km * spread, gaussian(random) * km * spread);
}

function offset(lon: number, lat: number, eastKm: number, northKm: number): [number, number] {
	return [lon + eastKm / (111.32 * Math.cos((lat * Math.PI) / 180)), lat + northKm / 110.57];
}

/** A star-shaped ring, usually concave, of n vertices between 0.45·r and r km from the centre. */
function star(lon: number, lat: number, km: number, n: number, random: () => number, clockwise = false): Position[] {
	const ring = Array.from({ length: n }, (_, i) => {
		const a = ((i + 0.15 + 0.7 * random()) / n) * 2 * Math.PI;
		const r = km * (0.45 + 0.55 * random());
		return offset(lon, lat, r * Math.cos(a), r * Math.sin(a));
	});
	if (clockwise) ring.reverse();
	return [...ring, ring[0]];
}

function zoneFeatures(seed: number): Feature<Polygon | MultiPolygon>[] {
	const random = seeded(seed);
	return Array.from({ length: ZONES }, (_, z) => {
		const [lon, lat] = near(random);
		const parts = random() < 0.1 ? 2 + Math.floor(random() * 2) : 1;
		const polygons = Array.from({ length: parts }, (_, p) => {
			const [x, y] = p === 0 ? [lon, lat] : offset(lon, lat, (random() - 0.5) * 12, (random() - 0.5) * 12);
			const km = 0.5 + random() * 2;
			const rings = [star(x, y, km, 5 + Math.floor(random() * 56), random)];
			if (random() < 0.15) rings.push(star(x, y, km * 0.4, 4 + Math.floor(random() * 12), random, true));
			return rings;
		});
		const geometry: Polygon | MultiPolygon = parts === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons };
		return { type: 'Feature', id: `zone-${z}`, properties: { name: `集積${z}` }, geometry };
	});
}

const KANJI = [...'大東西南北新光丸三富協栄明昭平高中日共精信太金松竹梅岡山川田野本和正友福吉永長城島橋宮森'];
const TRADE = ['製作所', '工業', '精機', '金型', '電機', '技研', '鍍金'];

/** Firms CSV in the synthetic sample's columns; about 1 % of names are quoted (a comma inside). */
function writeFirms(path: string, count: number, seed: number): void {
	const random = seeded(seed);
	const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
	const fd = openSync(`${path}.partial`, 'w');
	let text = 'id,name,lat,lon,pref_code,muni_code,district,jsic_major,jsic_medium,employees,founded,subcontractor,parent_firm,rd_communication,new_products,new_processes,patents_3y\n';
	for (let i = 1; i <= count; i++) {
		const [lon, lat] = near(random, 1.5);
		let firmName = pick(KANJI) + pick(KANJI) + pick(TRADE);
		if (random() < 0.01) firmName = `"${firmName}, 第${1 + Math.floor(random() * 9)}工場"`;
		const pref = String(1 + Math.floor(random() * 47)).padStart(2, '0');
		const parent = random() < 0.25 ? `F${1 + Math.floor(random() * count)}` : '';
		text += `F${i},${firmName},${lat.toFixed(5)},${lon.toFixed(5)},${pref},${pref}${String(100 + Math.floor(random() * 300))},${random() < 0.3 ? 'ota' : ''},E,${24 + Math.floor(random() * 9)},${1 + Math.floor(random() * 300)},${1946 + Math.floor(random() * 75)},${random() < 0.4 ? 1 : 0},${parent},${Math.floor(random() * 5)},${random() < 0.3 ? 1 : 0},${random() < 0.2 ? 1 : 0},${Math.floor(random() * 3)}\n`;
		if (text.length > 1 << 20) {
			writeSync(fd, text);
			text = '';
		}
	}
	writeSync(fd, text);
	closeSync(fd);
	renameSync(`${path}.partial`, path);
}

interface Dataset {
	firms: string;
	zones: string;
	institutions: string;
	count: number;
}

export function dataset(count: number): Dataset {
	mkdirSync(DIR, { recursive: true });
	const zones = join(DIR, `zones-${ZONES}.geojson`);
	const institutions = join(DIR, `institutions-${INSTITUTIONS}.csv`);
	const firms = join(DIR, `firms-${count}.csv`);
	if (!existsSync(zones)) writeFileSync(zones, JSON.stringify({ type: 'FeatureCollection', features: zoneFeatures(1) }));
	if (!existsSync(institutions)) {
		const random = seeded(3);
		const rows = Array.from({ length: INSTITUTIONS }, (_, i) => {
			const [lon, lat] = near(random, 2);
			return `inst-${i},研究機関${i},${lat.toFixed(5)},${lon.toFixed(5)}`;
		});
		writeFileSync(institutions, `id,name,lat,lon\n${rows.join('\n')}\n`);
	}
	if (!existsSync(firms)) {
		process.stderr.write(`writing ${firms}…\n`);
		writeFirms(firms, count, 2);
	}
	return { firms, zones, institutions, count };
}

// --- measuring --------------------------------------------------------------------------------

interface Sample {
	wallS: number;
	/** User + system CPU time of the whole process (both threads). */
	cpuS: number;
	rssMb: number;
}

function runCli(data: Dataset, { threads, afresh }: { threads?: number; afresh?: boolean }): Sample {
	const out = join(DIR, 'out.csv');
	const started = performance.now();
	const threadArgs = threads === undefined ? [] : ['--threads', String(threads)];
	const env = afresh ? { ...process.env, CLUSTER_MAP_ZONE_CACHE: 'off' } : process.env;
	const child = spawnSync(process.execPath, [BIN, 'classify', '--firms', data.firms, '--zones', data.zones, '--institutions', data.institutions, '--buffer-km', String(BUFFER_KM), '--out', out, '--stats', ...threadArgs], { encoding: 'utf8', maxBuffer: 1 << 24, env });
	const wallS = (performance.now() - started) / 1000;
	if (child.status !== 0) throw new Error(`cluster-map failed (${child.status}): ${child.stderr}`);
	const stats = JSON.parse(/^stats (.*)$/m.exec(child.stderr)?.[1] ?? '{}') as { cpu_ms: number; max_rss_mb: number };
	if (!child.stderr.includes(`rows read: ${data.count.toLocaleString('en')}`)) throw new Error(`unexpected summary:\n${child.stderr}`);
	return { wallS, cpuS: stats.cpu_ms / 1000, rssMb: stats.max_rss_mb };
}

function runBaseline(data: Dataset): { parseS: number; loopS: number; writeS: number; rssMb: number; sampled: number } {
	const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--baseline', data.firms, data.zones, data.institutions], { encoding: 'utf8', cwd: ROOT, maxBuffer: 1 << 24 });
	if (child.status !== 0) throw new Error(`baseline failed: ${child.stderr}`);
	return JSON.parse(child.stdout.trim().split('\n').at(-1)!);
}

/** The naive way, in this process: whole-file Papa Parse, Turf loop on a subsample, Papa.unparse. */
function baseline(firms: string, zonesPath: string, institutionsPath: string): void {
	const t0 = performance.now();
	const rows = Papa.parse<string[]>(readFileSync(firms, 'utf8'), { skipEmptyLines: true }).data;
	const t1 = performance.now();
	const zones = (JSON.parse(readFileSync(zonesPath, 'utf8')) as { features: Feature<Polygon | MultiPolygon>[] }).features;
	const institutions = Papa.parse<string[]>(readFileSync(institutionsPath, 'utf8'), { skipEmptyLines: true }).data.slice(1);
	const header = rows[0];
	const [latAt, lonAt] = [header.indexOf('lat'), header.indexOf('lon')];
	const sampled = Math.min(1000, rows.length - 1);
	const step = Math.floor((rows.length - 1) / sampled);
	const t2 = performance.now();
	for (let k = 0; k < sampled; k++) {
		const row = rows[1 + k * step];
		const point = [Number(row[lonAt]), Number(row[latAt])];
		const inside = zones.filter((z) => booleanPointInPolygon(point, z)).map((z) => z.id);
		let best = '';
		let bestKm = Infinity;
		for (const [id, , lat, lon] of institutions) {
			const km = distance(point, [Number(lon), Number(lat)]);
			if (km < bestKm) [best, bestKm] = [id, km];
		}
		row.push(inside.join(';'), String(inside.length > 0), best, String(Math.round(bestKm * 1000) / 1000), String(bestKm <= BUFFER_KM), '');
	}
	const loopS = (((performance.now() - t2) / sampled) * (rows.length - 1)) / 1000;
	const t3 = performance.now();
	const text = Papa.unparse(rows.map((row) => (row.length > header.length ? row : [...row, '', '', '', '', '', ''])));
	writeFileSync(join(DIR, 'baseline-out.csv'), '\ufeff' + text);
	const t4 = performance.now();
	const rssMb = Math.round(process.resourceUsage().maxRSS / 1024);
	console.log(JSON.stringify({ parseS: (t1 - t0) / 1000, loopS, writeS: (t4 - t3) / 1000, rssMb, sampled }));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const seconds = (s: number) => `${s.toFixed(2)} s`;

/** Load average over the last minute, one decimal. */
const load = () => loadavg()[0].toFixed(1);

/** The variants timed at every size, in turn within each round: the default (zones cached, then read afresh), one thread, both cores. */
const VARIANTS: { label: string; threads?: number; afresh?: boolean }[] = [
	{ label: 'default' },
	// The warm-up leaves the checked zones in the cache, as any earlier run with the same zones file would.
	{ label: 'default, zones read afresh (cache off)', afresh: true },
	{ label: '--threads 1', threads: 1 },
	{ label: '--threads 2', threads: 2 }
];

/** Runs the benchmark and hands the runner one table. */
export async function run(report: (result: BenchResult) => void = print): Promise<void> {
	const runs = QUICK ? 1 : Number(process.env.BENCH_RUNS ?? 3);
	// 100,000 firms is what most users run; 5,000,000 is all of Japan's SMEs (about 4.8 million).
	const sizes = QUICK ? [50_000] : [100_000, 1_000_000, 5_000_000];
	// The plain Turf loop on the smallest file (its time per row does not change with size).
	const withBaseline = sizes[0];
	const rows: (string | number)[][] = [];
	const notes: string[] = [];
	const perMillion: string[] = [];
	for (const count of sizes) {
		const data = dataset(count);
		const mb = statSync(data.firms).size / 1e6;
		const loadBefore = load();
		for (const v of VARIANTS) runCli(data, v); // warm-up: file cache
		// Rounds of every variant in turn, so that a change in the machine's load falls on all alike.
		const samples = VARIANTS.map(() => [] as Sample[]);
		for (let r = 0; r < runs; r++) VARIANTS.forEach((v, i) => samples[i].push(runCli(data, v)));
		const b = count === withBaseline ? runBaseline(data) : null;
		const loadAfter = load();
		const one = samples[VARIANTS.findIndex((v) => v.threads === 1)];
		VARIANTS.forEach((v, i) => {
			const wall = samples[i].map((s) => s.wallS);
			const cpu = samples[i].map((s) => s.cpuS);
			const rss = samples[i].map((s) => s.rssMb);
			// Round by round against --threads 1: wall and CPU ratios, median.
			const ratio = (pick: (s: Sample) => number) => median(samples[i].map((s, r) => pick(s) / pick(one[r]))).toFixed(2);
			let naive = '—';
			if (b && v.threads === undefined) {
				const total = b.parseS + b.loopS + b.writeS;
				naive = `${seconds(total)} (parse ${seconds(b.parseS)}, Turf loop ${seconds(b.loopS)} est. from ${b.sampled} rows, write ${seconds(b.writeS)}); ${b.rssMb} MB; **${(total / median(wall)).toFixed(0)}× slower**`;
			}
			if (v.threads === undefined && count >= 1e6) perMillion.push(`${v.label}: wall ${(median(wall) / (count / 1e6)).toFixed(2)} s, CPU ${(median(cpu) / (count / 1e6)).toFixed(2)} s at ${(count / 1e6).toLocaleString('en')}M`);
			rows.push([
				`${count.toLocaleString('en')} firms (${mb.toFixed(0)} MB CSV), ${v.label}`,
				seconds(median(wall)),
				`${seconds(Math.min(...wall))} – ${seconds(Math.max(...wall))}`,
				seconds(median(cpu)),
				v.threads === 1 ? '1' : `${ratio((s) => s.wallS)} / ${ratio((s) => s.cpuS)}`,
				`${median(rss)} MB (max ${Math.max(...rss)})`,
				`${Math.round(count / median(wall)).toLocaleString('en')}`,
				`${loadBefore} → ${loadAfter}`,
				naive
			]);
		});
	}
	if (perMillion.length > 0) notes.push(`Default runs, per million firms: ${perMillion.join('; ')} — the fixed start-up and zone loading weigh less on large files; memory stays bounded. Wall time depends on what else the machine runs; CPU time much less.`);
	notes.push(`${runs} rounds after a warm-up of each variant, the variants in turn within a round, each run a new process; ${ZONES} zones, ${INSTITUTIONS} institutions, --buffer-km ${BUFFER_KM}. Every variant but "zones read afresh" finds the checked zones in the command's cache (left by the warm-up, as by any earlier run with the same zones file); "zones read afresh" sets CLUSTER_MAP_ZONE_CACHE=off, as a first run with a new zones file. Default: one engine thread beside the main thread for files of 32 MB and more, else one thread; --threads 2: the chunk pipeline, this thread and one worker each reading, classifying and writing chunks (${availableParallelism()} cores here).`);
	notes.push(`Machine: ${machine()}, when done. The load column is the 1-minute load average before and after each size's runs: above the number of cores, other work was competing for them.`);
	notes.push('CPU time is user + system of the whole process, every thread (V8\'s compiler and garbage collector threads included): with several threads wall time is below it. "÷ one thread" is the median over rounds of this run\'s wall and CPU time over the --threads 1 run of the same round.');
	notes.push(`Command: node bin/cluster-map.js classify --firms bench/output/cli/firms-N.csv --zones bench/output/cli/zones-${ZONES}.geojson --institutions bench/output/cli/institutions-${INSTITUTIONS}.csv --buffer-km ${BUFFER_KM} --out bench/output/cli/out.csv [--threads 1|2]`);
	report({ title: name, columns: ['input', 'wall time (median)', 'spread (min – max)', 'CPU time (median)', 'wall / CPU ÷ one thread', 'peak memory (RSS)', 'firms / s', 'load (1 min)', 'naive baseline (same run)'], rows, notes });
}

function print(result: BenchResult): void {
	console.log(toMarkdown(result));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	if (process.argv[2] === '--baseline') baseline(process.argv[3], process.argv[4], process.argv[5]);
	else await run();
}
