/**
 * Glue between the loaded data and the density worker: the firms' arrays it takes, the regions a
 * location quotient is computed over (by code column where the data has one, else by geometry),
 * the region shapes the choropleth draws, and detected zones turned into session zones.
 */
import { area } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { DetectedZone } from '$lib/core/detect';
import { columnCells } from '$lib/core/io/packed-rows';
import type { Zone } from '$lib/core/model';
import type { ZoneMembership } from '$lib/core/stats/compare/types';
import type { FirmTable } from '$lib/core/firm-table';
import type { Geodata } from '$lib/data/geodata';
import type { DensityFirms } from '$lib/worker/density-client.svelte';
import type { Bbox, LqRegions } from '$lib/worker/density-protocol';
import type { LqRegionKind } from './density-state.svelte';

/**
 * The worker's view of a firm sample: coordinates, industry index and employees (NaN when the
 * column is missing or the cell is not a number).
 *
 * @example
 * client.load(densityFirms(sample));
 */
export function densityFirms(sample: FirmTable): DensityFirms {
	const at = sample.columns.indexOf('employees');
	return {
		lons: sample.lon,
		lats: sample.lat,
		industry: sample.industry.index,
		industryCodes: sample.industry.codes,
		employees: Float64Array.from(at >= 0 ? columnCells(sample.rows, at) : new Array<string>(sample.rows.count).fill(''), (cell) => (cell.trim() !== '' ? Number(cell) : NaN))
	};
}

/**
 * Regions for a location quotient. Prefectures and districts come from the sample's `pref_code`
 * and `district` columns when it has them (exact, and free of coastline simplification), else
 * from their shapes; the user's zones from their classification (null until it matches them).
 *
 * @example
 * lqRegions('prefecture', sample, geodata, zones.list); // { kind: 'membership', ids: ['01', …], membership }
 */
export function lqRegions(kind: Exclude<LqRegionKind, 'zone'>, sample: FirmTable, geodata: Geodata, zones: readonly Zone[]): LqRegions;
export function lqRegions(kind: LqRegionKind, sample: FirmTable, geodata: Geodata, zones: readonly Zone[], classification: ZoneMembership | null): LqRegions | null;
export function lqRegions(kind: LqRegionKind, sample: FirmTable, geodata: Geodata, zones: readonly Zone[], classification: ZoneMembership | null = null): LqRegions | null {
	if (kind === 'zone') {
		const current = classification !== null && classification.zoneIds.length === zones.length && zones.every((zone, z) => zone.id === classification.zoneIds[z]);
		return current ? { kind: 'classified', ids: classification.zoneIds, offsets: classification.offsets, zoneIndices: classification.zoneIndices } : null;
	}
	const shapes = regionShapes(kind, geodata, zones);
	const column = kind === 'prefecture' ? 'pref_code' : kind === 'district' ? 'district' : null;
	const at = column ? sample.columns.indexOf(column) : -1;
	if (at < 0) return { kind: 'zones', zones: shapes.map((f) => ({ id: f.properties.id, name: f.properties.id, geometry: f.geometry, source: 'imported' })) };
	const ids = shapes.map((f) => f.properties.id);
	const indexOf = new Map(ids.map((id, k) => [id, k]));
	const normalise = (value: string) => (kind === 'prefecture' ? value.trim().padStart(2, '0') : value.trim());
	return { kind: 'membership', ids, membership: Int32Array.from(columnCells(sample.rows, at), (cell) => indexOf.get(normalise(cell)) ?? -1) };
}

/**
 * Shapes of the regions, each with its id (prefecture code, district id, municipality code or zone id) and name.
 *
 * @example
 * regionShapes('district', geodata, []).length; // 9
 */
