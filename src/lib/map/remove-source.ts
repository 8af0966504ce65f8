import type { Map } from 'maplibre-gl';

/**
 * Removes a source and, first, every layer still drawing from it: Svelte may tear a source
 * component down before the layer components inside it, and MapLibre refuses to remove a
 * source that is in use.
 */
export function removeSource(map: Map, id: string): void {
	for (const layer of map.getStyle().layers) {
		if ('source' in layer && layer.source === id) map.removeLayer(layer.id);
	}
	if (map.getSource(id)) map.removeSource(id);
}
