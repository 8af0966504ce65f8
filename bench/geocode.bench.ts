/**
 * The whole `cluster-map geocode` command on seeded addresses drawn from the committed town data
 * (`testAddresses`: every notation of the accuracy test, all 47 prefectures, so every prefecture file
 * is loaded): 100,000 addresses, one warm-up then BENCH_RUNS (default 3) runs, each a new process
 * (start-up and loading the town tables included); then one run on 1,000,000 rows for peak memory.
 *
 * The naive baseline, in this process on the same addresses: a linear scan over the town list (every
 * 市区町村 + 町丁目 name looked for in the NFKC address, the longest found wins), timed on 1,000
 * addresses and scaled; its share of right towns is reported too.
 *
 *   npx tsx bench/geocode.bench.ts        (or npm run bench -- geocode)
 *   BENCH_QUICK=1 npx tsx bench/geocode.bench.ts   (10,000 addresses, no 1M run)
 *
 * Data is written once to bench/output/geocode/ (gitignored) and reused.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, statSync, writeSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { testAddresses, type TestAddress } from '../src/lib/core/geocode/test-addresses';
import type { TownIndex, TownPrefectureFile } from '../src/lib/core/geocode/town-data';
import { decodeTownRows } from '../src/lib/core/geocode/town-data';
import { machine, QUICK } from './lib/measure';
import { toMarkdown, type BenchResult } from './lib/report';

export const name = 'geocode: cluster-map geocode, whole command';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIR = join(ROOT, 'bench/output/geocode');
const BIN = join(ROOT, 'bin/cluster-map.js');
const TOWNS = join(ROOT, 'geodata/towns');
const TRADES = ['製作所', '工業', '精機', '金型', '電機', '技研', '鍍金'];
const INDUSTRIES = ['金属製品', '生産用機械', '電子部品', '繊維', '輸送用機械'];

function townData(): { index: TownIndex; files: TownPrefectureFile[] } {
	const index = JSON.parse(readFileSync(join(TOWNS, 'index.json'), 'utf8')) as TownIndex;
	const files = index.prefectures.map((p) => JSON.parse(readFileSync(join(TOWNS, `${p.code}.json`), 'utf8')) as TownPrefectureFile);
	return { index, files };
}

const csvCell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** id,会社名,住所,業種 — written in blocks of 100,000 (each its own seed) so memory stays small. */
function writeAddresses(path: string, count: number, data: ReturnType<typeof townData>): void {
	const fd = openSync(`${path}.partial`, 'w');
	writeSync(fd, 'id,会社名,住所,業種\n');
	for (let block = 0; block * 100_000 < count; block++) {
		const set = testAddresses(data.index, data.files, Math.min(100_000, count - block * 100_000), 20261206 + block);
		const lines = set.map((t, i) => {
			const n = block * 100_000 + i + 1;
			return `F${n},${'光栄松星東和丸栄'[n % 8]}${TRADES[n % TRADES.length]},${csvCell(t.address)},${INDUSTRIES[n % INDUSTRIES.length]}`;
		});
		writeSync(fd, lines.join('\n') + '\n');
	}
	closeSync(fd);
	renameSync(`${path}.partial`, path);
}

function dataset(count: number, data: () => ReturnType<typeof townData>): string {
	mkdirSync(DIR, { recursive: true });
	const path = join(DIR, `addresses-${count}.csv`);
	if (!existsSync(path)) {
		process.stderr.write(`writing ${path}…\n`);
		writeAddresses(path, count, data());
	}
	return path;
}

interface Sample {
	wallS: number;
	cpuS: number;
	rssMb: number;
	levels: string;
}

function runCli(firms: string, count: number, threads?: number): Sample {
	const started = performance.now();
	const threadArgs = threads === undefined ? [] : ['--threads', String(threads)];
	const child = spawnSync(process.execPath, [BIN, 'geocode', '--firms', firms, '--out', join(DIR, 'out.csv'), '--stats', ...threadArgs], { encoding: 'utf8', maxBuffer: 1 << 24 });
	const wallS = (performance.now() - started) / 1000;
	if (child.status !== 0) throw new Error(`cluster-map failed (${child.status}): ${child.stderr}`);
	if (!child.stderr.includes(`rows read: ${count.toLocaleString('en')}`)) throw new Error(`unexpected summary:\n${child.stderr}`);
	const stats = JSON.parse(/^stats (.*)$/m.exec(child.stderr)?.[1] ?? '{}') as { cpu_ms: number; max_rss_mb: number };
	return { wallS, cpuS: stats.cpu_ms / 1000, rssMb: stats.max_rss_mb, levels: /^by level: (.*)$/m.exec(child.stderr)?.[1] ?? '' };
}

