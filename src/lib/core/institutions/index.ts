export { bundledInstitutionCollection, campusProperties, isCoarseLocation } from './bundled-institutions';
export { matchesInstitutionFilter, selectInstitutions, type Classifiable, type InstitutionFilter } from './select-institutions';
