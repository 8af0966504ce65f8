import { createExpression } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { giStarBins } from '$lib/core/stats/hotspots';
import { GI_COLOURS, hotSpotFillColour, LISA_COLOURS, type HotSpotAdjust } from './hotspot-styles';

/** The colour MapLibre computes for a feature with these properties. */
function colour(expression: unknown, properties: Record<string, unknown>): string {
	const parsed = createExpression(expression, { type: 'color', 'property-type': 'data-driven', expression: { interpolated: false, parameters: ['zoom', 'feature'] } } as never);
	if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
	// Literal colours come back as written.
	const c = String(parsed.value.evaluate({ zoom: 10 }, { type: 'Polygon', properties } as never));
	return c === 'rgba(0,0,0,0)' ? 'none' : c;
}

describe('hotSpotFillColour', () => {
	it('colours Gi* cells as giStarBins classes them, with the p of the chosen adjustment', () => {
		const zs = [3.2, 2.1, 1.7, 1.1, -3.2, -2.1, -1.7, 0.2];
		const ps = [0.004, 0.02, 0.04, 0.2, 0.001, 0.025, 0.05, 0.001];
		const bins = giStarBins(Float64Array.from(zs), Float64Array.from(ps));
		const byBin: Record<number, string> = { 3: GI_COLOURS.hot[0], 2: GI_COLOURS.hot[1], 1: GI_COLOURS.hot[2], 0: 'none', [-1]: GI_COLOURS.cold[0], [-2]: GI_COLOURS.cold[1], [-3]: GI_COLOURS.cold[2] };
		for (const [adjust, property] of [['none', 'giP'], ['fdr', 'giQ'], ['bonferroni', 'giBonferroni']] as [HotSpotAdjust, string][]) {
			zs.forEach((z, k) => expect(colour(hotSpotFillColour('gi', adjust), { giZ: z, [property]: ps[k] }), `${adjust} ${k}`).toBe(byBin[bins[k]]));
		}
		expect(colour(hotSpotFillColour('gi', 'fdr'), { giZ: 3, giP: 0.0001, giQ: 0.3 })).toBe('none');
	});

	it('colours LISA quadrants where the chosen p is at most 0.05, and leaves undefined cells unfilled', () => {
		const fill = hotSpotFillColour('lisa', 'fdr');
		expect(colour(fill, { quadrant: 'HH', moranQ: 0.01 })).toBe(LISA_COLOURS.HH);
		expect(colour(fill, { quadrant: 'LH', moranQ: 0.05 })).toBe(LISA_COLOURS.LH);
		expect(colour(fill, { quadrant: 'HH', moranQ: 0.06, moranP: 0.001 })).toBe('none');
		expect(colour(fill, { quadrant: null, moranQ: null })).toBe('none');
		expect(colour(hotSpotFillColour('gi', 'none'), { giZ: null, giP: null })).toBe('none');
	});
});
