/**
 * The firms as the map's source data: a URL of GeoJSON made in a worker (see `firmFeaturesText`),
 * so that showing a million imported firms does not stop the page. A newer dataset makes the
 * answer for an older one stale; the URL of data no longer shown is released.
 */
import type { FirmSample } from './firm-sample';
import type { FirmFeaturesReply, FirmFeaturesRequest } from './firm-features.worker';
import { firmPoints } from './firm-features';

export class FirmMapData {
	/** A blob: URL of the current firms' FeatureCollection, or null before it is made. */
	url = $state<string | null>(null);
	#worker: Worker | null = null;
	#id = 0;

	/** Makes the map data of `sample` (null: none). */
	show(sample: FirmSample | null): void {
		const id = ++this.#id;
		this.#release();
		if (!sample) return;
		this.#worker ??= this.#start();
		const points = firmPoints(sample);
		const request: FirmFeaturesRequest = { id, points };
		this.#worker.postMessage(request, [points.lon.buffer, points.lat.buffer, points.industry.buffer]);
	}

	destroy(): void {
		this.#worker?.terminate();
		this.#worker = null;
		this.#id++;
		this.#release();
	}

	#start(): Worker {
		const worker = new Worker(new URL('./firm-features.worker.ts', import.meta.url), { type: 'module' });
		worker.onmessage = (event: MessageEvent<FirmFeaturesReply>) => {
			if (event.data.id !== this.#id) return;
			this.#release();
			this.url = URL.createObjectURL(event.data.blob);
		};
		return worker;
	}

	#release(): void {
		if (this.url) URL.revokeObjectURL(this.url);
		this.url = null;
	}
}
