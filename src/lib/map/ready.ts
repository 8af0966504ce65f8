import type { Map } from 'maplibre-gl';
import { tick } from 'svelte';

/**
 * Sets `<html data-map-ready="true">` once the map has drawn everything mounted so far, which is
 * what browser tests and scripts wait for. Call it when the last default layer is mounted: it
 * waits for Svelte to add the pending layers, then for the next idle frame.
 *
 * @example
 * markMapReady(map); // after the data layers are in the template
 */
export async function markMapReady(map: Map): Promise<void> {
	await tick();
	map.once('idle', () => {
		document.documentElement.dataset.mapReady = 'true';
	});
	// Ensure an idle event follows even if nothing else is left to draw.
	map.triggerRepaint();
}
