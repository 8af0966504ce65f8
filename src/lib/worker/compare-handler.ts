/**
 * What the comparison worker does with each message, apart from the worker global so it runs
 * (and is tested) in Node. A comparison is long (10,000 permutations per outcome), so it pauses
 * between steps: a newer request arriving meanwhile makes it stop without replying.
 */
import { columnCells, type PackedRows } from '$lib/core/io/packed-rows';
import {
	buildDesign,
	COMMUNICATION_ALIASES,
	COMMUNICATION_LEVELS,
	compareOutcome,
	describeValues,
	distanceBands,
	linkageTable,
	logitRobust,
	makeContrasts,
	olsRobust,
	parseColumn,
	parseFactor,
	splitGroups,
	type Factor,
	type LinkageTable,
	type ParsedColumn
} from '$lib/core/stats/compare';
import { insideOutsideBand } from '$lib/core/detect/stability-groups';
import { describeColumns, type ColumnInfo } from './compare-columns';
import { distanceBins, nearestKm, valueDistribution } from './compare-prepare';
import type { CodingNote, CompareReplyMessage, CompareRequest, CompareRequestMessage, CompareResult, CompareStability, ContrastResult, OutcomeRegression, ProgressReply, StabilityBand } from './compare-protocol';

export interface CompareHandlerOptions {
	post: (reply: CompareReplyMessage, transfer?: Transferable[]) => void;
	/** Lets other messages in between steps (default: a macrotask). */
	pause?: () => Promise<void>;
	now?: () => number;
}

interface Table {
	columns: string[];
	rows: PackedRows;
	lons: Float64Array;
	lats: Float64Array;
	info: ColumnInfo[];
	parsed: Map<string, ParsedColumn>;
}

/** Thrown inside a comparison that a newer request replaced. */
class Stale extends Error {}

/** Distances past this many km are drawn in the histogram's last bin. */
const HISTOGRAM_KM = 50;

/**
 * A message handler holding the firm table between requests.
 *
 * @example
 * const handle = createCompareHandler({ post: (reply) => self.postMessage(reply) });
 * await handle({ type: 'load-table', id: 1, columns, rows, lons, lats });
 */
export function createCompareHandler(options: CompareHandlerOptions): (request: CompareRequestMessage) => Promise<void> {
	const { post } = options;
	const pause = options.pause ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
	const now = options.now ?? (() => performance.now());
	let table: Table | null = null;
	let latest = 0;

	return async (request) => {
		if (request.type === 'load-table') {
			try {
				const n = request.rows.count;
				if (request.lons.length !== n || request.lats.length !== n) {
					throw new Error(`firm table: ${n} rows but ${request.lons.length} longitudes and ${request.lats.length} latitudes; send one coordinate per row.`);
				}
				const info = describeColumns(request.columns, request.rows);
				table = { ...request, info, parsed: new Map() };
				post({ type: 'table-loaded', id: request.id, rows: n, columns: info });
			} catch (error) {
				post({ type: 'error', id: request.id, message: messageOf(error) });
			}
			return;
		}
		latest = request.id;
		try {
			if (!table) throw new Error('no firm table is loaded yet; wait for the firms to load, then compare again.');
			const result = await compare(table, request, {
				progress: (reply) => post({ type: 'progress', id: request.id, ...reply }),
				partial: (result) => post({ type: 'compared', id: request.id, result }),
				pause: async () => {
					await pause();
					if (latest !== request.id) throw new Stale();
				},
				now
			});
			post({ type: 'compared', id: request.id, result });
		} catch (error) {
			if (error instanceof Stale) return;
			post({ type: 'error', id: request.id, message: messageOf(error) });
		}
	};
}

interface Hooks {
	progress: (progress: Omit<ProgressReply, 'type' | 'id'>) => void;
	/** Sends a first answer before the comparison is complete. */
	partial: (result: CompareResult) => void;
	pause: () => Promise<void>;
	now: () => number;
}

