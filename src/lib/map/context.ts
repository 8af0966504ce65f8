/**
 * Svelte context shared by the map and its layer components. Layers render only once the style
 * has loaded (see MapView), so `map` is set whenever a layer reads it.
 */
import { getContext, setContext } from 'svelte';
import type { Map } from 'maplibre-gl';

export interface MapContext {
	/** The map, once created. */
	map: Map | null;
	/** True once the style has loaded: from then on sources and layers may be added. */
	loaded: boolean;
	/** True after the map was removed; teardown code must not touch it any more. */
	removed: boolean;
}

const MAP = Symbol('map');
const SOURCE = Symbol('source');

export function setMapContext(context: MapContext): MapContext {
	return setContext(MAP, context);
}

/** The map of the enclosing MapView; throws if used outside one. */
export function getMap(): { map: Map; context: MapContext } {
	const context = getContext<MapContext | undefined>(MAP);
	if (!context?.map) throw new Error('A map layer must be placed inside <MapView> (the map is not ready).');
	return { map: context.map, context };
}

export function setSourceId(id: string): void {
	setContext(SOURCE, id);
}

/** The id of the enclosing source component, if any. */
export function getSourceId(): string | undefined {
	return getContext<string | undefined>(SOURCE);
}
