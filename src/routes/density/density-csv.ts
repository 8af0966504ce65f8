/**
 * The density tables as CSV files, so counts per mesh cell join with official statistics by mesh
 * code and location quotients go to a spreadsheet: UTF-8 with a BOM (Excel opens it as UTF-8),
 * cells guarded against formula injection.
 */
import { csvCell } from '$lib/core/io/csv-cell';
import type { CellsReply, LqReply } from '$lib/worker/density-protocol';

const BOM = '\uFEFF';
const line = (cells: (string | number)[]) => cells.map((c) => csvCell(String(c))).join(',') + '\r\n';

/**
 * Mesh or hexagon counts: code (JIS X 0410 mesh code, or axial "q,r" of a hexagon), firms, area
 * in km² and firms per km².
 *
 * @example
 * cellsCsv(client.cells); // '\uFEFFmesh_code,firms,area_km2,firms_per_km2\r\n53394611,12,1.07,11.2…'
 */
export function cellsCsv(reply: CellsReply): string {
	let text = BOM + line([reply.type === 'mesh' ? 'mesh_code' : 'hex_qr', 'firms', 'area_km2', 'firms_per_km2']);
	for (const { properties: p } of reply.cells.features) text += line([p.code, p.count, p.areaKm2.toFixed(6), p.density.toFixed(4)]);
	return text;
}

/**
 * Location quotients per region: id (a municipality's 5-digit code, a prefecture's 2-digit code…),
 * name, the industry's firms, all firms, area in km², all firms per km², LQ (empty for a region
 * without firms).
 *
 * @example
 * lqCsv(client.lq, (id) => names.get(id) ?? id, (id) => areas.get(id));
 */
export function lqCsv(reply: LqReply, nameOf: (id: string) => string, areaKm2Of: (id: string) => number | undefined = () => undefined): string {
	let text = BOM + line(['region_id', 'name', 'industry', 'industry_firms', 'all_firms', 'area_km2', 'firms_per_km2', 'lq']);
	reply.ids.forEach((id, k) => {
		const lq = reply.lq[k];
		const km2 = areaKm2Of(id);
		const perKm2 = km2 !== undefined && km2 > 0 ? (reply.total[k] / km2).toFixed(4) : '';
		text += line([id, nameOf(id), reply.industry, reply.industryCount[k], reply.total[k], km2 !== undefined ? km2.toFixed(4) : '', perKm2, Number.isFinite(lq) ? lq.toFixed(4) : '']);
	});
	return text;
}
