/**
 * The firms as the map's source: vector tiles cut in a worker (see `FirmTiles`) and handed to
 * MapLibre through a `firms://` protocol, so that showing a million imported firms neither stops
 * the page nor fills MapLibre's worker. Each dataset gets its own tile URL, so MapLibre drops the
 * tiles of the previous one; tiles asked for an older dataset come back empty.
 */
import { addProtocol } from 'maplibre-gl';
import type { FirmTable } from '$lib/core/firm-table';
import type { FirmTilesReply, FirmTilesRequest } from '$lib/worker/firm-tiles-protocol';
import { WorkerGateway, type WorkerPort } from '$lib/worker/gateway';
import { firmPoints } from '$lib/data/firm-tiles';
import { yieldToPage } from './yield-to-page';

/** The firm-tiles worker, or a stand-in in tests. */
export type FirmTilesPort = WorkerPort<FirmTilesRequest, FirmTilesReply>;

const newWorker = (): FirmTilesPort => new Worker(new URL('../worker/firm-tiles.worker.ts', import.meta.url), { type: 'module' }) as unknown as FirmTilesPort;

const PROTOCOL = 'firms';
/** Data versions are unique across instances: the protocol is global to MapLibre. */
let lastVersion = 0;
/** The instance answering the protocol (the page shows one firm layer at a time). */
let serving: FirmMapData | null = null;

export class FirmMapData {
	/** Tile URL template of the current firms, or null before their tiles can be cut. */
	tiles = $state<string | null>(null);
	#makePort: () => FirmTilesPort;
	#gateway: WorkerGateway<FirmTilesRequest, FirmTilesReply> | null = null;
	#version = 0;

	/** @param makePort makes the worker (default a new firm-tiles worker), started with the first firms */
	constructor(makePort: () => FirmTilesPort = newWorker) {
		this.#makePort = makePort;
	}

	/** Shows `sample`'s firms (null: none). */
	async show(sample: (Pick<FirmTable, 'lon' | 'lat' | 'industry'> & Partial<Pick<FirmTable, 'columns' | 'rows'>>) | null): Promise<void> {
		const version = ++lastVersion;
		this.#version = version;
		this.tiles = null;
		if (!sample) return;
		registerProtocol();
		serving = this;
		const gateway = (this.#gateway ??= new WorkerGateway(this.#makePort()));
		// Copying a million positions is a task of its own, after whatever showed the firms.
		await yieldToPage();
		if (version !== this.#version || gateway !== this.#gateway) return;
		const points = firmPoints(sample);
		const transfer = [points.lon.buffer, points.lat.buffer, points.industry.buffer, ...(points.approximate ? [points.approximate.buffer] : [])];
		// The newest load wins: a reply for firms shown before is dropped.
		const loaded = await gateway.ask('load', { type: 'load', version, points }, { transfer }).reply;
		if (loaded?.type === 'loaded' && loaded.version === this.#version) this.tiles = `${PROTOCOL}://${version}/{z}/{x}/{y}`;
	}

	destroy(): void {
		// Tiles still being cut resolve empty.
		this.#gateway?.terminate();
		this.#gateway = null;
		this.#version = ++lastVersion;
		this.tiles = null;
		if (serving === this) serving = null;
	}

	/** The bytes of tile z/x/y of data `version` (empty for data no longer shown, or when MapLibre gives up on it). */
	async tile(version: number, z: number, x: number, y: number, signal?: AbortSignal): Promise<ArrayBuffer> {
		const gateway = this.#gateway;
		if (!gateway || version !== this.#version || signal?.aborted) return new ArrayBuffer(0);
		const { id, reply } = gateway.ask('tile', { type: 'tile', version, z, x, y }, { latestWins: false });
		signal?.addEventListener(
			'abort',
			() => {
				// Dropped here (resolving empty), and out of the worker's queue if not yet cut.
				if (gateway.forget(id)) gateway.post({ type: 'cancel', of: id });
			},
			{ once: true }
		);
		const answer = await reply.catch(() => null);
		return answer?.type === 'tile' ? answer.bytes : new ArrayBuffer(0);
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
