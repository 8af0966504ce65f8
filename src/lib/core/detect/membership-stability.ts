import { buildZoneIndex } from '../classify/zone-index';
import { classifyPoints } from '../classify/classify-points';
import { kernelDensity, type KernelDensityOptions } from '../density/kde';
import type { FirmFilter } from '../density/select-firms';
import { clusterZones, type ClusterZoneOptions } from './cluster-zones';
import { densityContours } from './contours';
import { dbscanEachMinPts, type DbscanResult } from './dbscan';
import type { DetectedZone } from './detected-zone';

/** The settings a cluster definition is drawn with: every combination of the two lists. */
export type StabilityGrid =
	| {
			method: 'dbscan';
			epsMetres: readonly number[];
			minPts: readonly number[];
			/** As for clusterZones: 'convex' (default) or 'concave'. */
			hull?: 'convex' | 'concave';
			concavity?: number;
	  }
	| {
			method: 'kde-threshold';
			bandwidthMetres: readonly number[];
			/** Thresholds as densities (firms per km²) or as percentiles of the non-zero cells. */
			thresholdBy: 'level' | 'percentile';
			thresholds: readonly number[];
			/** Passed to kernelDensity (kernel, cell size, bbox, maxCells) for every bandwidth. */
			kde?: Omit<KernelDensityOptions, 'bandwidthMetres' | 'filter'>;
	  };

/** One setting of the grid: DBSCAN's (eps, minPts) or the threshold's (bandwidth, threshold). */
export type StabilitySetting = { epsMetres: number; minPts: number } | { bandwidthMetres: number; threshold: number };

export interface MembershipStability {
	/** Per firm, the share of settings under which it is inside (0–1); NaN for firms not considered. */
	stability: Float64Array;
	/** The settings, in the order of `inside`: the first list's values outer, the second's inner. */
	settings: StabilitySetting[];
	/** `inside[s * n + i]` is 1 when firm i is inside a zone of setting s (boundary inside). */
	inside: Uint8Array;
	/** 1 for firms the detection ran on (passing the filter, with coordinates). */
	considered: Uint8Array;
}

export interface MembershipStabilityOptions {
	/** Firms to detect on (mask or predicate), default all; the others get NaN. */
	filter?: FirmFilter;
	/** Called after each setting with settings done and in all. */
	onProgress?: (done: number, total: number) => void;
	/** Checked before each setting: once aborted, the run stops with a {@link StabilityCancelled}. */
	signal?: { readonly aborted: boolean };
}

/** Thrown when a run is cancelled through its signal. */
export class StabilityCancelled extends Error {
	constructor() {
		super('membership stability: cancelled.');
		this.name = 'AbortError';
	}
}

/**
 * How stable each firm's inside/outside label is: the detection is run under every setting of a
 * grid (DBSCAN's eps × minPts, or the density threshold's bandwidth × level), each run's zones are
 * drawn as the app draws them (cluster hulls, or contour polygons), and each firm gets the share
 * of settings under which it lies in a zone — `inside_stability`. A firm deep inside a dense
 * cluster scores 1, an isolated one 0; in between, the label depends on the parameters.
 *
 * Work shared between settings, with results equal to running each setting on its own: DBSCAN's
 * neighbour search once per eps for every minPts (dbscanEachMinPts), and a minPts that changes no
 * label reuses the zones of the one before; the kernel density once per bandwidth for every level.
 *
 * @param lons firm longitudes, degrees
 * @param lats firm latitudes, degrees
 * @param grid see {@link StabilityGrid}
 * @param options see {@link MembershipStabilityOptions}
 * @example
 * const { stability } = membershipStability(lons, lats, { method: 'dbscan', epsMetres: [100, 150, 200], minPts: [10, 20, 30] });
 * stability[0]; // e.g. 0.78: inside under 7 of the 9 settings
 */
export function membershipStability(
	lons: ArrayLike<number>,
	lats: ArrayLike<number>,
	grid: StabilityGrid,
	options: MembershipStabilityOptions = {}
): MembershipStability {
	const steps = membershipStabilitySteps(lons, lats, grid, options.filter);
	for (;;) {
		if (options.signal?.aborted) throw new StabilityCancelled();
		const step = steps.next();
		if (step.done) return step.value;
		options.onProgress?.(step.value.done, step.value.total);
	}
}

/**
 * {@link membershipStability} one setting at a time: each `next()` runs one setting and yields the
 * progress, and the generator returns the result. For callers that pause between settings (a
 * worker that must hear a cancel message) or stop by simply not asking for more.
 *
 * @example
 * const steps = membershipStabilitySteps(lons, lats, grid);
 * let step = steps.next();
 * while (!step.done) step = steps.next();
 * step.value.stability;
 */
