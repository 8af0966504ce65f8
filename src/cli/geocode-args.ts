import { parseArgs } from 'node:util';
import { DEFAULT_MIN_LEVEL, GEOCODE_LEVELS, type GeocodeLevel } from '../lib/core/geocode/levels';
import { describeParseError } from './classify-args';
import { parseThreads } from './threads';
import { UsageError } from './usage-error';

export interface GeocodeArgs {
	firms: string;
	out: string;
	format: 'csv' | 'geojson';
	addressColumn?: string;
	minLevel: GeocodeLevel;
	help: boolean;
	/** Hidden: wall time, CPU time and peak memory as JSON on the last stderr line (for benchmarks). */
	stats: boolean;
	/** Threads that read, match and write (`--threads`); undefined: chosen by input size and cores. */
	threads?: number;
}

/** Levels --min-level accepts (koaza is always placed when town is). */
export const MIN_LEVELS = GEOCODE_LEVELS.filter((l) => l !== 'koaza');

/**
 * Reads --min-level: town, municipality or prefecture.
 *
 * @throws UsageError for anything else
 */
export function parseMinLevel(text: string | undefined): GeocodeLevel {
	if (text === undefined) return DEFAULT_MIN_LEVEL;
	const level = text.trim().toLowerCase();
	if ((MIN_LEVELS as readonly string[]).includes(level)) return level as GeocodeLevel;
	throw new UsageError(`--min-level must be ${MIN_LEVELS.join(', ')}, not "${text}"`);
}

/**
 * The arguments of `cluster-map geocode`, checked.
 *
 * @throws UsageError naming the flag and what it needs
 * @example
 * parseGeocodeArgs(['--firms', 'f.csv', '--out', 'o.csv']); // { minLevel: 'town', format: 'csv', … }
 */
export function parseGeocodeArgs(argv: string[]): GeocodeArgs {
	let values: Record<string, string | boolean | undefined>;
	try {
		({ values } = parseArgs({
			args: argv,
			strict: true,
			allowPositionals: false,
			options: {
				firms: { type: 'string' },
				out: { type: 'string' },
				'address-column': { type: 'string' },
				'min-level': { type: 'string' },
				help: { type: 'boolean', short: 'h' },
				stats: { type: 'boolean' },
				threads: { type: 'string' }
			}
		}));
	} catch (error) {
		throw new UsageError(describeParseError(error));
	}
	const help = values.help === true;
	const stats = values.stats === true;
	if (help) return { firms: '', out: '', format: 'csv', minLevel: DEFAULT_MIN_LEVEL, help, stats };
	const firms = values.firms;
	if (typeof firms !== 'string' || firms.trim() === '') throw new UsageError('--firms is required: the firms file (CSV with an address column)');
	const out = values.out;
	if (typeof out !== 'string' || out.trim() === '') throw new UsageError('--out is required: the output file, .csv or .geojson');
	const extension = /\.([a-z0-9]+)$/i.exec(out)?.[1]?.toLowerCase();
	const format = extension === 'csv' ? 'csv' : extension === 'geojson' || extension === 'json' ? 'geojson' : null;
	if (format === null) throw new UsageError(`--out must end in .csv or .geojson (the format is chosen by extension), not "${out}"`);
	const addressColumn = typeof values['address-column'] === 'string' ? values['address-column'] : undefined;
	const minLevel = parseMinLevel(values['min-level'] as string | undefined);
	const threads = parseThreads(values.threads as string | undefined);
	return { firms, out, format, addressColumn, minLevel, help, stats, threads };
}
