export { densityContours, type DensityContourOptions } from './contours';
export { dbscan, NOISE, NOT_CONSIDERED, type DbscanResult } from './dbscan';
export { clusterZones, type ClusterZoneOptions } from './cluster-zones';
export type { DetectedZone } from './detected-zone';
export { dbscanStability, STABILITY_FACTORS, type ClusterStability } from './stability';
