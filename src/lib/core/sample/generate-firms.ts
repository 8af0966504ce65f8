/**
 * A seeded, deterministic synthetic SME sample: firms clumped around the field-study districts'
 * municipal offices and sub-centres, scattered thinly over the rest of Japan, with survey variables
 * drawn from a planted model (./effects.ts). Rows are yielded one at a time so millions never sit
 * in memory.
 */
import { distance } from '@turf/turf';
import type { DistrictId } from '../geodata-types';
import {
	BACKGROUND_FIRMS,
	BACKGROUND_JSIC,
	BACKGROUND_MEDIAN_EMPLOYEES,
	BACKGROUND_SUBCONTRACTOR_SHARE,
	DISTRICT_CALIBRATION,
	NON_MANUFACTURING,
	OTHER_PREFECTURE_WEIGHT,
	PREFECTURE_WEIGHT
} from './calibration';
import { COMMUNICATION_LEVELS, drawOutcomes, type CommunicationLevel } from './effects';
import { companyName, parentFirmName } from './names';
import { createRandom, type Random } from './random';
import { createSampleContext, type SampleContext, type SampleGeodata } from './sample-context';

/** Column order of the sample; the map and the engine read these names. */
export const FIRM_COLUMNS = [
	'id',
	'name',
	'lat',
	'lon',
	'pref_code',
	'muni_code',
	'district',
	'jsic_major',
	'jsic_medium',
	'employees',
	'founded',
	'subcontractor',
	'parent_firm',
	'rd_communication',
	'new_products',
	'new_processes',
	'patents_3y'
] as const;

export interface FirmRow {
	id: string;
	name: string;
	lat: number;
	lon: number;
	pref_code: string;
	/** code5 of the nearest member office for district firms, '' for background firms. */
	muni_code: string;
	/** District id, '' for background firms. */
	district: DistrictId | '';
	jsic_major: string;
	jsic_medium: string;
	employees: number;
	founded: number;
	subcontractor: 'yes' | 'no';
	parent_firm: string;
	rd_communication: CommunicationLevel;
	new_products: 0 | 1;
	new_processes: 0 | 1;
	patents_3y: number;
}

export interface GenerateOptions {
	/** 32-bit seed; default 20021001 (the field study began in October 2002). */
	seed?: number;
	/** Multiplies every count: 1 ≈ 56,000 firms, 80 ≈ 4.5 million. */
	scale?: number;
}

export const DEFAULT_SEED = 20021001;

/** The year the synthetic survey describes ("in the last 3 years" = 2004–2006). */
const SURVEY_YEAR = 2006;
const KM_PER_DEGREE = 111.195;

export interface SampleCounts {
	/** Firms per district municipality, keyed by code5. */
	municipality: Record<string, number>;
	district: Record<DistrictId, number>;
	/** Background firms per prefecture code. */
	prefecture: Record<string, number>;
	background: number;
	total: number;
}

