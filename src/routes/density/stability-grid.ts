/**
 * The grid of settings a membership-stability run goes through, round the panel's detection:
 * eps (or the bandwidth) from two thirds to one and a half times the current one, and minPts (or
 * the level) likewise, or percentiles between ten below the current one and nine tenths of the
 * way to 100. (Half to twice on both axes left no firm of Higashi-Osaka inside under 90 % of the
 * settings: too wide to call anything stable.)
 */
import type { DetectionMethod } from '$lib/worker/density-protocol';

/** Multipliers of the current eps, bandwidth, minPts or level. */
export const STABILITY_SCALES = [2 / 3, 0.8, 1, 1.25, 1.5];

/**
 * @example
 * stabilityAxes({ method: 'dbscan', epsMetres: 150, minPts: 20, hull: 'convex' });
 * // { scales: [2 / 3, 0.8, 1, 1.25, 1.5], second: [13, 16, 20, 25, 30], first: [100, 120, 150, 188, 225] }
 */
export function stabilityAxes(detection: DetectionMethod): { scales: number[]; second: number[]; first: number[] | null } {
	const scales = STABILITY_SCALES;
	if (detection.method === 'dbscan') {
		const minPts = [...new Set(scales.map((f) => Math.max(2, Math.round(detection.minPts * f))))];
		return { scales, second: minPts, first: [...new Set(scales.map((f) => Math.round(detection.epsMetres * f)))] };
	}
	const first = detection.bandwidthMetres === null ? null : scales.map((f) => Math.round(detection.bandwidthMetres! * f));
	if (detection.level !== null) return { scales, second: scales.map((f) => Number((detection.level! * f).toPrecision(3))), first };
	const p = detection.percentile ?? 90;
	const second = [p - 10, p - 5, p, p + (100 - p) / 2, p + ((100 - p) * 9) / 10].map((v) => Math.round(Math.max(1, Math.min(99.9, v)) * 10) / 10);
	return { scales, second: [...new Set(second)], first };
}
