import type { LevelCounts } from '../lib/core/geocode/geocode-batch';
import type { FirmResults } from '../lib/core/io/classified-columns';
import type { FirmBatch } from '../lib/core/io/firm-batch';
import { inJapanExtent } from '../lib/core/io/japan-extent';
import { describeRowProblem } from '../lib/core/io/row-problem';

/** Rows with problems listed by line in the summary; the rest are counted. */
export const LISTED_PROBLEMS = 10;
/** Rows outside Japan named by line in the warning. */
const LISTED_OUTSIDE = 3;

/**
 * What one batch adds to a run's summary: counts, and the first rows with problems or outside
 * Japan by line. Small and plain, so a worker thread can send it with its chunk's output.
 */
export interface BatchTally {
	rows: number;
	/** Rows without a problem: classified (classify), placed (geocode). */
	ok: number;
	inside: number;
	withinBuffer: number;
	problems: number;
	/** Rows with a problem other than not being geocoded: their cells do not line up. */
	unread: number;
	outsideJapan: number;
	listed: { line: number; text: string }[];
	outside: number[];
	/** Geocoding levels counted (when the batch was geocoded in a worker). */
	levels?: LevelCounts;
}

/**
 * The tally of a batch and its results (null when nothing was classified).
 *
 * @example
 * const tally = tallyBatch(batch, results);
 */
export function tallyBatch(batch: FirmBatch, results: FirmResults | null): BatchTally {
	const t: BatchTally = { rows: batch.count, ok: 0, inside: 0, withinBuffer: 0, problems: 0, unread: 0, outsideJapan: 0, listed: [], outside: [] };
	for (let r = 0; r < batch.count; r++) {
		const problem = batch.problems[r];
		if (problem === null) {
			t.ok++;
			if (results) {
				t.inside += results.inside[r];
				t.withinBuffer += results.withinBuffer?.[r] ?? 0;
			}
			// A doubt, not an error: such rows are classified as given.
			if (!inJapanExtent(batch.lons[r], batch.lats[r])) {
				t.outsideJapan++;
				if (t.outside.length < LISTED_OUTSIDE) t.outside.push(batch.lines[r]);
			}
			continue;
		}
		t.problems++;
		if (problem[0].kind !== 'not-geocoded') t.unread++;
		if (t.listed.length < LISTED_PROBLEMS) t.listed.push({ line: batch.lines[r], text: problem.map(describeRowProblem).join('; ') });
	}
	return t;
}

/** The same tally with every line number moved by `by` (a chunk's lines counted from its start). */
export function shiftLines(t: BatchTally, by: number): BatchTally {
	return { ...t, listed: t.listed.map((l) => ({ line: l.line + by, text: l.text })), outside: t.outside.map((line) => line + by) };
}

/** The counts of tally `t` added to `into`'s (listed rows and levels are the caller's). */
export function addCounts(into: Omit<BatchTally, 'listed' | 'outside' | 'levels'>, t: BatchTally): void {
	into.rows += t.rows;
	into.ok += t.ok;
	into.inside += t.inside;
	into.withinBuffer += t.withinBuffer;
	into.problems += t.problems;
	into.unread += t.unread;
	into.outsideJapan += t.outsideJapan;
}

/** A run's tallies added up, in file order. */
export class RunTally {
	rows = 0;
	ok = 0;
	inside = 0;
	withinBuffer = 0;
	problems = 0;
	unread = 0;
	outsideJapan = 0;
	readonly listed: { line: number; text: string }[] = [];
	readonly outside: number[] = [];

	add(t: BatchTally): void {
		addCounts(this, t);
		for (const l of t.listed) if (this.listed.length < LISTED_PROBLEMS) this.listed.push(l);
		for (const line of t.outside) if (this.outside.length < LISTED_OUTSIDE) this.outside.push(line);
	}
}
