/**
 * Reference layers: polygons the user brings (a municipality layer from a file, or a municipal
 * boundary loaded online by its code) drawn as labelled outlines for orientation. They are never
 * used for classification; one of their polygons can be made a zone on request. Pure.
 */
import { pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { Zone } from '$lib/core/model';

/** One polygon of a reference layer: its label, and the layer it belongs to. */
export interface ReferenceProperties {
	layer: string;
	label: string;
}
export type ReferenceFeature = Feature<Polygon | MultiPolygon, ReferenceProperties>;

export interface ReferenceLayer {
	id: string;
	name: string;
	/** From a file, or loaded online by municipality code (MLIT N03 data: its attribution is shown). */
	source: 'file' | 'municipality';
	/** Municipality code (5 digits) of a layer loaded by code. */
	code5?: string;
	features: ReferenceFeature[];
}

/**
 * A reference layer from the zones an imported file makes (checked and repaired by the engine as
 * zones are): each polygon labelled with its zone name.
 *
 * @example
 * const layer = zonesAsReference(result.zones, { file: 'wards.zip', id: newReferenceId(session.references) });
 */
export function zonesAsReference(zones: readonly Zone[], options: { file: string; id: string }): ReferenceLayer {
	const { file, id } = options;
	return { id, name: file, source: 'file', features: zones.map((zone) => ({ type: 'Feature', properties: { layer: id, label: zone.name }, geometry: zone.geometry })) };
}

/**
 * All reference layers as one collection for the map (each feature knows its layer and index).
 *
 * @example
 * referenceCollection(session.references).features.length;
 */
export function referenceCollection(layers: readonly ReferenceLayer[]): FeatureCollection<Polygon | MultiPolygon, ReferenceProperties & { feature: number }> {
	// Each feature carries its index in its layer, so a click finds the polygon again.
	return {
		type: 'FeatureCollection',
		features: layers.flatMap((layer) => layer.features.map((f, k) => ({ ...f, properties: { ...f.properties, feature: k } })))
	};
}

/**
 * One label point per polygon, inside it (MapLibre would label a polygon once per tile it spans).
 *
 * @example
 * referenceLabels(session.references).features[0].properties.label; // '大田区'
 */
export function referenceLabels(layers: readonly ReferenceLayer[]): FeatureCollection<Point, ReferenceProperties> {
	return {
		type: 'FeatureCollection',
		features: layers.flatMap((layer) => layer.features.map((f) => ({ type: 'Feature' as const, properties: f.properties, geometry: pointOnFeature(f).geometry })))
	};
}

/**
 * An id for a new layer not used by `layers`.
 *
 * @example
 * newReferenceId([{ id: 'ref-1', … }]); // 'ref-2'
 */
export function newReferenceId(layers: readonly { id: string }[]): string {
	let n = layers.length + 1;
	while (layers.some((layer) => layer.id === `ref-${n}`)) n++;
	return `ref-${n}`;
}

/**
 * A zone of source 'imported' from one reference polygon (the user clicked it and asked).
 *
 * @example
 * zones.add(referenceZone(layer, feature, (id) => zones.get(id) !== undefined));
 */
export function referenceZone(layer: ReferenceLayer, feature: ReferenceFeature, taken: (id: string) => boolean): Zone {
	const base = layer.code5 ? `municipality-${layer.code5}` : `${layer.id}-${feature.properties.label}`;
	let id = base;
	for (let n = 2; taken(id); n++) id = `${base} (${n})`;
	const source = layer.source === 'municipality' ? 'municipality' : 'imported';
	const parameters = layer.code5 ? { municipality: layer.code5, boundary: 'N03' } : { file: layer.name };
	return { id, name: feature.properties.label, geometry: feature.geometry, source, parameters };
}
