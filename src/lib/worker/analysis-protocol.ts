/**
 * Messages between the app and the analysis worker. Every request carries an id; the reply to it
 * repeats the id, so the client can drop a reply that a newer request has made stale.
 */
import type { FirmClassification } from '$lib/core/classify';
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

/** Institutions for nearest-institution distances; replaces any sent before. */
export interface LoadInstitutionsRequest {
	type: 'load-institutions';
	id: number;
	institutions: { id: string; lon: number; lat: number }[];
}

export type AnalysisRequest = LoadFirmsRequest | LoadInstitutionsRequest | ClassifyRequest;

/**
 * Nearest institution of every firm, in firm order: the index into the institutions as sent (-1
 * when none) and the great-circle distance in km (NaN when none). It depends on firms and
 * institutions only, so it is computed once per load, not per classification.
 */
export interface NearestInstitutions {
	index: Int32Array;
	km: Float64Array;
}

export interface FirmsLoadedReply {
	type: 'firms-loaded';
	id: number;
	count: number;
	/** Present once both firms and institutions are loaded. */
	nearest?: NearestInstitutions;
}

export interface InstitutionsLoadedReply {
	type: 'institutions-loaded';
	id: number;
	count: number;
	/** Present once both firms and institutions are loaded. */
	nearest?: NearestInstitutions;
}

/** A zone the worker repaired or could not use, with a sentence about its geometry. */
export interface ZoneNote {
	zoneId: string;
	severity: 'repaired' | 'invalid';
	message: string;
}

/**
 * The classification of every firm against the zones sent ({@link FirmClassification}: the full
 * zone membership, in the request's zone order), which every panel reads instead of classifying
 * again.
 */
export interface ClassifiedReply extends Omit<FirmClassification, 'problems'> {
	type: 'classified';
	id: number;
	notes: ZoneNote[];
	/** Milliseconds spent in the worker. */
	elapsedMs: number;
	/**
	 * Nearest institution index and km per firm ({@link NearestInstitutions}), attached by the
	 * client from the last load, not sent with each classification.
	 */
	nearestIndex?: Int32Array;
	nearestKm?: Float64Array;
}

export interface ErrorReply {
	type: 'error';
	id: number;
	message: string;
}

export type AnalysisReply = FirmsLoadedReply | InstitutionsLoadedReply | ClassifiedReply | ErrorReply;
