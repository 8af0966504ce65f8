/**
 * The browser import's engine side on 1,000,000 firms (≈ 70 MB of CSV with Japanese names, a few
 * quoted cells, 17 columns, a few bad rows): `previewImport` (first megabyte, column guess) and
 * `importFirms` (every row decoded into the FirmTable the map draws, problems listed), run here in
 * Node on the same code the import worker runs, the file arriving in 1 MiB chunks as from
 * `File.stream()`. The whole file is in memory first, so disk time is not counted.
 *
 * The naive baseline is the loader of the bundled sample before the import existed:
 * `papaFirmTable` (bench/lib), Papa Parse on the whole text at once (it needs the text decoded first).
 *
 *   npx tsx bench/import.bench.ts          (or npm run bench -- import)
 *   BENCH_QUICK=1 npx tsx bench/import.bench.ts   (50,000 firms, one run)
 *
 * Data is written once to bench/output/import/ (gitignored) and reused.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { packedRowsTransfer } from '../src/lib/core/io/packed-rows';
import { FirmTiles, firmPoints, mercatorX, mercatorY } from '../src/lib/data/firm-tiles';
import { codeAt, type FirmTable } from '../src/lib/core/firm-table';
import { importFirms } from '../src/lib/data/import-firms';
import { previewImport } from '../src/lib/data/import-preview';
import { bytesSource } from '../src/lib/data/import-source';
import { firmsCsv } from './lib/import-data';
import { papaFirmTable } from './lib/papa-firm-table';
import { machine, ms, QUICK } from './lib/measure';
import { toMarkdown, type BenchResult } from './lib/report';

export const name = 'import: firms CSV into the map sample (browser import, engine side)';

/** User + system CPU time since `from`, in ms: less disturbed than wall time on a shared machine. */
const cpuMs = (from: NodeJS.CpuUsage) => {
	const used = process.cpuUsage(from);
	return (used.user + used.system) / 1000;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/**
 * The firms on the map. As objects (what `setData` with a FeatureCollection does: a structured
 * clone of every feature, on the page, then MapLibre's worker indexes them all), or as the app
 * does it: a k-d tree built in the tiles worker (`FirmTiles`), then only the tiles in view cut.
 * Timed: the tree, and every zoom-5 tile over the firms (a view of all Japan).
 */
function mapTiles(sample: FirmTable): { objectsMs: number; indexMs: number; overviewMs: number; overviewTiles: number } {
	let start = performance.now();
	const features = Array.from(sample.lon, (x, i) => ({ type: 'Feature', id: i, properties: { i, c: codeAt(sample.industry, i) }, geometry: { type: 'Point', coordinates: [x, sample.lat[i]] } }));
	structuredClone({ type: 'FeatureCollection', features });
	const objectsMs = performance.now() - start;
	start = performance.now();
	const tiles = new FirmTiles(firmPoints(sample));
	const indexMs = performance.now() - start;
	start = performance.now();
	const z = 5;
	const tileOf = (m: number) => Math.floor(m * 2 ** z);
	let lonMin = Infinity, lonMax = -Infinity, latMin = Infinity, latMax = -Infinity;
	for (let i = 0; i < sample.lon.length; i++) {
		lonMin = Math.min(lonMin, sample.lon[i]);
		lonMax = Math.max(lonMax, sample.lon[i]);
		latMin = Math.min(latMin, sample.lat[i]);
		latMax = Math.max(latMax, sample.lat[i]);
	}
	let overviewTiles = 0;
	for (let x = tileOf(mercatorX(lonMin)); x <= tileOf(mercatorX(lonMax)); x++) {
		for (let y = tileOf(mercatorY(latMax)); y <= tileOf(mercatorY(latMin)); y++) {
			tiles.tile(z, x, y);
			overviewTiles++;
		}
	}
	return { objectsMs, indexMs, overviewMs: performance.now() - start, overviewTiles };
}

export async function run(report: (result: BenchResult) => void = (r) => console.log(toMarkdown(r))): Promise<void> {
	const runs = QUICK ? 1 : Number(process.env.BENCH_RUNS ?? 3);
	const count = QUICK ? 50_000 : 1_000_000;
	const bytes = new Uint8Array(readFileSync(firmsCsv(count)));
	const file = `firms-${count}.csv`;
	const times = { preview: [] as number[], import: [] as number[], importCpu: [] as number[], handOver: [] as number[], mapObjects: [] as number[], mapIndex: [] as number[], mapOverview: [] as number[], baseline: [] as number[], baselineCpu: [] as number[] };
	let placed = 0;
	let problems = 0;
	let heapMb = 0;
	for (let i = 0; i <= runs; i++) {
		const source = bytesSource(file, bytes, { chunkBytes: 1 << 20 });
		let start = performance.now();
		const { preview } = await previewImport(source);
		const previewMs = performance.now() - start;
		start = performance.now();
		let cpu = process.cpuUsage();
		const result = await importFirms(source, { mapping: preview.guess });
		const importMs = performance.now() - start;
		const importCpu = cpuMs(cpu);
		heapMb = Math.max(heapMb, process.memoryUsage().heapUsed / 2 ** 20);
		// The worker's reply to the page: the same V8 serializer as postMessage, typed arrays transferred.
		start = performance.now();
		const { lon, lat, rows, industry } = result.table;
		const onPage = structuredClone(result, { transfer: [lon.buffer, lat.buffer, industry.index.buffer, ...packedRowsTransfer(rows)] });
		const handOverMs = performance.now() - start;
		const map = mapTiles(onPage.table);
		placed = result.table.rows.count;
		problems = result.problems.length;
		start = performance.now();
		cpu = process.cpuUsage();
		const naive = papaFirmTable(new TextDecoder().decode(bytes), { file });
		const baselineMs = performance.now() - start;
		const baselineCpu = cpuMs(cpu);
		if (naive.rows.count !== placed) throw new Error(`the baseline placed ${naive.rows.count} firms, the import ${placed}`);
		if (i === 0) continue; // warm-up
		times.preview.push(previewMs);
		times.import.push(importMs);
		times.handOver.push(handOverMs);
		times.mapObjects.push(map.objectsMs);
		times.mapIndex.push(map.indexMs);
		times.mapOverview.push(map.overviewMs);
		times.baseline.push(baselineMs);
		times.importCpu.push(importCpu);
		times.baselineCpu.push(baselineCpu);
	}
	const spreadOf = (xs: number[]) => `${ms(Math.min(...xs))} – ${ms(Math.max(...xs))}`;
	report({
		title: name,
		columns: ['input', 'preview (median)', 'import (median)', 'spread', 'import CPU time', 'rows / s', 'heap after import', 'hand-over to the page', 'map tiles (worker): k-d tree / all of Japan at zoom 5', 'naive baseline (Papa Parse, whole text)'],
		rows: [
			[
				`${count.toLocaleString('en')} firms (${(bytes.length / 1e6).toFixed(0)} MB CSV)`,
				ms(median(times.preview)),
				ms(median(times.import)),
				spreadOf(times.import),
				ms(median(times.importCpu)),
				Math.round(count / (median(times.import) / 1000)).toLocaleString('en'),
				`${heapMb.toFixed(0)} MB`,
				`${ms(median(times.handOver))} (${spreadOf(times.handOver)})`,
				`${ms(median(times.mapIndex))} / ${ms(median(times.mapOverview))}; as GeoJSON objects the page alone would clone them for ${ms(median(times.mapObjects))}`,
				`${ms(median(times.baseline))}, CPU ${ms(median(times.baselineCpu))} (${spreadOf(times.baseline)})`
			]
		],
		notes: [
			`${placed.toLocaleString('en')} firms placed, ${problems.toLocaleString('en')} rows listed with a problem; ${runs} runs after a warm-up.`,
			'In the app this runs in the import worker: the page stays responsive, gets a progress message per 4 MB batch, and can cancel between batches. Not counted: reading the file from disk. The hand-over is the structured clone of the reply of the worker (what postMessage does), typed arrays transferred.',
			`Machine: ${machine()}, when done.`
		]
	});
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await run();
