/**
 * Messages between the firm map (FirmMapData) and the firm-tiles worker, through the worker
 * gateway. The firms go over once per dataset ("load"), tagged with a data version that is also
 * in the tile URLs; each tile is a job of its own, and MapLibre giving up on one cancels it.
 */
import type { FirmPoints } from '$lib/data/firm-tiles';

export type FirmTilesRequest =
	| { type: 'load'; id: number; version: number; points: FirmPoints }
	/** Tile z/x/y of data `version`: empty if that is no longer the data held. */
	| { type: 'tile'; id: number; version: number; z: number; x: number; y: number }
	/** Tile request `of` is no longer wanted: it is dropped if not yet cut. */
	| { type: 'cancel'; id: number; of: number };

export type FirmTilesReply = { type: 'loaded'; id: number; version: number } | { type: 'tile'; id: number; bytes: ArrayBuffer };
