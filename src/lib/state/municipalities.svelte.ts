/**
 * The municipal boundaries on the map: the prefectures in view at district zoom are loaded (once
 * each) and their municipalities drawn with name labels. Failures are kept for the UI to word.
 */
import type { FeatureCollection, Point } from 'geojson';
import type { District, MunicipalityCollection, MunicipalityFeature } from '$lib/core/geodata-types';
import { municipalityFeatures } from '$lib/core/geography';
import { municipalityNamePoints, type MunicipalityLabelProperties } from '$lib/data/features';
import { MunicipalBoundaries } from '$lib/data/municipalities';

const EMPTY = { type: 'FeatureCollection' as const, features: [] };

export class MunicipalLayer {
	/** Every municipality of the prefectures loaded so far. */
	collection = $state.raw<MunicipalityCollection>(EMPTY);
	labels = $state.raw<FeatureCollection<Point, MunicipalityLabelProperties>>(EMPTY);
	/** Prefecture codes whose file could not be loaded in the last attempt. */
	failed = $state.raw<string[]>([]);
	readonly boundaries: MunicipalBoundaries;
	#districts: readonly District[] = [];
	#shown = new Set<string>();

	constructor(boundaries = new MunicipalBoundaries()) {
		this.boundaries = boundaries;
	}

	/** District members get their English name on the map. */
	setDistricts(districts: readonly District[]) {
		this.#districts = districts;
	}

	/**
	 * Loads and draws the given prefectures' municipalities (those not yet shown), never throwing:
	 * a prefecture that fails is listed in `failed` and tried again next time.
	 */
	async show(prefs: readonly string[]): Promise<void> {
		const wanted = prefs.filter((p) => !this.#shown.has(p));
		if (wanted.length === 0) return;
		wanted.forEach((p) => this.#shown.add(p));
		const results = await Promise.allSettled(wanted.map((p) => this.boundaries.load(p)));
		const added: MunicipalityFeature[] = [];
		const failed: string[] = [];
		results.forEach((r, i) => {
			if (r.status === 'fulfilled') added.push(...municipalityFeatures(r.value));
			else {
				failed.push(wanted[i]);
				this.#shown.delete(wanted[i]);
			}
		});
		this.failed = failed;
		if (added.length === 0) return;
		this.collection = { type: 'FeatureCollection', features: [...this.collection.features, ...added] };
		this.labels = { type: 'FeatureCollection', features: [...this.labels.features, ...municipalityNamePoints(added, this.#districts).features] };
	}
}
