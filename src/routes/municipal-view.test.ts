import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PrefectureCollection } from '$lib/core/geodata-types';
import { prefectureFeatures, type PrefectureTopology } from '$lib/core/geography';
import { firmsInside, prefecturesInView } from './municipal-view';

const prefectures: PrefectureCollection = {
	type: 'FeatureCollection',
	features: prefectureFeatures(JSON.parse(readFileSync('geodata/prefectures.topo.json', 'utf8')) as PrefectureTopology)
};

describe('prefecturesInView', () => {
	it('names the prefectures whose land the view shows, not those whose box only overlaps it', () => {
		// Ota ward and the Tama river: Tokyo and Kawasaki (Kanagawa); Chiba's box overlaps, its land does not.
		expect(prefecturesInView(prefectures, [139.65, 35.52, 139.83, 35.62])).toEqual(['13', '14']);
		// Open sea south of Honshu: nothing to load.
		expect(prefecturesInView(prefectures, [137.0, 33.0, 137.2, 33.2])).toEqual([]);
	});
});

describe('firmsInside', () => {
	it('counts points inside a polygon, its boundary included', () => {
		const square = { type: 'Polygon' as const, coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] };
		expect(firmsInside(square, Float64Array.of(0.5, 1, 2, 0.2), Float64Array.of(0.5, 0.5, 0.5, 1.5))).toBe(2);
	});
});
