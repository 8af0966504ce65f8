import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { haversineKm } from '../geo/haversine';
import type { InstitutionCollection } from '../geodata-types';
import { Geocoder, type GeocodeResult } from './geocoder';
import { judge, testAddresses } from './test-addresses';
import type { TownIndex, TownPrefectureFile } from './town-data';

const dir = join(import.meta.dirname, '..', '..', '..', '..', 'geodata', 'towns');
const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as TownIndex;
const loads: string[] = [];
const load = (code: string): TownPrefectureFile => {
	loads.push(code);
	return JSON.parse(readFileSync(join(dir, `${code}.json`), 'utf8')) as TownPrefectureFile;
};
const geocoder = new Geocoder(index, load);

interface HardCase {
	address: string;
	match: string | null;
	level?: GeocodeResult['level'];
	problem?: string;
}
const hard = JSON.parse(readFileSync(join(import.meta.dirname, 'test', 'hard-cases.json'), 'utf8')) as HardCase[];

describe('Geocoder: hand-written hard cases (test/hard-cases.json)', () => {
	it.each(hard)('$address', (c) => {
		const r = geocoder.geocode(c.address);
		if (c.match) {
			expect(r.match).toBe(c.match);
			expect(r.level).toBe(c.level ?? 'town');
			expect(r.problem).toBe('');
			expect(Number.isFinite(r.lon) && Number.isFinite(r.lat)).toBe(true);
		} else {
			expect(r.level).toBe(c.level);
			expect(r.problem).toContain(c.problem);
			if (r.level === null) expect([r.lon, r.lat, r.match]).toEqual([NaN, NaN, '']);
		}
	});
});

describe('Geocoder: seeded addresses drawn from the town data', () => {
	it('reaches the right town for ≥ 98 % of 2,500 addresses in every notation, and never a wrong town', () => {
		const files = index.prefectures.map((p) => load(p.code));
		const set = testAddresses(index, files, 2500, 20261206);
		const wrong: string[] = [];
		const unexplained: string[] = [];
		let right = 0;
		let koaza = 0;
		for (const t of set) {
			const r = geocoder.geocode(t.address);
			const verdict = judge(r, t);
			if (verdict === 'right') right++;
			else if (verdict === 'wrong') (r.level === null || r.level === 'municipality' || r.level === 'prefecture' ? unexplained : wrong).push(`${t.address} → ${r.match} (expected ${t.match})`);
			if (r.level === 'koaza' && r.match === t.match) koaza++;
		}
		expect(wrong).toEqual([]);
		expect(koaza / set.filter((t) => t.level === 'koaza').length).toBeGreaterThan(0.95);
		expect(unexplained).toEqual([]);
		expect(right / set.length).toBeGreaterThanOrEqual(0.98);
		// The notations are all there: postcodes, full-width digits, kanji 丁目, dashes, buildings, 小字.
		const all = set.map((t) => t.address).join('\n');
		for (const s of ['〒', '１', '丁目', '−', 'ー', 'ビル', '番地の', '大字']) expect(all).toContain(s);
		expect(set.filter((t) => t.level === 'koaza').length).toBeGreaterThan(100);
	});
});

describe('Geocoder: loading', () => {
	it('loads only the prefecture files the addresses need', () => {
		loads.length = 0;
		const g = new Geocoder(index, load);
		g.geocode('大田区池上1-2-3');
		g.geocode('東京都新宿区西新宿2-8-1');
		g.geocode('茨城県日立市中成沢町4-12-1');
		expect(loads).toEqual(['13', '08']);
		expect(g.prefecturesFor('府中市宮西町1-1').sort()).toEqual(['13', '34']);
		expect(g.prefecturesFor('大阪府北区梅田')).toEqual(['27']);
	});

	it('says so instead of guessing when a prefecture file is not there', () => {
		const r = new Geocoder(index).geocode('東京都大田区池上1-2-3');
		expect(r.level).toBe('municipality');
		expect(r.problem).toBe('only the municipality 大田区 was found: the town data of 東京都 is not loaded');
	});

	it('survives any text: 10,000-character cells, control characters, lone surrogates', () => {
		for (const s of ['池'.repeat(10_000), '東京都大田区' + 'x'.repeat(10_000), '\u0000\u0001\ud800', '〒', '-'.repeat(500)]) {
			const r = geocoder.geocode(s);
			expect(r.problem.length).toBeGreaterThan(0);
			expect(r.problem.length).toBeLessThan(200);
		}
	});
});

describe('Geocoder: real addresses with coordinates from another source', () => {
	// The bundled institutions whose coordinate is not itself a town point of this data (confidence high or
	// medium: Wikipedia or infobox coordinates of the site). README, "Offline geocoding", reports these figures.
	const institutions = JSON.parse(readFileSync(join(dir, '..', 'institutions.geo.json'), 'utf8')) as InstitutionCollection;
	const independent = institutions.features.filter((f) => f.properties.confidence !== 'low');

	it('places every one at town level, median within 0.5 km, 7 of 8 within 1 km', () => {
		const km = independent.map((f) => {
			const r = geocoder.geocode(f.properties.address_ja);
			expect(r.level, f.properties.address_ja).toBe('town');
			const [lon, lat] = f.geometry.coordinates;
			return haversineKm(lon, lat, r.lon, r.lat);
		});
		km.sort((a, b) => a - b);
		expect(km).toHaveLength(8);
		const median = (km[3] + km[4]) / 2;
		expect(median).toBeLessThan(0.5);
		expect(km.filter((d) => d <= 1).length).toBe(7);
	});
});
