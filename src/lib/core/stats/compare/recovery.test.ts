/**
 * The whole chain on the synthetic sample (src/lib/core/sample): classify the firms against the
 * district extents with the engine, measure the distance to the nearest institution, read the
 * survey columns as text, and check that the regression recovers the effects the generator planted
 * (effects.ts) — right sign and about the planted size.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildZoneIndex, classifyPoints } from '../../classify';
import type { Zone } from '../../model';
import { buildInstitutionIndex, nearestInstitutions } from '../../proximity';
import { COMMUNICATION_LEVELS, PLANTED_EFFECTS, generateFirms, type FirmRow } from '../../sample';
import { loadGeodata } from '../../sample/test-helpers';
import { buildDesign } from './build-design';
import { compareOutcome } from './compare-outcome';
import { logitRobust } from './logit-robust';
import { makeContrasts } from './make-contrasts';
import { olsRobust } from './ols-robust';
import { parseColumn } from './parse-column';
import { parseFactor } from './parse-factor';
import type { Coefficient, Contrast, RegressionResult } from './types';

const geodata = loadGeodata();
let firms: FirmRow[] = [];
let contrast: Contrast;
let km: Float64Array;
let inside: Uint8Array;

beforeAll(() => {
	firms = [...generateFirms(geodata)];
	const zones: Zone[] = geodata.districtPolygons.features.map((f, i) => ({ id: `district-${i}`, name: f.properties.id, geometry: f.geometry, source: 'district' }));
	const lons = Float64Array.from(firms, (f) => f.lon);
	const lats = Float64Array.from(firms, (f) => f.lat);
	const classification = classifyPoints(buildZoneIndex(zones), lons, lats);
	inside = classification.inside;
	[contrast] = makeContrasts({ ...classification, zoneIds: zones.map((z) => z.id) }, { kind: 'inside-outside' });
	const institutions = geodata.institutions.features.map((f, i) => ({ id: String(i), lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1] }));
	km = nearestInstitutions(buildInstitutionIndex(institutions), lons, lats).km;
}, 120_000);

/** The design the panel builds: every covariate of the study, read from the CSV text. */
function studyDesign(outcome: 'new_products' | 'new_processes' | 'patents_3y') {
	const text = (column: keyof FirmRow) => firms.map((f) => String(f[column]));
	return buildDesign({
		y: parseColumn(text(outcome), { column: outcome }).values,
		inside,
		distanceKm: km,
		communication: Float64Array.from(parseFactor(text('rd_communication'), { name: 'rd_communication', levels: COMMUNICATION_LEVELS }).codes, (c) => (c < 0 ? NaN : c)),
		subcontractor: parseColumn(text('subcontractor'), { column: 'subcontractor' }).values,
		employees: parseColumn(text('employees'), { column: 'employees' }).values,
		industry: text('jsic_medium')
	});
}

function coefficients(result: RegressionResult): Map<string, Coefficient> {
	if (!result.ok) throw new Error(result.message);
	return new Map(result.coefficients.map((c) => [c.name, c]));
}

describe('recovery of the planted effects', () => {
	it.each(['new_products', 'new_processes'] as const)('the logit of %s recovers inside, distance, communication and subcontractor', (outcome) => {
		const planted = PLANTED_EFFECTS[outcome];
		const fit = coefficients(logitRobust(studyDesign(outcome)));
		const expected: [string, number][] = [
			['inside', planted.inside],
			['log_km', planted.log_km],
			['communication', planted.comm],
			['subcontractor', planted.subcontractor]
		];
		for (const [name, truth] of expected) {
			const c = fit.get(name)!;
			// ~56,000 firms give robust SEs of 0.02–0.04; 0.12 is three or more of them.
			expect(Math.sign(c.estimate), `${name}: fitted ${c.estimate.toFixed(3)}, planted ${truth}`).toBe(Math.sign(truth));
			expect(Math.abs(c.estimate - truth), `${name}: fitted ${c.estimate.toFixed(3)} ± ${c.se.toFixed(3)}, planted ${truth}`).toBeLessThan(0.12);
			expect(c.se).toBeGreaterThan(0.005);
			expect(c.se).toBeLessThan(0.08);
		}
		// Size does not enter the planted new-product model once communication is held fixed.
		expect(Math.abs(fit.get('log_employees')!.estimate)).toBeLessThan(0.1);
	});

	it('OLS of patent counts gets the planted signs with significant robust p-values', () => {
		const fit = coefficients(olsRobust(studyDesign('patents_3y')));
		const planted = PLANTED_EFFECTS.patents_3y;
		for (const [name, truth] of [['inside', planted.inside], ['log_km', planted.log_km], ['communication', planted.comm], ['subcontractor', planted.subcontractor]] as const) {
			const c = fit.get(name)!;
			expect(Math.sign(c.estimate), name).toBe(Math.sign(truth));
			expect(c.p, name).toBeLessThan(1e-3);
		}
	});

	it('firms inside report new products more often, by every test', () => {
		const column = parseColumn(firms.map((f) => String(f.new_products)), { column: 'new_products' });
		const r = compareOutcome(column, contrast, { permutations: 1000, seed: 5 });
		expect(r.inside.n + r.outside.n).toBe(firms.length);
		expect(r.inside.share! - r.outside.share!).toBeGreaterThan(0.1);
		expect(r.welch!.difference.low).toBeGreaterThan(0.05);
		expect(r.fisher!.p).toBeLessThan(1e-10);
		expect(r.chiSquare!.p).toBeLessThan(1e-10);
		expect(r.mannWhitney!.p).toBeLessThan(1e-10);
		expect(r.permutation!.p).toBe(1 / 1001);
		expect(r.effect!.oddsRatio!.low).toBeGreaterThan(1);
	});
});
