/**
 * Zones as a GeoJSON file and back: RFC 7946 winding on the way out, every field of a zone (id,
 * name, source, parameters, colour) in the feature, and a strict check on the way in.
 *
 * Read by hand rather than with core/io's `readZones`: that one repairs geometries and leaves out
 * zones it cannot use (right for the CLI's input), while a file written here must come back exactly
 * as it was, and a broken one must be refused with the feature named, not half imported.
 */
import { rewind } from '@turf/rewind';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { InputError } from '$lib/core/io/input-error';
import type { Zone, ZoneSource } from '$lib/core/model';

export const ZONE_SOURCES: readonly ZoneSource[] = ['drawn', 'district', 'municipality', 'buffer', 'detected', 'imported'];

/** Properties of a zone feature in the file. */
export interface ZoneProperties {
	id: string;
	name: string;
	source: ZoneSource;
	parameters: Record<string, unknown>;
	colour: string | null;
}

/**
 * The zones as a FeatureCollection: outer rings counter-clockwise and holes clockwise (RFC 7946
 * §3.1.6, via @turf/rewind), the zone id as the feature id and in the properties.
 *
 * @example
 * const text = JSON.stringify(zonesToGeoJson(zones.list));
 */
export function zonesToGeoJson(zones: readonly Zone[]): FeatureCollection<Polygon | MultiPolygon, ZoneProperties> {
	return {
		type: 'FeatureCollection',
		features: zones.map((zone) => ({
			type: 'Feature',
			id: zone.id,
			geometry: rewind(zone.geometry, { reverse: false }) as Polygon | MultiPolygon,
			properties: {
				id: zone.id,
				name: zone.name,
				source: zone.source,
				parameters: zone.parameters ?? {},
				colour: zone.colour ?? null
			}
		}))
	};
}

/**
 * Zones from the parsed JSON of a zones file: one zone per Polygon or MultiPolygon feature. Ids come
 * from the feature id, else `properties.id`, else `properties.name` (as in the CLI), else `zone-N`
 * (N its feature number); the source is
 * kept when it is one the app knows, else "imported". Anything wrong refuses the whole file.
 *
 * @throws InputError naming the file and the feature (1-based) and what to fix
 * @example
 * const zones = zonesFromGeoJson(JSON.parse(text), { file: 'zones.geojson' });
 */
export function zonesFromGeoJson(value: unknown, options: { file: string }): Zone[] {
	const { file } = options;
	if (!isObject(value) || value.type !== 'FeatureCollection' || !Array.isArray(value.features)) {
		throw new InputError(file, 'is not a GeoJSON FeatureCollection', { hint: 'Choose a zones file exported from the app or a GeoJSON file of polygons.' });
	}
	if (value.features.length === 0) throw new InputError(file, 'has no features', { hint: 'Add a Polygon or MultiPolygon feature for each zone.' });
	const seen = new Set<string>();
	return value.features.map((feature: unknown, i: number) => {
		const where = `feature ${i + 1}`;
		const fail = (message: string, hint?: string): never => {
			throw new InputError(file, `${where} ${message}`, { hint });
		};
		if (!isObject(feature) || feature.type !== 'Feature') fail('is not a GeoJSON Feature');
		const f = feature as unknown as Feature;
		const geometry = f.geometry as unknown;
		const problem = geometryProblem(geometry);
		if (problem) fail(problem, 'Zones must be Polygon or MultiPolygon features in WGS84 [longitude, latitude].');
		const properties: Record<string, unknown> = isObject(f.properties) ? f.properties : {};
		const rawId = f.id ?? properties.id ?? properties.name;
		const id = typeof rawId === 'string' && rawId.trim() !== '' ? rawId : typeof rawId === 'number' ? String(rawId) : `zone-${i + 1}`;
		if (seen.has(id)) fail(`has the id "${id}", which an earlier feature has too`, 'Give every zone its own id.');
		seen.add(id);
		const name = typeof properties.name === 'string' && properties.name.trim() !== '' ? properties.name : id;
		const source = ZONE_SOURCES.includes(properties.source as ZoneSource) ? (properties.source as ZoneSource) : 'imported';
		const parameters = properties.parameters ?? {};
		if (!isObject(parameters)) fail('has "parameters" that are not an object');
		const colour = properties.colour ?? null;
		if (colour !== null && (typeof colour !== 'string' || !/^#[0-9a-f]{6}$/i.test(colour))) {
			fail(`has the colour ${JSON.stringify(colour)}, not a colour like "#d9480f"`);
		}
		const zone: Zone = { id, name, geometry: geometry as Polygon | MultiPolygon, source, parameters: parameters as Record<string, unknown> };
		if (typeof colour === 'string') zone.colour = colour;
		return zone;
	});
}

/** Why a value is not a usable Polygon or MultiPolygon, or null. */
function geometryProblem(geometry: unknown): string | null {
	if (!isObject(geometry)) return 'has no geometry';
	if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') return `is a ${String(geometry.type)}, not a Polygon or MultiPolygon`;
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	if (!Array.isArray(polygons) || polygons.length === 0) return 'has no coordinates';
	for (const rings of polygons as unknown[]) {
		if (!Array.isArray(rings) || rings.length === 0) return 'has a polygon without rings';
		for (const ring of rings as unknown[]) {
			const problem = ringProblem(ring);
			if (problem) return problem;
		}
	}
	return null;
}

function ringProblem(ring: unknown): string | null {
	if (!Array.isArray(ring) || ring.length < 4) return 'has a ring of fewer than 4 positions';
	for (const position of ring as unknown[]) {
		if (!Array.isArray(position) || position.length < 2 || !position.every((c) => typeof c === 'number' && Number.isFinite(c))) {
			return `has the position ${JSON.stringify(position)}, not [longitude, latitude] numbers`;
		}
		if (Math.abs(position[0]) > 180 || Math.abs(position[1]) > 90) return `has the position ${JSON.stringify(position)}, outside WGS84 [longitude, latitude]`;
	}
	const first = ring[0] as Position;
	const last = ring[ring.length - 1] as Position;
	if (first[0] !== last[0] || first[1] !== last[1]) return 'has a ring whose last position is not its first (rings must be closed)';
	return null;
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