/** Splits `total` by `weights` into integers that sum to `total` (largest remainder). */
function apportion(total: number, weights: number[]): number[] {
	const sum = weights.reduce((a, b) => a + b, 0);
	const exact = weights.map((w) => (total * w) / sum);
	const out = exact.map(Math.floor);
	let left = total - out.reduce((a, b) => a + b, 0);
	const order = exact.map((x, i) => [x - Math.floor(x), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
	for (let k = 0; left > 0; k++, left--) out[order[k % order.length][1]]++;
	return out;
}

function checkOptions(options: GenerateOptions): { seed: number; scale: number } {
	const seed = options.seed ?? DEFAULT_SEED;
	const scale = options.scale ?? 1;
	if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new Error(`seed must be an integer 0–4294967295, got ${seed}`);
	if (!(scale > 0) || !Number.isFinite(scale)) throw new Error(`scale must be a positive number, got ${scale}`);
	return { seed, scale };
}

/**
 * How many firms the generator makes, per municipality, district and prefecture.
 *
 * @example
 * sampleCounts(geodata).district.ota; // 6038
 */
export function sampleCounts(geodata: SampleGeodata, options: GenerateOptions = {}): SampleCounts {
	const { scale } = checkOptions(options);
	const municipality: Record<string, number> = {};
	const district = {} as Record<DistrictId, number>;
	for (const d of geodata.districts) {
		const cal = DISTRICT_CALIBRATION[d.id];
		const n = Math.round(cal.firms * scale);
		const shares = d.municipalities.map((m) => cal.municipalityShare?.[m.code5] ?? (d.municipalities.length === 1 ? 1 : NaN));
		if (shares.some(Number.isNaN)) throw new Error(`calibration of district ${d.id} lacks a municipalityShare for one of its municipalities`);
		apportion(n, shares).forEach((k, i) => (municipality[d.municipalities[i].code5] = k));
		district[d.id] = n;
	}
	const codes = geodata.prefectures.features.map((f) => f.properties.code).sort();
	const background = Math.round(BACKGROUND_FIRMS * scale);
	const perPref = apportion(background, codes.map((c) => PREFECTURE_WEIGHT[c] ?? OTHER_PREFECTURE_WEIGHT));
	const prefecture = Object.fromEntries(codes.map((c, i) => [c, perPref[i]]));
	const total = Object.values(district).reduce((a, b) => a + b, 0) + background;
	return { municipality, district, prefecture, background, total };
}

interface Centre {
	lon: number;
	lat: number;
}

/** A point `sdKm` (per axis) around a centre, in degrees. */
function jitter(rng: Random, c: Centre, sdKm: number): Centre {
	const lat = c.lat + rng.normal(0, sdKm) / KM_PER_DEGREE;
	const lon = c.lon + rng.normal(0, sdKm) / (KM_PER_DEGREE * Math.cos((c.lat * Math.PI) / 180));
	return { lon, lat };
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** Draws until `accept` holds; a bounded loop so a bad input fails loudly instead of hanging. */
function drawUntil(draw: () => Centre, accept: (c: Centre) => boolean, what: string, tries = 10000): Centre {
	for (let i = 0; i < tries; i++) {
		// Round first so the point written to the CSV is the one that passed the test.
		const d = draw();
		const c = { lon: round6(d.lon), lat: round6(d.lat) };
		if (accept(c)) return c;
	}
	throw new Error(`could not place ${what} on land after ${tries} tries; check prefectures.geo.json`);
}


/** Firm age in years: log-normal around 26, redrawn outside 1–138 (nothing founded before 1868). */
function firmAge(rng: Random): number {
	for (;;) {
		const age = Math.round(Math.exp(rng.normal(Math.log(26), 0.65)));
		if (age >= 1 && age <= SURVEY_YEAR - 1868) return age;
	}
}

/** Where and how one group of firms (a district municipality or a prefecture's background) is drawn. */
interface Group {
	count: number;
	district: DistrictId | '';
	prefCode: string;
	place: () => Centre;
	/** Member offices of the district, for muni_code; empty for background. */
	members: { code5: string; office: [number, number] }[];
	jsic: { codes: string[]; weights: number[] };
	subcontractorShare: number;
	medianEmployees: number;
	parents: string[];
}

function profile(weights: Record<string, number>) {
	const codes = Object.keys(weights).sort();
	return { codes, weights: codes.map((c) => weights[c]) };
}

/** Sets up every group; all the setup draws happen before any firm, so the stream is reproducible. */
function groups(geodata: SampleGeodata, ctx: SampleContext, rng: Random, counts: SampleCounts): Group[] {
	const out: Group[] = [];
	for (const d of geodata.districts) {
		const cal = DISTRICT_CALIBRATION[d.id];
		const parents = Array.from({ length: 4 }, () => parentFirmName(rng));
		const members = d.municipalities.map((m) => ({ code5: m.code5, office: m.office }));
		for (const m of d.municipalities) {
			// The radius of the circle with the municipality's land area sets how far its firms spread.
			const r = Math.sqrt(m.area_km2 / Math.PI);
			const office: Centre = { lon: m.office[0], lat: m.office[1] };
			const onLand = (c: Centre) => ctx.onLand(d.pref_code, c.lon, c.lat);
			// Sub-centres: industrial estates and old factory streets away from the office.
			const reach = Math.min(0.7 * r, 12);
			const subs = Array.from({ length: Math.min(5, 1 + Math.floor(r / 3)) }, () =>
				drawUntil(
					() => {
						const bearing = rng.next() * 2 * Math.PI;
						const km = reach * Math.sqrt(rng.next());
						return {
							lat: office.lat + (km * Math.cos(bearing)) / KM_PER_DEGREE,
							lon: office.lon + (km * Math.sin(bearing)) / (KM_PER_DEGREE * Math.cos((office.lat * Math.PI) / 180))
						};
					},
					onLand,
					`a sub-centre of ${m.code5}`
				)
			);
			const coreSd = Math.min(0.45 * r, 3);
			const subSd = Math.min(0.25 * r, 2);
			const diffuseSd = Math.min(0.9 * r, 12);
			out.push({
				count: counts.municipality[m.code5],
				district: d.id,
				prefCode: d.pref_code,
				members,
				jsic: profile(cal.jsic),
				subcontractorShare: cal.subcontractorShare,
				medianEmployees: cal.medianEmployees,
				parents,
				place: () =>
					drawUntil(
						() => {
							const u = rng.next();
							if (u < 0.45) return jitter(rng, office, coreSd);
							if (u < 0.9) return jitter(rng, subs[rng.int(0, subs.length - 1)], subSd);
							return jitter(rng, office, diffuseSd);
						},
						onLand,
						`a firm of ${m.code5}`
					)
			});
		}
	}
	const parents = Array.from({ length: 12 }, () => parentFirmName(rng));
	for (const code of ctx.prefectureCodes) {
		const [w, s, e, n] = ctx.mainBbox(code);
		const onLand = (c: Centre) => ctx.onLand(code, c.lon, c.lat);
		const uniform = () => ({ lon: w + rng.next() * (e - w), lat: s + rng.next() * (n - s) });
		// A few towns per prefecture so background firms are not spread evenly over mountains.
		const towns = Array.from({ length: 6 }, () => drawUntil(uniform, onLand, `a town in prefecture ${code}`));
		out.push({
			count: counts.prefecture[code],
			district: '',
			prefCode: code,
			members: [],
			jsic: profile(BACKGROUND_JSIC),
			subcontractorShare: BACKGROUND_SUBCONTRACTOR_SHARE,
			medianEmployees: BACKGROUND_MEDIAN_EMPLOYEES,
			parents,
			place: () =>
				drawUntil(
					() => (rng.next() < 0.5 ? jitter(rng, towns[rng.int(0, towns.length - 1)], 6) : uniform()),
					onLand,
					`a background firm in prefecture ${code}`
				)
		});
	}
	return out;
}

function nearestMember(members: Group['members'], lon: number, lat: number): string {
	let best = '';
	let bestKm = Infinity;
	for (const m of members) {
		const km = distance([lon, lat], m.office, { units: 'kilometers' });
		if (km < bestKm) {
			bestKm = km;
			best = m.code5;
		}
	}
	return best;
}

/**
 * Yields the synthetic firms: district firms (district by district, in districts.json order), then
 * background firms prefecture by prefecture. Same geodata, seed and scale → the same rows.
 *
 * @example
 * for (const firm of generateFirms(geodata, { seed: 1, scale: 0.01 })) console.log(firm.id, firm.name);
 */
export function* generateFirms(geodata: SampleGeodata, options: GenerateOptions = {}): Generator<FirmRow> {
	const { seed } = checkOptions(options);
	const counts = sampleCounts(geodata, options);
	const ctx = createSampleContext(geodata);
	const rng = createRandom(seed);
	const idDigits = Math.max(7, String(counts.total).length);
	let serial = 0;
	for (const g of groups(geodata, ctx, rng, counts)) {
		for (let k = 0; k < g.count; k++) {
			const p = g.place();
			const { lon, lat } = p;
			let jsicMajor = 'E';
			let jsicMedium = g.jsic.codes[rng.pick(g.jsic.weights)];
			if (rng.next() < NON_MANUFACTURING.share) {
				[jsicMajor, jsicMedium] = NON_MANUFACTURING.divisions[rng.int(0, NON_MANUFACTURING.divisions.length - 1)];
			}
			const employees = Math.min(299, Math.max(1, Math.round(Math.exp(rng.normal(Math.log(g.medianEmployees), 1)))));
			const founded = SURVEY_YEAR - firmAge(rng);
			const sub = rng.next() < g.subcontractorShare ? 1 : 0;
			const parent = sub ? g.parents[rng.int(0, g.parents.length - 1)] : '';
			const inside = ctx.districtAt(lon, lat) >= 0 ? 1 : 0;
			const km = ctx.nearestInstitutionKm(lon, lat);
			const o = drawOutcomes(rng, { inside, km, subcontractor: sub, employees });
			serial++;
			yield {
				id: `F${String(serial).padStart(idDigits, '0')}`,
				name: companyName(rng, jsicMedium),
				lat,
				lon,
				pref_code: g.prefCode,
				muni_code: g.members.length ? nearestMember(g.members, lon, lat) : '',
				district: g.district,
				jsic_major: jsicMajor,
				jsic_medium: jsicMedium,
				employees,
				founded,
				subcontractor: sub ? 'yes' : 'no',
				parent_firm: parent,
				rd_communication: COMMUNICATION_LEVELS[o.comm],
				new_products: o.newProducts,
				new_processes: o.newProcesses,
				patents_3y: o.patents
			};
		}
	}
}
