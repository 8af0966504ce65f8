/**
 * geodata/districts.json: the nine field-study districts with their member municipalities,
 * municipal offices (localgovjp, CC0), approximate land areas and main industries.
 */
import { bbox } from '@turf/turf';
import type { District, DistrictId, DistrictIndustry, DistrictMunicipality } from '../../src/lib/core/geodata-types';
import { DISTRICT_IDS } from '../../src/lib/core/geodata-types';
import type { DistrictPolygonCollection } from '../../src/lib/core/geodata-types';
import { AREA_NOTE, MUNICIPALITY_AREA_KM2 } from './lib/municipal-areas';
import { round } from './lib/geometry';
import { readFacts, type RawDistrict } from './lib/facts';

/**
 * N03 boundaries that make up each municipality. Designated cities are split into ward files;
 * Hamamatsu (22130) is the union of its seven wards of 2021 (reorganised into three in 2024).
 */
export const BOUNDARY_CODES: Record<string, string[]> = {
	'22130': ['22131', '22132', '22133', '22134', '22135', '22136', '22137']
};

/** Short Japanese labels for the industries named in facts.json (keyed by the English text without tags). */
export const INDUSTRY_JA: Record<string, string> = {
	'heavy electrical machinery / electrical equipment (Hitachi Ltd. origin)': '重電機・電気機械（日立製作所発祥）',
	'mining (historic, Hitachi mine; ended in the Showa 40s / late 1960s-70s)': '鉱業（日立鉱山、昭和40年代に閉山）',
	'machining & subcontract parts suppliers': '機械加工・下請部品',
	'automobile assembly and parts (former Nissan Murayama plant)': '自動車組立・部品（旧日産村山工場）',
	'machinery/electronics parts in the TAMA (Tama Advanced Manufacturing Area) network': 'TAMA（首都圏西部）の機械・電子部品',
	'small machining/metalworking job shops (machi-koba)': '町工場の機械加工・金属加工',
	'precision machinery and prototyping': '精密機械・試作',
	'general/production machinery parts': '汎用・生産用機械部品',
	'fabricated metal products / metal processing': '金属製品・金属加工',
	'plastics processing': 'プラスチック加工',
	'production & general machinery parts': '生産用・汎用機械部品',
	'tools, fasteners, springs': '工具・ねじ・ばね',
	'silk / textile weaving (Kiryu-ori)': '絹織物（桐生織）',
	'textile machinery & related processing': '繊維機械・関連加工',
	'auto parts & machinery (diversification)': '自動車部品・機械（多角化）',
	'leather goods & footwear (Asakusa area)': '皮革製品・履物（浅草周辺）',
	'jewelry/accessories (Okachimachi)': '宝飾品・装身具（御徒町）',
	'printing, apparel wholesale-linked light manufacturing': '印刷・衣料卸に連なる軽工業',
	'musical instruments': '楽器',
	'motorcycles / transport equipment & parts': '二輪車・輸送用機械・部品',
	'optoelectronics / photonics (MEXT Hamamatsu Optronics Cluster)': '光電子・フォトニクス（浜松オプトロニクスクラスター）',
	'textiles (historic)': '繊維（歴史的）',
	"precision machinery (watches, cameras, lenses - 'Switzerland of the Orient')": '精密機械（時計・カメラ・レンズ、「東洋のスイス」）',
	'electronics/devices (Seiko Epson HQ in Suwa)': '電子機器・デバイス（セイコーエプソン本社）',
	'machining & precision parts (Chuo Expressway corridor cluster area)': '機械加工・精密部品（中央自動車道沿線）',
	'textiles: synthetic-fibre weaving/knitting, dyeing (habutae silk origin)': '繊維：合繊織物・ニット・染色（羽二重発祥）',
	'eyeglass frames (Sabae)': '眼鏡枠（鯖江）',
	'carbon fibre / technical textiles (technology centre focus)': '炭素繊維・産業用繊維'
};

