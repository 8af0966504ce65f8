import { describe, expect, it } from 'vitest';
import { InputError } from '$lib/core/io/input-error';
import { translate } from '$lib/i18n';
import { failureText } from '../import/problem-text';
import type { Zone } from '$lib/core/model';
import { readSessionFile, sessionToFile, SESSION_FORMAT } from './session-file';
import { withFreeIds, fileStem } from './session-actions';

const zones: Zone[] = [
	{
		id: '0b7f3c2e-8d1a-4c7e-9f00-0a1b2c3d4e5f',
		name: '大田区 北部',
		source: 'drawn',
		parameters: { shape: 'polygon' },
		colour: '#d9480f',
		geometry: {
			type: 'Polygon',
			coordinates: [
				[
					[139.7, 35.5],
					[139.8, 35.5],
					[139.8, 35.6],
					[139.7, 35.5]
				]
			]
		}
	},
	{ id: 'district-ota', name: 'Ota', source: 'district', parameters: { districtId: 'ota', municipalities: ['13111'] }, geometry: { type: 'MultiPolygon', coordinates: [[[[139.6, 35.5], [139.65, 35.55], [139.6, 35.55], [139.6, 35.5]]]] } }
];
const dataset = { file: 'firms.csv', rows: 1200, sha256: 'ab'.repeat(32), bundled: false };
const settings = { bufferKm: 2.5, basemap: 'gsi-pale', layers: { firms: true, districts: false } };

function fileOf(value: unknown): string {
	return JSON.stringify(value);
}

/** The error reading `text` as my-session.json throws (an InputError, or the test fails). */
function inputErrorOf(text: string): InputError {
	try {
		readSessionFile(text, { file: 'my-session.json' });
	} catch (error) {
		expect(error).toBeInstanceOf(InputError);
		return error as InputError;
	}
	throw new Error('no error');
}

const errorOf = (text: string): string => inputErrorOf(text).describe();

describe('session file', () => {
	it('round-trips zones, settings and the dataset reference', () => {
		const file = sessionToFile({ zones, settings, dataset }, { now: new Date('2026-01-02T03:04:05Z') });
		expect(file).toMatchObject({ format: SESSION_FORMAT, version: 1, savedAt: '2026-01-02T03:04:05.000Z' });
		const back = readSessionFile(JSON.stringify(file, null, 1), { file: 's.json' });
		expect(back.settings).toEqual(settings);
		expect(back.dataset).toEqual(dataset);
		expect(back.zones.map(({ geometry: _g, ...z }) => z)).toEqual(zones.map(({ geometry: _g, ...z }) => z));
		// Saved again, the same file (apart from the time).
		expect(sessionToFile(back, { now: new Date('2026-01-02T03:04:05Z') })).toEqual(JSON.parse(JSON.stringify(file)));
	});

	it('keeps an empty session', () => {
		const back = readSessionFile(fileOf(sessionToFile({ zones: [], settings: { bufferKm: 5 }, dataset: null })), { file: 's.json' });
		expect(back).toEqual({ zones: [], settings: { bufferKm: 5 }, dataset: null });
	});

	const valid = () => JSON.parse(fileOf(sessionToFile({ zones, settings, dataset })));

	it.each([
		['text that is not JSON', '{"format": ', 'my-session.json: is not JSON'],
		['another JSON file', fileOf({ type: 'FeatureCollection', features: [] }), 'is not a session file'],
		['a newer version', fileOf({ ...valid(), version: 2 }), 'my-session.json: was saved by a newer version of the app (session format 2; this one reads up to 1). Update the app to open it.'],
		['a broken version', fileOf({ ...valid(), version: '1' }), 'has the version "1"'],
		['no settings', fileOf({ ...valid(), settings: undefined }), 'has no "settings" object'],
		['a negative buffer', fileOf({ ...valid(), settings: { bufferKm: -1 } }), '"settings.bufferKm" -1'],
		['bad layers', fileOf({ ...valid(), settings: { bufferKm: 5, layers: { firms: 'yes' } } }), '"settings.layers"'],
		['a bad hash', fileOf({ ...valid(), dataset: { ...dataset, sha256: 'xyz' } }), '"dataset" is not'],
		['a zone that is a point', fileOf({ ...valid(), zones: { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [1, 2] }, properties: {} }] } }), 'my-session.json (zones): feature 1 is a Point']
	])('refuses %s with a clear message', (_name, text, message) => {
		expect(errorOf(text)).toContain(message);
	});
});

