import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { area, bbox, booleanClockwise, booleanPointInPolygon, kinks, pointToPolygonDistance, polygon } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type {
	ClusterProgramCollection,
	District,
	DistrictPolygonCollection,
	MunicipalityIndex,
	InstitutionCollection,
	PrefectureCollection
} from '../src/lib/core/geodata-types';
import { INSTITUTION_TYPES } from '../src/lib/core/model';
import { municipalityFeatures, prefectureFeatures, type MunicipalTopology, type PrefectureTopology } from '../src/lib/core/geography';
import { topologyProblems } from './scripts/lib/geometry';
import { buildAll } from './scripts/build-all';

const dir = import.meta.dirname;
const read = <T>(name: string): T => JSON.parse(readFileSync(join(dir, name), 'utf8')) as T;

const prefectures = read<PrefectureCollection>('prefectures.geo.json');
const districts = read<District[]>('districts.json');
const districtPolygons = read<DistrictPolygonCollection>('districts.geo.json');
const municipalIndex = read<MunicipalityIndex>('municipalities/index.json');
const municipalities = (pref: string) => municipalityFeatures(read<MunicipalTopology>(`municipalities/${pref}.topo.json`));
const municipalityByCode = (code: string) => municipalities(code.slice(0, 2)).find((f) => f.properties.code === code)!;
const institutions = read<InstitutionCollection>('institutions.geo.json');
const programs = read<ClusterProgramCollection>('cluster-programs.geo.json');
const prefByCode = new Map(prefectures.features.map((f) => [f.properties.code, f]));

/** 0 inside the polygon, else the distance to it in km. */
const kmOutside = (p: Position, f: PrefectureCollection['features'][number]): number =>
	booleanPointInPolygon(p, f) ? 0 : pointToPolygonDistance(p, f, { units: 'kilometers' });

/** Every problem of a polygon, checked with Turf directly (independent of the build's own check). */
function problems(g: Polygon | MultiPolygon): string[] {
	const out: string[] = [];
	const parts: Position[][][] = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
	parts.forEach((part, pi) => {
		part.forEach((ring, ri) => {
			const [a, b] = [ring[0], ring[ring.length - 1]];
			if (ring.length < 4) out.push(`part ${pi} ring ${ri} has ${ring.length} positions`);
			if (a[0] !== b[0] || a[1] !== b[1]) out.push(`part ${pi} ring ${ri} is open`);
			// RFC 7946 right-hand rule: exterior counter-clockwise, holes clockwise.
			if (booleanClockwise(ring) !== ri > 0) out.push(`part ${pi} ring ${ri} wound the wrong way`);
		});
		const k = kinks(polygon(part)).features;
		if (k.length) out.push(`part ${pi} self-intersects at ${JSON.stringify(k[0].geometry.coordinates)}`);
	});
	return out;
}

describe('prefectures.geo.json', () => {
	it('has the 47 prefectures, codes 01–47 exactly once, id = code', () => {
		const codes = prefectures.features.map((f) => f.properties.code).sort();
		expect(codes).toEqual(Array.from({ length: 47 }, (_, i) => String(i + 1).padStart(2, '0')));
		for (const f of prefectures.features) {
			expect(f.id).toBe(f.properties.code);
			expect(f.properties.iso).toBe(`JP-${f.properties.code}`);
		}
	});

	it('names both languages; English is plain ASCII (findable in a search box)', () => {
		for (const f of prefectures.features) {
			expect(f.properties.name_en, f.properties.code).toMatch(/^[A-Za-z][A-Za-z -]*$/);
			expect(f.properties.name_ja, f.properties.code).toMatch(/^\p{Script=Han}+[都道府県]$/u);
		}
		const en = (code: string) => prefByCode.get(code)?.properties.name_en;
		expect([en('01'), en('13'), en('27'), en('28'), en('39'), en('44')]).toEqual([
			'Hokkaido',
			'Tokyo',
			'Osaka',
			'Hyogo',
			'Kochi',
			'Oita'
		]);
		expect(prefByCode.get('13')?.properties.name_ja).toBe('東京都');
	});

	it('has valid polygons and a label inside each prefecture', () => {
		for (const f of prefectures.features) {
			// Dissolved from the 1 % simplified N03 topology, a few coasts touch themselves at a single vertex
			// (Hiroshima): allowed by the engine, so checked by its rules rather than by @turf/kinks.
			expect(topologyProblems(f.geometry), f.properties.name_en).toEqual([]);
			expect(booleanPointInPolygon(f.properties.label, f), `label of ${f.properties.name_en}`).toBe(true);
		}
	});

	it('stays small enough for the browser', () => {
		expect(readFileSync(join(dir, 'prefectures.geo.json')).length).toBeLessThan(1.5e6);
	});
});