const LOCALGOVJP = 'https://github.com/code4fukui/localgovjp';

/** Sources the facts name without a URL in industry_sources; URLs from geodata/sources/SOURCES.md. */
const EXTRA_SOURCES: Record<string, string[]> = {
	hitachi: ['https://de.wikiup.org/wiki/Universit%C3%A4t_Ibaraki'],
	higashiosaka: ['https://www-pref-osaka-lg-jp.cache.yimg.jp/o040090/toukei/e-census/h27_seizo_zigyosyo.html']
};
const UNVERIFIED_TAG = /\s*\[UNVERIFIED[^\]]*\]/g;

/**
 * Splits an industry text into the text and its verified flag ("[UNVERIFIED…]" → verified: false).
 *
 * @example
 * parseIndustry('tools, fasteners, springs [UNVERIFIED detail]'); // { en: 'tools, fasteners, springs', ja: '工具・ねじ・ばね', verified: false }
 */
export function parseIndustry(text: string): DistrictIndustry {
	const en = text.replace(UNVERIFIED_TAG, '').trim();
	const ja = INDUSTRY_JA[en];
	if (!ja) throw new Error(`geodata/sources/facts.json: industry "${en}" has no Japanese label; add it to INDUSTRY_JA in geodata/scripts/build-districts.ts`);
	return { en, ja, verified: !/\[UNVERIFIED/.test(text) };
}

/** The URLs inside free-text source notes, in order, without duplicates. */
function urlsIn(texts: string[]): string[] {
	const out: string[] = [];
	for (const t of texts) for (const m of t.matchAll(/https?:\/\/[^\s)'"]+/g)) if (!out.includes(m[0])) out.push(m[0]);
	return out;
}

function municipality(m: RawDistrict['municipalities'][number], district: string): DistrictMunicipality {
	const area = MUNICIPALITY_AREA_KM2[m.code5];
	if (area === undefined) throw new Error(`geodata/sources/facts.json: district ${district}, municipality ${m.code5} ${m.name_ja} has no area; add it to MUNICIPALITY_AREA_KM2`);
	return {
		code5: m.code5,
		code6: m.code6,
		name_en: m.name_en,
		name_ja: m.name_ja,
		kana: m.name_kana,
		office: [round(m.office_lon, 6), round(m.office_lat, 6)],
		area_km2: area,
		area_note: AREA_NOTE,
		boundary_codes: BOUNDARY_CODES[m.code5] ?? [m.code5]
	};
}

/**
 * Builds districts.json in the field study's order.
 *
 * @example
 * buildDistricts(buildDistrictPolygons(readN03Source())).find((d) => d.id === 'higashiosaka')?.municipalities.length; // 5
 */
export function buildDistricts(polygons: DistrictPolygonCollection, facts = readFacts()): District[] {
	return facts.districts.map((d) => {
		if (!(DISTRICT_IDS as readonly string[]).includes(d.id)) throw new Error(`geodata/sources/facts.json: unknown district id "${d.id}"`);
		const own = polygons.features.find((f) => f.id === d.id);
		if (!own) throw new Error(`districts.geo.json: no polygon for ${d.id}`);
		const [w, s, e, n] = bbox(own);
		return {
			id: d.id as DistrictId,
			name_en: d.name_en,
			name_ja: d.name_ja,
			pref_code: d.pref_code,
			pref_en: d.pref_en,
			pref_ja: d.pref_ja,
			center: [round(d.center.lon, 6), round(d.center.lat, 6)],
			bbox: [round(w), round(s), round(e), round(n)],
			municipalities: d.municipalities.map((m) => municipality(m, d.id)),
			industries: d.main_industries.map(parseIndustry),
			sources: [LOCALGOVJP, ...urlsIn(d.industry_sources), ...(EXTRA_SOURCES[d.id] ?? [])]
		};
	});
}
