import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/turf';
import type { District, PrefectureCollection } from '$lib/core/geodata-types';
import { municipalityFeatures, type MunicipalTopology } from '$lib/core/geography';
import { districtLabelPoints, municipalityLabelPoints, municipalityNamePoints, prefectureLabelPoints, prefectureSearchInputs } from './features';

const read = <T>(file: string): T => JSON.parse(readFileSync(`geodata/${file}`, 'utf8'));
const prefectures = read<PrefectureCollection>('prefectures.geo.json');
const districts = read<District[]>('districts.json');

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

describe('municipalityNamePoints', () => {
	it('puts each name inside its municipality, in English too for district members', () => {
		const osaka = municipalityFeatures(read<MunicipalTopology>('municipalities/27.topo.json'));
		const points = municipalityNamePoints(osaka, districts);
		expect(points.features).toHaveLength(osaka.length);
		points.features.forEach((p, i) => expect(booleanPointInPolygon(p.geometry.coordinates, osaka[i].geometry), p.properties.name).toBe(true));
		expect(points.features.find((p) => p.properties.code === '27115')?.properties).toEqual({ code: '27115', name: '大阪市東成区', name_en: 'Higashinari Ward, Osaka City' });
		expect(points.features.find((p) => p.properties.code === '27128')?.properties).toEqual({ code: '27128', name: '大阪市中央区' });
	});
});