describe('districts.json and districts.geo.json', () => {
	it('has the nine field-study districts', () => {
		const ids = ['hitachi', 'musashimurayama', 'ota', 'higashiosaka', 'kiryu', 'taito', 'hamamatsu', 'suwa', 'fukui'];
		expect(districts.map((d) => d.id)).toEqual(ids);
		expect(districtPolygons.features.map((f) => f.id)).toEqual(ids);
	});

	it('Higashi-Osaka is the two cities and three wards of the field study', () => {
		const ho = districts.find((d) => d.id === 'higashiosaka')!;
		// 東大阪市, 八尾市, 大阪市東成区, 生野区, 平野区 (seed paper 000, footnote 10).
		expect(ho.municipalities.map((m) => m.code5).sort()).toEqual(['27115', '27116', '27126', '27212', '27227']);
		expect(districtPolygons.features.find((f) => f.id === 'higashiosaka')!.properties.boundary_codes.sort()).toEqual(['27115', '27116', '27126', '27212', '27227']);
	});

	it('each district polygon is valid and equals the union of its member municipalities', () => {
		for (const d of districts) {
			const f = districtPolygons.features.find((x) => x.id === d.id)!;
			expect(problems(f.geometry), d.id).toEqual([]);
			const members = f.properties.boundary_codes.map((code) => municipalityByCode(code));
			// Same area as its members together (they do not overlap), to 0.01 %.
			const memberKm2 = members.reduce((sum, m) => sum + area(m) / 1e6, 0);
			expect(Math.abs(area(f) / 1e6 - memberKm2) / memberKm2, d.id).toBeLessThan(1e-4);
			// And the same points: inside the district exactly when inside a member (grid over its bbox).
			const [w, s, e, n] = d.bbox;
			expect(bbox(f).map((x) => Math.round(x * 1e5) / 1e5), d.id).toEqual(d.bbox);
			for (let i = 0; i < 25; i++) {
				for (let j = 0; j < 25; j++) {
					const p = [w + ((i + 0.5) / 25) * (e - w), s + ((j + 0.5) / 25) * (n - s)];
					expect(booleanPointInPolygon(p, f), `${d.id} at ${p}`).toBe(members.some((m) => booleanPointInPolygon(p, m)));
				}
			}
			for (const m of d.municipalities) expect(booleanPointInPolygon(m.office, f), `office of ${m.code5}`).toBe(true);
		}
	});

	it('codes carry a valid check digit and lie in the district prefecture; industries are labelled in both languages', () => {
		for (const d of districts) {
			for (const m of d.municipalities) {
				const digits = [...m.code5].map(Number);
				const check = (11 - ((digits[0] * 6 + digits[1] * 5 + digits[2] * 4 + digits[3] * 3 + digits[4] * 2) % 11)) % 10;
				expect(m.code6, m.name_en).toBe(m.code5 + check);
				expect(m.code5.slice(0, 2)).toBe(d.pref_code);
				expect(kmOutside(m.office, prefByCode.get(d.pref_code)!), m.name_en).toBe(0);
				expect(m.boundary_codes.length).toBeGreaterThan(0);
			}
			for (const i of d.industries) {
				expect(i.en).not.toMatch(/UNVERIFIED/);
				expect(i.ja.length).toBeGreaterThan(0);
			}
			expect(d.sources.every((u) => /^https?:\/\//.test(u))).toBe(true);
		}
		const hamamatsu = districts.find((d) => d.id === 'hamamatsu')!.municipalities[0];
		expect(hamamatsu.boundary_codes).toEqual(['22131', '22132', '22133', '22134', '22135', '22136', '22137']);
	});
});

describe('municipalities/', () => {
	it('holds every municipality of 2021 once, by prefecture, with codes, names and valid polygons', () => {
		expect(Object.keys(municipalIndex.prefectures).sort()).toEqual(prefectures.features.map((f) => f.properties.code));
		expect(municipalIndex).toMatchObject({ date: '2021-01-01', simplification: '1%' });
		expect(municipalIndex.credit).toBe('「国土数値情報（行政区域データ）」（国土交通省）を加工して作成');
		const codes = new Set<string>();
		for (const [pref, count] of Object.entries(municipalIndex.prefectures)) {
			const features = municipalities(pref);
			expect(features, pref).toHaveLength(count);
			for (const f of features) {
				expect(f.id).toBe(f.properties.code);
				expect(f.properties.code).toMatch(new RegExp(`^${pref}\\d{3}$`));
				expect(f.properties.pref_code).toBe(pref);
				expect(f.properties.N03_001).toBe(prefByCode.get(pref)!.properties.name_ja);
				expect(f.properties.name.endsWith(f.properties.N03_004)).toBe(true);
				expect(topologyProblems(f.geometry), f.properties.code).toEqual([]);
				codes.add(f.properties.code);
			}
		}
		expect(codes.size).toBe(1902);
		expect(municipalityByCode('27115').properties.name).toBe('大阪市東成区');
		expect(municipalityByCode('13111').properties.name).toBe('大田区');
	});

	it('lists the 20 designated cities of 2021 with wards that exist', () => {
		expect(municipalIndex.designated_cities).toHaveLength(20);
		for (const city of municipalIndex.designated_cities) {
			for (const ward of city.wards) expect(municipalityByCode(ward).properties.N03_003, ward).toBe(city.name);
		}
		expect(municipalIndex.designated_cities.find((c) => c.code === '22130')?.wards).toEqual(['22131', '22132', '22133', '22134', '22135', '22136', '22137']);
	});

	it('prefectures.topo.json decodes to prefectures.geo.json (same properties, borders within 1 m)', () => {
		const decoded = prefectureFeatures(read<PrefectureTopology>('prefectures.topo.json'));
		expect(decoded.map((f) => f.properties)).toEqual(prefectures.features.map((f) => f.properties));
		for (const f of decoded) expect(Math.abs(area(f) - area(prefByCode.get(f.properties.code)!)) / area(f), f.properties.code).toBeLessThan(1e-4);
	});
});

describe('institutions.geo.json', () => {
	it('has 32 institutions with known types and confidences', () => {
		expect(institutions.features).toHaveLength(32);
		expect(new Set(institutions.features.map((f) => f.id)).size).toBe(32);
		for (const f of institutions.features) {
			expect(INSTITUTION_TYPES).toContain(f.properties.type);
			expect(['high', 'medium', 'low']).toContain(f.properties.confidence);
			expect(f.id).toBe(f.properties.id);
		}
	});

	it('places every institution in Japan and in the prefecture its municipality code names', () => {
		for (const f of institutions.features) {
			const [lon, lat] = f.geometry.coordinates;
			expect(lon > 122 && lon < 154 && lat > 20 && lat < 46, f.properties.id).toBe(true);
			const pref = prefByCode.get(f.properties.municipality_code.slice(0, 2))!;
			// The 1:10m coastline and borders are generalised (vertices ~1–2 km apart) and miss reclaimed
			// land, so a coastal or border site may fall just outside its prefecture: allow 2 km.
			expect(kmOutside(f.geometry.coordinates, pref), `${f.id} km outside ${pref.properties.name_en}`).toBeLessThanOrEqual(2);
		}
	});
});

describe('cluster-programs.geo.json', () => {
	it('covers the prefectures it names, with valid polygons and an honest extent', () => {
		for (const f of programs.features) {
			expect(problems(f.geometry), f.properties.id).toEqual([]);
			expect(f.properties.extent).toBe('prefectures of the region (approximate)');
			expect(typeof f.properties.verified).toBe('boolean');
			for (const code of f.properties.pref_codes) {
				// The programmes are unions of Natural Earth prefectures, whose generalised coast can miss a
				// label of the N03 prefectures by a little: allow 2 km, as for institutions.
				const label = prefByCode.get(code)!.properties.label;
				expect(booleanPointInPolygon(label, f) ? 0 : pointToPolygonDistance(label, f, { units: 'kilometers' }), `${f.properties.id} covers ${code}`).toBeLessThanOrEqual(2);
			}
		}
		const meti = programs.features.filter((f) => f.properties.program === 'meti-industrial-cluster');
		const mext = programs.features.filter((f) => f.properties.program === 'mext-knowledge-cluster');
		expect([meti.length, mext.length]).toEqual([19, 18]);
		// Higashi-Osaka is inside the Kinki manufacturing project; Fukui is in the Kinki bureau, not Chubu.
		const kinkiMfg = meti.find((f) => f.properties.name_ja === 'ものづくり元気企業支援プロジェクト')!;
		expect(booleanPointInPolygon([135.6008, 34.6794], kinkiMfg)).toBe(true);
		expect(kinkiMfg.properties.pref_codes).toContain('18');
	});
});

describe('committed files', () => {
	it('equal what geodata/scripts produce (run `npm run geodata` after changing a script or source)', () => {
		const built = buildAll();
		for (const [name, text] of Object.entries(built)) {
			expect(readFileSync(join(dir, name), 'utf8') === text, `geodata/${name} differs from a fresh build`).toBe(true);
		}
	});
});
