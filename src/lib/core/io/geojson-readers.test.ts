import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { District, DistrictPolygonCollection } from '../geodata-types';
import { districtZones } from './district-features';
import { InputError } from './input-error';
import { parseGeoJson } from './parse-geojson';
import { institutionsFromGeoJson, readInstitutionsCsv } from './read-institutions';
import { readFirmsGeoJson } from './read-firms-geojson';
import { readZones } from './read-zones';
import { describeRowProblem } from './row-problem';

const file = 'x.geojson';
const collection = (features: unknown[]) => ({ type: 'FeatureCollection', features }) as FeatureCollection;
const point = (lon: number, lat: number, properties: Record<string, unknown> = {}, id?: string | number) => ({ type: 'Feature', id, properties, geometry: { type: 'Point', coordinates: [lon, lat] } });
const square = [
	[
		[0, 0],
		[1, 0],
		[1, 1],
		[0, 1],
		[0, 0]
	]
];

describe('parseGeoJson', () => {
	it.each([
		['{"type":"FeatureCollection","features":[', /is not valid JSON/],
		['{"type":"Feature","properties":{},"geometry":null}', /is a GeoJSON Feature, not a GeoJSON FeatureCollection/],
		['{"type":"Polygon","coordinates":[]}', /is a GeoJSON Polygon, not a GeoJSON FeatureCollection/],
		['[1,2]', /is a JSON array, not/],
		['{"type":"FeatureCollection"}', /without a "features" array/],
		['id,lat,lon\n1,2,3\n', /It looks like CSV/]
	])('refuses %j', (text, message) => {
		try {
			parseGeoJson(text, { file });
			expect.fail('should throw');
		} catch (error) {
			expect((error as InputError).describe()).toMatch(message);
		}
	});

	it('names the line of a syntax error', () => {
		try {
			parseGeoJson('{"type": "FeatureCollection",\n "features": [\n  {,}\n]}', { file });
			expect.fail('should throw');
		} catch (error) {
			expect(error).toBeInstanceOf(InputError);
			expect((error as InputError).line).toBe(3);
		}
	});
});

describe('readFirmsGeoJson', () => {
	it('makes columns of properties in first-seen order, with the feature ids first, and keeps bad features', () => {
		const [batch] = readFirmsGeoJson(
			collection([point(139.7, 35.5, { a: 1, b: 'x' }, 'f1'), { type: 'Feature', id: 'f2', properties: { c: true, a: 2 }, geometry: null }, point(139.7, 95, {}, 'f3'), { type: 'Feature', properties: null, geometry: { type: 'LineString', coordinates: [] } }]),
			{ file }
		);
		expect(batch.columns).toEqual(['id', 'a', 'b', 'c']);
		expect(batch.problems.map((p) => p && p.map(describeRowProblem).join())).toEqual([null, 'feature has no geometry', 'latitude (column "geometry") 95 is outside -90..90', 'feature is a LineString, not a Point']);
		expect(Array.from(batch.lines)).toEqual([1, 2, 3, 4]);
		expect([batch.lons[0], batch.lats[0]]).toEqual([139.7, 35.5]);
	});

	it('splits into batches and refuses an empty collection', () => {
		const features = Array.from({ length: 5 }, (_, i) => point(i, i));
		expect(readFirmsGeoJson(collection(features), { file, batchSize: 2 }).map((b) => b.count)).toEqual([2, 2, 1]);
		expect(() => readFirmsGeoJson(collection([]), { file })).toThrow('no features');
	});
});

describe('readZones', () => {
	it('validates zones and reports repairs by zone id', () => {
		const { zones, problems } = readZones(collection([{ type: 'Feature', properties: { name: 'a' }, geometry: { type: 'Polygon', coordinates: [square[0].slice().reverse()] } }]), { file });
		expect(zones.map((z) => z.id)).toEqual(['a']);
		expect(problems).toEqual([expect.objectContaining({ zoneId: 'a', severity: 'repaired' })]);
	});

	it.each([
		[[], /has no features/],
		[[point(0, 0)], /has no polygons \(its features are: Point\)/],
		[[{ type: 'Feature', id: 'bad', properties: {}, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 1], [0, 0]]] } }], /has no usable polygon: zone "bad"/]
	])('refuses %j', (features, message) => {
		expect(() => readZones(collection(features), { file })).toThrow(message);
	});
});

