/**
 * Runs every bench/*.bench.ts module in turn (alphabetical order), prints each results table as
 * it comes, and writes them all to bench/output/results.md.
 *
 *   npm run bench                       full size (1,000,000 firms)
 *   BENCH_QUICK=1 npm run bench         small smoke run
 *   BENCH_NATIONAL=1 npm run bench      adds 5,000,000 firms
 *   npm run bench -- classify nearest   only modules whose file name contains a word
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { machine } from './lib/measure';
import { toMarkdown, type BenchModule, type BenchResult } from './lib/report';

const here = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
	.filter((file) => file.endsWith('.bench.ts'))
	.filter((file) => only.length === 0 || only.some((word) => file.includes(word)))
	.sort();

const sections: string[] = [];
const started = new Date();
console.log(`Benchmarks: ${files.join(', ')}\nMachine: ${machine()}\n`);
const failed: string[] = [];
for (const file of files) {
	// One failing benchmark is reported and the others still run.
	try {
		const module = (await import(pathToFileURL(join(here, file)).href)) as BenchModule;
		console.error(`running ${module.name}…`);
		await module.run((result: BenchResult) => {
			const text = toMarkdown(result);
			console.log(text);
			sections.push(text);
		});
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		console.error(`${file} failed: ${message}`);
		sections.push(`### ${file}\n\nFailed: ${message}\n`);
		failed.push(file);
	}
}

const header = `# Benchmark results\n\n${started.toISOString()}; ${machine()}.\n${process.env.BENCH_QUICK === '1' ? '\n**BENCH_QUICK=1: smoke-test sizes, not representative.**\n' : ''}`;
mkdirSync(join(here, 'output'), { recursive: true });
writeFileSync(join(here, 'output', 'results.md'), [header, ...sections].join('\n'));
console.log(`written: bench/output/results.md`);
if (failed.length > 0) {
	console.error(`failed: ${failed.join(', ')}`);
	process.exitCode = 1;
}
