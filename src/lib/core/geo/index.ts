export { haversineKm } from './haversine';
export { validateZones, type ZoneProblem } from './validate-zones';
export { cleanRing, type RingRepairs } from './clean-ring';
export { findCrossing } from './find-crossing';
export { ringArea } from './ring-area';