/** The naive matcher: every town of Japan tried against the address, longest name found wins. */
function naiveBaseline(data: ReturnType<typeof townData>, set: TestAddress[]): { perSecond: number; right: number } {
	const towns: { key: string; match: string }[] = [];
	for (const f of data.files) {
		for (const m of f.municipalities) {
			for (const r of decodeTownRows(m)) if (r.koaza === '') towns.push({ key: (m.name + r.town).normalize('NFKC'), match: f.name + m.name + r.town });
		}
	}
	const started = performance.now();
	let right = 0;
	for (const t of set) {
		const address = t.address.normalize('NFKC').replace(/\s/g, '');
		let best: { key: string; match: string } | null = null;
		for (const town of towns) if (address.includes(town.key) && (!best || town.key.length > best.key.length)) best = town;
		if (best && t.match.startsWith(best.match)) right++;
	}
	return { perSecond: set.length / ((performance.now() - started) / 1000), right: right / set.length };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const seconds = (s: number) => `${s.toFixed(2)} s`;

/** Runs the benchmark and hands the runner one table. */
export async function run(report: (result: BenchResult) => void = print): Promise<void> {
	const runs = QUICK ? 1 : Number(process.env.BENCH_RUNS ?? 3);
	const count = QUICK ? 10_000 : 100_000;
	let loaded: ReturnType<typeof townData> | null = null;
	const data = () => (loaded ??= townData());
	const firms = dataset(count, data);
	const load = () => loadavg()[0].toFixed(1);
	const set = testAddresses(data().index, data().files, 1000, 7);
	const naive = naiveBaseline(data(), set);
	const rows: (string | number)[][] = [];
	let levels = '';
	// One thread per core, then --threads 1, in the same run.
	for (const threads of [availableParallelism(), 1]) {
		const loadBefore = load();
		runCli(firms, count, threads); // warm-up: file cache
		const samples = Array.from({ length: runs }, () => runCli(firms, count, threads));
		const wall = samples.map((s) => s.wallS);
		levels = samples[0].levels;
		rows.push([
			`${count.toLocaleString('en')} addresses (${(statSync(firms).size / 1e6).toFixed(1)} MB CSV), --threads ${threads}`,
			seconds(median(wall)),
			`${seconds(Math.min(...wall))} – ${seconds(Math.max(...wall))}`,
			seconds(median(samples.map((s) => s.cpuS))),
			`${median(samples.map((s) => s.rssMb))} MB`,
			Math.round(count / median(wall)).toLocaleString('en'),
			`${loadBefore} → ${load()}`,
			threads === 1 ? '—' : `${Math.round(naive.perSecond).toLocaleString('en')} addresses/s (${(count / naive.perSecond).toFixed(0)} s for ${count.toLocaleString('en')}; ${((count / naive.perSecond) / median(wall)).toFixed(0)}× slower), right town ${(100 * naive.right).toFixed(1)} %`
		]);
	}
	if (!QUICK) {
		const million = dataset(1_000_000, data);
		const loadBefore = load();
		const s = runCli(million, 1_000_000);
		rows.push([`1,000,000 addresses (${(statSync(million).size / 1e6).toFixed(0)} MB CSV), one run`, seconds(s.wallS), '—', seconds(s.cpuS), `${s.rssMb} MB`, Math.round(1e6 / s.wallS).toLocaleString('en'), `${loadBefore} → ${load()}`, '—']);
	}
	report({
		title: name,
		columns: ['input', 'wall time (median)', 'spread (min – max)', 'CPU time (median)', 'peak memory (RSS)', 'addresses / s', 'load (1 min)', 'naive baseline (linear scan over the towns)'],
		rows,
		notes: [
			`Levels found (${count.toLocaleString('en')}): ${levels}.`,
			`${runs} runs after a warm-up, each a new process (start-up, reading the town index and compiling all 47 prefecture files included, in every worker thread); the addresses cover every prefecture. One thread unless --threads asks for more; the load column is the 1-minute load average before and after each row's runs.`,
			`Naive baseline timed on 1,000 addresses in this process and scaled.`,
			`Machine: ${machine()}, when done.`,
			`Command: node bin/cluster-map.js geocode --firms bench/output/geocode/addresses-${count}.csv --out bench/output/geocode/out.csv`
		]
	});
}

function print(result: BenchResult): void {
	console.log(toMarkdown(result));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
