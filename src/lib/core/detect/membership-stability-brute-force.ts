import { buildZoneIndex } from '../classify/zone-index';
import { classifyPoints } from '../classify/classify-points';
import { kernelDensity } from '../density/kde';
import type { FirmFilter } from '../density/select-firms';
import { clusterZones } from './cluster-zones';
import { densityContours } from './contours';
import { dbscan } from './dbscan';
import type { DetectedZone } from './detected-zone';
import { settingsOf, type StabilityGrid } from './membership-stability';

/**
 * The naive reference: every setting run from scratch as the app's detection runs it (DBSCAN and
 * its hulls, or the kernel density and its contours), its zones classified, and the settings
 * under which each firm is inside counted. The tests' reference and the benchmark's baseline for
 * membershipStability; not used by the app.
 * @example
 * bruteForceStability(lons, lats, { method: 'dbscan', epsMetres: [300], minPts: [5, 10] })[0]; // 0, 0.5 or 1
 */
export function bruteForceStability(lons: Float64Array, lats: Float64Array, grid: StabilityGrid, filter?: FirmFilter): Float64Array {
	const n = lons.length;
	const counts = new Float64Array(n);
	const settings = settingsOf(grid);
	const count = (zones: DetectedZone[]) => {
		if (zones.length === 0) return;
		const { inside } = classifyPoints(buildZoneIndex(zones), lons, lats);
		for (let i = 0; i < n; i++) counts[i] += inside[i];
	};
	for (const setting of settings) {
		if (grid.method === 'dbscan' && 'epsMetres' in setting) {
			const run = dbscan(lons, lats, { ...setting, filter });
			count(clusterZones(lons, lats, run, { ...setting, hull: grid.hull, concavity: grid.concavity }));
		} else if (grid.method === 'kde-threshold' && 'bandwidthMetres' in setting) {
			const surface = kernelDensity(lons, lats, { ...grid.kde, bandwidthMetres: setting.bandwidthMetres, filter });
			if (!surface.values.some((v) => v > 0)) continue;
			const by = grid.thresholdBy === 'level' ? { level: setting.threshold } : { percentile: setting.threshold };
			count(densityContours(surface, lons, lats, { ...by, filter }).zones);
		}
	}
	const out = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		const considered = Number.isFinite(lons[i]) && Number.isFinite(lats[i]) && (filter === undefined || (filter instanceof Uint8Array ? filter[i] !== 0 : filter(i)));
		out[i] = considered ? counts[i] / settings.length : NaN;
	}
	return out;
}
