/**
 * Full-resolution municipal boundaries, fetched on request from niiyz/JapanCityGeoJson
 * (per-municipality GeoJSON derived from MLIT National Land Numerical Information N03, 2020-01-01)
 * and kept in the browser's Cache Storage so a municipality is downloaded once — the online option
 * for precise work beside the bundled 1 % simplified boundaries. Every network access for
 * boundaries goes through this module.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** Cache Storage bucket; bump the version when the URL pattern or the data release changes. */
export const BOUNDARY_CACHE = 'cluster-map-boundaries-v1';

/**
 * The URL of one N03 boundary file: geojson/{prefecture code}/{municipality code}.json.
 *
 * @example
 * boundaryUrl('13111') // → 'https://raw.githubusercontent.com/niiyz/JapanCityGeoJson/master/geojson/13/13111.json'
 */
export function boundaryUrl(code5: string): string {
	return `https://raw.githubusercontent.com/niiyz/JapanCityGeoJson/master/geojson/${code5.slice(0, 2)}/${code5}.json`;
}

/** Why a boundary file could not be had: no connection, no file for the code, or a file that is not a boundary. */
export type BoundaryFailure = 'offline' | 'not-found' | 'http' | 'invalid';

/** A boundary download that failed, with the code and the kind of failure for the UI to word. */
export class BoundaryError extends Error {
	override readonly name = 'BoundaryError';
	constructor(
		readonly code: string,
		readonly kind: BoundaryFailure,
		message: string
	) {
		super(message);
	}
}

/** The boundary of one municipality loaded by its code: the N03 name and every polygon as one MultiPolygon. */
export interface CodeBoundary {
	code5: string;
	/** N03_003 + N03_004 (county or designated city, and the municipality), or the code when the file has none. */
	name: string;
	geometry: MultiPolygon;
	/** Set for a boundary from the bundled data: its date and simplification (absent: a full-resolution online file). */
	bundled?: { date: string; simplification: string };
}

export interface BoundaryOptions {
	fetch?: typeof fetch;
	/** Cache Storage; null to skip caching (where `caches` is unavailable). */
	caches?: CacheStorage | null;
}

/**
 * The N03 boundary of any municipality by its five-digit code (validate it first with
 * `parseMunicipalityCode`), cached so a second load needs no network.
 *
 * @throws BoundaryError — kind 'offline' without a connection, 'not-found' when the source has no file for the code
 * @example
 * const { name, geometry } = await loadBoundaryByCode('13111'); // name '大田区'
 */
export async function loadBoundaryByCode(code5: string, options: BoundaryOptions = {}): Promise<CodeBoundary> {
	const body = await fetchBoundaryFile(code5, options);
	const polygons = polygonsOf(body, code5);
	const properties = ((body as { features: { properties?: Record<string, unknown> | null }[] }).features[0]?.properties ?? {}) as Record<string, unknown>;
	const name = [properties.N03_003, properties.N03_004].filter((part) => typeof part === 'string' && part !== '').join('');
	return { code5, name: name || code5, geometry: { type: 'MultiPolygon', coordinates: polygons } };
}

async function fetchBoundaryFile(code: string, options: BoundaryOptions): Promise<unknown> {
	const url = boundaryUrl(code);
	const fetcher = options.fetch ?? fetch;
	const store = options.caches === undefined ? defaultCaches() : options.caches;
	const cache = store ? await store.open(BOUNDARY_CACHE).catch(() => null) : null;
	const cached = await cache?.match(url);
	if (cached) return cached.json();
	let response: Response;
	try {
		response = await fetcher(url);
	} catch {
		throw new BoundaryError(code, 'offline', `${code}.json could not be downloaded (no connection?)`);
	}
	if (response.status === 404) throw new BoundaryError(code, 'not-found', `${code}.json: no boundary file for this code`);
	if (!response.ok) throw new BoundaryError(code, 'http', `${code}.json: HTTP ${response.status}`);
	const body = await response.clone().json().catch(() => {
		throw new BoundaryError(code, 'invalid', `${code}.json is not JSON`);
	});
	// Cache only what parsed, so a broken download is retried next time.
	await cache?.put(url, response).catch(() => undefined);
	return body;
}

function defaultCaches(): CacheStorage | null {
	return typeof caches === 'undefined' ? null : caches;
}

function polygonsOf(body: unknown, code: string): Position[][][] {
	const features = (body as { type?: string; features?: unknown[] })?.features;
	if ((body as { type?: string })?.type !== 'FeatureCollection' || !Array.isArray(features)) {
		throw new BoundaryError(code, 'invalid', `${code}.json is not a GeoJSON FeatureCollection`);
	}
	const polygons: Position[][][] = [];
	for (const feature of features) {
		const geometry = (feature as { geometry?: Polygon | MultiPolygon | null }).geometry;
		if (geometry?.type === 'Polygon') polygons.push(geometry.coordinates);
		else if (geometry?.type === 'MultiPolygon') polygons.push(...geometry.coordinates);
	}
	if (polygons.length === 0) throw new BoundaryError(code, 'invalid', `${code}.json has no polygon`);
	return polygons;
}
