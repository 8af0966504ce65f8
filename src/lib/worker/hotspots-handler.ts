/**
 * The density worker's hot-spot job: the cells of the chosen grid over the rectangle spanning the
 * area's firms, the statistics of `stats/hotspots`, and cell features for the map carrying every
 * p-value, so the panel's multiple-testing choice restyles the map without a new run.
 */
import type { Feature, Polygon } from 'geojson';
import { cellId, cellPolygon, GridTooLargeError, hexLattice, hotSpots, meshLattice, type CellLattice } from '$lib/core/stats/hotspots';
import { MAX_CELLS, type HotspotCellProperties, type HotspotsReply, type HotspotsRequest } from './density-protocol';

/**
 * Answers a hot-spot request for the firms of the area (`inArea`: 1 for firms in the view) of
 * which `counted` are counted (the filter).
 *
 * @param hexCentre the dataset's hexagon origin, so hexagons match the density panel's
 * @param onProgress cells done of all, while the permutations run
 * @example
 * const reply = hotspotsReply(request, lons, lats, inArea, counted, hexCentre, (done, total) => emit(…));
 */
export function hotspotsReply(
	request: HotspotsRequest,
	lons: Float64Array,
	lats: Float64Array,
	inArea: Uint8Array,
	counted: Uint8Array,
	hexCentre: [number, number],
	onProgress: (done: number, total: number) => void
): HotspotsReply {
	const m = inArea.reduce((s, v) => s + v, 0);
	const areaLons = new Float64Array(m);
	const areaLats = new Float64Array(m);
	const areaCounted = new Uint8Array(m);
	for (let i = 0, k = 0; i < inArea.length; i++) {
		if (inArea[i] === 0) continue;
		areaLons[k] = lons[i];
		areaLats[k] = lats[i];
		areaCounted[k++] = counted[i];
	}
	const base = { type: 'hotspots' as const, id: request.id, permutations: request.permutations, seed: request.seed };
	const empty = { type: 'FeatureCollection' as const, features: [] };
	let lattice: CellLattice;
	try {
		lattice =
			request.grid.kind === 'mesh'
				? meshLattice(areaLons, areaLats, request.grid.level, { filter: areaCounted })
				: hexLattice(areaLons, areaLats, request.grid.sizeMetres, { filter: areaCounted, centre: hexCentre });
	} catch (error) {
		if (error instanceof GridTooLargeError) return { ...base, cells: empty, count: 0, cellCount: 0, tooMany: Number.MAX_SAFE_INTEGER, warnings: [] };
		throw error;
	}
	const n = lattice.counts.length;
	const count = lattice.counts.reduce((s, v) => s + v, 0);
	if (n > MAX_CELLS) return { ...base, cells: empty, count, cellCount: n, tooMany: n, warnings: [] };
	const r = hotSpots(lattice.counts, lattice, { permutations: request.permutations, seed: request.seed, onProgress });
	const num = (v: number) => (Number.isFinite(v) ? v : null);
	const features: Feature<Polygon, HotspotCellProperties>[] = [];
	for (let c = 0; c < n; c++) {
		const x = r.deviation[c];
		const y = r.lag[c];
		features.push({
			type: 'Feature',
			id: c,
			geometry: cellPolygon(lattice, c),
			properties: {
				code: cellId(lattice, c),
				count: lattice.counts[c],
				giZ: num(r.giStarZ[c]),
				giP: num(r.giStarP[c]),
				giQ: num(r.giStarQ[c]),
				giBonferroni: num(r.giStarBonferroni[c]),
				moranI: num(r.localMoranI[c]),
				moranZ: num(r.localMoranZ[c]),
				moranP: num(r.localMoranP[c]),
				moranQ: num(r.localMoranQ[c]),
				moranBonferroni: num(r.localMoranBonferroni[c]),
				quadrant: x === 0 || y === 0 ? null : x > 0 ? (y > 0 ? 'HH' : 'HL') : y < 0 ? 'LL' : 'LH'
			}
		});
	}
	return { ...base, cells: { type: 'FeatureCollection', features }, count, cellCount: n, tooMany: 0, warnings: r.warnings };
}
