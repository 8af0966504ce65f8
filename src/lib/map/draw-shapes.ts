/**
 * Between terra-draw's features and zones, both ways and pure: the drawing control turns a
 * finished shape into a `DrawnShape` for the page to store, and shows the page's drawn zones as
 * terra-draw features. No zone state here: the map reports, the page decides.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { GeoJSONStoreFeatures } from 'terra-draw';
import type { Zone } from '$lib/core/model';

/** A shape finished on the map: a new zone, or a new outline of the zone with this id. */
export interface DrawnShape {
	id: string;
	geometry: Polygon;
	/** What terra-draw needs to edit the shape again ({ shape, radiusKm? }), kept with the zone. */
	parameters: Record<string, unknown>;
}

/**
 * The shape a finished terra-draw feature stands for, or null when it is not a polygon (every
 * tool here draws polygons; terra-draw's store also holds points and lines of other modes).
 *
 * @example
 * shapeOf(draw.getSnapshotFeature(id)); // { id, geometry, parameters: { shape: 'circle', radiusKm: 1.2 } }
 */
export function shapeOf(feature: GeoJSONStoreFeatures | undefined): DrawnShape | null {
	if (!feature || feature.geometry.type !== 'Polygon' || feature.id === undefined) return null;
	const shape = String(feature.properties.mode);
	const radius = feature.properties.radiusKilometers;
	return { id: String(feature.id), geometry: feature.geometry, parameters: typeof radius === 'number' ? { shape, radiusKm: radius } : { shape } };
}

/** The zones terra-draw shows and edits: those drawn by hand (the others have their own layer). */
export function drawnZones(zones: readonly Zone[]): Zone[] {
	return zones.filter((zone) => zone.source === 'drawn');
}

/**
 * A drawn zone as terra-draw's feature, with its own copy of the coordinates (terra-draw keeps
 * what it is given, and the zone list must not change under it).
 *
 * @example
 * draw.addFeatures(drawnZones(list).map(featureOf));
 */
export function featureOf(zone: Zone): GeoJSONStoreFeatures {
	const shape = typeof zone.parameters?.shape === 'string' ? zone.parameters.shape : 'polygon';
	const radius = zone.parameters?.radiusKm;
	return {
		type: 'Feature',
		id: zone.id,
		geometry: copyGeometry(zone.geometry) as Polygon,
		properties: {
			mode: shape,
			...(zone.colour && { colour: zone.colour }),
			...(typeof radius === 'number' && { radiusKilometers: radius })
		}
	};
}

/**
 * Drawn zones whose colour differs from the colour of their feature on the map (a new zone takes
 * its colour from the page after terra-draw has drawn it); `colourOnMap` is undefined for a zone
 * the map does not hold.
 *
 * @example
 * recoloured(list, (id) => draw.hasFeature(id) ? draw.getSnapshotFeature(id)?.properties.colour ?? null : undefined);
 */
export function recoloured(zones: readonly Zone[], colourOnMap: (id: string) => unknown): { id: string; colour: string }[] {
	const changed: { id: string; colour: string }[] = [];
	for (const zone of drawnZones(zones)) {
		if (!zone.colour) continue;
		const shown = colourOnMap(zone.id);
		if (shown !== undefined && shown !== zone.colour) changed.push({ id: zone.id, colour: zone.colour });
	}
	return changed;
}

// Copied array by array (not structuredClone): the zone may be a Svelte state proxy.
function copyGeometry(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
	const copy = (value: unknown): unknown => (Array.isArray(value) ? value.map(copy) : value);
	return { type: geometry.type, coordinates: copy(geometry.coordinates) } as Polygon | MultiPolygon;
}
