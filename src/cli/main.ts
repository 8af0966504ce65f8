import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// Only what every command needs is imported here; each command's modules (and the engine, the
// readers and their packages) are imported when that command runs, so `--help` starts at once.
import { InputError } from '../lib/core/io/input-error';
import { CLASSIFY_HELP, COMPARE_HELP, GEOCODE_HELP, HOTSPOTS_HELP, MAIN_HELP } from './help';
import { joinNegativeValues } from './negative-values';
import { packageRoot } from './package-root';
import { UsageError } from './usage-error';

export interface Console {
	stdout: (text: string) => void;
	stderr: (line: string) => void;
}

const nodeConsole: Console = {
	stdout: (text) => process.stdout.write(text),
	stderr: (line) => process.stderr.write(`${line}\n`)
};

/**
 * The `cluster-map` command. Returns the exit status: 0 done, 2 a command line or input file that
 * cannot be used (one line says what to fix), 1 an unexpected failure (a short message asking for
 * a report; the stack only with CLUSTER_MAP_DEBUG=1).
 *
 * @example
 * process.exitCode = await main(process.argv.slice(2));
 */
export async function main(argv: string[], io: Console = nodeConsole): Promise<number> {
	// Every command reads `--seed -1` as a value (out of range), not as an unknown option.
	const [command, ...rest] = joinNegativeValues(argv);
	let stats = false;
	const started = performance.now();
	try {
		if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
			io.stdout(MAIN_HELP);
			return command === undefined ? 2 : 0;
		}
		if (command === '--version' || command === '-v') {
			io.stdout(`${version()}\n`);
			return 0;
		}
		if (command === 'compare') {
			const [{ parseCompareArgs }, { runCompare }] = await Promise.all([import('./compare-args'), import('./compare-command')]);
			const args = parseCompareArgs(rest);
			if (args.help) {
				io.stdout(COMPARE_HELP);
				return 0;
			}
			await runCompare(args, io);
			return 0;
		}
		if (command === 'geocode') {
			const [{ parseGeocodeArgs }, { runGeocode }] = await Promise.all([import('./geocode-args'), import('./geocode-command')]);
			const args = parseGeocodeArgs(rest);
			stats = args.stats;
			if (args.help) {
				io.stdout(GEOCODE_HELP);
				return 0;
			}
			await runGeocode(args, io.stderr);
			return 0;
		}
		if (command === 'hotspots') {
			const [{ parseHotspotsArgs }, { runHotspots }] = await Promise.all([import('./hotspots-args'), import('./hotspots-command')]);
			const args = parseHotspotsArgs(rest);
			if (args.help) {
				io.stdout(HOTSPOTS_HELP);
				return 0;
			}
			await runHotspots(args, io.stderr);
			return 0;
		}
		if (command !== 'classify') throw new UsageError(command.startsWith('-') ? `unknown option ${command} (a command comes first: cluster-map classify …)` : `unknown command "${command}"`);
		const [{ parseClassifyArgs }, { startClassify }] = await Promise.all([import('./classify-args'), import('./classify-start')]);
		const args = parseClassifyArgs(rest);
		stats = args.stats;
		if (args.help) {
			io.stdout(CLASSIFY_HELP);
			return 0;
		}
		// The engine starts (in its thread, reading the zones) before the command's modules load.
		const start = startClassify(args, io.stderr);
		const { runClassify } = await import('./classify-command').catch(async (error: unknown) => {
			await start.engine?.close();
			throw error;
		});
		await runClassify(args, io.stderr, start);
		return 0;
	} catch (error) {
		if (error instanceof UsageError) {
			io.stderr(`cluster-map: ${error.message}. See cluster-map ${command === 'classify' || command === 'compare' || command === 'geocode' || command === 'hotspots' ? `${command} ` : ''}--help.`.replace('.. See', '. See'));
			return 2;
		}
		if (error instanceof InputError) {
			io.stderr(`cluster-map: ${error.describe()}`);
			return 2;
		}
		const message = error instanceof Error ? error.message : String(error);
		io.stderr(`cluster-map: unexpected error: ${message}`);
		io.stderr('This is a bug in cluster-map; please report it with the command you ran (run again with CLUSTER_MAP_DEBUG=1 for details).');
		if (process.env.CLUSTER_MAP_DEBUG && error instanceof Error && error.stack) io.stderr(error.stack);
		return 1;
	} finally {
		if (stats) {
			const wallMs = Math.round(performance.now() - started);
			const usage = process.resourceUsage();
			const cpuMs = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000);
			io.stderr(`stats ${JSON.stringify({ wall_ms: wallMs, cpu_ms: cpuMs, max_rss_mb: Math.round(usage.maxRSS / 1024) })}`);
		}
	}
}

function version(): string {
	const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
	return `cluster-map ${pkg.version}`;
}
