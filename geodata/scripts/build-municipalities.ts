/**
 * geodata/municipalities/PP.topo.json (one per prefecture) and index.json: every municipality of the
 * N03 boundaries of 2021-01-01, 1 % simplified, as TopoJSON cut out of one all-Japan topology.
 * The quantized arcs are copied unchanged, so two prefecture files decode their common border to the
 * very same coordinates, and the dissolved prefectures and districts (built from the same topology)
 * agree with them too.
 */
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { DesignatedCity, MunicipalityIndex, MunicipalityProperties } from '../../src/lib/core/geodata-types';
import { ringArea } from '../../src/lib/core/geo';
import { partsOf, topologyProblems } from './lib/geometry';
import { N03_ALL, N03_CREDIT, N03_DATE, N03_DESIGNATED, N03_SIMPLIFICATION, N03_SOURCE, readN03, type N03Geometry, type N03Topology } from './lib/n03';

type ArcRing = number[];
export type MunicipalityGeometry = { type: 'Polygon'; arcs: ArcRing[] } | { type: 'MultiPolygon'; arcs: ArcRing[][] };
type OutGeometry = MunicipalityGeometry & { id: string; properties: MunicipalityProperties };

/** The N03 source read once, its rings wound by RFC 7946 (outer counter-clockwise). */
export interface N03Source {
	topology: N03Topology;
	/** Geometries with a municipality code, rewound, in code order. */
	municipalities: OutGeometry[];
	/** Every geometry of a prefecture, coded or not (所属未定地, unassigned land, has no code). */
	byPrefecture: Map<string, N03Geometry[]>;
	designatedCities: DesignatedCity[];
}

/** Reverses a ring of arc references (~i is arc i walked backwards). */
const reverseRing = (ring: ArcRing): ArcRing => ring.slice().reverse().map((i) => ~i);

/** Rewinds a geometry's rings in place of their arc lists, so topojson-client decodes RFC 7946 rings. */
export function rewind(topology: Topology, g: MunicipalityGeometry): MunicipalityGeometry {
	const decoded = (feature(topology, g as N03Geometry) as GeoJSON.Feature).geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon;
	const polys = g.type === 'Polygon' ? [g.arcs] : g.arcs;
	const coords = partsOf(decoded);
	const arcs = polys.map((rings, pi) => rings.map((ring, ri) => ((ringArea(coords[pi][ri]) > 0) === (ri === 0) ? ring : reverseRing(ring))));
	return g.type === 'Polygon' ? { type: 'Polygon', arcs: arcs[0] } : { type: 'MultiPolygon', arcs };
}

/** The name a user knows: a designated city's ward carries its city ("大阪市東成区"). */
export function displayName(p: { N03_003: string | null; N03_004: string }): string {
	return p.N03_003?.endsWith('市') && p.N03_004.endsWith('区') ? p.N03_003 + p.N03_004 : p.N03_004;
}

/**
 * Reads the all-Japan topology and the designated cities' own codes.
 *
 * @example
 * readN03Source().municipalities.find((m) => m.id === '13111')?.properties.name; // '大田区'
 */
export function readN03Source(): N03Source {
	const { topology, geometries } = readN03(N03_ALL);
	const municipalities: OutGeometry[] = [];
	const byPrefecture = new Map<string, N03Geometry[]>();
	const seen = new Set<string>();
	for (const g of geometries) {
		const p = g.properties;
		const code = p.N03_007;
		const pref = code?.slice(0, 2) ?? prefCodeByName(geometries, p.N03_001);
		byPrefecture.set(pref, [...(byPrefecture.get(pref) ?? []), g]);
		if (code === null) continue; // unassigned land: part of its prefecture, of no municipality
		if (!/^\d{5}$/.test(code) || seen.has(code) || !p.N03_004) throw new Error(`${N03_ALL}: bad or repeated municipality ${JSON.stringify(p)}`);
		seen.add(code);
		const properties: MunicipalityProperties = {
			code,
			pref_code: pref,
			name: displayName({ N03_003: p.N03_003, N03_004: p.N03_004 }),
			N03_001: p.N03_001,
			N03_002: p.N03_002,
			N03_003: p.N03_003,
			N03_004: p.N03_004
		};
		municipalities.push({ ...rewind(topology, g), id: code, properties });
	}
	municipalities.sort((a, b) => a.id.localeCompare(b.id));
	if (byPrefecture.size !== 47) throw new Error(`${N03_ALL}: expected 47 prefectures, found ${byPrefecture.size}`);
	return { topology, municipalities, byPrefecture, designatedCities: readDesignatedCities(municipalities) };
}

