import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { District, DistrictExtentCollection } from '$lib/core/geodata-types';
import { districtZone, municipalityZones } from './district-zones';

const districts = JSON.parse(readFileSync('geodata/districts.json', 'utf8')) as District[];
const extents = (JSON.parse(readFileSync('geodata/district-extents.geo.json', 'utf8')) as DistrictExtentCollection).features;
const higashiosaka = districts.find((d) => d.id === 'higashiosaka')!;
const members = extents.filter((f) => f.properties.district_id === 'higashiosaka');

describe('zones from a district', () => {
	it('makes the district one zone holding every member municipality’s extent', () => {
		const zone = districtZone(higashiosaka, extents, 'ja', () => false)!;
		expect(zone).toMatchObject({ id: 'district-higashiosaka', name: higashiosaka.name_ja, source: 'district' });
		expect(zone.geometry.type).toBe('MultiPolygon');
		expect(zone.geometry.coordinates).toEqual(members.map((f) => f.geometry.coordinates));
		expect(zone.parameters).toEqual({ districtId: 'higashiosaka', municipalities: members.map((f) => f.properties.code5), approximate: true });
	});

	it('makes each municipality a zone, with ids that never repeat one already taken', () => {
		const taken = new Set([`municipality-${members[0].properties.code5}`, `municipality-${members[0].properties.code5}-2`]);
		const zones = municipalityZones('higashiosaka', extents, 'en', (id) => taken.has(id));
		expect(zones.map((z) => z.name)).toEqual(members.map((f) => f.properties.name_en));
		expect(zones[0].id).toBe(`municipality-${members[0].properties.code5}-3`);
		expect(new Set(zones.map((z) => z.id)).size).toBe(zones.length);
		expect(districtZone(higashiosaka, extents, 'en', (id) => id === 'district-higashiosaka')?.id).toBe('district-higashiosaka-2');
	});

	it('makes nothing for a district without extents', () => {
		expect(districtZone(higashiosaka, [], 'en', () => false)).toBeNull();
		expect(municipalityZones('higashiosaka', [], 'en', () => false)).toEqual([]);
	});
});
