import { InputError } from '../lib/core/io';
import {
	buildDesign,
	COMMUNICATION_LEVELS,
	compareOutcome,
	distanceBands,
	linkageTable,
	logitRobust,
	makeContrasts,
	olsRobust,
	parseColumn,
	readCommunication,
	yesNoFactor,
	type Contrast,
	type Factor,
	type LinkageTable,
	type OutcomeComparison,
	type ParsedColumn,
	type RegressionResult
} from '../lib/core/stats/compare';
import type { CompareArgs } from './compare-args';
import { formatComparison, formatLinkage, formatRegression } from './compare-format';
import { readComparisonData, type ComparisonData } from './compare-read';
import { loadInstitutions, loadZones } from './classify-setup';
import { UsageError } from './usage-error';

/** Unreadable cells listed one by one per column; the rest are counted. */
const LISTED_PROBLEMS = 10;
/** The sample's column names, used for linkage and controls when no flag names another. */
const DEFAULT_COLUMNS = { communication: 'rd_communication', subcontractor: 'subcontractor', employees: 'employees', industry: 'jsic_medium' } as const;

/**
 * `cluster-map compare`: reads the firms, classifies them with the engine, and prints one table —
 * the inside/outside comparison of each outcome, the linkage table (outcome by distance band,
 * communication frequency and subcontractor status) or the robust regression — to stdout.
 * Summaries and unreadable cells go to stderr.
 *
 * @throws InputError or UsageError for input that cannot be used (exit 2)
 */
export async function runCompare(args: CompareArgs, io: { stdout: (text: string) => void; stderr: (line: string) => void }): Promise<void> {
	let summary = '';
	try {
		await compare(args, io, (line) => (summary = line));
	} finally {
		// Last, so that an input error stays the only line; after the tables otherwise.
		if (summary !== '') io.stderr(summary);
	}
}

async function compare(args: CompareArgs, io: { stdout: (text: string) => void; stderr: (line: string) => void }, setSummary: (line: string) => void): Promise<void> {
	const { zones, parts } = await loadZones(args.zones, io.stderr);
	if (zones.length === 0) throw new InputError(args.zones, 'has no usable zone', { hint: 'Give at least one Polygon or MultiPolygon.' });
	const institutions = args.institutions === undefined ? null : await loadInstitutions(args.institutions, io.stderr);
	const named = (['communication', 'subcontractor', 'employees', 'industry'] as const).map((k) => args[k]).filter((c): c is string => c !== undefined);
	const optional = args.table === 'comparison' ? [] : Object.values(DEFAULT_COLUMNS);
	const data = await readComparisonData(args.firms, [...args.outcomes, ...named], { zones, zoneParts: parts, institutions }, { optional });

	const contrasts = contrastsOf(args, data, zones.map((z) => z.id), zones.map((z) => z.name));
	const unplaced = data.unplaced.reduce((s, v) => s + v, 0);
	const inside = data.inside.reduce((s, v) => s + v, 0);
	const summary = `firms: ${data.count.toLocaleString('en')} read from ${args.firms}; ${inside.toLocaleString('en')} inside a zone${unplaced > 0 ? `; ${unplaced.toLocaleString('en')} without usable coordinates, left out of every group` : ''}`;
	const outcomes = args.outcomes.map((name) => readColumn(data, name, args.firms, io.stderr));
	if (args.table === 'comparison') {
		const rows: OutcomeComparison[] = [];
		for (const outcome of outcomes) for (const contrast of contrasts) rows.push(compareOutcome(outcome, contrast, { permutations: args.permutations, seed: args.seed }));
		setSummary(summary);
		io.stdout(formatComparison(rows, { format: args.format, permutations: args.permutations, seed: args.seed }));
		return;
	}
	const column = (key: keyof typeof DEFAULT_COLUMNS) => {
		const name = args[key] ?? DEFAULT_COLUMNS[key];
		return data.cells.has(name) ? name : null;
	};
	if (args.table === 'linkage') {
		const factors: Factor[] = [];
		if (institutions !== null) factors.push(distanceBands(data.km, { breaks: args.breaks, name: 'distance to nearest institution' }));
		const comm = column('communication');
		if (comm !== null) factors.push(communication(data, comm, args.firms, io.stderr).factor);
		const sub = column('subcontractor');
		if (sub !== null) factors.push(yesNoFactor(readColumn(data, sub, args.firms, io.stderr, 'binary')));
		if (factors.length === 0) {
			throw new UsageError(`--table linkage needs --institutions (distance bands), or a communication or subcontractor column (--communication COL, --subcontractor COL; ${args.firms} has neither rd_communication nor subcontractor)`);
		}
		const tables: { contrast: Contrast; table: LinkageTable }[] = [];
		for (const outcome of outcomes) for (const factor of factors) for (const contrast of contrasts) tables.push({ contrast, table: linkageTable(outcome, factor, contrast.group) });
		setSummary(summary);
		io.stdout(formatLinkage(tables, { format: args.format }));
		return;
	}
	const [contrast] = contrasts;
	const comm = column('communication');
	const sub = column('subcontractor');
	const employees = column('employees');
	const industry = column('industry');
	const fits: { outcome: ParsedColumn; result: RegressionResult; excluded: Record<string, number>; industryReference: string | null; pooledIndustries: string[] }[] = [];
	for (const outcome of outcomes) {
		const design = buildDesign({
			y: outcome.values,
			inside: contrast.group,
			distanceKm: institutions === null ? undefined : data.km,
			communication: comm === null ? undefined : communication(data, comm, args.firms, io.stderr).numbers,
			subcontractor: sub === null ? undefined : readColumn(data, sub, args.firms, () => {}, 'binary').values,
			employees: employees === null ? undefined : readColumn(data, employees, args.firms, () => {}, 'numeric').values,
			industry: industry === null ? undefined : data.cells.get(industry)
		}, { minIndustryFirms: args.minIndustryFirms });
		const result = outcome.kind === 'binary' ? logitRobust(design) : olsRobust(design);
		if (!result.ok) io.stderr(`${outcome.column}: the ${outcome.kind === 'binary' ? 'logit' : 'OLS regression'} could not be fitted: ${result.message}`);
		fits.push({ outcome, result, excluded: design.excluded, industryReference: design.industryReference, pooledIndustries: design.pooledIndustries });
	}
	setSummary(institutions === null ? `${summary}\nnote: without --institutions the regression has no distance term` : summary);
	io.stdout(formatRegression(fits, { format: args.format }));
	if (fits.every((f) => !f.result.ok)) throw new UsageError('no regression could be fitted (each reason is above)');
}

