/// <reference lib="webworker" />
/**
 * Holds the shown firms as a k-d tree and cuts their vector tiles when MapLibre asks for them
 * (through the page's `firms://` protocol): no firm becomes an object on the page or in
 * MapLibre's worker beyond the tiles in view.
 */
import { FirmTiles, type FirmPoints } from './firm-tiles';

export type FirmTilesRequest =
	| { kind: 'load'; version: number; points: FirmPoints }
	| { kind: 'tile'; request: number; version: number; z: number; x: number; y: number };
export type FirmTilesReply = { kind: 'loaded'; version: number } | { kind: 'tile'; request: number; bytes: ArrayBuffer };

const scope = self as unknown as DedicatedWorkerGlobalScope;
let current: { version: number; tiles: FirmTiles } | null = null;

scope.onmessage = (event: MessageEvent<FirmTilesRequest>) => {
	const message = event.data;
	if (message.kind === 'load') {
		current = { version: message.version, tiles: new FirmTiles(message.points) };
		scope.postMessage({ kind: 'loaded', version: message.version } satisfies FirmTilesReply);
		return;
	}
	// A tile of data no longer shown is empty: its source is about to be replaced.
	const view = current?.version === message.version ? current.tiles.tile(message.z, message.x, message.y) : new Uint8Array(0);
	const bytes = view.byteOffset === 0 && view.byteLength === view.buffer.byteLength ? (view.buffer as ArrayBuffer) : (view.slice().buffer as ArrayBuffer);
	scope.postMessage({ kind: 'tile', request: message.request, bytes } satisfies FirmTilesReply, [bytes]);
};