function prefCodeByName(geometries: N03Geometry[], name: string): string {
	const code = geometries.find((g) => g.properties.N03_001 === name && g.properties.N03_007)?.properties.N03_007;
	if (!code) throw new Error(`${N03_ALL}: no coded municipality in ${name}`);
	return code.slice(0, 2);
}

/** Designated cities from the city-level file: their code, name and the ward codes of the same city. */
function readDesignatedCities(municipalities: OutGeometry[]): DesignatedCity[] {
	const { geometries } = readN03(N03_DESIGNATED);
	const cities: DesignatedCity[] = [];
	for (const g of geometries) {
		const p = g.properties;
		if (p.N03_004 !== null || !p.N03_003?.endsWith('市') || !p.N03_007) continue;
		const wards = municipalities.filter((m) => m.properties.N03_001 === p.N03_001 && m.properties.N03_003 === p.N03_003).map((m) => m.id);
		if (wards.length < 2) throw new Error(`${N03_DESIGNATED}: designated city ${p.N03_007} ${p.N03_003} has ${wards.length} wards`);
		cities.push({ code: p.N03_007, name: p.N03_003, wards });
	}
	if (cities.length !== 20) throw new Error(`${N03_DESIGNATED}: expected the 20 designated cities of 2021, found ${cities.length}`);
	return cities.sort((a, b) => a.code.localeCompare(b.code));
}

/**
 * A topology of some geometries of `source`: only the arcs they use, renumbered in their order, with
 * the source's transform, so the same border decodes to the same coordinates in every file.
 */
export function sliceTopology<G extends { arcs: unknown }>(source: Topology, name: string, geometries: G[]): Topology {
	const used = new Set<number>();
	const visit = (x: unknown): void => (Array.isArray(x) ? x.forEach(visit) : void used.add((x as number) < 0 ? ~(x as number) : (x as number)));
	for (const g of geometries) visit(g.arcs);
	const order = [...used].sort((a, b) => a - b);
	const renumber = new Map(order.map((old, i) => [old, i]));
	const map = (x: unknown): unknown => (Array.isArray(x) ? x.map(map) : (x as number) < 0 ? ~renumber.get(~(x as number))! : renumber.get(x as number)!);
	const out = geometries.map((g) => ({ ...g, arcs: map(g.arcs) }));
	return {
		type: 'Topology',
		transform: source.transform,
		objects: { [name]: { type: 'GeometryCollection', geometries: out } } as unknown as Topology['objects'],
		arcs: order.map((i) => source.arcs[i])
	};
}

/** One prefecture's topology (object `municipalities`). */
export function prefectureTopology(source: N03Source, pref: string): Topology<{ municipalities: GeometryCollection<MunicipalityProperties> }> {
	const geometries = source.municipalities.filter((m) => m.properties.pref_code === pref);
	return sliceTopology(source.topology, 'municipalities', geometries) as Topology<{ municipalities: GeometryCollection<MunicipalityProperties> }>;
}

/** TopoJSON text: one arc per line, so a change in the source shows as a small diff. */
export function stringifyTopology(t: Topology): string {
	const head = JSON.stringify({ type: t.type, transform: t.transform, objects: t.objects });
	return `${head.slice(0, -1)},"arcs":[\n${t.arcs.map((a) => JSON.stringify(a)).join(',\n')}\n]}\n`;
}

/** Decodes a prefecture topology and fails the build on any polygon the engine could not use as it is. */
function checkPrefecture(pref: string, t: ReturnType<typeof prefectureTopology>): void {
	const fc = feature(t, t.objects.municipalities);
	for (const f of fc.features) {
		const problems = topologyProblems(f.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon);
		if (problems.length > 0) throw new Error(`municipality ${f.id} in prefecture ${pref}: ${problems.join('; ')}`);
	}
}

/**
 * The files under geodata/municipalities/, keyed by their path in geodata/.
 *
 * @example
 * Object.keys(buildMunicipalities(readN03Source())).length; // 48 (47 prefectures + index.json)
 */
export function buildMunicipalities(source: N03Source): Record<string, string> {
	const files: Record<string, string> = {};
	const counts: Record<string, number> = {};
	for (const pref of [...source.byPrefecture.keys()].sort()) {
		const t = prefectureTopology(source, pref);
		checkPrefecture(pref, t);
		counts[pref] = t.objects.municipalities.geometries.length;
		files[`municipalities/${pref}.topo.json`] = stringifyTopology(t);
	}
	const index: MunicipalityIndex = {
		date: N03_DATE,
		simplification: N03_SIMPLIFICATION,
		source: N03_SOURCE,
		credit: N03_CREDIT,
		prefectures: counts,
		designated_cities: source.designatedCities
	};
	files['municipalities/index.json'] = JSON.stringify(index, null, '\t') + '\n';
	return files;
}
