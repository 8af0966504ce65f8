/**
 * The spatial look-ups the sample generator needs, built once from the committed geodata:
 * is a point on a prefecture's land, is it inside a district polygon, how far is the nearest institution.
 */
import { bbox as turfBbox, booleanPointInPolygon, distance } from '@turf/turf';
import Flatbush from 'flatbush';
import { around } from 'geokdbush';
import KDBush from 'kdbush';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type {
	District,
	DistrictPolygonCollection,
	InstitutionCollection,
	PrefectureCollection
} from '../geodata-types';

/** The committed geodata files the generator reads (parsed JSON). */
export interface SampleGeodata {
	prefectures: PrefectureCollection;
	districts: District[];
	/** geodata/districts.geo.json: each district as the union of its municipalities. */
	districtPolygons: DistrictPolygonCollection;
	institutions: InstitutionCollection;
}

export interface SampleContext {
	/** Prefecture codes, "01".."47". */
	prefectureCodes: string[];
	/** [w, s, e, n] of a prefecture's largest polygon (the main island), where background firms are drawn. */
	mainBbox(code: string): [number, number, number, number];
	/** True when the point lies on the prefecture's land (inside its polygon). */
	onLand(code: string, lon: number, lat: number): boolean;
	/** Index of the district polygon containing the point, or -1. */
	districtAt(lon: number, lat: number): number;
	/** Great-circle km to the nearest institution (sphere of 6371.0088 km, as Turf). */
	nearestInstitutionKm(lon: number, lat: number): number;
}

function largestPartBbox(g: Polygon | MultiPolygon): [number, number, number, number] {
	const parts: Position[][][] = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
	let best: [number, number, number, number] = [0, 0, 0, 0];
	let bestArea = -1;
	for (const part of parts) {
		const [w, s, e, n] = turfBbox({ type: 'Polygon', coordinates: part });
		const a = (e - w) * (n - s);
		if (a > bestArea) {
			bestArea = a;
			best = [w, s, e, n];
		}
	}
	return best;
}

/**
 * Builds the look-ups. Throws with a clear message when the geodata is empty.
 *
 * @example
 * const ctx = createSampleContext(geodata);
 * ctx.onLand('13', 139.716, 35.561); // true (Ota ward office)
 */
export function createSampleContext(geodata: SampleGeodata): SampleContext {
	const prefs = new Map(geodata.prefectures.features.map((f) => [f.properties.code, f]));
	const prefBbox = new Map([...prefs].map(([code, f]) => [code, turfBbox(f)]));
	const mainBboxes = new Map([...prefs].map(([code, f]) => [code, largestPartBbox(f.geometry)]));

	const extents = geodata.districtPolygons.features;
	if (extents.length === 0) throw new Error('districts.geo.json has no features; run npm run geodata');
	const extentIndex = new Flatbush(extents.length);
	for (const f of extents) {
		const [w, s, e, n] = turfBbox(f);
		extentIndex.add(w, s, e, n);
	}
	extentIndex.finish();

	const inst = geodata.institutions.features;
	if (inst.length === 0) throw new Error('institutions.geo.json has no features; run npm run geodata');
	const instIndex = new KDBush(inst.length);
	for (const f of inst) instIndex.add(f.geometry.coordinates[0], f.geometry.coordinates[1]);
	instIndex.finish();

	return {
		prefectureCodes: [...prefs.keys()].sort(),
		mainBbox(code) {
			const b = mainBboxes.get(code);
			if (!b) throw new Error(`no prefecture with code "${code}" in prefectures.geo.json`);
			return b;
		},
		onLand(code, lon, lat) {
			const b = prefBbox.get(code);
			if (!b || lon < b[0] || lat < b[1] || lon > b[2] || lat > b[3]) return false;
			return booleanPointInPolygon([lon, lat], prefs.get(code)!);
		},
		districtAt(lon, lat) {
			for (const i of extentIndex.search(lon, lat, lon, lat)) {
				if (booleanPointInPolygon([lon, lat], extents[i])) return i;
			}
			return -1;
		},
		nearestInstitutionKm(lon, lat) {
			const [i] = around(instIndex, lon, lat, 1);
			return distance([lon, lat], inst[i].geometry.coordinates, { units: 'kilometers' });
		}
	};
}
