/**
 * The hot-spot cells as files keyed by cell code, with the columns of `cluster-map hotspots`:
 * CSV (UTF-8 with BOM, formula guard) and GeoJSON (cell polygons, the columns as properties).
 */
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { csvCell } from '$lib/core/io/csv-cell';
import type { HotSpotAdjust } from '$lib/map/hotspot-styles';
import { P_PROPERTY } from '$lib/map/hotspot-styles';
import type { HotspotCellProperties, HotspotsReply } from '$lib/worker/density-protocol';

const COLUMNS = ['cell_id', 'firms', 'gi_star_z', 'gi_star_p_perm', 'gi_star_q', 'local_moran_i', 'local_moran_z', 'local_moran_p_perm', 'local_moran_q', 'lisa_class'] as const;

/** One cell's values in column order; lisa_class where local Moran's chosen p is ≤ 0.05 (BH q by default, as the command). */
function values(p: HotspotCellProperties, adjust: HotSpotAdjust, permutations: number): (string | number | null)[] {
	const decisive = p[P_PROPERTY.lisa[adjust] as keyof HotspotCellProperties] as number | null;
	const lisa = permutations === 0 ? null : decisive !== null && decisive <= 0.05 && p.quadrant !== null ? p.quadrant : 'not significant';
	return [p.code, p.count, p.giZ, p.giP, p.giQ, p.moranI, p.moranZ, p.moranP, p.moranQ, lisa];
}

/**
 * @example
 * hotspotsCsv(client.hotspots, 'fdr'); // '\uFEFFcell_id,firms,gi_star_z,…\r\n533925343,0,-0.48,…'
 */
export function hotspotsCsv(reply: HotspotsReply, adjust: HotSpotAdjust = 'fdr'): string {
	const line = (cells: (string | number | null)[]) => cells.map((c) => (c === null ? '' : csvCell(String(c)))).join(',') + '\r\n';
	let text = '\uFEFF' + line([...COLUMNS]);
	for (const { properties } of reply.cells.features) text += line(values(properties, adjust, reply.permutations));
	return text;
}

/**
 * @example
 * hotspotsGeoJson(client.hotspots, 'fdr'); // '{"type":"FeatureCollection","features":[{"type":"Feature","id":"533925343",…'
 */
export function hotspotsGeoJson(reply: HotspotsReply, adjust: HotSpotAdjust = 'fdr'): string {
	const features = reply.cells.features.map((f): Feature<Polygon> => {
		const row = values(f.properties, adjust, reply.permutations);
		return { type: 'Feature', id: f.properties.code, properties: Object.fromEntries(COLUMNS.map((name, k) => [name, row[k]])), geometry: f.geometry };
	});
	return JSON.stringify({ type: 'FeatureCollection', features } satisfies FeatureCollection<Polygon>);
}
