/**
 * The town names on the map: at close zoom the towns of the prefectures in view are loaded and
 * turned into label points once per prefecture. Only the prefectures in view (and a few recently
 * seen, so panning back is instant) are kept: all Japan would be ~270,000 points held for nothing.
 */
import type { FeatureCollection, Point } from 'geojson';
import { loadTownFile } from '$lib/data/town-files';
import { townLabelPoints, type TownLabelProperties } from '$lib/data/town-labels';

type Labels = FeatureCollection<Point, TownLabelProperties>;
const EMPTY: Labels = { type: 'FeatureCollection', features: [] };

/** Prefectures whose label points are kept besides those in view. */
const KEPT = 4;

export class TownLabels {
	/** The towns of the prefectures last shown. */
	labels = $state.raw<Labels>(EMPTY);
	/** Prefecture codes whose file could not be loaded in the last attempt. */
	failed = $state.raw<string[]>([]);
	/** Label points by prefecture, the most recently shown last. */
	#cache = new Map<string, Labels>();
	#load: (code: string) => ReturnType<typeof loadTownFile>;
	#shown: readonly string[] = [];
	/** The prefectures in `labels`. */
	#current: readonly string[] = [];

	constructor(load = loadTownFile) {
		this.#load = load;
	}

	/**
	 * Shows the towns of exactly these prefectures, loading those not kept; never throws: a
	 * prefecture that fails is listed in `failed` and tried again next time.
	 */
	async show(prefs: readonly string[]): Promise<void> {
		const wanted = [...prefs].sort();
		this.#shown = wanted;
		const failed: string[] = [];
		await Promise.all(
			wanted
				.filter((p) => !this.#cache.has(p))
				.map(async (p) => {
					try {
						const file = await this.#load(p);
						this.#cache.set(p, file ? townLabelPoints(file) : EMPTY);
					} catch {
						failed.push(p);
					}
				})
		);
		// A later call has taken over while these files loaded.
		if (this.#shown !== wanted) return;
		for (const p of wanted) {
			const kept = this.#cache.get(p);
			if (!kept) continue;
			this.#cache.delete(p);
			this.#cache.set(p, kept);
		}
		for (const p of [...this.#cache.keys()]) if (this.#cache.size > wanted.length + KEPT && !wanted.includes(p)) this.#cache.delete(p);
		this.failed = failed;
		// The same prefectures as before: no new data, so MapLibre does not re-tile the source on every pan.
		const shown = wanted.filter((p) => this.#cache.has(p));
		if (shown.join() === this.#current.join()) return;
		this.#current = shown;
		this.labels = { type: 'FeatureCollection', features: shown.flatMap((p) => this.#cache.get(p)!.features) };
	}
}
