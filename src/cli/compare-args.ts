import { parseArgs } from 'node:util';
import { DEFAULT_DISTANCE_BREAKS } from '../lib/core/stats/compare';
import { describeParseError } from './classify-args';
import { UsageError } from './usage-error';

export type CompareTable = 'comparison' | 'linkage' | 'regression';
export type CompareGrouping = { kind: 'inside-outside' } | { kind: 'each-zone' } | { kind: 'zone-vs-rest'; zoneId: string };

export interface CompareArgs {
	firms: string;
	zones: string;
	institutions?: string;
	outcomes: string[];
	grouping: CompareGrouping;
	table: CompareTable;
	breaks: number[];
	permutations: number;
	seed: number;
	format: 'table' | 'csv';
	/** Survey columns of the linkage variables and controls; undefined = the sample's names when present. */
	communication?: string;
	subcontractor?: string;
	employees?: string;
	industry?: string;
	/** Industries with fewer firms pooled into "other" in the regression. */
	minIndustryFirms: number;
	help: boolean;
}

/**
 * The arguments of `cluster-map compare`, checked: firms, zones and at least one outcome column;
 * --bands increasing positive kilometres; --permutations and --seed whole numbers; --group one
 * of inside, each or zone:ID; --table linkage or regression only with what they need.
 *
 * @throws UsageError naming the flag and what it needs
 * @example
 * parseCompareArgs(['--firms', 'f.csv', '--zones', 'district:ota', '--outcome', 'new_products']);
 */
export function parseCompareArgs(argv: string[]): CompareArgs {
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
				outcome: { type: 'string' },
				group: { type: 'string' },
				table: { type: 'string' },
				bands: { type: 'string' },
				permutations: { type: 'string' },
				seed: { type: 'string' },
				format: { type: 'string' },
				communication: { type: 'string' },
				subcontractor: { type: 'string' },
				employees: { type: 'string' },
				industry: { type: 'string' },
				'min-industry-firms': { type: 'string' },
				help: { type: 'boolean', short: 'h' }
			}
		}));
	} catch (error) {
		throw new UsageError(describeParseError(error));
	}
	const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
	const base = { minIndustryFirms: 0, breaks: [...DEFAULT_DISTANCE_BREAKS], permutations: 10_000, seed: 1, format: 'table' as const, table: 'comparison' as const, grouping: { kind: 'inside-outside' as const } };
	if (values.help === true) return { ...base, firms: '', zones: '', outcomes: [], help: true };
	const required = (name: string, what: string) => {
		const value = text(name);
		if (value === undefined || value.trim() === '') throw new UsageError(`--${name} is required: ${what}`);
		return value;
	};
	const firms = required('firms', 'the firms file (CSV or GeoJSON points) with the survey columns');
	const zones = required('zones', 'a GeoJSON file of zone polygons, or district:<id>, municipality:<code> or prefecture:<code> (e.g. district:ota)');
	const outcomes = required('outcome', 'one or more outcome columns, comma-separated (e.g. new_products,patents_3y)')
		.split(',')
		.map((s) => s.trim())
		.filter((s) => s !== '');
	if (outcomes.length === 0) throw new UsageError('--outcome needs at least one column name');
	const institutions = text('institutions');

	const whole = (name: string, fallback: number, min: number) => {
		const value = text(name);
		if (value === undefined) return fallback;
		if (!/^\s*\d+\s*$/.test(value) || Number(value) < min || Number(value) > 0xffffffff) throw new UsageError(`--${name} must be a whole number${min > 0 ? ` of at least ${min}` : ''}, not "${value}"`);
		return Number(value);
	};
	const permutations = whole('permutations', base.permutations, 0);
	const seed = whole('seed', base.seed, 0);
	const minIndustryFirms = whole('min-industry-firms', 0, 0);

	let breaks = base.breaks;
	const bands = text('bands');
	if (bands !== undefined) {
		breaks = bands.split(',').map((s) => (/^\s*(\d+(\.\d*)?|\.\d+)\s*$/.test(s) ? Number(s) : NaN));
		if (breaks.some((b, i) => !(b > 0) || (i > 0 && b <= breaks[i - 1]))) throw new UsageError(`--bands must be increasing distances in km, comma-separated, such as 2,5,10,20 — not "${bands}"`);
	}

	const format = text('format') ?? 'table';
	if (format !== 'table' && format !== 'csv') throw new UsageError(`--format must be table or csv, not "${format}"`);
	const table = text('table') ?? 'comparison';
	if (table !== 'comparison' && table !== 'linkage' && table !== 'regression') throw new UsageError(`--table must be comparison, linkage or regression, not "${table}"`);

	const group = (text('group') ?? 'inside').trim();
	let grouping: CompareGrouping;
	if (group === 'inside') grouping = { kind: 'inside-outside' };
	else if (group === 'each') grouping = { kind: 'each-zone' };
	else if (/^zone:.+/.test(group)) grouping = { kind: 'zone-vs-rest', zoneId: group.slice('zone:'.length) };
	else throw new UsageError(`--group must be inside (inside vs outside any zone), each (each zone vs outside) or zone:ID (one zone vs the rest), not "${group}"`);
	if (table === 'regression' && grouping.kind !== 'inside-outside') throw new UsageError('--table regression uses inside vs outside any zone; leave out --group');

	return {
		firms,
		zones,
		institutions,
		outcomes,
		grouping,
		table,
		breaks,
		permutations,
		seed,
		format,
		communication: text('communication'),
		subcontractor: text('subcontractor'),
		employees: text('employees'),
		industry: text('industry'),
		minIndustryFirms,
		help: false
	};
}
