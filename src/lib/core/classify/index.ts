export { buildZoneIndex, zoneParts, zonesAt, type ZoneIndex, type ZoneParts } from './zone-index';
export { classifyPoints, type PointClassification } from './classify-points';
export { classifyFirms, usableZones, zonesOfFirm, type FirmClassification } from './classify-firms';