export function regionShapes(
	kind: LqRegionKind,
	geodata: Geodata,
	zones: readonly Zone[]
): Feature<Polygon | MultiPolygon, { id: string; name_en: string; name_ja: string }>[] {
	if (kind === 'prefecture') {
		return geodata.prefectures.features.map((f) => ({
			type: 'Feature',
			geometry: f.geometry,
			properties: { id: f.properties.code, name_en: f.properties.name_en, name_ja: f.properties.name_ja }
		}));
	}
	if (kind === 'district') {
		return geodata.districtPolygons.features.map((f) => ({
			type: 'Feature',
			geometry: f.geometry,
			properties: { id: f.properties.id, name_en: f.properties.name_en, name_ja: f.properties.name_ja }
		}));
	}
	if (kind === 'municipality') {
		// N03 names are Japanese only; the id is the 5-digit code, so a CSV joins with official statistics.
		return (geodata.municipalities ?? []).map((f) => ({ type: 'Feature', geometry: f.geometry, properties: { id: f.properties.code, name_en: f.properties.name, name_ja: f.properties.name } }));
	}
	return zones.map((zone) => ({ type: 'Feature', geometry: zone.geometry, properties: { id: zone.id, name_en: zone.name, name_ja: zone.name } }));
}

/**
 * Area of each region in km² (geodesic, as Turf), by id, for densities per km².
 *
 * @example
 * regionAreas(regionShapes('municipality', geodata, [])).get('13111'); // ≈ 61 (Ota ward at 1 % simplification)
 */
export function regionAreas(shapes: readonly Feature<Polygon | MultiPolygon, { id: string }>[]): Map<string, number> {
	return new Map(shapes.map((f) => [f.properties.id, area(f) / 1e6]));
}

/**
 * The region shapes with their location quotient (`lq` absent where a region has no firms).
 *
 * @example
 * lqFeatures(regionShapes('prefecture', geodata, []), { ids: ['13'], lq: Float64Array.of(1.4) });
 */
export function lqFeatures(
	shapes: Feature<Polygon | MultiPolygon, { id: string }>[],
	result: { ids: string[]; lq: Float64Array }
): FeatureCollection<Polygon | MultiPolygon, { id: string; lq?: number }> {
	const lqOf = new Map(result.ids.map((id, k) => [id, result.lq[k]]));
	return {
		type: 'FeatureCollection',
		features: shapes.map((f) => {
			const lq = lqOf.get(f.properties.id);
			return { type: 'Feature', geometry: f.geometry, properties: lq !== undefined && Number.isFinite(lq) ? { id: f.properties.id, lq } : { id: f.properties.id } };
		})
	};
}

/**
 * Firms whose position lies in the box (edges included).
 *
 * @example
 * countInBbox(sample.lon, sample.lat, [135.5, 34.6, 135.7, 34.7]);
 */
export function countInBbox(lons: Float64Array, lats: Float64Array, [w, s, e, n]: Bbox): number {
	let count = 0;
	for (let i = 0; i < lons.length; i++) if (lons[i] >= w && lons[i] <= e && lats[i] >= s && lats[i] <= n) count++;
	return count;
}

/**
 * Detected zones as session zones: ids that no existing zone has, names from `nameOf`, and the
 * method's parameters with the firm count, area and density recorded for export and re-runs.
 *
 * @example
 * for (const zone of asSessionZones(detected, (id) => zones.get(id) !== undefined, (z, n) => `Cluster ${n}`)) zones.add(zone);
 */
export function asSessionZones(
	detected: readonly DetectedZone[],
	taken: (id: string) => boolean,
	nameOf: (zone: DetectedZone, n: number | string) => string,
	/** Each zone's number in the detection (default its place in `detected`), or the numbers a merged zone was made of. */
	numbers?: readonly (number | string)[]
): Zone[] {
	const used = new Set<string>();
	let run = 1;
	const free = (id: string) => !taken(id) && !used.has(id);
	while (!detected.every((zone) => free(`${zone.id}-r${run}`))) run++;
	return detected.map((zone, k) => {
		const id = `${zone.id}-r${run}`;
		used.add(id);
		return {
			id,
			name: nameOf(zone, numbers?.[k] ?? k + 1),
			geometry: zone.geometry,
			source: 'detected',
			parameters: { ...zone.parameters, firmCount: zone.firmCount, areaKm2: zone.areaKm2, density: zone.density }
		};
	});
}