export function* membershipStabilitySteps(
	lons: ArrayLike<number>,
	lats: ArrayLike<number>,
	grid: StabilityGrid,
	filter?: FirmFilter
): Generator<{ done: number; total: number }, MembershipStability> {
	const n = lons.length;
	if (lats.length !== n) throw new Error(`membershipStability: ${n} longitudes but ${lats.length} latitudes; pass one of each per firm.`);
	const settings = settingsOf(grid);
	const total = settings.length;
	const xs = Float64Array.from(lons);
	const ys = Float64Array.from(lats);
	const considered = consideredFirms(xs, ys, filter);
	const inside = new Uint8Array(total * n);
	const insideOf = (zones: DetectedZone[], s: number) => {
		if (zones.length === 0) return;
		const flags = classifyPoints(buildZoneIndex(zones), xs, ys).inside;
		for (let i = 0; i < n; i++) if (considered[i] === 1 && flags[i] === 1) inside[s * n + i] = 1;
	};

	if (grid.method === 'dbscan') {
		const minPts = grid.minPts;
		for (const [e, epsMetres] of grid.epsMetres.entries()) {
			const runs = dbscanEachMinPts(xs, ys, { epsMetres, minPts, filter });
			const hulls = new HullCache(xs, ys, { epsMetres, minPts: 0, hull: grid.hull, concavity: grid.concavity });
			for (const [k, run] of runs.entries()) {
				const s = e * minPts.length + k;
				if (k > 0 && sameLabels(run, runs[k - 1])) inside.copyWithin(s * n, (s - 1) * n, s * n);
				else insideOf(hulls.zonesOf(run), s);
				yield { done: s + 1, total };
			}
		}
	} else {
		const { thresholds, thresholdBy } = grid;
		for (const [b, bandwidthMetres] of grid.bandwidthMetres.entries()) {
			const surface = considered.some((c) => c === 1) || grid.kde?.bbox ? kernelDensity(xs, ys, { ...grid.kde, bandwidthMetres, filter }) : null;
			const empty = surface === null || !surface.values.some((v) => v > 0);
			for (const [k, threshold] of thresholds.entries()) {
				const s = b * thresholds.length + k;
				// No firms passed: the zones' own firm counts are not needed, only who is inside.
				if (!empty) insideOf(densityContours(surface, [], [], thresholdBy === 'level' ? { level: threshold } : { percentile: threshold }).zones, s);
				yield { done: s + 1, total };
			}
		}
	}

	const stability = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		if (considered[i] === 0) {
			stability[i] = NaN;
			continue;
		}
		let count = 0;
		for (let s = 0; s < total; s++) count += inside[s * n + i];
		stability[i] = count / total;
	}
	return { stability, settings, inside, considered };
}

/**
 * The grid's settings in order, checked.
 * @internal also the order the brute force and the app's tables use
 */
export function settingsOf(grid: StabilityGrid): StabilitySetting[] {
	const positive = (values: readonly number[], what: string) => {
		if (values.length === 0) throw new Error(`membershipStability: give at least one ${what}.`);
		for (const v of values) if (!(v > 0) || !Number.isFinite(v)) throw new Error(`membershipStability: every ${what} must be a positive number, got ${v}.`);
	};
	if (grid.method === 'dbscan') {
		positive(grid.epsMetres, 'eps (metres)');
		positive(grid.minPts, 'minPts');
		return grid.epsMetres.flatMap((epsMetres) => grid.minPts.map((minPts) => ({ epsMetres, minPts })));
	}
	positive(grid.bandwidthMetres, 'bandwidth (metres)');
	positive(grid.thresholds, grid.thresholdBy === 'level' ? 'level (firms per km²)' : 'percentile');
	if (grid.thresholdBy === 'percentile' && grid.thresholds.some((p) => p > 100)) throw new Error('membershipStability: percentiles must be at most 100.');
	return grid.bandwidthMetres.flatMap((bandwidthMetres) => grid.thresholds.map((threshold) => ({ bandwidthMetres, threshold })));
}

function consideredFirms(xs: Float64Array, ys: Float64Array, filter?: FirmFilter): Uint8Array {
	const out = new Uint8Array(xs.length);
	for (let i = 0; i < xs.length; i++) {
		if (!Number.isFinite(xs[i]) || !Number.isFinite(ys[i])) continue;
		if (filter !== undefined && (filter instanceof Uint8Array ? filter[i] === 0 : !filter(i))) continue;
		out[i] = 1;
	}
	return out;
}

/**
 * The hulls of one eps's runs: a cluster with the same firms as one drawn before (the usual case
 * when only minPts changes) takes its zone again, since a hull depends on its firms and eps only;
 * new clusters are drawn by clusterZones on their own firms alone.
 */
class HullCache {
	#zones = new Map<string, DetectedZone[]>();
	constructor(
		private xs: Float64Array,
		private ys: Float64Array,
		private options: ClusterZoneOptions
	) {}

	zonesOf(run: DbscanResult): DetectedZone[] {
		const members: number[][] = Array.from({ length: run.clusterCount }, () => []);
		for (let i = 0; i < run.labels.length; i++) if (run.labels[i] >= 0) members[run.labels[i]].push(i);
		const zones: DetectedZone[] = [];
		const fresh: number[][] = [];
		const keys: string[] = [];
		for (const firms of members) {
			const key = firms.join(',');
			const known = this.#zones.get(key);
			if (known) zones.push(...known);
			else {
				fresh.push(firms);
				keys.push(key);
			}
		}
		if (fresh.length === 0) return zones;
		// Only the new clusters' firms, relabelled 0, 1…: clusterZones then counts nothing else.
		const index = fresh.flat();
		const labels = Int32Array.from(fresh.flatMap((firms, c) => firms.map(() => c)));
		const drawn = clusterZones(Float64Array.from(index, (i) => this.xs[i]), Float64Array.from(index, (i) => this.ys[i]), { labels, core: new Uint8Array(index.length), clusterCount: fresh.length, withoutCoordinates: 0 }, this.options);
		drawn.forEach((zone, c) => this.#zones.set(keys[c], [zone]));
		return zones.concat(drawn);
	}
}

/** Same clusters with the same firms (numbering is canonical, so equal arrays mean equal zones). */
function sameLabels(a: DbscanResult, b: DbscanResult): boolean {
	if (a.clusterCount !== b.clusterCount) return false;
	for (let i = 0; i < a.labels.length; i++) if (a.labels[i] !== b.labels[i] && (a.labels[i] >= 0 || b.labels[i] >= 0)) return false;
	return true;
}
