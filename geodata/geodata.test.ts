import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { area, booleanClockwise, booleanPointInPolygon, kinks, pointToPolygonDistance, polygon } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type {
	ClusterProgramCollection,
	District,
	DistrictExtentCollection,
	InstitutionCollection,
	PrefectureCollection
} from '../src/lib/core/geodata-types';
import { INSTITUTION_TYPES } from '../src/lib/core/model';
import { buildAll } from './scripts/build-all';

const dir = import.meta.dirname;
const read = <T>(name: string): T => JSON.parse(readFileSync(join(dir, name), 'utf8')) as T;

const prefectures = read<PrefectureCollection>('prefectures.geo.json');
const districts = read<District[]>('districts.json');
const extents = read<DistrictExtentCollection>('district-extents.geo.json');
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
			expect(problems(f.geometry), f.properties.name_en).toEqual([]);
			expect(booleanPointInPolygon(f.properties.label, f), `label of ${f.properties.name_en}`).toBe(true);
		}
	});

	it('stays small enough for the browser', () => {
		expect(readFileSync(join(dir, 'prefectures.geo.json')).length).toBeLessThan(1.5e6);
	});
});

describe('districts.json and district-extents.geo.json', () => {
	it('has the nine field-study districts', () => {
		expect(districts.map((d) => d.id)).toEqual([
			'hitachi',
			'musashimurayama',
			'ota',
			'higashiosaka',
			'kiryu',
			'taito',
			'hamamatsu',
			'suwa',
			'fukui'
		]);
	});

	it('Higashi-Osaka is the two cities and three wards of the field study', () => {
		const ho = districts.find((d) => d.id === 'higashiosaka')!;
		// 東大阪市, 八尾市, 大阪市東成区, 生野区, 平野区 (seed paper 000, footnote 10).
		expect(ho.municipalities.map((m) => m.code5).sort()).toEqual(['27115', '27116', '27126', '27212', '27227']);
		const codes = extents.features.filter((f) => f.properties.district_id === 'higashiosaka').map((f) => f.id);
		expect(codes.sort()).toEqual(['27115', '27116', '27126', '27212', '27227']);
	});

	it('has one valid extent per municipality, whose area matches the land area', () => {
		const members = districts.flatMap((d) => d.municipalities.map((m) => ({ d, m })));
		expect(extents.features).toHaveLength(members.length);
		for (const { d, m } of members) {
			const f = extents.features.find((e) => e.id === m.code5)!;
			expect(f, m.code5).toBeDefined();
			expect(f.properties.district_id).toBe(d.id);
			expect(f.properties.approximate).toBe(true);
			expect(problems(f.geometry), m.code5).toEqual([]);
			const km2 = area(f) / 1e6;
			// A 64-gon inscribed in the circle loses ~0.16 % of its area.
			expect(Math.abs(km2 - m.area_km2) / m.area_km2, m.code5).toBeLessThan(0.01);
			expect(booleanPointInPolygon(m.office, f), m.code5).toBe(true);
			const [w, s, e, n] = d.bbox;
			for (const [lon, lat] of f.geometry.coordinates[0]) {
				expect(lon >= w && lon <= e && lat >= s && lat <= n, `${m.code5} inside ${d.id} bbox`).toBe(true);
			}
		}
	});

	it('codes carry a valid check digit and lie in the district prefecture; industries are labelled in both languages', () => {
		for (const d of districts) {
			for (const m of d.municipalities) {
				const digits = [...m.code5].map(Number);
				const check = (11 - ((digits[0] * 6 + digits[1] * 5 + digits[2] * 4 + digits[3] * 3 + digits[4] * 2) % 11)) % 10;
				expect(m.code6, m.name_en).toBe(m.code5 + check);
				expect(m.code5.slice(0, 2)).toBe(d.pref_code);
				// Natural Earth 1:10m borders are generalised: Musashimurayama's office, ~1.5 km south of the
				// Saitama border, falls 10 m on the Saitama side. Same 2 km tolerance as for institutions.
				expect(kmOutside(m.office, prefByCode.get(d.pref_code)!), m.name_en).toBeLessThanOrEqual(2);
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
				const label = prefByCode.get(code)!.properties.label;
				expect(booleanPointInPolygon(label, f), `${f.properties.id} covers ${code}`).toBe(true);
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
