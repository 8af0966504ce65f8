import type { Map } from 'maplibre-gl';

declare global {
	interface Window {
		/** The app's map, for browser tests and the devtools console. */
		__clusterMap?: Map;
	}
}

export {};