describe('institutions', () => {
	it('takes ids from feature id, properties.id, properties.name, and lists what it leaves out', () => {
		const read = institutionsFromGeoJson(collection([point(1, 2, {}, 'a'), point(3, 4, { id: 7 }), point(5, 6, { name: '東大' }), point(7, 8), point(9, 99, { id: 'far' }), point(1, 1, {}, 'a')]), { file });
		expect(read.institutions).toEqual([
			{ id: 'a', lon: 1, lat: 2 },
			{ id: '7', lon: 3, lat: 4 },
			{ id: '東大', lon: 5, lat: 6, name: '東大' },
			{ id: 'a', lon: 1, lat: 1 }
		]);
		expect(read.problems).toEqual([
			'feature 1: point 2, 1 (latitude, longitude) is outside Japan; kept — check for a typing error or exchanged columns',
			'feature 2: point 4, 3 (latitude, longitude) is outside Japan; kept — check for a typing error or exchanged columns',
			'feature 3: point 6, 5 (latitude, longitude) is outside Japan; kept — check for a typing error or exchanged columns',
			'feature 4: the id (column "id") is empty; left out',
			'feature 5: latitude (column "geometry") 99 is outside -90..90; left out',
			'feature 6: point 1, 1 (latitude, longitude) is outside Japan; kept — check for a typing error or exchanged columns',
			'feature 6: id "a" (column "id") was already used on line 1; both rows are kept'
		]);
		expect(read.rowProblems.filter((p) => p.severity === 'error').map((p) => [p.line, p.column, p.problem.kind])).toEqual([
			[4, 'id', 'no-id'],
			[5, 'geometry', 'out-of-range']
		]);
	});

	it('reads names and types from the properties, in the engine\'s type vocabulary', () => {
		const read = institutionsFromGeoJson(
			collection([
				point(139.76, 35.71, { 機関名: '東京大学', 種別: '国立大学' }),
				point(135.5, 34.6, { 機関名: '大阪産業技術研究所', 種別: '公設試験研究機関' }),
				point(135.5, 34.7, { 機関名: '博物館', 種別: '博物館' })
			]),
			{ file }
		);
		expect(read.institutions.map((i) => [i.id, i.name, i.type, i.typeText])).toEqual([
			['東京大学', '東京大学', 'national-university', '国立大学'],
			['大阪産業技術研究所', '大阪産業技術研究所', 'public-research-institute', '公設試験研究機関'],
			['博物館', '博物館', 'other', '博物館']
		]);
		expect(read.rowProblems).toEqual([{ file, line: 3, column: '種別', severity: 'warning', problem: { kind: 'unknown-type', column: '種別', text: '博物館' } }]);
	});

	it('reads CSV with an id or name column', async () => {
		const csv = (text: string) => [new TextEncoder().encode(text)];
		const read = await readInstitutionsCsv(csv('名称,緯度,経度\n東大,35.71,139.76\n,35,139\n京大,,135.78\n'), { file: 'i.csv' });
		expect(read.institutions).toEqual([{ id: '東大', name: '東大', lon: 139.76, lat: 35.71 }]);
		expect(read.problems).toEqual(['line 3: the id (column "名称") is empty; left out', 'line 4: latitude (column "緯度") is empty; left out']);
		await expect(readInstitutionsCsv(csv('lat,lon\n1,2\n'), { file: 'i.csv' })).rejects.toThrow('has no id or name column');
	});

	it('reads the columns it is given, exchanged when asked, with type and name', async () => {
		const csv = [new TextEncoder().encode('code,label,kind,x,y\nA1,Tohoku Univ.,national university,38.25,140.84\nA2,Iwate Kosen,College of Technology,39.7,141.1\n')];
		const read = await readInstitutionsCsv(csv, { file: 'i.csv', columns: { id: 0, name: 1, type: 2, lat: 4, lon: 3 }, swap: true });
		expect(read.institutions).toEqual([
			{ id: 'A1', name: 'Tohoku Univ.', type: 'national-university', typeText: 'national university', lon: 140.84, lat: 38.25 },
			{ id: 'A2', name: 'Iwate Kosen', type: 'other', typeText: 'College of Technology', lon: 141.1, lat: 39.7 }
		]);
		expect(read.problems).toEqual([]);
	});
});

describe('districtZones', () => {
	const root = new URL('../../../../geodata/', import.meta.url);
	const districts = JSON.parse(readFileSync(new URL('districts.json', root), 'utf8')) as District[];
	const polygons = JSON.parse(readFileSync(new URL('districts.geo.json', root), 'utf8')) as DistrictPolygonCollection;

	it('makes one zone per district from its polygon, the union of its members', () => {
		const [ho] = districtZones(districts, polygons, { ids: ['higashiosaka'] });
		expect(ho).toMatchObject({ id: 'higashiosaka', properties: { id: 'higashiosaka', municipalities: ['27227', '27212', '27115', '27116', '27126'] } });
		expect(ho.geometry).toEqual(polygons.features.find((f) => f.id === 'higashiosaka')!.geometry);
		expect(districtZones(districts, polygons, { ids: 'all' }).map((f) => f.id)).toEqual(districts.map((d) => d.id));
	});

	it('accepts the obvious spellings of a district', () => {
		const ids = (text: string) => districtZones(districts, polygons, { ids: [text] }).map((f) => f.id);
		for (const text of ['higashiosaka', 'higashi-osaka', 'Higashi Osaka', 'HigashiOsaka', '東大阪', '東大阪市', '東大阪地区']) expect(ids(text), text).toEqual(['higashiosaka']);
		for (const text of ['Ōta', 'ota', '大田区', '大田']) expect(ids(text), text).toEqual(['ota']);
		for (const text of ['musashi-murayama', '武蔵村山市']) expect(ids(text), text).toEqual(['musashimurayama']);
	});

	it('refuses an unknown district, listing the known ones', () => {
		expect(() => districtZones(districts, polygons, { ids: ['osaka'] })).toThrow('names no bundled district "osaka"');
		expect(() => districtZones(districts, polygons, { ids: ['osaka'] })).toThrow(expect.objectContaining({ hint: expect.stringContaining('hitachi, musashimurayama, ota, higashiosaka') }));
	});
});

describe('InputError.describe', () => {
	it('is one line: file, line, message, column, hint', () => {
		expect(new InputError('a.csv', 'is empty', { hint: 'Export it again.' }).describe()).toBe('a.csv: is empty. Export it again.');
		expect(new InputError('a.csv', 'is not a number', { line: 7, column: '緯度' }).describe()).toBe('a.csv:7: is not a number (column "緯度").');
	});
});
