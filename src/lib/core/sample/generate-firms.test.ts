import { booleanPointInPolygon, distance } from '@turf/turf';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { DISTRICT_CALIBRATION } from './calibration';
import { PLANTED_EFFECTS } from './effects';
import { firmCsvHeader, firmCsvLines } from './firms-csv';
import { FIRM_COLUMNS, generateFirms, sampleCounts, type FirmRow } from './generate-firms';
import { fitGlm, loadGeodata } from './test-helpers';

const geodata = loadGeodata();
const csv = (rows: FirmRow[]) => firmCsvHeader() + '\n' + firmCsvLines(rows);

let firms: FirmRow[] = [];
beforeAll(() => {
	firms = [...generateFirms(geodata)]; // default seed, scale 1
});

describe('generateFirms determinism', () => {
	it('gives identical output for the same seed and different output for another seed', () => {
		const a = csv([...generateFirms(geodata, { seed: 7, scale: 0.05 })]);
		const b = csv([...generateFirms(geodata, { seed: 7, scale: 0.05 })]);
		const c = csv([...generateFirms(geodata, { seed: 8, scale: 0.05 })]);
		expect(a === b).toBe(true);
		expect(a === c).toBe(false);
		// Same row count (counts depend on scale only), different content.
		expect(c.split('\n').length).toBe(a.split('\n').length);
	});

	it('rejects a bad seed or scale with a message saying what is allowed', () => {
		expect(() => generateFirms(geodata, { scale: 0 }).next()).toThrow(/scale must be a positive number/);
		expect(() => generateFirms(geodata, { seed: 1.5 }).next()).toThrow(/seed must be an integer/);
	});
});

describe('calibration', () => {
	it('matches the seed paper: Ota 6,038 and the five Higashi-Osaka municipalities 21,650 factories (1998)', () => {
		const byDistrict = (id: string) => firms.filter((f) => f.district === id).length;
		expect(byDistrict('ota')).toBe(6038);
		expect(byDistrict('higashiosaka')).toBe(21650);
		const hoCodes = new Set(firms.filter((f) => f.district === 'higashiosaka').map((f) => f.muni_code));
		expect([...hoCodes].sort()).toEqual(['27115', '27116', '27126', '27212', '27227']);
	});

	it('has every district at its calibrated count and a browser-friendly total', () => {
		for (const d of geodata.districts) {
			expect(firms.filter((f) => f.district === d.id).length, d.id).toBe(DISTRICT_CALIBRATION[d.id].firms);
		}
		expect(firms.length).toBeGreaterThanOrEqual(40_000);
		expect(firms.length).toBeLessThanOrEqual(70_000);
		expect(firms.length).toBe(sampleCounts(geodata).total);
	});

	it('scales every count (rounded) with the scale option', () => {
		const counts = sampleCounts(geodata, { scale: 80 });
		expect(counts.district.ota).toBe(6038 * 80);
		expect(counts.total).toBeGreaterThan(4_000_000);
		const half = [...generateFirms(geodata, { scale: 0.5 })];
		expect(half.filter((f) => f.district === 'ota').length).toBe(3019);
	});

	it('puts background firms mostly in the big manufacturing prefectures', () => {
		const bg = firms.filter((f) => f.district === '');
		const share = (code: string) => bg.filter((f) => f.pref_code === code).length / bg.length;
		// Tokyo's 1998 weight is 68,695 against 9,000 for an ordinary prefecture.
		expect(share('13')).toBeGreaterThan(5 * share('32'));
		expect(share('27')).toBeGreaterThan(share('23'));
	});
});

describe('places', () => {
	it('puts every firm on land, inside the polygon of its pref_code', () => {
		const prefs = new Map(geodata.prefectures.features.map((f) => [f.properties.code, f]));
		const off = firms.filter((f) => !booleanPointInPolygon([f.lon, f.lat], prefs.get(f.pref_code)!));
		expect(off.map((f) => f.id)).toEqual([]);
	});

	it('gives district firms the code of the nearest member office', () => {
		for (const f of firms.filter((_, i) => i % 97 === 0 && firms[i].district !== '')) {
			const d = geodata.districts.find((x) => x.id === f.district)!;
			const km = (o: [number, number]) => distance([f.lon, f.lat], o, { units: 'kilometers' });
			const nearest = [...d.municipalities].sort((a, b) => km(a.office) - km(b.office))[0];
			expect(f.muni_code, f.id).toBe(nearest.code5);
		}
	});

	it('clusters district firms around their district', () => {
		for (const d of geodata.districts) {
			const own = firms.filter((f) => f.district === d.id);
			const km = own.map((f) => Math.min(...d.municipalities.map((m) => distance([f.lon, f.lat], m.office, { units: 'kilometers' }))));
			km.sort((a, b) => a - b);
			const median = km[Math.floor(km.length / 2)];
			expect(median, d.id).toBeLessThan(8);
		}
	});
});

