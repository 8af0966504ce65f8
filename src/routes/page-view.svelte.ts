/**
 * What the page shows now, shared by the map and the control panel: the map itself, the picked
 * district, the popup, the drawing tool, the buffer preview, how firms are coloured and whether the
 * panel is open; and moving the map to a place with room left for the panel and the legend.
 */
import type { LngLat, Map } from 'maplibre-gl';
import type { MultiPolygon } from 'geojson';
import { MediaQuery } from 'svelte/reactivity';
import type { DistrictId } from '$lib/core/geodata-types';
import type { DrawTool } from '$lib/map/DrawControl.svelte';
import type { FirmColouring } from './classification';
import type { Selection } from './selection';

/** Japan from Yonaguni to Cape Sōya: the first view when the URL has no map position. */
export const JAPAN_BBOX: [number, number, number, number] = [122.9, 24.0, 146.0, 45.6];
export const PANEL_WIDTH = 340;

export class PageView {
	readonly narrow = new MediaQuery('max-width: 720px');
	map = $state.raw<Map | null>(null);
	selected = $state<DistrictId | null>(null);
	popup = $state.raw<{ selection: Selection; lngLat: LngLat } | null>(null);
	drawTool = $state<DrawTool | null>(null);
	bufferPreview = $state.raw<MultiPolygon | null>(null);
	firmColouring = $state<FirmColouring>('inside');
	panelOpen = $state(false);
	/** The online basemap failed to load a tile (the offline layers stay underneath). */
	tilesFailed = $state(false);

	constructor() {
		this.panelOpen = !this.narrow.current;
	}

	/** Room around a place fitted into view: the open panel on the left, the legend on the right. */
	padding(): { top: number; bottom: number; left: number; right: number } {
		const wide = !this.narrow.current;
		return { top: 48, bottom: 48, left: wide && this.panelOpen ? PANEL_WIDTH + 40 : 24, right: wide ? 300 : 24 };
	}

	/** Moves the map to a bounding box [west, south, east, north]. */
	fitTo(bbox: readonly [number, number, number, number], options: { maxZoom?: number; duration?: number } = {}): void {
		// On a phone the open panel covers the map: get it out of the way of the place just picked.
		if (this.narrow.current) this.panelOpen = false;
		this.map?.fitBounds(
			[
				[bbox[0], bbox[1]],
				[bbox[2], bbox[3]]
			],
			{ padding: this.padding(), maxZoom: options.maxZoom ?? 13, duration: options.duration ?? 1200 }
		);
	}
}
