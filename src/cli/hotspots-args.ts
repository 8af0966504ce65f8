import { parseArgs } from 'node:util';
import type { MeshLevel } from '../lib/core/density/jis-mesh';
import { MAX_PERMUTATIONS } from '../lib/core/stats/hotspots';
import { describeParseError } from './classify-args';
import { UsageError } from './usage-error';

/** The grid of a hot-spot run: a JIS X 0410 mesh level, or hexagons of a side in metres. */
export type HotspotCells = { kind: 'mesh'; level: MeshLevel; name: string } | { kind: 'hex'; sizeMetres: number; name: string };

export interface HotspotsArgs {
	firms: string;
	industry?: string;
	cells: HotspotCells;
	permutations: number;
	seed: number;
	out: string;
	format: 'csv' | 'geojson';
	help: boolean;
}

/** mesh1 … mesh5: the 1st (80 km), 2nd (10 km), 3rd (1 km), half (500 m) and quarter (250 m) mesh. */
const MESH_NAMES: Record<string, MeshLevel> = { mesh1: 'first', mesh2: 'second', mesh3: 'third', mesh4: 'half', mesh5: 'quarter' };
/** Hexagons smaller than this are finer than the firms' coordinates are exact. */
const MIN_HEX_METRES = 10;

/**
 * The arguments of `cluster-map hotspots`, checked: --firms, --cells and --out present, --cells
 * one of mesh1 … mesh5 or hex:METRES, --permutations 0 … 99,999 and --seed whole numbers, --out
 * ending in .csv or .geojson.
 *
 * @throws UsageError naming the flag and what it needs
 * @example
 * parseHotspotsArgs(['--firms', 'f.csv', '--cells', 'mesh3', '--out', 'cells.csv']);
 */
export function parseHotspotsArgs(argv: string[]): HotspotsArgs {
	let values: Record<string, string | boolean | undefined>;
	try {
		({ values } = parseArgs({
			args: argv,
			strict: true,
			allowPositionals: false,
			options: {
				firms: { type: 'string' },
				industry: { type: 'string' },
				cells: { type: 'string' },
				permutations: { type: 'string' },
				seed: { type: 'string' },
				out: { type: 'string' },
				help: { type: 'boolean', short: 'h' }
			}
		}));
	} catch (error) {
		throw new UsageError(describeParseError(error));
	}
	const base = { permutations: 9_999, seed: 1, format: 'csv' as const, cells: { kind: 'mesh' as const, level: 'third' as const, name: 'mesh3' } };
	if (values.help === true) return { ...base, firms: '', out: '', help: true };
	const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
	const required = (name: string, what: string) => {
		const value = text(name);
		if (value === undefined || value.trim() === '') throw new UsageError(`--${name} is required: ${what}`);
		return value;
	};
	const firms = required('firms', 'the firms file (CSV or GeoJSON points)');
	const cells = parseCells(required('cells', 'the grid: mesh1, mesh2, mesh3, mesh4, mesh5 or hex:METRES (e.g. hex:500)'));
	const out = required('out', 'the output file, .csv or .geojson');
	const whole = (name: string, fallback: number, max: number) => {
		const value = text(name);
		if (value === undefined) return fallback;
		if (!/^\s*\d+\s*$/.test(value) || Number(value) > max) throw new UsageError(`--${name} must be a whole number from 0 to ${max.toLocaleString('en')}, not "${value}"`);
		return Number(value);
	};
	const permutations = whole('permutations', base.permutations, MAX_PERMUTATIONS);
	const seed = whole('seed', base.seed, 0xffffffff);
	const industry = text('industry');
	if (industry !== undefined && industry.trim() === '') throw new UsageError('--industry needs a code, such as 25 (the value of the firms\u2019 industry column)');
	const extension = /\.([a-z0-9]+)$/i.exec(out)?.[1]?.toLowerCase();
	const format = extension === 'csv' ? 'csv' : extension === 'geojson' || extension === 'json' ? 'geojson' : null;
	if (format === null) throw new UsageError(`--out must end in .csv or .geojson (the format is chosen by extension), not "${out}"`);
	return { firms, industry: industry?.trim(), cells, permutations, seed, out, format, help: false };
}

function parseCells(text: string): HotspotCells {
	const name = text.trim().toLowerCase();
	if (name in MESH_NAMES) return { kind: 'mesh', level: MESH_NAMES[name], name };
	const hex = /^hex:\s*(\d+(\.\d*)?)$/.exec(name);
	if (hex !== null && Number(hex[1]) >= MIN_HEX_METRES) return { kind: 'hex', sizeMetres: Number(hex[1]), name: `hex:${Number(hex[1])}` };
	if (hex !== null) throw new UsageError(`--cells ${text}: hexagons need a side of at least ${MIN_HEX_METRES} metres`);
	throw new UsageError(`--cells must be mesh1 (80 km), mesh2 (10 km), mesh3 (1 km), mesh4 (500 m), mesh5 (250 m) or hex:METRES (hexagon side, e.g. hex:500), not "${text}"`);
}
