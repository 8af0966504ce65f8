/**
 * Adding and removing sources and layers on behalf of a component instance. When Svelte
 * re-creates a component (a {#key} block), the new instance can mount before the old one is torn
 * down; so an add replaces whatever still holds the id, and a removal only removes what this
 * instance added.
 */
import type { LayerSpecification, Map, SourceSpecification } from 'maplibre-gl';

/** What a component added: compared by identity before removing. */
export type Owned = object | undefined;

/**
 * Adds a source, first removing a stale one with the same id (and the layers drawing from it).
 *
 * @example
 * const mine = claimSource(map, 'firms', { type: 'geojson', data });
 */
export function claimSource(map: Map, id: string, spec: SourceSpecification): Owned {
	if (map.getSource(id)) removeSourceAndLayers(map, id);
	map.addSource(id, spec);
	return map.getSource(id);
}

/** Removes the source and its layers if it is still the one `mine` refers to. */
export function releaseSource(map: Map, id: string, mine: Owned): void {
	if (mine !== undefined && map.getSource(id) === mine) removeSourceAndLayers(map, id);
}

/** Adds a layer, first removing a stale one with the same id. */
export function claimLayer(map: Map, spec: LayerSpecification, beforeId?: string): Owned {
	if (map.getLayer(spec.id)) map.removeLayer(spec.id);
	map.addLayer(spec, beforeId);
	return map.getLayer(spec.id);
}

/** Removes the layer if it is still the one `mine` refers to. */
export function releaseLayer(map: Map, id: string, mine: Owned): void {
	if (mine !== undefined && map.getLayer(id) === mine) map.removeLayer(id);
}

// MapLibre refuses to remove a source that layers still draw from, and Svelte may tear a source
// component down before the layer components inside it.
function removeSourceAndLayers(map: Map, id: string): void {
	for (const layer of map.getStyle().layers) {
		if ('source' in layer && layer.source === id) map.removeLayer(layer.id);
	}
	map.removeSource(id);
}
