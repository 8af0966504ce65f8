import type { Position } from 'geojson';
import type { Zone } from '../../src/lib/core/model';
import { CITY_CENTRES, DISTRICT_CENTRES, type Centre } from './japan';
import { gaussian, seeded } from './random';

const KM_PER_DEG_LAT = 111.2;

/** Points `dx`, `dy` km east and north of a centre. */
function offset(lon: number, lat: number, dxKm: number, dyKm: number): [number, number] {
	return [lon + dxKm / (KM_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180)), lat + dyKm / KM_PER_DEG_LAT];
}

function pick(centres: Centre[], random: () => number): Centre {
	const total = centres.reduce((s, c) => s + c.weight, 0);
	let r = random() * total;
	for (const c of centres) if ((r -= c.weight) < 0) return c;
	return centres[centres.length - 1];
}

/** A star-shaped, usually concave ring of `n` vertices, radius between 0.45·r and r km, counter-clockwise. */
function starRing(lon: number, lat: number, rKm: number, n: number, random: () => number, clockwise = false): Position[] {
	const angles = Array.from({ length: n }, (_, i) => ((i + 0.15 + 0.7 * random()) / n) * 2 * Math.PI);
	const ring = angles.map((a) => {
		const r = rKm * (0.45 + 0.55 * random());
		return offset(lon, lat, r * Math.cos(a), r * Math.sin(a));
	});
	if (clockwise) ring.reverse();
	ring.push(ring[0]);
	return ring;
}

/**
 * Synthetic cluster zones: concave polygons of 5–60 vertices, 1–5 km across, four in five drawn
 * in the field-study districts and the rest near cities; about 15 % have a hole and 10 % are
 * multipart. Deterministic for a seed.
 *
 * @example
 * const zones = generateZones(2000, 1);
 */
export function generateZones(count: number, seed: number): Zone[] {
	const random = seeded(seed);
	const zones: Zone[] = [];
	for (let z = 0; z < count; z++) {
		const centre = pick(random() < 0.8 ? DISTRICT_CENTRES : CITY_CENTRES, random);
		const parts = random() < 0.1 ? 2 + Math.floor(random() * 2) : 1;
		const polygons: Position[][][] = [];
		const [clon, clat] = offset(centre.lon, centre.lat, gaussian(random) * centre.sigmaKm, gaussian(random) * centre.sigmaKm);
		for (let p = 0; p < parts; p++) {
			const [lon, lat] = p === 0 ? [clon, clat] : offset(clon, clat, (random() - 0.5) * 12, (random() - 0.5) * 12);
			const rKm = 0.5 + random() * 2;
			const n = 5 + Math.floor(random() * 56);
			const rings = [starRing(lon, lat, rKm, n, random)];
			// The outer ring never comes nearer than 0.45·r, so a hole of radius ≤ 0.4·r fits inside.
			if (random() < 0.15) rings.push(starRing(lon, lat, rKm * 0.4, 4 + Math.floor(random() * 12), random, true));
			polygons.push(rings);
		}
		zones.push({
			id: `z${z}`,
			name: `Zone ${z}`,
			geometry: parts === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons },
			source: 'drawn'
		});
	}
	return zones;
}

/**
 * Synthetic firm coordinates: 60 % round the field-study districts, the rest round cities, normal
 * spread (many firms in few districts, as in the census). Deterministic for a seed.
 *
 * @example
 * const { lons, lats } = generateFirms(1_000_000, 2);
 */
export function generateFirms(count: number, seed: number): { lons: Float64Array; lats: Float64Array } {
	const random = seeded(seed);
	const lons = new Float64Array(count);
	const lats = new Float64Array(count);
	for (let i = 0; i < count; i++) {
		const centre = pick(random() < 0.6 ? DISTRICT_CENTRES : CITY_CENTRES, random);
		const [lon, lat] = offset(centre.lon, centre.lat, gaussian(random) * centre.sigmaKm * 1.5, gaussian(random) * centre.sigmaKm * 1.5);
		lons[i] = lon;
		lats[i] = lat;
	}
	return { lons, lats };
}

/**
 * Synthetic R&D institutions round cities and districts, ids `i0`, `i1`… Deterministic for a seed.
 *
 * @example
 * const institutions = generateInstitutions(1000, 3);
 */
export function generateInstitutions(count: number, seed: number): { id: string; lon: number; lat: number }[] {
	const random = seeded(seed);
	return Array.from({ length: count }, (_, i) => {
		const centre = pick(random() < 0.3 ? DISTRICT_CENTRES : CITY_CENTRES, random);
		const [lon, lat] = offset(centre.lon, centre.lat, gaussian(random) * centre.sigmaKm * 2, gaussian(random) * centre.sigmaKm * 2);
		return { id: `i${i}`, lon, lat };
	});
}
