import { booleanPointInPolygon } from '@turf/turf';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { Zone } from '$lib/core/model';
import { newReferenceId, referenceCollection, referenceLabels, referenceZone, zonesAsReference, type ReferenceLayer } from './reference-layers';

const box = (x: number, y: number): Polygon => ({ type: 'Polygon', coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]] });
// An L shape: its centroid lies outside it, so a label at the centroid would be wrong.
const ell: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [3, 0], [3, 1], [1, 1], [1, 3], [0, 3], [0, 0]]] };
const zone = (id: string, name: string, geometry: Polygon): Zone => ({ id, name, geometry, source: 'imported', parameters: { file: 'wards.zip' } });

describe('reference layers', () => {
	const wards = zonesAsReference([zone('w-1', '北区', box(0, 0)), zone('w-2', '南区', ell)], { file: 'wards.zip', id: 'ref-1' });

	it('keep each polygon with its name, and know their place for a click', () => {
		expect(wards).toMatchObject({ id: 'ref-1', name: 'wards.zip', source: 'file' });
		const collection = referenceCollection([wards, { ...wards, id: 'ref-2', features: wards.features.slice(0, 1) }]);
		expect(collection.features.map((f) => [f.properties.layer, f.properties.label, f.properties.feature])).toEqual([
			['ref-1', '北区', 0],
			['ref-1', '南区', 1],
			['ref-1', '北区', 0]
		]);
	});

	it('label every polygon at a point inside it', () => {
		const labels = referenceLabels([wards]);
		expect(labels.features.map((f) => f.properties.label)).toEqual(['北区', '南区']);
		labels.features.forEach((label, k) => expect(booleanPointInPolygon(label, wards.features[k].geometry)).toBe(true));
	});

	it('give new ids that are free', () => {
		expect(newReferenceId([])).toBe('ref-1');
		expect(newReferenceId([{ id: 'ref-2' }])).toBe('ref-3');
		expect(newReferenceId([{ id: 'ref-2' }, { id: 'ref-3' }])).toBe('ref-4');
	});

	it('make a zone of one polygon: imported from the file, or a municipality for a boundary loaded by code', () => {
		const taken = new Set(['ref-1-南区']);
		expect(referenceZone(wards, wards.features[1], (id) => taken.has(id))).toEqual({
			id: 'ref-1-南区 (2)',
			name: '南区',
			geometry: ell,
			source: 'imported',
			parameters: { file: 'wards.zip' }
		});
		const ota: ReferenceLayer = { id: 'ref-2', name: '大田区', source: 'municipality', code5: '13111', features: [{ type: 'Feature', properties: { layer: 'ref-2', label: '大田区' }, geometry: box(139, 35) }] };
		expect(referenceZone(ota, ota.features[0], () => false)).toMatchObject({ id: 'municipality-13111', source: 'municipality', parameters: { municipality: '13111', boundary: 'N03' } });
	});
});
