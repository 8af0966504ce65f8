/**
 * geodata/district-extents.geo.json: per member municipality, a geodesic circle around its office
 * whose area equals the municipality's land area. An honest offline approximation of its extent;
 * the real boundary is loaded online (see geodata/README.md).
 */
import { circle } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import type { DistrictExtentCollection, DistrictExtentProperties, DistrictId } from '../../src/lib/core/geodata-types';
import { MUNICIPALITY_AREA_KM2 } from './lib/municipal-areas';
import { round, tidyPolygons } from './lib/geometry';
import { readFacts } from './lib/facts';

/** Vertices of each circle. */
export const EXTENT_STEPS = 64;

/**
 * Radius (km) of the circle with the given area (km²).
 *
 * @example
 * equalAreaRadiusKm(Math.PI); // 1
 */
export function equalAreaRadiusKm(areaKm2: number): number {
	return Math.sqrt(areaKm2 / Math.PI);
}

/**
 * Builds the extent circles, feature id = code5, in the districts' order.
 *
 * @example
 * buildDistrictExtents().features[0].properties.approximate; // true
 */
export function buildDistrictExtents(facts = readFacts()): DistrictExtentCollection {
	const features: Feature<Polygon, DistrictExtentProperties>[] = [];
	for (const d of facts.districts) {
		for (const m of d.municipalities) {
			const area = MUNICIPALITY_AREA_KM2[m.code5];
			if (area === undefined) throw new Error(`geodata/sources/facts.json: ${m.code5} ${m.name_ja} has no area; add it to MUNICIPALITY_AREA_KM2`);
			const radius = equalAreaRadiusKm(area);
			const c = circle([m.office_lon, m.office_lat], radius, { steps: EXTENT_STEPS, units: 'kilometers' });
			const geometry = tidyPolygons([c.geometry.coordinates]);
			if (geometry?.type !== 'Polygon') throw new Error(`extent circle of ${m.code5} is degenerate`);
			features.push({
				type: 'Feature',
				id: m.code5,
				properties: {
					district_id: d.id as DistrictId,
					code5: m.code5,
					name_en: m.name_en,
					name_ja: m.name_ja,
					approximate: true,
					area_km2: area,
					radius_km: round(radius, 3)
				},
				geometry
			});
		}
	}
	return { type: 'FeatureCollection', features };
}
