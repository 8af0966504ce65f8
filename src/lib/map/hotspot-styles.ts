/**
 * Paint of the hot-spot layer (pure): Gi* hot and cold spots at 99 / 95 / 90 % confidence in
 * ArcGIS's colours, or LISA classes in GeoDa's, under the multiple-testing choice of the legend.
 * Cells carry every p-value (HotspotCellProperties), so a new choice only restyles the map.
 */
import type { ExpressionSpecification } from 'maplibre-gl';

export type HotSpotStatistic = 'gi' | 'lisa';
/** Which p decides significance: the permutation p, its BH q (false discovery rate) or Bonferroni. */
export type HotSpotAdjust = 'none' | 'fdr' | 'bonferroni';

/** Hot 99, 95, 90 %, cold 90, 95, 99 % (ArcGIS's Hot Spot Analysis legend). */
export const GI_COLOURS = { hot: ['#d62f27', '#ed7551', '#fab984'], cold: ['#c0ccbe', '#849eba', '#4575b5'] } as const;
/** GeoDa's LISA cluster map colours. */
export const LISA_COLOURS = { HH: '#e31a1c', LL: '#1f4fd8', HL: '#f4a6a3', LH: '#a7b9f5' } as const;
const NONE = 'rgba(0,0,0,0)';

/** The property holding the p that decides, per statistic and choice. */
export const P_PROPERTY: Record<HotSpotStatistic, Record<HotSpotAdjust, string>> = {
	gi: { none: 'giP', fdr: 'giQ', bonferroni: 'giBonferroni' },
	lisa: { none: 'moranP', fdr: 'moranQ', bonferroni: 'moranBonferroni' }
};

/**
 * The fill colour of a hot-spot cell. Gi*: the folded p is one tail's, so 99 / 95 / 90 %
 * two-sided confidence is p ≤ 0.005 / 0.025 / 0.05 (as `giStarBins`), hot where z > 0. LISA: the
 * quadrant's colour where p ≤ 0.05, as `cluster-map hotspots` classes cells. Undefined values
 * (null) leave a cell unfilled.
 *
 * @example
 * hotSpotFillColour('gi', 'fdr'); // ['case', ['all', ['>', z, 0], ['<=', q, 0.005]], '#d62f27', …]
 */
export function hotSpotFillColour(statistic: HotSpotStatistic, adjust: HotSpotAdjust): ExpressionSpecification {
	const p = ['coalesce', ['get', P_PROPERTY[statistic][adjust]], 1];
	if (statistic === 'lisa') {
		return ['case', ['<=', p, 0.05], ['match', ['coalesce', ['get', 'quadrant'], ''], 'HH', LISA_COLOURS.HH, 'LL', LISA_COLOURS.LL, 'HL', LISA_COLOURS.HL, 'LH', LISA_COLOURS.LH, NONE], NONE] as unknown as ExpressionSpecification;
	}
	const z = ['coalesce', ['get', 'giZ'], 0];
	const levels = [0.005, 0.025, 0.05];
	const hot = levels.flatMap((level, k) => [['all', ['>', z, 0], ['<=', p, level]], GI_COLOURS.hot[k]]);
	const cold = levels.flatMap((level, k) => [['all', ['<', z, 0], ['<=', p, level]], GI_COLOURS.cold[2 - k]]);
	return ['case', ...hot, ...cold, NONE] as unknown as ExpressionSpecification;
}
