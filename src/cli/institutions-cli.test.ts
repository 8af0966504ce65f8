import { distance } from '@turf/distance';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { InstitutionCollection, UniversityCollection } from '../lib/core/geodata-types';

// End-to-end: `--institutions bundled` (the hand-sourced institutions and every university campus, as the app), the type and field selection, and
// `--nearest-by-type`. Expected values come from the geodata files and a brute-force Turf search, not from the engine.

const BIN = join(import.meta.dirname, '../../bin/cluster-map.js');
const OUT = mkdtempSync(join(tmpdir(), 'cluster-map-institutions-'));
const GEODATA = join(import.meta.dirname, '../../geodata');

interface Bundled {
	id: string;
	lon: number;
	lat: number;
	type: string;
	fields: string[];
}
const hand = JSON.parse(readFileSync(join(GEODATA, 'institutions.geo.json'), 'utf8')) as InstitutionCollection;
const universities = JSON.parse(readFileSync(join(GEODATA, 'universities.geo.json'), 'utf8')) as UniversityCollection;
const handFields = new Map(universities.hand_sourced.map((m) => [m.institution_id, m.fields]));
const bundled: Bundled[] = [
	...hand.features.map((f) => ({ id: f.properties.id, lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1], type: f.properties.type, fields: handFields.get(f.properties.id) ?? [] })),
	...universities.features.map((f) => ({ id: f.properties.id, lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1], type: f.properties.type, fields: f.properties.fields }))
];
const byId = new Map(bundled.map((b) => [b.id, b]));

function run(...args: string[]): Promise<{ status: number; stderr: string }> {
	return new Promise((resolve) => {
		execFile(process.execPath, [BIN, ...args], { cwd: join(import.meta.dirname, 'test'), encoding: 'utf8' }, (error, _stdout, stderr) => {
			resolve({ status: error ? ((error as { code?: number }).code ?? 1) : 0, stderr });
		});
	});
}

function readCsv(path: string): { header: string[]; rows: Record<string, string>[] } {
	const [header, ...rows] = Papa.parse<string[]>(readFileSync(path, 'utf8').replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;
	return { header, rows: rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))) };
}

/** The nearest of `candidates` to a firm by an exhaustive Turf search. */
function nearest(candidates: readonly Bundled[], lon: number, lat: number): { id: string; km: number } {
	let best = { id: '', km: Infinity };
	for (const c of candidates) {
		const km = distance([lon, lat], [c.lon, c.lat], { units: 'kilometers' });
		if (km < best.km) best = { id: c.id, km };
	}
	return best;
}

