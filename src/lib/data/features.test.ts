import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { District, DistrictExtentCollection, PrefectureCollection } from '$lib/core/geodata-types';
import {
	districtLabelPoints,
	municipalityLabelPoints,
	prefectureLabelPoints,
	prefectureSearchInputs,
	withRealBoundaries,
	type ExtentFeature
} from './features';

const read = <T>(file: string): T => JSON.parse(readFileSync(`geodata/${file}`, 'utf8'));
const prefectures = read<PrefectureCollection>('prefectures.geo.json');
const districts = read<District[]>('districts.json');
const extents = read<DistrictExtentCollection>('district-extents.geo.json');

describe('label points', () => {
	it('gives each prefecture, district and district municipality one named point', () => {
		const prefs = prefectureLabelPoints(prefectures);
		expect(prefs.features).toHaveLength(47);
		expect(prefs.features.find((f) => f.properties.id === '27')?.properties).toMatchObject({ name_ja: '大阪府' });
		expect(districtLabelPoints(districts).features.map((f) => f.properties.id)).toEqual(districts.map((d) => d.id));
		const munis = municipalityLabelPoints(districts);
		expect(munis.features).toHaveLength(districts.reduce((n, d) => n + d.municipalities.length, 0));
		expect(munis.features.find((f) => f.properties.id === '27212')?.properties.name_ja).toBe('八尾市');
	});
});

describe('prefectureSearchInputs', () => {
	it('bounds each prefecture around its label point', () => {
		const inputs = prefectureSearchInputs(prefectures);
		for (const [i, input] of inputs.entries()) {
			const [lon, lat] = prefectures.features[i].properties.label;
			const [w, s, e, n] = input.bbox;
			expect(lon >= w && lon <= e && lat >= s && lat <= n, input.name_en).toBe(true);
		}
	});
});

describe('withRealBoundaries', () => {
	it('swaps in loaded boundaries by municipality code and keeps everything else in order', () => {
		const ota = extents.features.find((f) => f.properties.code5 === '13111')!;
		const real: ExtentFeature = {
			type: 'Feature',
			properties: { ...ota.properties, approximate: false, radius_km: undefined },
			geometry: { type: 'MultiPolygon', coordinates: [ota.geometry.coordinates] }
		};
		const merged = withRealBoundaries(extents, new Map([['13111', real]]));
		expect(merged.features).toHaveLength(extents.features.length);
		expect(merged.features.map((f) => f.properties.code5)).toEqual(extents.features.map((f) => f.properties.code5));
		expect(merged.features.filter((f) => !f.properties.approximate)).toEqual([real]);
		expect(withRealBoundaries(extents, new Map()).features).toEqual(extents.features);
	});
});
