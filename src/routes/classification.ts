/**
 * Showing the inside/outside classification on the firm layer. The flags go to MapLibre as
 * feature state (firm feature ids are row indices), and only the firms whose flag changed are
 * touched: a vertex drag usually changes a few hundred of 55,000 firms, and resending the whole
 * GeoJSON would make MapLibre re-tile every point.
 */
import type { CircleLayerSpecification, ExpressionSpecification } from 'maplibre-gl';
import { zonesOfFirm, type FirmClassification } from '$lib/core/classify';
import type { Zone } from '$lib/core/model';
import { FIRM_PAINT } from '$lib/map/styles';

export const INSIDE_COLOUR = '#c92a2a';
export const OUTSIDE_COLOUR = '#868e96';

/** The firm paint while zones exist: red inside any zone, grey outside, larger when inside. */
export const CLASSIFIED_FIRM_PAINT: NonNullable<CircleLayerSpecification['paint']> = {
	...FIRM_PAINT,
	'circle-color': ['case', ['boolean', ['feature-state', 'inside'], false], INSIDE_COLOUR, OUTSIDE_COLOUR] as unknown as ExpressionSpecification,
	'circle-opacity': ['case', ['boolean', ['feature-state', 'inside'], false], 0.9, 0.45] as ExpressionSpecification
};

/** How firms are coloured: by inside/outside, by the first zone holding them, or by industry. */
export const FIRM_COLOURINGS = ['inside', 'zone', 'industry'] as const;
export type FirmColouring = (typeof FIRM_COLOURINGS)[number];

/**
 * The firm paint for a colouring. By zone, a firm takes the colour of the first zone (in list
 * order) holding it, from the `zone` feature state; firms outside every zone stay grey.
 *
 * @example
 * firmPaint('zone', zones.list.map((z) => z.colour ?? '#1d4ed8'));
 */
export function firmPaint(colouring: FirmColouring, zoneColours: readonly string[]): NonNullable<CircleLayerSpecification['paint']> {
	if (colouring === 'industry') return FIRM_PAINT;
	if (colouring === 'inside' || zoneColours.length === 0) return CLASSIFIED_FIRM_PAINT;
	return {
		...CLASSIFIED_FIRM_PAINT,
		'circle-color': ['match', ['coalesce', ['feature-state', 'zone'], -1], ...zoneColours.flatMap((colour, z) => [z, colour]), OUTSIDE_COLOUR] as unknown as ExpressionSpecification
	};
}

/** Per-firm classification as the map shows it: the inside flag and the first zone's position (-1 outside). */
export interface FirmStates {
	inside: Uint8Array;
	firstZone: Int32Array;
}

/** The part of a MapLibre map this needs, so tests can pass a recorder. */
export interface FeatureStateTarget {
	setFeatureState(feature: { source: string; sourceLayer: string; id: number }, state: { inside: boolean; zone: number }): void;
}

/**
 * Sets the `inside` and `zone` feature state of every firm whose state differs from `previous`
 * (every firm in a zone when there is no previous) and returns how many were set.
 *
 * @example
 * applyFirmStates(map, { source: 'firms', sourceLayer: 'firms' }, lastShown, { inside: reply.inside, firstZone: reply.firstZone });
 */
export function applyFirmStates(map: FeatureStateTarget, layer: { source: string; sourceLayer: string }, previous: FirmStates | null, next: FirmStates): number {
	let changed = 0;
	for (let i = 0; i < next.inside.length; i++) {
		const had = previous && i < previous.firstZone.length ? previous.firstZone[i] : -1;
		if (had === next.firstZone[i]) continue;
		map.setFeatureState({ ...layer, id: i }, { inside: next.inside[i] === 1, zone: next.firstZone[i] });
		changed++;
	}
	return changed;
}

/**
 * Percentage of `count` in `total`, one decimal; 0 when total is 0.
 *
 * @example
 * share(1, 3) // → 33.3
 */
export function share(count: number, total: number): number {
	return total === 0 ? 0 : Math.round((count / total) * 1000) / 10;
}

/**
 * Names of the zones holding firm `i` in a classification (the analysis worker's), as the zones
 * are called now: a rename does not classify again.
 *
 * @example
 * zonesOfFirmNamed(analysis.result, zones.list, selection.index); // ['Zone 1']
 */
export function zonesOfFirmNamed(classification: Pick<FirmClassification, 'offsets' | 'zoneIndices' | 'zoneIds' | 'zoneNames'>, zones: readonly Zone[], i: number): string[] {
	const byId = new Map(zones.map((zone) => [zone.id, zone.name]));
	return zonesOfFirm(classification, i).map((z) => byId.get(classification.zoneIds[z]) ?? classification.zoneNames[z]);
}
