/**
 * Firms coloured by membership stability (pure): the share of settings under which a firm is
 * inside goes to MapLibre as the `stability` feature state of its firm feature (ids are row
 * indices), and the paint ramps it from blue (never inside) through yellow to red (always
 * inside); firms not in the run keep a faint grey.
 */
import type { CircleLayerSpecification, ExpressionSpecification } from 'maplibre-gl';
import { FIRM_PAINT } from './styles';

/** Stops of the ramp: stability 0, 0.5, 1 (colour-blind-safe ends, RdYlBu). */
export const STABILITY_RAMP: readonly [number, string][] = [
	[0, '#4575b4'],
	[0.5, '#fee090'],
	[1, '#d73027']
];
export const NO_STABILITY_COLOUR = '#adb5bd';

const value = ['coalesce', ['feature-state', 'stability'], -1];

/** The firm paint while firms are coloured by stability. */
export const STABILITY_FIRM_PAINT: NonNullable<CircleLayerSpecification['paint']> = {
	...FIRM_PAINT,
	'circle-color': ['case', ['<', value, 0], NO_STABILITY_COLOUR, ['interpolate', ['linear'], value, ...STABILITY_RAMP.flat()]] as unknown as ExpressionSpecification,
	'circle-opacity': ['case', ['<', value, 0], 0.25, 0.9] as unknown as ExpressionSpecification
};

/** The part of a MapLibre map this needs, so tests can pass a recorder. */
export interface StabilityStateTarget {
	setFeatureState(feature: { source: string; sourceLayer: string; id: number }, state: { stability: number }): void;
}

/**
 * Sets the `stability` feature state of every firm whose value differs from `previous` (firms
 * not in a run get −1) and returns how many were set.
 *
 * @example
 * applyStabilityStates(map, { source: 'firms', sourceLayer: 'firms' }, null, run.stability);
 */
export function applyStabilityStates(map: StabilityStateTarget, layer: { source: string; sourceLayer: string }, previous: ArrayLike<number> | null, next: ArrayLike<number> | null): number {
	const n = Math.max(previous?.length ?? 0, next?.length ?? 0);
	const at = (values: ArrayLike<number> | null, i: number) => (values && i < values.length && !Number.isNaN(values[i]) ? values[i] : -1);
	let changed = 0;
	for (let i = 0; i < n; i++) {
		const was = at(previous, i);
		const now = at(next, i);
		if (was === now) continue;
		map.setFeatureState({ ...layer, id: i }, { stability: now });
		changed++;
	}
	return changed;
}
