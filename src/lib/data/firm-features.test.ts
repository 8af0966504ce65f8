import { describe, expect, it } from 'vitest';
import { parseFirmSample } from './firm-sample';
import { firmFeaturesText, firmPoints } from './firm-features';
import { firmFeatures } from './load-firm-sample';

describe('firm features as text', () => {
	it('parse to the same FeatureCollection as the objects, whatever the number of firms', () => {
		for (const count of [0, 1, 10_001, 20_000]) {
			const lines = Array.from({ length: count }, (_, i) => `F${i},${(35 + i / 1e5).toFixed(6)},${(139 + i / 3e5).toFixed(7)},${['24', 'E26', '', '9'][i % 4]}`);
			const sample = parseFirmSample(['id,lat,lon,jsic_medium', ...lines].join('\n'), { file: 'f.csv' });
			expect(JSON.parse(firmFeaturesText(firmPoints(sample)).join(''))).toEqual(firmFeatures(sample));
		}
	});

	it('carry the industry codes by number, as few as there are', () => {
		const sample = parseFirmSample('id,lat,lon,jsic_medium\nA,35,139,24\nB,35,139,26\nC,35,139,24\n', { file: 'f.csv' });
		const points = firmPoints(sample);
		expect(points.codes).toEqual(['24', '26']);
		expect([...points.industry]).toEqual([0, 1, 0]);
	});
});