describe('a session file refused, in the UI language', () => {
	const worded = (error: InputError, lang: 'en' | 'ja') =>
		failureText({ ...error, message: error.message, text: error.describe() }, (key, params) => translate(lang, key, params));
	const newer = () => fileOf({ ...JSON.parse(fileOf(sessionToFile({ zones, settings: { bufferKm: 5 }, dataset: null }))), version: 2 });

	it.each([
		['text that is not JSON', '{"format": '],
		['another JSON file', fileOf({ type: 'FeatureCollection', features: [] })],
		['a newer version', newer()]
	])('words %s in English as the command line does, and in Japanese', (_name, text) => {
		const error = inputErrorOf(text);
		expect(error.code).toBeDefined();
		expect(worded(error, 'en')).toBe(error.describe());
		const ja = worded(error, 'ja');
		expect(ja).toMatch(/^my-session\.json：/);
		expect(ja).toMatch(/[ぁ-ん]/);
	});

	it('names the versions in Japanese too', () => {
		expect(worded(inputErrorOf(newer()), 'ja')).toContain('セッション形式 2。この版が読めるのは 1 まで');
	});
});

describe('session actions', () => {
	it('gives taken ids new ones: UUIDs for drawn zones, suffixes for others', () => {
		const taken = new Set([zones[0].id, 'district-ota', 'district-ota-2']);
		const { zones: fresh, renamed } = withFreeIds([...zones, { ...zones[1] }], taken, () => 'new-uuid');
		expect(renamed).toBe(3);
		expect(fresh.map((z) => z.id)).toEqual(['new-uuid', 'district-ota-3', 'district-ota-4']);
		expect(withFreeIds(zones, new Set()).zones).toEqual(zones);
	});

	it('fits drawn zones to the drawing layer: UUID ids, single polygons', () => {
		const multi = { ...zones[1], id: 'm', source: 'drawn' as const };
		const named = { ...zones[0], id: 'my-zone' };
		const { zones: fresh, renamed } = withFreeIds([multi, named], new Set(), () => '11111111-2222-4333-8444-555555555555');
		expect(fresh.map((z) => [z.id, z.source])).toEqual([
			['m', 'imported'],
			['11111111-2222-4333-8444-555555555555', 'drawn']
		]);
		expect(renamed).toBe(1);
	});

	it('names files after the dataset (without folder and extension)', () => {
		expect(fileStem('C:\\data\\企業.csv')).toBe('企業');
	});
});

describe('session file: institutions and reference layers', () => {
	const institutions = {
		file: '研究機関.csv',
		mode: 'add' as const,
		institutions: [
			{ id: 'L1', lon: 139.72, lat: 35.56, name: '大田ラボ', type: 'public-research-institute' as const, typeText: '公設試' },
			{ id: 'L2', lon: 139.75, lat: 35.58 }
		]
	};
	const square: [number, number][] = [
		[139.7, 35.5],
		[139.8, 35.5],
		[139.8, 35.6],
		[139.7, 35.5]
	];
	const references = [
		{ id: 'ref-1', name: '大田区 (13111)', source: 'municipality' as const, code5: '13111', features: [{ type: 'Feature' as const, properties: { layer: 'ref-1', label: '大田区' }, geometry: { type: 'Polygon' as const, coordinates: [square] } }] }
	];

	it('round-trips the imported institutions and the reference layers', () => {
		const file = sessionToFile({ zones: [], settings: { bufferKm: 5 }, dataset: null, institutions, references });
		const back = readSessionFile(JSON.stringify(file), { file: 's.json' });
		expect(back.institutions).toEqual(institutions);
		expect(back.references).toEqual(references);
	});

	it('keeps "the bundled institutions" (null) apart from a file that does not say (absent)', () => {
		const bundled = readSessionFile(fileOf(sessionToFile({ zones: [], settings: { bufferKm: 5 }, dataset: null, institutions: null, references: [] })), { file: 's.json' });
		expect(bundled.institutions).toBeNull();
		expect(bundled.references).toEqual([]);
		const older = readSessionFile(fileOf(sessionToFile({ zones: [], settings: { bufferKm: 5 }, dataset: null })), { file: 's.json' });
		expect('institutions' in older).toBe(false);
		expect('references' in older).toBe(false);
	});

	it('names the institution or polygon that is wrong', () => {
		const base = sessionToFile({ zones: [], settings: { bufferKm: 5 }, dataset: null });
		const badPoint = { ...institutions, institutions: [institutions.institutions[0], { id: 'L2', lon: 'east', lat: 35 }] };
		expect(errorOf(fileOf({ ...base, institutions: badPoint }))).toContain('"institutions.institutions[1]" is not { id (text), lon, lat (WGS84 degrees) }');
		expect(errorOf(fileOf({ ...base, institutions: { ...institutions, mode: 'merge' } }))).toContain('"institutions" is not { file, mode');
		const badType = { ...institutions, institutions: [{ ...institutions.institutions[0], type: 'castle' }] };
		expect(errorOf(fileOf({ ...base, institutions: badType }))).toContain('"institutions.institutions[0]".type is not one of');
		const openRing = [{ ...references[0], features: [{ ...references[0].features[0], geometry: { type: 'Polygon', coordinates: [square.slice(0, 2)] } }] }];
		expect(errorOf(fileOf({ ...base, references: openRing }))).toContain('"references[0]".features[0] is not a Polygon or MultiPolygon feature');
		expect(errorOf(fileOf({ ...base, references: [{ ...references[0], code5: '131' }] }))).toContain('"references[0]".code5 is not a 5-digit municipality code');
	});
});