async function compare(table: Table, request: CompareRequest, hooks: Hooks): Promise<CompareResult> {
	const started = hooks.now();
	const { params } = request;
	const n = table.rows.count;
	const { membership } = request;
	if (membership.inside.length !== n) throw new Error(`the classification has ${membership.inside.length} firms but the table ${n}; classify again.`);
	const notes: CodingNote[] = [];
	const outcomes = params.outcomes.map((name) => outcomeColumn(table, name, notes));

	hooks.progress({ stage: 'prepare', done: 0, total: 1, fraction: 0 });
	const contrasts = makeContrasts(membership, params.grouping, { stableGroup: request.stability?.group });
	const km = params.distance === null ? null : params.distance === 'any' && request.nearestKm ? request.nearestKm : nearestKm(request.institutions, params.distance, table.lons, table.lats);

	// First every statistic but the permutation tests (seconds), then the permutation tests, which
	// take most of the time: the tables show at once and their permutation p-values follow.
	const tests = contrasts.length * outcomes.length;
	const first = 0.1;
	const results: ContrastResult[] = [];
	let done = 0;
	for (const contrast of contrasts) {
		const rows = [];
		for (const column of outcomes) {
			await hooks.pause();
			rows.push(compareOutcome(column, contrast, { permutations: 0, seed: params.seed }));
			done++;
			hooks.progress({ stage: 'tests', done, total: tests, fraction: (first * done) / (tests + 2) });
		}
		results.push({ id: contrast.id, zoneId: contrast.zoneId, versus: params.grouping.kind === 'zone-vs-rest' ? 'rest' : params.grouping.kind === 'stability' ? 'stably-outside' : 'outside', outcomes: rows });
	}

	// Linkage is always inside vs outside: any zone, the chosen zone against the rest, or stably.
	await hooks.pause();
	const oneContrast = params.grouping.kind === 'zone-vs-rest' || params.grouping.kind === 'stability';
	const group = oneContrast ? contrasts[0].group : Int8Array.from(membership.inside, (flag) => (flag ? 1 : 0));
	const bands = request.stability ? stabilityBands(request.stability, outcomes) : [];
	const factors: [LinkageTable['factor'], Factor][] = [];
	if (km) factors.push(['distance', { ...distanceBands(km, { breaks: params.bands }), name: 'distance' }]);
	const communication = params.communication === null ? null : communicationFactor(table, params.communication, notes);
	if (communication) factors.push(['communication', communication]);
	const subcontractor = params.subcontractor === null ? null : binaryColumn(table, params.subcontractor, notes);
	if (subcontractor) factors.push(['subcontractor', { name: 'subcontractor', levels: ['no', 'yes'], codes: Int32Array.from(subcontractor.values, (v) => (Number.isNaN(v) ? -1 : v)) }]);
	const linkage = outcomes.flatMap((column) => factors.map(([name, factor]) => ({ ...linkageTable(column, factor, group), factor: name })));
	hooks.progress({ stage: 'linkage', done: 1, total: 1, fraction: (first * (tests + 1)) / (tests + 2) });

	let distance: CompareResult['distance'] = null;
	if (km) {
		const split = splitGroups(km, group);
		distance = { ...distanceBins(km, group, HISTOGRAM_KM), median: { inside: describeValues(split.inside).median, outside: describeValues(split.outside).median } };
	}

	const distributions = outcomes.filter((column) => column.kind === 'numeric').map((column) => ({ outcome: column.column, ...valueDistribution(column.values, group) }));
	const regressions: OutcomeRegression[] = [];
	const result = (pending: { regressions: boolean; permutations: boolean }): CompareResult => ({
		contrasts: [...results],
		linkage,
		distance,
		distributions,
		regressions: [...regressions],
		bands,
		bandMethod: request.stability && bands.length > 0 ? request.stability.method : null,
		notes: dedupe(notes),
		total: n,
		elapsedMs: hooks.now() - started,
		regressionsPending: pending.regressions,
		permutationsPending: pending.permutations
	});
	const permute = params.permutations > 0 && tests > 0;
	// Tables and charts first; the regressions (seconds with industry dummies) follow.
	if (outcomes.length > 0) hooks.partial(result({ regressions: true, permutations: permute }));

	const employees = params.size === null ? undefined : numericColumn(table, params.size, notes).values;
	const industryAt = params.industry === null ? -1 : table.columns.indexOf(params.industry);
	const industry = industryAt >= 0 ? columnCells(table.rows, industryAt) : undefined;
	const communicationValues = communication ? Float64Array.from(communication.codes, (c) => (c < 0 ? NaN : c)) : undefined;
	for (const [k, column] of outcomes.entries()) {
		await hooks.pause();
		const design = buildDesign({ y: column.values, inside: group, distanceKm: km ?? undefined, communication: communicationValues, subcontractor: subcontractor?.values, employees, industry });
		regressions.push({ outcome: column.column, result: column.kind === 'binary' ? logitRobust(design) : olsRobust(design), industryReference: design.industryReference });
		hooks.progress({ stage: 'regression', done: k + 1, total: outcomes.length, fraction: first * ((tests + 1 + (k + 1) / outcomes.length) / (tests + 2)) });
	}
	if (!permute) return result({ regressions: false, permutations: false });
	hooks.partial(result({ regressions: false, permutations: true }));

	// The permutation tests, replacing each row by the engine's complete comparison.
	done = 0;
	for (const [c, contrast] of contrasts.entries()) {
		for (const [k, column] of outcomes.entries()) {
			await hooks.pause();
			const step = done;
			const row = compareOutcome(column, contrast, {
				permutations: params.permutations,
				seed: params.seed,
				onProgress: (d, total) => hooks.progress({ stage: 'permutation', done: step * total + d, total: tests * total, fraction: first + ((1 - first) * (step + d / total)) / tests })
			});
			results[c] = { ...results[c], outcomes: results[c].outcomes.map((old, j) => (j === k ? row : old)) };
			done++;
		}
	}
	return result({ regressions: false, permutations: false });
}

