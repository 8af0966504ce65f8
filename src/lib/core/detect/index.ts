export { densityContours, type DensityContourOptions } from './contours';
export { dbscan, dbscanEachMinPts, NOISE, NOT_CONSIDERED, type DbscanResult } from './dbscan';
export { clusterZones, type ClusterZoneOptions } from './cluster-zones';
export type { DetectedZone } from './detected-zone';
export { dbscanStability, STABILITY_FACTORS, type ClusterStability } from './stability';
export {
	membershipStability,
	membershipStabilitySteps,
	StabilityCancelled,
	type MembershipStability,
	type MembershipStabilityOptions,
	type StabilityGrid,
	type StabilitySetting
} from './membership-stability';
export { insideOutsideBand, stabilityGroups, STABLY_INSIDE, STABLY_OUTSIDE, type SensitivityBand, type StabilityGroups } from './stability-groups';
