import { packRows } from '$lib/core/io/packed-rows';
import { describe, expect, it } from 'vitest';
import type { DetectedZone } from '$lib/core/detect';
import { codeColumn, type FirmTable } from '$lib/core/firm-table';
import type { Geodata } from '$lib/data/geodata';
import { asSessionZones, countInBbox, densityFirms, lqFeatures, lqRegions, regionAreas, regionShapes } from './regions';

const square = (x: number, y: number) => ({ type: 'Polygon' as const, coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]] });

const geodata = {
	prefectures: {
		type: 'FeatureCollection',
		features: [
			{ type: 'Feature', geometry: square(0, 0), properties: { code: '08', name_en: 'Ibaraki', name_ja: '茨城県', iso: 'JP-08', label: [0.5, 0.5] } },
			{ type: 'Feature', geometry: square(1, 0), properties: { code: '13', name_en: 'Tokyo', name_ja: '東京都', iso: 'JP-13', label: [1.5, 0.5] } }
		]
	},
	districts: [],
	districtPolygons: { type: 'FeatureCollection', features: [] }
} as unknown as Geodata;

function sample(columns: string[], rows: string[][], lon: number[], lat: number[]): FirmTable {
	return { file: 'f.csv', columns, rows: packRows(rows), lon: Float64Array.from(lon), lat: Float64Array.from(lat), industry: codeColumn(rows.map(() => '24')), industryCounts: [['24', rows.length]], problems: [] };
}

describe('location-quotient regions', () => {
	it('reads prefecture codes from the column, padding single digits', () => {
		const s = sample(['id', 'pref_code'], [['a', '8'], ['b', '13'], ['c', '99']], [0.5, 1.5, 9], [0.5, 0.5, 9]);
		const regions = lqRegions('prefecture', s, geodata, []);
		expect(regions).toEqual({ kind: 'membership', ids: ['08', '13'], membership: Int32Array.of(0, 1, -1) });
	});

	it('falls back to the shapes when the data has no code column', () => {
		const s = sample(['id'], [['a']], [0.5], [0.5]);
		const regions = lqRegions('prefecture', s, geodata, []);
		expect(regions.kind).toBe('zones');
		if (regions.kind === 'zones') expect(regions.zones.map((z) => z.id)).toEqual(['08', '13']);
	});

	it('makes the loaded municipalities regions keyed by code, with their areas', () => {
		const municipalities = [{ type: 'Feature', geometry: square(0, 0), properties: { code: '13111', name: '大田区' } }] as unknown as Geodata['municipalities'];
		const shapes = regionShapes('municipality', { ...geodata, municipalities }, []);
		expect(shapes.map((f) => f.properties)).toEqual([{ id: '13111', name_en: '大田区', name_ja: '大田区' }]);
		expect(regionShapes('municipality', geodata, [])).toEqual([]);
		// A 1° square at the equator: about 12,300 km².
		expect(regionAreas(shapes).get('13111')).toBeCloseTo(12_364, -2);
	});

	it('leaves regions without firms unfilled', () => {
		const features = lqFeatures(regionShapes('prefecture', geodata, []), { ids: ['08', '13'], lq: Float64Array.of(2.5, NaN) });
		expect(features.features.map((f) => f.properties)).toEqual([{ id: '08', lq: 2.5 }, { id: '13' }]);
	});
});

describe('densityFirms and countInBbox', () => {
	it('takes employees from their column, NaN where blank', () => {
		const s = sample(['id', 'employees'], [['a', '12'], ['b', '']], [0, 1], [0, 1]);
		expect([...densityFirms(s).employees]).toEqual([12, NaN]);
		expect(countInBbox(s.lon, s.lat, [0, 0, 0.5, 0.5])).toBe(1);
	});
});

describe('asSessionZones', () => {
	const detected: DetectedZone[] = [1, 2].map((k) => ({
		id: `dbscan-${k}`,
		name: '',
		geometry: square(k, 0),
		source: 'detected',
		parameters: { method: 'dbscan', epsMetres: 150, minPts: 20 },
		firmCount: 10 * k,
		areaKm2: k,
		density: 10
	}));

	it('records the method, parameters, firm count, area and density, with ids no zone has', () => {
		const taken = new Set(['dbscan-1-r1']);
		const zones = asSessionZones(detected, (id) => taken.has(id), (_zone, n) => `Cluster ${n}`);
		expect(zones.map((z) => z.id)).toEqual(['dbscan-1-r2', 'dbscan-2-r2']);
		expect(zones[1]).toMatchObject({ name: 'Cluster 2', source: 'detected', parameters: { method: 'dbscan', epsMetres: 150, minPts: 20, firmCount: 20, areaKm2: 2, density: 10 } });
	});
});
