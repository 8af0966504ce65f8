export { buildInstitutionIndex, nearestInstitution, nearestInstitutions, type InstitutionIndex } from './institution-index';
export { geodesicBuffer, withinKm } from './geodesic-buffer';
export { institutionBuffers, type BufferSite } from './institution-buffers';