function cells(table: Table, name: string): string[] {
	const c = table.columns.indexOf(name);
	if (c < 0) throw new Error(`the firm table has no column "${name}"; pick one of ${table.columns.join(', ')}.`);
	return columnCells(table.rows, c);
}

/** A parsed column (cached per table), its unreadable cells noted. */
function parsed(table: Table, name: string, kind: 'numeric' | 'binary' | 'auto', notes: CodingNote[]): ParsedColumn {
	const key = `${kind}:${name}`;
	let column = table.parsed.get(key);
	if (!column) {
		column = parseColumn(cells(table, name), { column: name, kind });
		table.parsed.set(key, column);
	}
	const first = column.problems[0];
	if (first) notes.push({ column: name, count: column.unreadable, row: first.index + 1, value: first.value });
	return column;
}

function outcomeColumn(table: Table, name: string, notes: CodingNote[]): ParsedColumn {
	const kind = table.info.find((c) => c.name === name)?.kind;
	return parsed(table, name, kind === 'binary' ? 'binary' : kind === 'numeric' ? 'numeric' : 'auto', notes);
}

const numericColumn = (table: Table, name: string, notes: CodingNote[]) => parsed(table, name, 'numeric', notes);
const binaryColumn = (table: Table, name: string, notes: CodingNote[]) => parsed(table, name, 'binary', notes);

/**
 * Communication frequency as ordered levels: the study's none < yearly < monthly < weekly when the
 * answers are spelled that way (or as 0–3, 週, 月1回…), else the column's own levels in order.
 */
function communicationFactor(table: Table, name: string, notes: CodingNote[]): Factor {
	const values = cells(table, name);
	let factor = parseFactor(values, { name, levels: COMMUNICATION_LEVELS, aliases: COMMUNICATION_ALIASES });
	if (factor.unmatched.length > 0) {
		const info = table.info.find((c) => c.name === name);
		const levels = info?.kind === 'categorical' ? info.levels : [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))].sort((a, b) => Number(a) - Number(b) || a.localeCompare(b));
		factor = parseFactor(values, { name, levels });
	}
	const first = factor.unmatched[0];
	if (first) notes.push({ column: name, count: factor.unmatched.length, row: first.index + 1, value: first.value });
	return factor;
}

/** One note per column: the same column read for two purposes is reported once. */
function dedupe(notes: CodingNote[]): CodingNote[] {
	const seen = new Set<string>();
	return notes.filter((note) => !seen.has(note.column) && (seen.add(note.column), true));
}

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/** Each outcome's inside − outside difference under every setting of the stability run (see insideOutsideBand). */
function stabilityBands(stability: CompareStability, outcomes: ParsedColumn[]): StabilityBand[] {
	const n = stability.considered.length;
	if (stability.inside.length !== stability.settings.length * n) throw new Error(`the stability run has ${stability.inside.length} flags for ${stability.settings.length} settings × ${n} firms; run it again.`);
	const run = { stability: new Float64Array(n), settings: stability.settings, inside: stability.inside, considered: stability.considered };
	return outcomes.map((column) => {
		const band = insideOutsideBand(run, column.values);
		return { outcome: column.column, differences: Array.from(band.differences), min: band.min, max: band.max };
	});
}
