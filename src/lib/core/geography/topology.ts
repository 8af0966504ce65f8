/**
 * Decoding the committed TopoJSON boundaries (geodata/municipalities/PP.topo.json,
 * geodata/prefectures.topo.json) into GeoJSON, and unions by topology: a designated city from its
 * wards, a district from its municipalities. Rings come out by RFC 7946 (outer counter-clockwise).
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { feature, merge } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { MunicipalityFeature, MunicipalityProperties, PrefectureFeature, PrefectureProperties } from '../geodata-types';
import { ringArea } from '../geo/ring-area';

/** One prefecture's municipalities, as committed (object `municipalities`, geometry id = code). */
export type MunicipalTopology = Topology<{ municipalities: GeometryCollection<MunicipalityProperties> }>;
/** geodata/prefectures.topo.json (object `prefectures`, geometry id = "01".."47"). */
export type PrefectureTopology = Topology<{ prefectures: GeometryCollection<PrefectureProperties> }>;

/**
 * The municipalities of a prefecture file as GeoJSON features (id = 5-digit code).
 *
 * @example
 * municipalityFeatures(tokyo).find((f) => f.id === '13111')?.properties.name; // '大田区'
 */
export function municipalityFeatures(topology: MunicipalTopology): MunicipalityFeature[] {
	return feature(topology, topology.objects.municipalities).features as MunicipalityFeature[];
}

/**
 * The prefectures as GeoJSON features with the properties of prefectures.geo.json.
 *
 * @example
 * prefectureFeatures(topology)[12].properties.name_en; // 'Tokyo'
 */
export function prefectureFeatures(topology: PrefectureTopology): PrefectureFeature[] {
	return feature(topology, topology.objects.prefectures).features as PrefectureFeature[];
}

/**
 * The union of some municipalities of one prefecture file by topology — the borders they share
 * vanish and nothing else moves. Returns null when a code is not in the file.
 *
 * @example
 * unionOfMunicipalities(shizuoka, ['22131', '22132', '22133', '22134', '22135', '22136', '22137']); // Hamamatsu
 */
export function unionOfMunicipalities(topology: MunicipalTopology, codes: readonly string[]): Polygon | MultiPolygon | null {
	const all = topology.objects.municipalities.geometries;
	const chosen = codes.map((code) => all.find((g) => (g.properties as MunicipalityProperties | undefined)?.code === code));
	if (chosen.some((g) => g === undefined)) return null;
	if (chosen.length === 1) return municipalityFeatures({ ...topology, objects: { municipalities: { type: 'GeometryCollection', geometries: chosen as typeof all } } })[0].geometry;
	return rewound(merge(topology, chosen as Parameters<typeof merge>[1]));
}

/** A merged MultiPolygon wound by RFC 7946, as a Polygon when it has one part. */
function rewound(g: MultiPolygon): Polygon | MultiPolygon {
	const parts = g.coordinates.map((rings) => rings.map((ring, i) => wind(ring, i === 0)));
	return parts.length === 1 ? { type: 'Polygon', coordinates: parts[0] } : { type: 'MultiPolygon', coordinates: parts };
}

function wind(ring: Position[], outer: boolean): Position[] {
	return ringArea(ring) > 0 === outer ? ring : ring.slice().reverse();
}
