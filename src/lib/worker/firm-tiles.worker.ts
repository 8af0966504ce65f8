/// <reference lib="webworker" />
/**
 * Holds the shown firms as a k-d tree and cuts their vector tiles when MapLibre asks for them
 * (through the page's `firms://` protocol): no firm becomes an object on the page or in
 * MapLibre's worker beyond the tiles in view. Requests wait in a queue, one tile cut per task,
 * so that a tile MapLibre no longer wants (the view moved on) is dropped before it is cut.
 */
import { FirmTiles } from '$lib/data/firm-tiles';
import type { FirmTilesReply, FirmTilesRequest } from './firm-tiles-protocol';

type TileRequest = Extract<FirmTilesRequest, { type: 'tile' }>;

const scope = self as unknown as DedicatedWorkerGlobalScope;
let current: { version: number; tiles: FirmTiles } | null = null;
const queue: TileRequest[] = [];
let scheduled = false;

scope.onmessage = (event: MessageEvent<FirmTilesRequest>) => {
	const message = event.data;
	if (message.type === 'load') {
		current = { version: message.version, tiles: new FirmTiles(message.points) };
		scope.postMessage({ type: 'loaded', id: message.id, version: message.version } satisfies FirmTilesReply);
	} else if (message.type === 'cancel') {
		const at = queue.findIndex((queued) => queued.id === message.of);
		if (at >= 0) queue.splice(at, 1);
	} else {
		queue.push(message);
		schedule();
	}
};

function schedule(): void {
	if (scheduled) return;
	scheduled = true;
	// A timeout rather than a loop: messages already waiting (cancels) are handled first.
	setTimeout(cutNext, 0);
}

function cutNext(): void {
	scheduled = false;
	const next = queue.shift();
	if (!next) return;
	// A tile of data no longer shown is empty: its source is about to be replaced.
	const view = current?.version === next.version ? current.tiles.tile(next.z, next.x, next.y) : new Uint8Array(0);
	const bytes = view.byteOffset === 0 && view.byteLength === view.buffer.byteLength ? (view.buffer as ArrayBuffer) : (view.slice().buffer as ArrayBuffer);
	scope.postMessage({ type: 'tile', id: next.id, bytes } satisfies FirmTilesReply, [bytes]);
	if (queue.length > 0) schedule();
}
