import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { booleanPointInPolygon, pointOnFeature, pointToPolygonDistance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { classifyPoints, buildZoneIndex } from '../classify';
import { validateZones } from '../geo/validate-zones';
import type { MunicipalityIndex, PrefectureFeature } from '../geodata-types';
import { InputError } from '../io/input-error';
import { municipalityZones, prefectureZones, resolveMunicipality, type MunicipalLookup } from './municipality-zones';
import { municipalityFeatures, prefectureFeatures, type MunicipalTopology, type PrefectureTopology } from './topology';

const GEODATA = join(import.meta.dirname, '../../../../geodata');
const read = <T>(name: string): T => JSON.parse(readFileSync(join(GEODATA, name), 'utf8')) as T;
const index = read<MunicipalityIndex>('municipalities/index.json');
const topologies = new Map<string, MunicipalTopology>();
const lookup: MunicipalLookup = {
	index,
	topology: (pref) => {
		if (!(pref in index.prefectures)) return undefined;
		if (!topologies.has(pref)) topologies.set(pref, read<MunicipalTopology>(`municipalities/${pref}.topo.json`));
		return topologies.get(pref);
	}
};
const prefectures: PrefectureFeature[] = prefectureFeatures(read<PrefectureTopology>('prefectures.topo.json'));

describe('resolveMunicipality', () => {
	it('resolves every municipality code of the bundled data, 5 digits and 6 with the check digit', () => {
		let count = 0;
		for (const pref of Object.keys(index.prefectures)) {
			for (const f of municipalityFeatures(lookup.topology(pref)!)) {
				const found = resolveMunicipality(f.properties.code, lookup);
				expect(found, f.properties.code).toMatchObject({ code: f.properties.code, name: f.properties.name, codes: [f.properties.code] });
				if ('code6' in found) expect(resolveMunicipality(found.code6, lookup)).toMatchObject({ code: f.properties.code });
				count++;
			}
			expect(count).toBeGreaterThan(0);
		}
		expect(count).toBe(Object.values(index.prefectures).reduce((a, b) => a + b, 0));
		expect(count).toBeGreaterThan(1800);
	});

	it('resolves a designated city to its wards (Hamamatsu of 2021, Osaka)', () => {
		expect(resolveMunicipality('22130', lookup)).toMatchObject({ name: '浜松市', codes: ['22131', '22132', '22133', '22134', '22135', '22136', '22137'] });
		const osaka = resolveMunicipality('271004', lookup);
		expect(osaka).toMatchObject({ code: '27100', name: '大阪市' });
		expect('codes' in osaka && osaka.codes).toHaveLength(24);
	});

	it('explains bad and unknown codes', () => {
		expect(resolveMunicipality('131112', lookup)).toMatchObject({ reason: 'check-digit', expected: '131113' });
		expect(resolveMunicipality('abc', lookup)).toMatchObject({ reason: 'format' });
		expect(resolveMunicipality('13000', lookup)).toMatchObject({ reason: 'prefecture-only' });
		const hamamatsu2024 = resolveMunicipality('22138', lookup);
		expect(hamamatsu2024).toMatchObject({ reason: 'unknown', date: '2021-01-01' });
		expect('message' in hamamatsu2024 && hamamatsu2024.message).toMatch(/2021-01-01.*2024.*22130/);
		expect(() => municipalityZones(['13999'], lookup, { file: 'municipality:13999' })).toThrow(InputError);
	});
});

describe('municipality zones', () => {
	it('a designated city zone is the union of its wards: every ward interior point lies in it', () => {
		const [zone] = municipalityZones(['22130'], lookup, { file: 'municipality:22130' });
		expect(zone).toMatchObject({ id: '22130', properties: { name: '浜松市' } });
		const wards = municipalityFeatures(lookup.topology('22')!).filter((f) => f.properties.N03_003 === '浜松市');
		expect(wards).toHaveLength(7);
		for (const ward of wards) expect(booleanPointInPolygon(interiorPoint(ward.geometry), zone.geometry), ward.properties.name).toBe(true);
	});

	// A point ≥ 300 m inside a municipality is in that municipality's zone and in no other; checked on a
	// grid over the prefectures of the nine districts, with every municipality of the prefecture and of
	// its neighbours (borders between prefecture files must agree too) as zones.
	it.each([
		['08', '07', '09', '12'],
		['10', '09', '11', '20'],
		['13', '11', '14', '19'],
		['18', '17', '25', '26'],
		['20', '10', '15', '21', '22'],
		['22', '14', '19', '20', '23'],
		['27', '26', '28', '29', '30']
	])('classifies points well inside a municipality into it alone (prefecture %s and neighbours)', (pref, ...neighbours) => {
		const features = municipalityFeatures(lookup.topology(pref)!);
		const codes = [pref, ...neighbours].flatMap((p) => municipalityFeatures(lookup.topology(p)!).map((f) => f.properties.code));
		const { zones, problems } = validateZones(municipalityZones(codes, lookup, { file: pref }), { source: 'municipality' });
		expect(problems.filter((p) => p.severity === 'invalid')).toEqual([]);
		const points: { lon: number; lat: number; code: string }[] = [];
		for (const f of features) {
			for (const [lon, lat] of grid(f.geometry, 6)) {
				if (booleanPointInPolygon([lon, lat], f.geometry) && -pointToPolygonDistance([lon, lat], f.geometry, { units: 'kilometers' }) >= 0.3) points.push({ lon, lat, code: f.properties.code });
			}
		}
		expect(points.length).toBeGreaterThan(features.length);
		const result = classifyPoints(buildZoneIndex(zones), Float64Array.from(points, (p) => p.lon), Float64Array.from(points, (p) => p.lat));
		points.forEach((p, i) => {
			const ids = [...result.zoneIndices.subarray(result.offsets[i], result.offsets[i + 1])].map((k) => zones[k].id);
			expect(ids, `${p.lon},${p.lat}`).toEqual([p.code]);
		});
	});
});

describe('prefecture zones', () => {
	it('accepts codes and names, refuses the unknown with the accepted forms', () => {
		const ids = (t: string) => prefectureZones([t], prefectures, { file: t }).map((f) => f.id);
		for (const t of ['27', 'JP-27', 'Osaka', 'osaka', '大阪府', '大阪']) expect(ids(t), t).toEqual(['27']);
		expect(ids('1')).toEqual(['01']);
		expect(() => prefectureZones(['48'], prefectures, { file: 'prefecture:48' })).toThrow(/no prefecture "48"/);
	});

	it('dissolved prefectures cover their municipalities', () => {
		for (const p of prefectures) {
			for (const f of municipalityFeatures(lookup.topology(p.properties.code)!)) {
				expect(booleanPointInPolygon(pointOnFeature(f.geometry), p.geometry), `${f.properties.code} in ${p.properties.code}`).toBe(true);
			}
		}
	});
});

/** n × n grid points over a geometry's bounding box. */
function grid(g: GeoJSON.Polygon | GeoJSON.MultiPolygon, n: number): [number, number][] {
	const coords = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flat(2);
	const [w, s, e, nn] = [Math.min(...coords.map((c) => c[0])), Math.min(...coords.map((c) => c[1])), Math.max(...coords.map((c) => c[0])), Math.max(...coords.map((c) => c[1]))];
	const out: [number, number][] = [];
	for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out.push([w + ((i + 0.5) / n) * (e - w), s + ((j + 0.5) / n) * (nn - s)]);
	return out;
}

/** A point inside: the grid point farthest from the edge, else (small islands) one on the surface. */
function interiorPoint(g: GeoJSON.Polygon | GeoJSON.MultiPolygon): [number, number] {
	let best = pointOnFeature(g).geometry.coordinates as [number, number];
	let depth = 0;
	for (const p of grid(g, 5)) {
		if (!booleanPointInPolygon(p, g)) continue;
		const d = -pointToPolygonDistance(p, g, { units: 'kilometers' });
		if (d > depth) [best, depth] = [p, d];
	}
	return best;
}
