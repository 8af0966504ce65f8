import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeTownRows, type TownPrefectureFile } from '$lib/core/geocode/town-data';
import { townLabelPoints } from './town-labels';

// A municipality with the shapes the data has: plain towns, a town with 小字 after its own row
// (the "" town repeats it), a town with only 小字 rows, and a row without a point.
const file: TownPrefectureFile = {
	code: '99',
	name: 'テスト県',
	municipalities: [
		{
			code: '99201',
			name: 'テスト市',
			towns: ['本町一丁目', '大字東', '', '', '大字西', '', '', '北町'],
			koaza: ['', '', '上ノ原', '下ノ原', '一本松', '二本松', '三本松', ''],
			lon: [139000000, 1000, 100, 100, 5000, 300, 300, null],
			lat: [35000000, 2000, -100, -100, 5000, 300, 300, null]
		},
		{ code: '99202', name: '別町', towns: ['本町一丁目'], lon: [140000000], lat: [36000000] }
	]
};

describe('townLabelPoints', () => {
	const labels = townLabelPoints(file);

	it('gives one label per town, at its own row, and none per 小字', () => {
		expect(labels.features.map((f) => [f.properties.code, f.properties.name])).toEqual([
			['99201', '本町一丁目'],
			['99201', '大字東'],
			['99201', '大字西'],
			['99202', '本町一丁目']
		]);
		const rows = decodeTownRows(file.municipalities[0]);
		expect(labels.features[1].geometry.coordinates).toEqual([rows[1].lon, rows[1].lat]);
		expect(labels.features.map((f) => f.properties.name)).not.toContain('上ノ原');
	});

	it('places a town that has only 小字 rows at the 小字 nearest their mean', () => {
		// 大字西's three 小字 lie on a line: the middle one is their mean.
		const rows = decodeTownRows(file.municipalities[0]);
		expect(labels.features[2].geometry.coordinates).toEqual([rows[5].lon, rows[5].lat]);
	});

	it('skips a town without a point', () => {
		expect(labels.features.map((f) => f.properties.name)).not.toContain('北町');
	});

	it('labels Ota (13111) in the committed Tokyo file at the coordinates the geocoder decodes', () => {
		const tokyo = JSON.parse(readFileSync('geodata/towns/13.json', 'utf8')) as TownPrefectureFile;
		const ota = tokyo.municipalities.find((m) => m.code === '13111')!;
		const townRows = decodeTownRows(ota).filter((r) => r.koaza === '' && Number.isFinite(r.lon));
		const otaLabels = townLabelPoints(tokyo).features.filter((f) => f.properties.code === '13111');
		expect(otaLabels.length).toBe(new Set(townRows.map((r) => r.town)).size);
		const ikegami = otaLabels.find((f) => f.properties.name === '池上一丁目')!;
		expect(ikegami.geometry.coordinates).toEqual([139.707141, 35.578435]);
		for (const f of otaLabels) {
			const row = townRows.find((r) => r.town === f.properties.name)!;
			expect(f.geometry.coordinates).toEqual([row.lon, row.lat]);
		}
	});
});