describe('columns and values', () => {
	it('writes the columns in the contract order and CSV that parses back to the same values', () => {
		expect(FIRM_COLUMNS).toEqual([
			'id', 'name', 'lat', 'lon', 'pref_code', 'muni_code', 'district', 'jsic_major', 'jsic_medium', 'employees',
			'founded', 'subcontractor', 'parent_firm', 'rd_communication', 'new_products', 'new_processes', 'patents_3y'
		]);
		const sample = firms.slice(0, 500);
		const parsed = Papa.parse<Record<string, string>>(csv(sample), { header: true, skipEmptyLines: true });
		expect(parsed.errors).toEqual([]);
		expect(parsed.meta.fields).toEqual([...FIRM_COLUMNS]);
		parsed.data.forEach((row, i) => {
			const f = sample[i];
			expect(row.id).toBe(f.id);
			expect(row.name).toBe(f.name);
			expect(row.lat).toMatch(/^\d+\.\d{6}$/);
			expect(Number(row.lat)).toBe(f.lat);
			expect(Number(row.lon)).toBe(f.lon);
			expect(row.parent_firm).toBe(f.parent_firm);
		});
	});

	it('keeps every value in its domain', () => {
		const int = (x: number, lo: number, hi: number) => Number.isInteger(x) && x >= lo && x <= hi;
		const rules: [string, (f: FirmRow) => boolean][] = [
			['id', (f) => /^F\d{7}$/.test(f.id)],
			['name', (f) => /\p{Script=Han}/u.test(f.name)],
			['lat/lon in Japan', (f) => f.lat > 24 && f.lat < 46 && f.lon > 122 && f.lon < 146],
			['pref_code', (f) => /^(0[1-9]|[1-3]\d|4[0-7])$/.test(f.pref_code)],
			['muni_code iff district', (f) => (f.muni_code === '') === (f.district === '')],
			['muni_code in pref', (f) => f.muni_code === '' || f.muni_code.slice(0, 2) === f.pref_code],
			['jsic', (f) => /^(E(09|1\d|2\d|3[0-2])|I54|L74|G39)$/.test(f.jsic_major + f.jsic_medium)],
			['employees', (f) => int(f.employees, 1, 299)],
			['founded', (f) => int(f.founded, 1868, 2006)],
			['subcontractor', (f) => f.subcontractor === 'yes' || f.subcontractor === 'no'],
			['parent_firm iff subcontractor', (f) => (f.parent_firm === '') === (f.subcontractor === 'no')],
			['rd_communication', (f) => ['none', 'yearly', 'monthly', 'weekly'].includes(f.rd_communication)],
			['new_products', (f) => f.new_products === 0 || f.new_products === 1],
			['new_processes', (f) => f.new_processes === 0 || f.new_processes === 1],
			['patents_3y', (f) => int(f.patents_3y, 0, 1000)]
		];
		const broken: string[] = [];
		for (const f of firms) for (const [rule, ok] of rules) if (!ok(f) && broken.length < 20) broken.push(`${f.id}: ${rule}`);
		expect(broken).toEqual([]);
		expect(new Set(firms.map((f) => f.id)).size).toBe(firms.length);
		expect(firms.filter((f) => f.jsic_major === 'E').length / firms.length).toBeGreaterThan(0.9);
	});

	it('makes Ota and Higashi-Osaka firms more often subcontractors than background firms', () => {
		const share = (id: string) => {
			const g = firms.filter((f) => f.district === id);
			return g.filter((f) => f.subcontractor === 'yes').length / g.length;
		};
		expect(share('ota')).toBeGreaterThan(share('') + 0.1);
		expect(share('higashiosaka')).toBeGreaterThan(share('') + 0.1);
	});
});

describe('planted effects', () => {
	// Covariates recomputed independently of the generator: point-in-polygon against the committed
	// district polygons and brute-force great-circle distance to every institution.
	const LEVEL = { none: 0, yearly: 1, monthly: 2, weekly: 3 } as const;
	let design: { inside: number; logKm: number; comm: number; sub: number }[] = [];
	beforeAll(() => {
		const inst = geodata.institutions.features.map((f) => f.geometry.coordinates);
		design = firms.map((f) => {
			const p = [f.lon, f.lat];
			const inside = geodata.districtPolygons.features.some((e) => booleanPointInPolygon(p, e)) ? 1 : 0;
			const km = Math.min(...inst.map((q) => distance(p, q, { units: 'kilometers' })));
			return { inside, logKm: Math.log(km + 1), comm: LEVEL[f.rd_communication], sub: f.subcontractor === 'yes' ? 1 : 0 };
		});
	});
	const X = () => design.map((d) => [1, d.inside, d.logKm, d.comm, d.sub]);
	const planted = (b: { intercept: number; inside: number; log_km: number; comm: number; subcontractor: number }) => [
		b.intercept,
		b.inside,
		b.log_km,
		b.comm,
		b.subcontractor
	];

	it('firms inside a district polygon report new products more often', () => {
		const rate = (inside: number) => {
			const g = firms.filter((_, i) => design[i].inside === inside);
			return g.reduce((s, f) => s + f.new_products, 0) / g.length;
		};
		expect(rate(1) - rate(0)).toBeGreaterThan(0.1);
	});

	it('communication is more frequent nearer an institution', () => {
		const near = design.filter((d) => d.logKm < Math.log(6));
		const far = design.filter((d) => d.logKm > Math.log(51));
		const mean = (g: typeof design) => g.reduce((s, d) => s + d.comm, 0) / g.length;
		expect(mean(near)).toBeGreaterThan(mean(far) + 0.5);
	});

	// ~56,000 firms give standard errors of ~0.02–0.06; 0.15 is about three of them.
	it.each([
		['new_products', 'logit'],
		['new_processes', 'logit'],
		['patents_3y', 'poisson']
	] as const)('recovers the planted coefficients of %s (%s)', (outcome, family) => {
		const beta = fitGlm(X(), firms.map((f) => f[outcome]), family);
		const truth = planted(PLANTED_EFFECTS[outcome]);
		beta.forEach((b, j) => expect(Math.abs(b - truth[j]), `coefficient ${j}: fitted ${b.toFixed(3)}, planted ${truth[j]}`).toBeLessThan(0.15));
	});
});
