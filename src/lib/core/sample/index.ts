export { BACKGROUND_FIRMS, DISTRICT_CALIBRATION, PREFECTURE_WEIGHT } from './calibration';
export { COMMUNICATION_LEVELS, PLANTED_EFFECTS, drawOutcomes, type CommunicationLevel } from './effects';
export { firmCsvHeader, firmCsvLines } from './firms-csv';
export {
	DEFAULT_SEED,
	FIRM_COLUMNS,
	generateFirms,
	sampleCounts,
	type FirmRow,
	type GenerateOptions,
	type SampleCounts
} from './generate-firms';
export { companyName, parentFirmName } from './names';
export { createRandom, type Random } from './random';
export { createSampleContext, type SampleContext, type SampleGeodata } from './sample-context';
