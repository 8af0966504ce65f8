/**
 * The firms as the map's source: vector tiles cut in a worker (see `FirmTiles`) and handed to
 * MapLibre through a `firms://` protocol, so that showing a million imported firms neither stops
 * the page nor fills MapLibre's worker. Each dataset gets its own tile URL, so MapLibre drops the
 * tiles of the previous one; tiles asked for an older dataset come back empty.
 */
import { addProtocol } from 'maplibre-gl';
import type { FirmTable } from '$lib/core/firm-table';
import type { FirmTilesReply, FirmTilesRequest } from '$lib/worker/firm-tiles.worker';
import { firmPoints } from '$lib/data/firm-tiles';
import { yieldToPage } from './yield-to-page';

const PROTOCOL = 'firms';
/** Data versions are unique across instances: the protocol is global to MapLibre. */
let lastVersion = 0;
/** The instance answering the protocol (the page shows one firm layer at a time). */
let serving: FirmMapData | null = null;

export class FirmMapData {
	/** Tile URL template of the current firms, or null before their tiles can be cut. */
	tiles = $state<string | null>(null);
	#worker: Worker | null = null;
	#version = 0;
	#requests = new Map<number, (bytes: ArrayBuffer) => void>();
	#lastRequest = 0;

	/** Shows `sample`'s firms (null: none). */
	async show(sample: (Pick<FirmTable, 'lon' | 'lat' | 'industry'> & Partial<Pick<FirmTable, 'columns' | 'rows'>>) | null): Promise<void> {
		const version = ++lastVersion;
		this.#version = version;
		this.tiles = null;
		if (!sample) return;
		registerProtocol();
		serving = this;
		this.#worker ??= this.#start();
		// Copying a million positions is a task of its own, after whatever showed the firms.
		await yieldToPage();
		if (version !== this.#version || !this.#worker) return;
		const points = firmPoints(sample);
		const request: FirmTilesRequest = { kind: 'load', version, points };
		this.#worker.postMessage(request, [points.lon.buffer, points.lat.buffer, points.industry.buffer, ...(points.approximate ? [points.approximate.buffer] : [])]);
	}

	destroy(): void {
		this.#worker?.terminate();
		this.#worker = null;
		this.#version = ++lastVersion;
		this.tiles = null;
		for (const resolve of this.#requests.values()) resolve(new ArrayBuffer(0));
		this.#requests.clear();
		if (serving === this) serving = null;
	}

	/** The bytes of tile z/x/y of data `version` (empty for data no longer shown, or when MapLibre gives up on it). */
	tile(version: number, z: number, x: number, y: number, signal?: AbortSignal): Promise<ArrayBuffer> {
		const worker = this.#worker;
		if (!worker || version !== this.#version || signal?.aborted) return Promise.resolve(new ArrayBuffer(0));
		const request = ++this.#lastRequest;
		const message: FirmTilesRequest = { kind: 'tile', request, version, z, x, y };
		worker.postMessage(message);
		return new Promise((resolve) => {
			this.#requests.set(request, resolve);
			signal?.addEventListener('abort', () => {
				if (!this.#requests.delete(request)) return;
				worker.postMessage({ kind: 'cancel', request } satisfies FirmTilesRequest);
				resolve(new ArrayBuffer(0));
			});
		});
	}

	#start(): Worker {
		const worker = new Worker(new URL('../worker/firm-tiles.worker.ts', import.meta.url), { type: 'module' });
		worker.onmessage = (event: MessageEvent<FirmTilesReply>) => {
			const reply = event.data;
			if (reply.kind === 'loaded') {
				if (reply.version === this.#version) this.tiles = `${PROTOCOL}://${reply.version}/{z}/{x}/{y}`;
				return;
			}
			this.#requests.get(reply.request)?.(reply.bytes);
			this.#requests.delete(reply.request);
		};
		return worker;
	}
}

let registered = false;

function registerProtocol(): void {
	if (registered) return;
	registered = true;
	addProtocol(PROTOCOL, async (params, abort) => {
		const [version, z, x, y] = params.url.slice(PROTOCOL.length + 3).split('/').map(Number);
		return { data: serving ? await serving.tile(version, z, x, y, abort.signal) : new ArrayBuffer(0) };
	});
}