function contrastsOf(args: CompareArgs, data: ComparisonData, zoneIds: string[], zoneNames: string[]): Contrast[] {
	const membership = { inside: data.inside, offsets: data.offsets, zoneIndices: data.zoneIndices, zoneIds, zoneNames };
	if (args.grouping.kind === 'zone-vs-rest' && !zoneIds.includes(args.grouping.zoneId)) {
		throw new UsageError(`--group zone:${args.grouping.zoneId} names no zone of ${args.zones}; its zones are ${zoneIds.slice(0, 20).join(', ')}${zoneIds.length > 20 ? ', …' : ''}`);
	}
	return makeContrasts(membership, args.grouping, { exclude: data.unplaced });
}

/** A column parsed, its unreadable cells reported on stderr with their file line. */
function readColumn(data: ComparisonData, name: string, file: string, stderr: (line: string) => void, kind: 'numeric' | 'binary' | 'auto' = 'auto'): ParsedColumn {
	const parsed = parseColumn(data.cells.get(name)!, { column: name, kind });
	const expected = parsed.kind === 'binary' ? 'a yes/no answer' : 'a number';
	for (const problem of parsed.problems.slice(0, LISTED_PROBLEMS)) {
		stderr(`${file}:${data.lines[problem.index]}: "${problem.value}" is not ${expected} (column "${name}"); counted as missing`);
	}
	if (parsed.problems.length > LISTED_PROBLEMS) stderr(`${file}: … and ${(parsed.problems.length - LISTED_PROBLEMS).toLocaleString('en')} more unreadable cells in column "${name}", counted as missing`);
	return parsed;
}

/** Communication frequency read by the engine, its unreadable cells reported with their file line. */
function communication(data: ComparisonData, name: string, file: string, stderr: (line: string) => void): ReturnType<typeof readCommunication> {
	const read = readCommunication(data.cells.get(name)!, { name });
	for (const { index, value } of read.unmatched.slice(0, LISTED_PROBLEMS)) {
		stderr(`${file}:${data.lines[index]}: "${value}" is not a communication frequency (${COMMUNICATION_LEVELS.join(', ')}) (column "${name}"); counted as missing`);
	}
	if (read.unmatched.length > LISTED_PROBLEMS) stderr(`${file}: … and ${read.unmatched.length - LISTED_PROBLEMS} more unreadable cells in column "${name}"`);
	return read;
}
