/**
 * What the density panel asks for and what the map shows of it: the chosen measure and its
 * parameters, the filters, the detection settings and the Duranton–Overman settings, plus the
 * worker client whose replies the map layers draw. Shared by the panel and the map layers.
 */
import type { KernelName, MeshLevel } from '$lib/core/density';
import { DensityClient } from '$lib/worker/density-client.svelte';
import type { Bbox, DensityFilter, DetectionMethod, SizeClass } from '$lib/worker/density-protocol';
import { HotSpotSettings } from './hotspot-settings.svelte';

export type Measure = 'none' | 'kde' | 'mesh' | 'hex' | 'lq';
export type LqRegionKind = 'prefecture' | 'district' | 'municipality' | 'zone';
export type DetectionKind = 'dbscan' | 'kde-threshold';

/** Defaults: 100 m cells (quick at district scale), the third-order (1 km) mesh, 500 m hexagons. */
export const DEFAULTS = {
	cellMetres: 100,
	meshLevel: 'third' as MeshLevel,
	hexMetres: 500,
	epsMetres: 150,
	minPts: 20,
	percentile: 90,
	draws: 1000,
	seed: 2005
};

export class DensityState {
	/** Created when the section is first opened, so the app starts no worker it does not use. */
	client = $state.raw<DensityClient | null>(null);
	/** The map view the measures cover. */
	bbox = $state.raw<Bbox | null>(null);

	measure = $state<Measure>('none');
	kernel = $state<KernelName>('quartic');
	/** Metres, or null for the default rule. */
	bandwidthMetres = $state<number | null>(null);
	cellMetres = $state(DEFAULTS.cellMetres);
	meshLevel = $state<MeshLevel>(DEFAULTS.meshLevel);
	hexMetres = $state(DEFAULTS.hexMetres);
	lqIndustry = $state<string>('');
	lqRegions = $state<LqRegionKind>('prefecture');
	industries = $state<string[]>([]);
	sizeClasses = $state<SizeClass[]>([]);

	detecting = $state(false);
	detection = $state<DetectionKind>('dbscan');
	epsMetres = $state(DEFAULTS.epsMetres);
	minPts = $state(DEFAULTS.minPts);
	hull = $state<'convex' | 'concave'>('convex');
	/** DBSCAN: score each cluster's stability across eps (HDBSCAN-like; eight more runs). */
	stability = $state(false);
	thresholdBy = $state<'percentile' | 'level'>('percentile');
	percentile = $state(DEFAULTS.percentile);
	level = $state(100);

	/** The hot-spot section (Gi*, local Moran): its run and its map. */
	hotspots = new HotSpotSettings();

	doIndustry = $state<string>('');
	statistic = $state<'duranton-overman' | 'ripley'>('duranton-overman');
	draws = $state(DEFAULTS.draws);
	seed = $state(DEFAULTS.seed);

	/** The filter every measure applies (empty selections mean all). */
	filter = $derived<DensityFilter>({
		industries: this.industries.length > 0 ? [...this.industries] : null,
		sizeClasses: this.sizeClasses.length > 0 ? [...this.sizeClasses] : null
	});

	/** The detection as the worker takes it. */
	detectionMethod = $derived<DetectionMethod>(
		this.detection === 'dbscan'
			? { method: 'dbscan', epsMetres: this.epsMetres, minPts: this.minPts, hull: this.hull }
			: {
					method: 'kde-threshold',
					kernel: this.kernel,
					bandwidthMetres: this.bandwidthMetres,
					cellMetres: this.cellMetres,
					level: this.thresholdBy === 'level' ? this.level : null,
					percentile: this.thresholdBy === 'percentile' ? this.percentile : null
				}
	);

	/** Starts the worker if needed. */
	start(): DensityClient {
		this.client ??= new DensityClient();
		return this.client;
	}

	destroy(): void {
		this.client?.destroy();
	}
}

/**
 * Values a sensitivity run goes through around the current one: eps from a fifth to three times
 * it, or percentiles from 50 to 99.
 *
 * @example
 * sensitivityValues('dbscan', 150); // [30, 60, 90, …, 450]
 */
export function sensitivityValues(kind: DetectionKind, current: number): number[] {
	if (kind === 'kde-threshold') return [50, 60, 70, 75, 80, 85, 90, 95, 97.5, 99];
	const steps = 12;
	const from = Math.max(10, current / 5);
	const to = current * 3;
	return Array.from({ length: steps }, (_, k) => Math.round(from + ((to - from) * k) / (steps - 1)));
}
