/**
 * The density worker's membership-stability run: the grid of settings round the panel's
 * detection, on the firms of the view passing the filter (as `detect` uses them), with the
 * answer spread back over every loaded firm so the map, the comparison and the export index it
 * by row.
 */
import { kdeBandwidth } from '$lib/core/density';
import { membershipStability, type StabilityGrid } from '$lib/core/detect';
import type { DensityHandlerResult } from './density-handler';
import { MAX_KDE_CELLS } from './density-protocol';
import type { StabilityRequest } from './stability-protocol';

/**
 * @param request the grid round the current detection
 * @param lons every loaded firm's longitude
 * @param lats and latitude
 * @param mask 1 for the firms of the run (view and filter)
 * @param cellFor the cell size the density panel uses for the view (larger for wide views)
 * @param onProgress settings done, of all
 * @example
 * stabilityReply(request, lons, lats, maskOf(request.filter, request.bbox), cellFor, (done, total) => emit(…));
 */
export function stabilityReply(
	request: StabilityRequest,
	lons: Float64Array,
	lats: Float64Array,
	mask: Uint8Array,
	cellFor: (bbox: StabilityRequest['bbox'], wanted: number) => number,
	onProgress: (done: number, total: number) => void
): DensityHandlerResult {
	const n = lons.length;
	const index: number[] = [];
	for (let i = 0; i < n; i++) if (mask[i] === 1) index.push(i);
	const areaLons = Float64Array.from(index, (i) => lons[i]);
	const areaLats = Float64Array.from(index, (i) => lats[i]);
	const detection = request.detection;
	let grid: StabilityGrid;
	if (detection.method === 'dbscan') {
		const eps = [...new Set(request.scales.map((f) => Math.round(detection.epsMetres * f)))];
		grid = { method: 'dbscan', epsMetres: eps, minPts: [...new Set(request.second)], hull: detection.hull };
	} else {
		if (detection.bandwidthMetres === null && index.length < 2) throw new Error('Fewer than 2 firms in view: zoom out, widen the filter or give a bandwidth in metres.');
		const h = detection.bandwidthMetres ?? kdeBandwidth(areaLons, areaLats, { kernel: detection.kernel });
		grid = {
			method: 'kde-threshold',
			bandwidthMetres: request.scales.map((f) => Math.round(h * f)),
			thresholdBy: detection.level !== null ? 'level' : 'percentile',
			thresholds: [...new Set(request.second)],
			// As the panel's detection grid: the view, its cell size, the same cap.
			kde: { kernel: detection.kernel, cellMetres: cellFor(request.bbox, detection.cellMetres), bbox: request.bbox, maxCells: MAX_KDE_CELLS * 2 }
		};
	}
	const run = membershipStability(areaLons, areaLats, grid, { onProgress });
	const total = run.settings.length;
	const m = index.length;
	const stability = new Float64Array(n).fill(NaN);
	const considered = new Uint8Array(n);
	const inside = new Uint8Array(total * n);
	for (let k = 0; k < m; k++) {
		const i = index[k];
		stability[i] = run.stability[k];
		considered[i] = run.considered[k];
		for (let s = 0; s < total; s++) inside[s * n + i] = run.inside[s * m + k];
	}
	return {
		reply: { type: 'stability', id: request.id, method: detection.method, stability, settings: run.settings, inside, considered, count: m },
		transfer: [stability.buffer as ArrayBuffer, inside.buffer as ArrayBuffer, considered.buffer as ArrayBuffer]
	};
}
