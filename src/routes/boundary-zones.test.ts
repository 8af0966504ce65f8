import { readFileSync } from 'node:fs';
import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import type { District, DistrictPolygonCollection, MunicipalityIndex } from '$lib/core/geodata-types';
import { resolveMunicipality, type MunicipalLookup, type MunicipalTopology } from '$lib/core/geography';
import { districtZone, municipalityZone, municipalityZones } from './boundary-zones';

const read = <T>(path: string) => JSON.parse(readFileSync(`geodata/${path}`, 'utf8')) as T;
const districts = read<District[]>('districts.json');
const polygons = read<DistrictPolygonCollection>('districts.geo.json').features;
const osaka = read<MunicipalTopology>('municipalities/27.topo.json');
const lookup: MunicipalLookup = { index: read<MunicipalityIndex>('municipalities/index.json'), topology: (pref) => (pref === '27' ? osaka : undefined) };
const higashiosaka = districts.find((d) => d.id === 'higashiosaka')!;

describe('zones from the bundled boundaries', () => {
	it('makes the district one zone from its polygon, saying which boundaries they are', () => {
		const zone = districtZone(higashiosaka, polygons, 'ja', () => false)!;
		expect(zone).toMatchObject({ id: 'district-higashiosaka', name: '東大阪', source: 'district' });
		expect(zone.geometry).toBe(polygons.find((f) => f.id === 'higashiosaka')!.geometry);
		expect(zone.parameters).toEqual({ districtId: 'higashiosaka', municipalities: ['27227', '27212', '27115', '27116', '27126'], boundary: 'N03', boundaryDate: '2021-01-01', simplification: '1%' });
	});

	it('makes each municipality a zone, with ids that never repeat one already taken', () => {
		const taken = new Set(['municipality-27227', 'municipality-27227-2']);
		const zones = municipalityZones(higashiosaka, lookup, 'en', (id) => taken.has(id));
		expect(zones.map((z) => z.name)).toEqual(higashiosaka.municipalities.map((m) => m.name_en));
		expect(zones[0].id).toBe('municipality-27227-3');
		expect(new Set(zones.map((z) => z.id)).size).toBe(zones.length);
		// Each member's office lies in its own zone.
		zones.forEach((zone, i) => expect(booleanPointInPolygon(higashiosaka.municipalities[i].office, zone.geometry)).toBe(true));
		expect(districtZone(higashiosaka, polygons, 'en', (id) => id === 'district-higashiosaka')?.id).toBe('district-higashiosaka-2');
	});

	it('makes a designated city one zone from its wards, and nothing when its prefecture is not loaded', () => {
		const city = resolveMunicipality('27100', lookup);
		expect('codes' in city && municipalityZone(city, lookup, { taken: () => false })).toMatchObject({ id: 'municipality-27100', name: '大阪市', source: 'municipality' });
		const ota = resolveMunicipality('13111', { ...lookup, topology: () => read<MunicipalTopology>('municipalities/13.topo.json') });
		expect('codes' in ota && municipalityZone(ota, lookup, { taken: () => false })).toBeNull();
		expect(districtZone(higashiosaka, [], 'en', () => false)).toBeNull();
	});
});
