import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { InstitutionCollection } from '$lib/core/geodata-types';
import { activeInstitutions, importInstitutions, institutionCollection, sharedInstitutionIds } from './import-institutions';
import { previewImport } from './import-preview';
import { bytesSource } from './import-source';

const bundled = JSON.parse(readFileSync(new URL('../../../geodata/institutions.geo.json', import.meta.url), 'utf8')) as InstitutionCollection;
const encode = (text: string) => new TextEncoder().encode(text);

describe('importInstitutions', () => {
	it('reads a CSV with the mapping chosen, lists problems by line and column and counts every row', async () => {
		const source = bytesSource('labs.csv', encode('名称,区分,lat,lon\nA大学,私立大学,35.6,139.7\nB,謎,35.7,139.8\nC,,x,139.9\n'));
		const { preview } = await previewImport(source);
		const mapping = { lat: 2, lon: 3, id: -1, name: 0, type: 1 };
		const read = await importInstitutions(source, { mapping, columns: preview.columns });
		expect(read.rows).toBe(3);
		expect(read.institutions.map((i) => [i.id, i.type])).toEqual([
			['A大学', 'private-university'],
			['B', 'other']
		]);
		expect(read.problems.map((p) => [p.line, p.column, p.severity, p.problem.kind])).toEqual([
			[3, '区分', 'warning', 'unknown-type'],
			[4, 'lat', 'error', 'unparsable']
		]);
	});

	it('reads point features with the property names of the mapping', async () => {
		const geojson = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { 機関: '東北大学', kind: '国立大学' }, geometry: { type: 'Point', coordinates: [140.84, 38.25] } }] };
		const source = bytesSource('labs.geojson', encode(JSON.stringify(geojson)));
		const { preview, features } = await previewImport(source);
		const mapping = { lat: -1, lon: -1, id: -1, name: preview.columns.indexOf('機関'), type: preview.columns.indexOf('kind') };
		const read = await importInstitutions(source, { mapping, columns: preview.columns, features });
		expect(read.institutions).toEqual([{ id: '東北大学', name: '東北大学', type: 'national-university', typeText: '国立大学', lon: 140.84, lat: 38.25 }]);
	});
});

describe('activeInstitutions', () => {
	const own = [{ id: 'L1', lon: 139.7, lat: 35.6, name: 'Lab', type: 'other' as const, typeText: 'lab' }];

	it('adds the imported institutions to the bundled ones, or puts them in their place', () => {
		expect(activeInstitutions(bundled, null)).toBe(bundled);
		const added = activeInstitutions(bundled, { file: 'labs.csv', mode: 'add', institutions: own });
		expect(added.features.map((f) => f.properties.id)).toEqual([...bundled.features.map((f) => f.properties.id), 'L1']);
		const replaced = activeInstitutions(bundled, { file: 'labs.csv', mode: 'replace', institutions: own });
		expect(replaced).toEqual(institutionCollection(own, 'labs.csv'));
		expect(replaced.features[0]).toMatchObject({ id: 'L1', properties: { name_en: 'Lab', name_ja: 'Lab', type: 'other', type_detail: 'lab', imported: 'labs.csv' }, geometry: { coordinates: [139.7, 35.6] } });
	});
});

describe('sharedInstitutionIds', () => {
	const bundledId = String(bundled.features[0].properties.id);
	const point = (id: string) => ({ id, lon: 139.7, lat: 35.6, type: 'other' as const });

	it('names the added ids a bundled institution already has, once each', () => {
		const imported = { file: 'mine.csv', mode: 'add' as const, institutions: [point(bundledId), point('mine-1'), point(bundledId)] };
		expect(sharedInstitutionIds(bundled, imported)).toEqual([bundledId]);
	});

	it('finds none when the file replaces the bundled institutions or there is no file', () => {
		expect(sharedInstitutionIds(bundled, { file: 'mine.csv', mode: 'replace', institutions: [point(bundledId)] })).toEqual([]);
		expect(sharedInstitutionIds(bundled, null)).toEqual([]);
	});
});
