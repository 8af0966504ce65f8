import { parseArgs } from 'node:util';
import { DEFAULT_MIN_LEVEL, type GeocodeLevel } from '../lib/core/geocode/levels';
import type { InstitutionField, InstitutionType } from '../lib/core/model';
import { parseMinLevel } from './geocode-args';
import { parseFields, parseTypes } from './institution-args';
import { parseThreads } from './threads';
import { UsageError } from './usage-error';

export interface ClassifyArgs {
	firms: string;
	zones: string;
	institutions?: string;
	/** Only institutions of these types (`--institution-types`). */
	institutionTypes?: InstitutionType[];
	/** Only institutions with one of these fields (`--institution-fields`). */
	institutionFields?: InstitutionField[];
	/** Append the nearest institution of each type present (`--nearest-by-type`). */
	nearestByType: boolean;
	bufferKm?: number;
	out: string;
	format: 'csv' | 'geojson';
	/** Read the firms' latitude column as longitude and the reverse (CSV). */
	swapLatLon: boolean;
	/** For a CSV with addresses and no coordinates: the address column (else found by name). */
	addressColumn?: string;
	/** For a CSV with addresses and no coordinates: the least precise level placed. */
	minLevel: GeocodeLevel;
	help: boolean;
	/** Hidden: print wall time, CPU time and peak memory as JSON on the last stderr line (for benchmarks). */
	stats: boolean;
	/** List every zone repair instead of the first twenty. */
	verbose: boolean;
	/** Threads that read, classify and write (`--threads`); undefined: chosen by input size and cores. */
	threads?: number;
}

/**
 * The arguments of `cluster-map classify`, checked: required flags present, --buffer-km a
 * non-negative number and only with --institutions, --out ending in .csv or .geojson.
 *
 * @throws UsageError naming the flag and what it needs
 * @example
 * parseClassifyArgs(['--firms', 'f.csv', '--zones', 'district:ota', '--out', 'o.csv']);
 */
export function parseClassifyArgs(argv: string[]): ClassifyArgs {
	let values: Record<string, string | boolean | undefined>;
	try {
		({ values } = parseArgs({
			args: argv,
			strict: true,
			allowPositionals: false,
			options: {
				firms: { type: 'string' },
				zones: { type: 'string' },
				institutions: { type: 'string' },
				'institution-types': { type: 'string' },
				'institution-fields': { type: 'string' },
				'nearest-by-type': { type: 'boolean' },
				'buffer-km': { type: 'string' },
				out: { type: 'string' },
				'swap-lat-lon': { type: 'boolean' },
				'address-column': { type: 'string' },
				'min-level': { type: 'string' },
				help: { type: 'boolean', short: 'h' },
				stats: { type: 'boolean' },
				verbose: { type: 'boolean' },
				threads: { type: 'string' }
			}
		}));
	} catch (error) {
		throw new UsageError(describeParseError(error));
	}
	const help = values.help === true;
	const stats = values.stats === true;
	const verbose = values.verbose === true;
	const swapLatLon = values['swap-lat-lon'] === true;
	const nearestByType = values['nearest-by-type'] === true;
	if (help) return { firms: '', zones: '', out: '', format: 'csv', swapLatLon, minLevel: DEFAULT_MIN_LEVEL, help, stats, verbose, nearestByType };
	const required = (name: 'firms' | 'zones' | 'out', what: string) => {
		const value = values[name];
		if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} is required: ${what}`);
		return value;
	};
	const firms = required('firms', 'the firms file (CSV or GeoJSON points)');
	const zones = required('zones', 'a GeoJSON file of zone polygons, or district:<id>, municipality:<code> or prefecture:<code> (e.g. district:ota)');
	const out = required('out', 'the output file, .csv or .geojson');
	const institutions = typeof values.institutions === 'string' ? values.institutions : undefined;
	for (const option of ['institution-types', 'institution-fields', 'nearest-by-type'] as const) {
		if (values[option] !== undefined && institutions === undefined) throw new UsageError(`--${option} needs --institutions (e.g. --institutions bundled)`);
	}
	const institutionTypes = typeof values['institution-types'] === 'string' ? parseTypes(values['institution-types']) : undefined;
	const institutionFields = typeof values['institution-fields'] === 'string' ? parseFields(values['institution-fields']) : undefined;
	let bufferKm: number | undefined;
	if (typeof values['buffer-km'] === 'string') {
		const text = values['buffer-km'];
		if (institutions === undefined) throw new UsageError('--buffer-km needs --institutions: the buffer is measured from the nearest institution');
		bufferKm = /^\s*\d+(\.\d*)?\s*$|^\s*\.\d+\s*$/.test(text) ? Number(text) : NaN;
		if (!Number.isFinite(bufferKm)) throw new UsageError(`--buffer-km must be a distance in kilometres such as 5 or 2.5, not "${text}"`);
	}
	const extension = /\.([a-z0-9]+)$/i.exec(out)?.[1]?.toLowerCase();
	const format = extension === 'csv' ? 'csv' : extension === 'geojson' || extension === 'json' ? 'geojson' : null;
	if (format === null) throw new UsageError(`--out must end in .csv or .geojson (the format is chosen by extension), not "${out}"`);
	const addressColumn = typeof values['address-column'] === 'string' ? values['address-column'] : undefined;
	const minLevel = parseMinLevel(values['min-level'] as string | undefined);
	const threads = parseThreads(values.threads as string | undefined);
	return { firms, zones, institutions, institutionTypes, institutionFields, nearestByType, bufferKm, out, format, swapLatLon, addressColumn, minLevel, help, stats, verbose, threads };
}

export { joinNegativeValues } from './negative-values';

/**
 * One line for a node:util parseArgs error, naming the option.
 *
 * @example
 * describeParseError({ code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION', message: "Unknown option '--x'" }); // 'unknown option --x'
 */
export function describeParseError(error: unknown): string {
	const { code, message } = error as { code?: string; message: string };
	const option = /'([^']+)'/.exec(message)?.[1]?.split(' ')[0];
	switch (code) {
		case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
			return `unknown option ${option ?? message}`;
		case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
			return /argument missing|ambiguous/.test(message) ? `${option} needs a value` : `${option ?? 'an option'} does not take a value`;
		case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
			return `unexpected argument ${/'([^']+)'/.exec(message)?.[1] ?? ''}; every value follows its option, e.g. --firms firms.csv`.replace(' ;', ';');
		default:
			return message;
	}
}
