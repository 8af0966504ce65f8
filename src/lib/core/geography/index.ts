export { municipalityFeatures, prefectureFeatures, unionOfMunicipalities, type MunicipalTopology, type PrefectureTopology } from './topology';
export {
	municipalityZones,
	municipalityZoneFeature,
	prefectureOfCode,
	prefectureZones,
	resolveMunicipality,
	type MunicipalLookup,
	type MunicipalityProblem,
	type ResolvedMunicipality
} from './municipality-zones';
export { labelPoint } from './label-point';
