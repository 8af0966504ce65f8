/**
 * geodata/cluster-programs.geo.json: METI Industrial Cluster Plan projects (first term) and MEXT
 * Knowledge Cluster phase-I regions. Their true areas are not in the facts, so each geometry is the
 * union of whole prefectures: the METI regional bureau's prefectures, or the core city's prefecture.
 */
import { area, featureCollection, polygon, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { ClusterProgramCollection, ClusterProgramProperties } from '../../src/lib/core/geodata-types';
import { readNaturalEarthJapan, simplifyGeometry } from './build-prefectures';
import { partsOf } from './lib/geometry';
import { readFacts, type RawFacts } from './lib/facts';

/** Prefectures under each METI regional bureau (経済産業局), keyed by the region names used in facts.json. */
export const METI_BUREAU_PREFECTURES: Record<string, string[]> = {
	Hokkaido: ['01'],
	Tohoku: ['02', '03', '04', '05', '06', '07'],
	Kanto: ['08', '09', '10', '11', '12', '13', '14', '15', '19', '20', '22'],
	Chubu: ['16', '17', '21', '23', '24'],
	Kinki: ['18', '25', '26', '27', '28', '29', '30'],
	Chugoku: ['31', '32', '33', '34', '35'],
	Shikoku: ['36', '37', '38', '39'],
	Kyushu: ['40', '41', '42', '43', '44', '45', '46'],
	Okinawa: ['47']
};

/** MEXT phase-I regions: id, Japanese region name and the prefecture(s) of the core city. */
export const MEXT_REGIONS: Record<string, { id: string; ja: string; prefs: string[] }> = {
	Sapporo: { id: 'sapporo', ja: '札幌', prefs: ['01'] },
	Sendai: { id: 'sendai', ja: '仙台', prefs: ['04'] },
	'Nagano/Ueda': { id: 'nagano-ueda', ja: '長野・上田', prefs: ['20'] },
	Hamamatsu: { id: 'hamamatsu', ja: '浜松', prefs: ['22'] },
	Kyoto: { id: 'kyoto', ja: '京都', prefs: ['26'] },
	'Kansai Science City (Keihanna)': { id: 'keihanna', ja: '関西文化学術研究都市（けいはんな）', prefs: ['26'] },
	'Osaka north (Saito)': { id: 'osaka-saito', ja: '大阪北部（彩都）', prefs: ['27'] },
	Kobe: { id: 'kobe', ja: '神戸', prefs: ['28'] },
	Hiroshima: { id: 'hiroshima', ja: '広島', prefs: ['34'] },
	Takamatsu: { id: 'takamatsu', ja: '高松', prefs: ['37'] },
	Fukuoka: { id: 'fukuoka', ja: '福岡', prefs: ['40'] },
	'Kitakyushu Science and Research Park': { id: 'kitakyushu', ja: '北九州学術研究都市', prefs: ['40'] },
	'Toyama/Takaoka': { id: 'toyama-takaoka', ja: '富山・高岡', prefs: ['16'] },
	'Kanazawa (Ishikawa)': { id: 'kanazawa', ja: '金沢（石川）', prefs: ['17'] },
	'Nagoya (Aichi)': { id: 'nagoya', ja: '名古屋（愛知）', prefs: ['23'] },
	'Gifu/Ogaki': { id: 'gifu-ogaki', ja: '岐阜・大垣', prefs: ['21'] },
	Tokushima: { id: 'tokushima', ja: '徳島', prefs: ['36'] },
	'Ube (Yamaguchi)': { id: 'ube', ja: '宇部（山口）', prefs: ['35'] }
};

const EXTENT = 'prefectures of the region (approximate)' as const;

/**
 * Slivers smaller than this (km²) left between neighbouring prefectures by the union are closed:
 * they are artefacts of the source's shared borders, not holes in a region.
 */
const SLIVER_KM2 = 1;

type PrefGeometries = Map<string, Feature<Polygon | MultiPolygon>>;

/** The union of whole prefectures, unioned before simplifying so shared borders vanish cleanly. */
function unionOf(codes: string[], prefs: PrefGeometries, label: string): Polygon | MultiPolygon {
	const members = codes.map((c) => {
		const f = prefs.get(c);
		if (!f) throw new Error(`${label}: no prefecture ${c}`);
		return f;
	});
	const merged = members.length === 1 ? members[0] : union(featureCollection(members));
	if (!merged) throw new Error(`${label}: union of ${codes.join(', ')} is empty`);
	const parts = partsOf(merged.geometry as Polygon | MultiPolygon).map((part) => [
		part[0],
		...part.slice(1).filter((hole) => area(polygon([hole])) / 1e6 >= SLIVER_KM2)
	]);
	const geometry: Polygon | MultiPolygon =
		parts.length === 1 ? { type: 'Polygon', coordinates: parts[0] } : { type: 'MultiPolygon', coordinates: parts };
	return simplifyGeometry(geometry, { label });
}

/**
 * Builds the cluster-programme areas: METI projects first (ids "meti-<region>-<n>"), then MEXT regions ("mext-<region>").
 *
 * @example
 * buildClusterPrograms().features.find((f) => f.id === 'meti-kinki-2')?.properties.name_en; // 'Active Manufacturing Industry Support Project'
 */
export function buildClusterPrograms(
	facts: RawFacts = readFacts(),
	prefs: PrefGeometries = readNaturalEarthJapan()
): ClusterProgramCollection {
	const features: Feature<Polygon | MultiPolygon, ClusterProgramProperties>[] = [];
	const perRegion = new Map<string, number>();
	const unions = new Map<string, Polygon | MultiPolygon>();
	const geometryFor = (codes: string[], label: string) => {
		const key = codes.join(',');
		if (!unions.has(key)) unions.set(key, unionOf(codes, prefs, label));
		return unions.get(key)!;
	};
	facts.meti_industrial_cluster.projects_first_term.forEach((p, i) => {
		const codes = METI_BUREAU_PREFECTURES[p.region];
		const where = `geodata/sources/facts.json meti_industrial_cluster.projects_first_term[${i}]`;
		if (!codes) throw new Error(`${where}: unknown region "${p.region}"; add it to METI_BUREAU_PREFECTURES`);
		const n = (perRegion.get(p.region) ?? 0) + 1;
		perRegion.set(p.region, n);
		const id = `meti-${p.region.toLowerCase()}-${n}`;
		features.push({
			type: 'Feature',
			id,
			properties: {
				id,
				program: 'meti-industrial-cluster',
				name_en: p.name_en,
				name_ja: p.name_ja,
				region: p.region,
				themes: [...p.industries],
				verified: p.verified,
				note: p.note ?? '',
				extent: EXTENT,
				pref_codes: codes
			},
			geometry: geometryFor(codes, id)
		});
	});
	facts.mext_knowledge_cluster.phase1_regions.forEach((r, i) => {
		const m = MEXT_REGIONS[r.region];
		const where = `geodata/sources/facts.json mext_knowledge_cluster.phase1_regions[${i}]`;
		if (!m) throw new Error(`${where}: unknown region "${r.region}"; add it to MEXT_REGIONS`);
		const id = `mext-${m.id}`;
		const note = [`core city: ${r.core_city}`, `start: ${r.start}`, r.note].filter(Boolean).join('; ');
		features.push({
			type: 'Feature',
			id,
			properties: {
				id,
				program: 'mext-knowledge-cluster',
				name_en: `${r.region} Knowledge Cluster`,
				name_ja: `${m.ja} 知的クラスター`,
				region: r.region,
				themes: [r.theme],
				verified: r.verified,
				note,
				extent: EXTENT,
				pref_codes: m.prefs
			},
			geometry: geometryFor(m.prefs, id)
		});
	});
	return { type: 'FeatureCollection', features };
}
