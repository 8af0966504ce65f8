/**
 * Which zones hold each firm: the one classification of the working session, made by the analysis
 * worker whenever the zones' shapes or the firms change, and read by the map, the popup, the zone
 * list, the comparison, the density panel and the export.
 */
import type { Zone } from '$lib/core/model';
import type { FirmTable } from '$lib/core/firm-table';
import { AnalysisClient, type AnalysisPort } from '$lib/worker/analysis-client.svelte';
import type { ClassifiedReply, NearestInstitutions } from '$lib/worker/analysis-protocol';

/** The classification with the nearest institution of every firm attached. */
export type Classification = ClassifiedReply;

export class ClassificationState {
	#client: AnalysisClient;
	/** Zone shapes last sent: a rename keeps the geometry objects, so it sends nothing. */
	#sentShapes: readonly Zone['geometry'][] = [];
	/** Firms last sent, so zones are classified against the newest dataset. */
	#firms: FirmTable | null = null;
	/** Callers of `whenCurrent` and `whenNearest` waiting for a reply: each checks whether it is answered. */
	#waiting = new Set<() => void>();
	#ended = false;
	/** Industry code of each group index, as sent with the firms. */
	industryCodes = $state.raw<string[]>([]);

	/** @param port defaults to a new analysis worker */
	constructor(port?: AnalysisPort) {
		this.#client = new AnalysisClient(port);
		this.#client.onreply = () => this.#settleWaiting();
	}

	/** The newest classification, or null before the first (or with no zones). */
	get result(): Classification | null {
		return this.#client.result;
	}
	/** Nearest institution of every firm, once firms and institutions are both loaded. */
	get nearest(): NearestInstitutions | null {
		return this.#client.nearest;
	}
	/** A classification is in flight. */
	get busy(): boolean {
		return this.#client.busy;
	}
	get error(): string | null {
		return this.#client.error;
	}

	/** Firms inside each zone, by zone id. */
	readonly zoneCounts = $derived.by(() => {
		const result = this.#client.result;
		return new Map<string, number>(result ? result.zoneIds.map((id, z) => [id, result.zoneCounts[z]] as const) : []);
	});

	/** Per zone id: industries with firms inside, largest first. */
	readonly zoneIndustries = $derived.by(() => {
		const breakdown = new Map<string, [code: string, count: number][]>();
		const result = this.#client.result;
		const codes = this.industryCodes;
		if (!result || result.groupCount !== codes.length) return breakdown;
		result.zoneIds.forEach((id, z) => {
			const rows: [string, number][] = [];
			for (let g = 0; g < result.groupCount; g++) {
				const count = result.zoneGroupCounts[z * result.groupCount + g];
				if (count > 0) rows.push([codes[g], count]);
			}
			breakdown.set(id, rows.sort((a, b) => b[1] - a[1]));
		});
		return breakdown;
	});

	/** Sends a dataset's firms (with their industries, for per-zone breakdowns); zones are classified again against them. */
	loadFirms(firms: FirmTable): void {
		const codes = firms.industryCounts.map(([code]) => code);
		const groupOf = new Map(codes.map((code, g) => [code, g]));
		const groupOfCode = firms.industry.codes.map((code) => groupOf.get(code) ?? 0);
		this.industryCodes = codes;
		this.#firms = firms;
		this.#sentShapes = [];
		this.#client.loadFirms(firms.lon, firms.lat, { groups: Uint16Array.from(firms.industry.index, (k) => groupOfCode[k]), groupCount: codes.length });
		// Waiting for the previous dataset's classification or distances is over.
		this.#settleWaiting();
	}

	/** Sends the institutions every firm's nearest is found among (in this order). */
	loadInstitutions(institutions: readonly { id: string; lon: number; lat: number }[]): void {
		this.#client.loadInstitutions(institutions);
	}

	/**
	 * Classifies the loaded firms against `zones` unless their shapes are those last sent; the
	 * newest request wins.
	 */
	classify(zones: readonly Zone[]): void {
		if (!this.#firms) return;
		if (zones.length === 0 && this.#sentShapes.length === 0 && this.#client.result === null) return;
		const shapes = zones.map((zone) => zone.geometry);
		if (sameShapes(shapes, this.#sentShapes)) return;
		this.#sentShapes = shapes;
		this.#client.classify([...zones]);
		// Waiting for the classification of other shapes is over.
		this.#settleWaiting();
	}

	/**
	 * The classification of exactly these zones' shapes, waiting for the reply in flight; null when
	 * the zones change again or another dataset is loaded before it comes (ask again), when the
	 * worker answers with an error, or after `timeoutMs`.
	 *
	 * @example
	 * const classification = await state.whenCurrent(zones.list);
	 */
	whenCurrent(zones: readonly Zone[], timeoutMs = 120_000): Promise<Classification | null> {
		const shapes = zones.map((zone) => zone.geometry);
		return this.#wait(timeoutMs, () => {
			if (!sameShapes(shapes, this.#sentShapes)) return null;
			const result = this.#client.result;
			if (!this.#client.busy && result && result.zoneIds.length === zones.length && zones.every((zone, z) => zone.id === result.zoneIds[z])) return result;
			// Answered with an error: no classification of these zones is coming.
			if (!this.#client.busy && this.#client.error !== null) return null;
			return undefined;
		});
	}

	/**
	 * The nearest institution of each firm of `firms` (the dataset loaded), waiting while it is
	 * being found; null when another dataset is loaded first, or after `timeoutMs` (no institutions loaded).
	 */
	whenNearest(firms: FirmTable, timeoutMs = 120_000): Promise<NearestInstitutions | null> {
		return this.#wait(timeoutMs, () => {
			if (this.#firms !== firms) return null;
			const nearest = this.#client.nearest;
			return nearest && nearest.index.length === firms.lon.length ? nearest : undefined;
		});
	}

	/** Ends the worker; callers still waiting get null. */
	destroy(): void {
		this.#client.destroy();
		this.#ended = true;
		this.#settleWaiting();
	}

	/** Waiters settle when `answer` gives a value (null included); undefined is "not yet". */
	#wait<T>(timeoutMs: number, answer: () => T | null | undefined): Promise<T | null> {
		const now = answer();
		if (now !== undefined) return Promise.resolve(now);
		return new Promise((resolve) => {
			const timer = setTimeout(() => settle(null), timeoutMs);
			const waiter = () => {
				const value = this.#ended ? null : answer();
				if (value !== undefined) settle(value);
			};
			const settle = (value: T | null) => {
				clearTimeout(timer);
				this.#waiting.delete(waiter);
				resolve(value);
			};
			this.#waiting.add(waiter);
		});
	}

	/** Asks every waiter again: after each reply, each new request and each new dataset. */
	#settleWaiting(): void {
		for (const waiter of [...this.#waiting]) waiter();
	}
}

function sameShapes(a: readonly Zone['geometry'][], b: readonly Zone['geometry'][]): boolean {
	return a.length === b.length && a.every((shape, k) => shape === b[k]);
}
