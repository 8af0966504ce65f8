/**
 * How many synthetic firms go where, and what they make. Ota and Higashi-Osaka follow the seed paper's
 * 1998 counts; every other figure is illustrative, chosen to look plausible, and documented as such in
 * geodata/README.md. Scale 1 gives ≈ 56,000 firms.
 */
import type { DistrictId } from '../geodata-types';

export interface DistrictCalibration {
	/** Firms at scale 1. */
	firms: number;
	/** Where the count comes from. */
	basis: string;
	/** Share of the firms per member municipality (code5); omitted for one-municipality districts. */
	municipalityShare?: Record<string, number>;
	/** JSIC medium division (two digits) → relative weight, for manufacturing firms. */
	jsic: Record<string, number>;
	/** Probability a firm is a subcontractor of a large firm. */
	subcontractorShare: number;
	/** Median employees (log-normal); Ota's 町工場 are tiny (about half have ≤ 3 workers). */
	medianEmployees: number;
}

export const DISTRICT_CALIBRATION: Record<DistrictId, DistrictCalibration> = {
	hitachi: {
		firms: 1200,
		basis: 'illustrative',
		jsic: { '29': 30, '26': 18, '24': 18, '25': 10, '28': 8, '31': 6, '32': 10 },
		subcontractorShare: 0.7,
		medianEmployees: 8
	},
	musashimurayama: {
		firms: 300,
		basis: 'illustrative',
		jsic: { '31': 35, '24': 15, '26': 15, '28': 12, '29': 10, '32': 13 },
		subcontractorShare: 0.6,
		medianEmployees: 9
	},
	ota: {
		firms: 6038,
		basis: 'seed paper 000: 6,038 factories in Ota ward in 1998',
		jsic: { '24': 22, '26': 22, '25': 12, '27': 8, '29': 8, '28': 6, '31': 6, '18': 5, '15': 4, '32': 7 },
		subcontractorShare: 0.7,
		medianEmployees: 3.5
	},
	higashiosaka: {
		firms: 21650,
		basis: 'seed paper 000: 21,650 factories in the two cities and three wards in 1998',
		// Illustrative split (the paper gives only the total): Higashi-Osaka city is the core.
		municipalityShare: { '27227': 0.42, '27212': 0.17, '27115': 0.11, '27116': 0.16, '27126': 0.14 },
		jsic: { '24': 30, '26': 13, '25': 8, '18': 12, '22': 5, '23': 4, '29': 5, '11': 6, '15': 5, '32': 12 },
		subcontractorShare: 0.6,
		medianEmployees: 4
	},
	kiryu: {
		firms: 1500,
		basis: 'illustrative',
		jsic: { '11': 45, '26': 12, '31': 12, '24': 10, '18': 6, '32': 15 },
		subcontractorShare: 0.45,
		medianEmployees: 6
	},
	taito: {
		firms: 2000,
		basis: 'illustrative',
		// Leather and footwear (20), jewellery and accessories (32), printing (15), apparel (11).
		jsic: { '20': 25, '32': 25, '15': 20, '11': 15, '13': 10, '24': 5 },
		subcontractorShare: 0.35,
		medianEmployees: 5
	},
	hamamatsu: {
		firms: 3500,
		basis: 'illustrative',
		// Musical instruments are JSIC 32; motorcycles 31; photonics 28 and 27.
		jsic: { '31': 30, '32': 18, '26': 12, '28': 10, '24': 10, '27': 8, '11': 6, '18': 6 },
		subcontractorShare: 0.55,
		medianEmployees: 9
	},
	suwa: {
		firms: 2200,
		basis: 'illustrative',
		municipalityShare: { '20206': 0.35, '20204': 0.3, '20214': 0.2, '20361': 0.15 },
		// Cameras and lenses are JSIC 27; watches 32; devices 28.
		jsic: { '27': 22, '28': 20, '26': 15, '24': 12, '32': 13, '29': 10, '25': 8 },
		subcontractorShare: 0.55,
		medianEmployees: 10
	},
	fukui: {
		firms: 2400,
		basis: 'illustrative',
		municipalityShare: { '18201': 0.6, '18207': 0.4 },
		// Textiles 11; eyeglass frames 27 (眼鏡製造業 is in 業務用機械); carbon fibre under chemicals 16.
		jsic: { '11': 45, '27': 20, '24': 8, '26': 8, '18': 6, '16': 5, '32': 8 },
		subcontractorShare: 0.45,
		medianEmployees: 8
	}
};

/** Firms at scale 1 scattered outside the districts, across all prefectures. */
export const BACKGROUND_FIRMS = 15000;

/**
 * Weight of each prefecture for background firms: the 1998 Census of Manufactures establishment counts
 * where known (Tokyo 68,695; Osaka 62,871; Aichi 53,674; Saitama 35,862; Shizuoka 27,905 — METI,
 * sangyo07), an illustrative 9,000 for every other prefecture.
 */
export const PREFECTURE_WEIGHT: Record<string, number> = {
	'13': 68695,
	'27': 62871,
	'23': 53674,
	'11': 35862,
	'22': 27905
};
export const OTHER_PREFECTURE_WEIGHT = 9000;

/** Background firms' industry mix (illustrative national profile). */
export const BACKGROUND_JSIC: Record<string, number> = {
	'09': 12, '11': 5, '12': 3, '13': 3, '15': 6, '18': 6, '21': 5, '22': 3, '24': 15,
	'25': 6, '26': 9, '27': 4, '28': 5, '29': 6, '31': 7, '32': 5
};
export const BACKGROUND_SUBCONTRACTOR_SHARE = 0.45;
export const BACKGROUND_MEDIAN_EMPLOYEES = 10;

/** Share of firms outside manufacturing and their division: wholesale of machinery, technical services, IT. */
export const NON_MANUFACTURING = { share: 0.04, divisions: [['I', '54'], ['L', '74'], ['G', '39']] as const };
