/**
 * What the user clicked on the map, resolved to the original data (not the tiled feature, whose
 * nested properties MapLibre has flattened to strings).
 */
import type { MapGeoJSONFeature } from 'maplibre-gl';
import type {
	ClusterProgramProperties,
	DistrictPolygonProperties,
	InstitutionProperties,
	MunicipalityFeature,
	PrefectureProperties
} from '$lib/core/geodata-types';
import { rowCells } from '$lib/core/io/packed-rows';
import { codeAt, type FirmTable } from '$lib/core/firm-table';
import type { Geodata } from '$lib/data/geodata';
import type { ReferenceFeature, ReferenceLayer } from '$lib/data/reference-layers';

export type Selection =
	| { kind: 'firm'; index: number; columns: string[]; row: string[]; industry: string }
	| { kind: 'institution'; properties: InstitutionProperties }
	| { kind: 'district'; properties: DistrictPolygonProperties }
	| { kind: 'municipality'; feature: MunicipalityFeature }
	| { kind: 'cluster'; properties: ClusterProgramProperties }
	| { kind: 'prefecture'; properties: PrefectureProperties }
	| { kind: 'reference'; layer: ReferenceLayer; feature: ReferenceFeature };

/** Clickable layers, most specific first: the first one hit wins. */
export const CLICKABLE_LAYERS = ['institutions', 'firms', 'reference-fill', 'municipality-fill', 'district-fill', 'cluster-programs-fill', 'land'] as const;

/**
 * The selection for a clicked feature, looked up in the loaded data by its key property.
 * Returns null when the feature is not in the data (it cannot be described honestly).
 */
export function selectionOf(
	feature: MapGeoJSONFeature,
	data: { geodata: Geodata; sample: FirmTable | null; municipalities?: readonly MunicipalityFeature[]; references?: readonly ReferenceLayer[] }
): Selection | null {
	const p = feature.properties as Record<string, unknown>;
	switch (feature.layer.id) {
		case 'firms': {
			const i = Number(feature.id);
			const row = data.sample && Number.isInteger(i) && i >= 0 && i < data.sample.rows.count ? rowCells(data.sample.rows, i) : undefined;
			return row && data.sample ? { kind: 'firm', index: i, columns: data.sample.columns, row, industry: codeAt(data.sample.industry, i) } : null;
		}
		case 'institutions': {
			const found = data.geodata.institutions.features.find((f) => f.properties.id === p.id);
			return found ? { kind: 'institution', properties: found.properties } : null;
		}
		case 'reference-fill': {
			const layer = data.references?.find((l) => l.id === p.layer);
			const feature = layer?.features[Number(p.feature)];
			return layer && feature ? { kind: 'reference', layer, feature } : null;
		}
		case 'municipality-fill': {
			const found = data.municipalities?.find((f) => f.properties.code === p.code);
			return found ? { kind: 'municipality', feature: found } : null;
		}
		case 'district-fill': {
			const found = data.geodata.districtPolygons.features.find((f) => f.properties.id === p.id);
			return found ? { kind: 'district', properties: found.properties } : null;
		}
		case 'cluster-programs-fill': {
			const found = data.geodata.clusterPrograms?.features.find((f) => f.properties.id === p.id);
			return found ? { kind: 'cluster', properties: found.properties } : null;
		}
		case 'land': {
			const found = data.geodata.prefectures.features.find((f) => f.properties.code === p.code);
			return found ? { kind: 'prefecture', properties: found.properties } : null;
		}
		default:
			return null;
	}
}