describe('classify --institutions bundled: the hand-sourced institutions and every university campus', () => {
	it('measures to every campus as well as the hand-sourced institutions', async () => {
		const out = join(OUT, 'all.csv');
		const r = await run('classify', '--firms', 'in/firms.csv', '--zones', 'district:all', '--institutions', 'bundled', '--out', out);
		expect(r.status, r.stderr).toBe(0);
		expect(r.stderr).toContain(`institutions: ${bundled.length.toLocaleString('en')} from bundled`);
		const { rows } = readCsv(out);
		// Rows in plain decimal degrees (the fixture also has full-width digits and degrees-minutes-seconds, which Number cannot read).
		const placed = rows.filter((row) => row.problem === '' && Number.isFinite(Number(row['経度'])) && Number.isFinite(Number(row['緯度'])));
		expect(placed.length).toBeGreaterThan(100);
		for (const row of placed) {
			const want = nearest(bundled, Number(row['経度']), Number(row['緯度']));
			expect(row.nearest_institution_id, row.id).toBe(want.id);
			expect(Number(row.nearest_institution_km)).toBeCloseTo(want.km, 2);
		}
		// Some firm's nearest institution is a campus from the university list.
		expect(placed.some((row) => !hand.features.some((f) => f.properties.id === row.nearest_institution_id))).toBe(true);
	});

	it('takes `all`, its former name, for the same institutions', async () => {
		const [a, b] = [join(OUT, 'named-all.csv'), join(OUT, 'named-bundled.csv')];
		const args = ['--firms', 'in/firms.csv', '--zones', 'district:all'];
		expect((await run('classify', ...args, '--institutions', 'all', '--out', a)).status).toBe(0);
		expect((await run('classify', ...args, '--institutions', 'bundled', '--out', b)).status).toBe(0);
		expect(readFileSync(a, 'utf8')).toBe(readFileSync(b, 'utf8'));
	});

	it('selects by type and field, and appends one nearest pair per type present after the usual columns', async () => {
		const out = join(OUT, 'by-type.csv');
		const args = ['--firms', 'in/firms.csv', '--zones', 'district:all', '--institutions', 'bundled', '--buffer-km', '5', '--out', out];
		const r = await run('classify', ...args, '--institution-types', 'private-university,public-research-institute', '--nearest-by-type');
		expect(r.status, r.stderr).toBe(0);
		const { header, rows } = readCsv(out);
		const usual = ['zone_ids', 'inside_cluster', 'nearest_institution_id', 'nearest_institution_km', 'within_buffer', 'problem'];
		expect(header.slice(-10)).toEqual([
			...usual,
			'nearest_private_university_id',
			'nearest_private_university_km',
			'nearest_public_research_institute_id',
			'nearest_public_research_institute_km'
		]);
		// Every row, problem rows included, has one cell per header column.
		const raw = Papa.parse<string[]>(readFileSync(out, 'utf8'), { skipEmptyLines: true }).data;
		expect(raw.every((cells) => cells.length === header.length)).toBe(true);
		expect(rows.some((row) => row.problem !== '')).toBe(true);
		const chosen = bundled.filter((b) => b.type === 'private-university' || b.type === 'public-research-institute');
		let checked = 0;
		for (const row of rows) {
			if (row.problem !== '') {
				expect([row.nearest_private_university_id, row.nearest_public_research_institute_km], row.id).toEqual(['', '']);
				continue;
			}
			const [lon, lat] = [Number(row['経度']), Number(row['緯度'])];
			if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue; // full-width or degrees-minutes-seconds text
			checked++;
			expect(row.nearest_institution_id).toBe(nearest(chosen, lon, lat).id);
			for (const type of ['private-university', 'public-research-institute']) {
				const want = nearest(chosen.filter((b) => b.type === type), lon, lat);
				const column = type.replace(/-/g, '_');
				expect(row[`nearest_${column}_id`], `${row.id} ${type}`).toBe(want.id);
				expect(Number(row[`nearest_${column}_km`])).toBeCloseTo(want.km, 2);
			}
		}
		expect(checked).toBeGreaterThan(100);
	});

	it('keeps only institutions with a chosen field; GeoJSON output gets the same per-type fields', async () => {
		const out = join(OUT, 'engineering.geojson');
		const r = await run('classify', '--firms', 'in/firms.csv', '--zones', 'district:all', '--institutions', 'bundled', '--institution-fields', 'engineering', '--nearest-by-type', '--out', out);
		expect(r.status, r.stderr).toBe(0);
		const features = (JSON.parse(readFileSync(out, 'utf8')) as { features: { properties: Record<string, unknown> }[] }).features;
		const placed = features.filter((f) => f.properties.problem === null);
		expect(placed.length).toBeGreaterThan(100);
		for (const f of placed) {
			const id = f.properties.nearest_institution_id as string;
			expect(byId.get(id)?.fields, id).toContain('engineering');
			expect(byId.get(f.properties.nearest_national_university_id as string)?.type).toBe('national-university');
		}
		const engineeringTypes = new Set(bundled.filter((b) => b.fields.includes('engineering')).map((b) => b.type.replace(/-/g, '_')));
		const typeKeys = Object.keys(placed[0].properties).filter((k) => /^nearest_.*_id$/.test(k) && k !== 'nearest_institution_id');
		expect(new Set(typeKeys.map((k) => k.slice('nearest_'.length, -'_id'.length)))).toEqual(engineeringTypes);
	});

	it.each([
		[['--institution-types', 'national-university,university'], /--institution-types: unknown "university"; valid values are national-university, public-university, private-university, public-research-institute, national-research-institute, other/],
		[['--institution-fields', 'engineering,physics'], /--institution-fields: unknown "physics"; valid values are engineering, science, medicine-health, agriculture, other/],
		[['--institution-fields', ','], /--institution-fields needs one or more of/]
	])('refuses %j with exit 2 and the valid values', async (extra, message) => {
		const r = await run('classify', '--firms', 'in/firms.csv', '--zones', 'district:all', '--institutions', 'bundled', ...extra, '--out', join(OUT, 'x.csv'));
		expect(r.status).toBe(2);
		expect(r.stderr).toMatch(message);
		expect(r.stderr).not.toMatch(/\n\s+at /);
	});

	it('refuses a selection that cannot apply, with exit 2 and what to do', async () => {
		const noInstitutions = await run('classify', '--firms', 'in/firms.csv', '--zones', 'district:all', '--nearest-by-type', '--out', join(OUT, 'x.csv'));
		expect(noInstitutions.status).toBe(2);
		expect(noInstitutions.stderr).toContain('--nearest-by-type needs --institutions');
		// The fixture's institutions.csv has no type column and no fields.
		const untyped = await run('classify', '--firms', 'in/firms.csv', '--zones', 'district:all', '--institutions', 'in/institutions.csv', '--institution-types', 'other', '--out', join(OUT, 'x.csv'));
		expect(untyped.status).toBe(2);
		expect(untyped.stderr).toContain('gives no institution type');
		const noFields = await run('classify', '--firms', 'in/firms.csv', '--zones', 'district:all', '--institutions', 'in/institutions.csv', '--institution-fields', 'science', '--out', join(OUT, 'x.csv'));
		expect(noFields.status).toBe(2);
		expect(noFields.stderr).toContain('gives no research fields');
		// 公設試 have no fields, so none is left.
		const none = await run('classify', '--firms', 'in/firms.csv', '--zones', 'district:all', '--institutions', 'bundled', '--institution-types', 'public-research-institute', '--institution-fields', 'engineering', '--out', join(OUT, 'x.csv'));
		expect(none.status).toBe(2);
		expect(none.stderr).toContain('no institution in all has types public-research-institute and fields engineering');
	});
});
