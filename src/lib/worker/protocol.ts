/**
 * Messages between the app and the analysis worker. Every request carries an id; the reply to it
 * repeats the id, so the client can drop a reply that a newer request has made stale.
 */
import type { Zone } from '$lib/core/model';

/** Firm coordinates, sent once; the buffers are transferred, not copied. */
export interface LoadFirmsRequest {
	type: 'load-firms';
	id: number;
	lons: Float64Array;
	lats: Float64Array;
	/** Optional group of each firm (an industry, say) as an index below `groupCount`, for per-zone breakdowns. */
	groups?: Uint16Array;
	groupCount?: number;
}

/** Classify the loaded firms against these zones. */
export interface ClassifyRequest {
	type: 'classify';
	id: number;
	zones: Zone[];
}

export type AnalysisRequest = LoadFirmsRequest | ClassifyRequest;

export interface FirmsLoadedReply {
	type: 'firms-loaded';
	id: number;
	count: number;
}

/** A zone the worker repaired or could not use, with a sentence about its geometry. */
export interface ZoneNote {
	zoneId: string;
	severity: 'repaired' | 'invalid';
	message: string;
}

export interface ClassifiedReply {
	type: 'classified';
	id: number;
	/** 1 where the firm lies in any zone, firm order. */
	inside: Uint8Array;
	insideCount: number;
	/** Firms inside each zone, in the request's zone order (0 for an invalid zone). */
	zoneCounts: Uint32Array;
	/** Firms inside zone z in group g at z · groupCount + g; empty when no groups were loaded. */
	zoneGroupCounts: Uint32Array;
	groupCount: number;
	zoneIds: string[];
	notes: ZoneNote[];
	/** Milliseconds spent in the worker. */
	elapsedMs: number;
}

export interface ErrorReply {
	type: 'error';
	id: number;
	message: string;
}

export type AnalysisReply = FirmsLoadedReply | ClassifiedReply | ErrorReply;
