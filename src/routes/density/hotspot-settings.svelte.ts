/**
 * The hot-spot section's choices: the grid and the permutations of a run, and how the map shows
 * its result (statistic and multiple-testing choice, applied without a new run).
 */
import type { MeshLevel } from '$lib/core/density';
import type { HotSpotAdjust, HotSpotStatistic } from '$lib/map/hotspot-styles';

export class HotSpotSettings {
	grid = $state<'mesh' | 'hex'>('mesh');
	/** The half mesh (500 m): fine enough for a district, coarse enough for a few thousand cells. */
	meshLevel = $state<MeshLevel>('half');
	hexMetres = $state(500);
	permutations = $state(9999);
	seed = $state(1);
	statistic = $state<HotSpotStatistic>('gi');
	adjust = $state<HotSpotAdjust>('fdr');
}
