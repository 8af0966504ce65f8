/**
 * Writes the synthetic SME sample as UTF-8 CSV (with BOM, the project's CSV convention):
 *
 *   npx tsx geodata/scripts/generate-firms.ts [--seed 20021001] [--scale 1] [--out static/generated/firms-sample.csv] [--no-bom]
 *
 * Rows are streamed, so --scale 80 (≈ 4.5 million firms) runs in constant memory; progress goes to stderr.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FirmRow, SampleGeodata } from '../../src/lib/core/sample';
import { DEFAULT_SEED, firmCsvHeader, firmCsvLines, generateFirms, sampleCounts } from '../../src/lib/core/sample';
import { readJson } from './lib/io';
import { GEODATA_DIR, REPO_DIR } from './lib/paths';

export const DEFAULT_OUT = 'static/generated/firms-sample.csv';

/** The committed geodata the generator needs. */
export function readSampleGeodata(): SampleGeodata {
	return {
		prefectures: readJson(join(GEODATA_DIR, 'prefectures.geo.json')),
		districts: readJson(join(GEODATA_DIR, 'districts.json')),
		districtPolygons: readJson(join(GEODATA_DIR, 'districts.geo.json')),
		institutions: readJson(join(GEODATA_DIR, 'institutions.geo.json'))
	};
}

interface Args {
	seed: number;
	scale: number;
	out: string;
	bom: boolean;
}

const USAGE = 'usage: generate-firms.ts [--seed <integer>] [--scale <number>] [--out <file.csv>] [--no-bom]';

/** Parses the command line; throws a message naming the bad argument. */
export function parseArgs(argv: string[]): Args {
	const args: Args = { seed: DEFAULT_SEED, scale: 1, out: DEFAULT_OUT, bom: true };
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		if (flag === '--no-bom') {
			args.bom = false;
			continue;
		}
		const value = argv[i + 1];
		if (!['--seed', '--scale', '--out'].includes(flag)) throw new Error(`unknown argument "${flag}"\n${USAGE}`);
		if (value === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
		i++;
		if (flag === '--out') args.out = value;
		else {
			const n = Number(value);
			if (!Number.isFinite(n)) throw new Error(`${flag} must be a number, got "${value}"\n${USAGE}`);
			if (flag === '--seed') args.seed = n;
			else args.scale = n;
		}
	}
	return args;
}

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	const geodata = readSampleGeodata();
	const total = sampleCounts(geodata, args).total;
	const path = resolve(REPO_DIR, args.out);
	mkdirSync(dirname(path), { recursive: true });
	const out = createWriteStream(path, { encoding: 'utf8' });
	const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
	await write((args.bom ? '\uFEFF' : '') + firmCsvHeader() + '\n');
	const started = Date.now();
	const showProgress = total >= 200_000;
	let batch: FirmRow[] = [];
	let done = 0;
	let nextReport = total / 20;
	for (const firm of generateFirms(geodata, args)) {
		batch.push(firm);
		if (batch.length === 10_000) {
			await write(firmCsvLines(batch));
			done += batch.length;
			batch = [];
			if (showProgress && done >= nextReport) {
				process.stderr.write(`${((100 * done) / total).toFixed(0)}% (${done.toLocaleString('en')} firms, ${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
				nextReport += total / 20;
			}
		}
	}
	await write(firmCsvLines(batch));
	await new Promise<void>((r, j) => out.end((err?: Error | null) => (err ? j(err) : r())));
	process.stderr.write(`wrote ${total.toLocaleString('en')} firms to ${args.out} (seed ${args.seed}, scale ${args.scale}) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	main().catch((err: Error) => {
		process.stderr.write(`generate-firms: ${err.message}\n`);
		process.exit(1);
	});
}
