import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TownIndex, TownPrefectureFile } from '../src/lib/core/geocode/town-data';
import { decodeTownRows, nearestToMean } from '../src/lib/core/geocode/town-data';

// These check the committed files on their own (a fresh clone has no ../shared/data);
// `npx tsx geodata/scripts/build-towns.ts --check` compares them with a rebuild where the source exists.
const dir = join(import.meta.dirname, 'towns');
const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as TownIndex;
const files = index.prefectures.map(
	(p) => JSON.parse(readFileSync(join(dir, `${p.code}.json`), 'utf8')) as TownPrefectureFile
);
const inJapan = (lon: number, lat: number) => lon > 122 && lon < 154 && lat > 20 && lat < 46;

describe('geodata/towns', () => {
	it('has the 47 prefectures, one file each and nothing else', () => {
		expect(index.prefectures.map((p) => p.code)).toEqual(Array.from({ length: 47 }, (_, i) => String(i + 1).padStart(2, '0')));
		expect(readdirSync(dir).sort()).toEqual([...index.prefectures.map((p) => `${p.code}.json`), 'index.json'].sort());
		expect(index.source).toContain('Geolonia 住所データ');
		expect(index.source).toContain('CC BY 4.0');
	});

	it('holds every row of the source: 277,676 rows in 1,895 municipalities', () => {
		const munis = files.flatMap((f) => f.municipalities);
		expect(munis).toHaveLength(1895);
		expect(munis.reduce((n, m) => n + m.towns.length, 0)).toBe(277_676);
	});

	it('gives every municipality a unique 5-digit code of its prefecture', () => {
		const codes = new Set<string>();
		for (const p of index.prefectures) {
			for (const m of p.municipalities) {
				expect(m.code, `${p.name}${m.name}`).toMatch(new RegExp(`^${p.code}\\d{3}$`));
				expect(codes.has(m.code), `${m.code} repeated`).toBe(false);
				codes.add(m.code);
			}
		}
		const code = (pref: string, name: string) =>
			index.prefectures.find((p) => p.name === pref)!.municipalities.find((m) => m.name === name)?.code;
		expect([code('東京都', '大田区'), code('北海道', '札幌市中央区'), code('東京都', '西多摩郡瑞穂町'), code('大阪府', '東大阪市')]).toEqual([
			'13111',
			'01101',
			'13303',
			'27227'
		]);
	});

	it('agrees with the index, and each municipality point is its town point nearest the mean', () => {
		for (const [i, p] of index.prefectures.entries()) {
			const file = files[i];
			expect([file.code, file.name]).toEqual([p.code, p.name]);
			expect(file.municipalities.map((m) => [m.code, m.name])).toEqual(p.municipalities.map((m) => [m.code, m.name]));
			for (const [j, m] of file.municipalities.entries()) {
				const rows = decodeTownRows(m);
				expect(rows).toHaveLength(p.municipalities[j].rows);
				expect(m.lon.length === rows.length && m.lat.length === rows.length && (m.koaza?.length ?? rows.length) === rows.length).toBe(true);
				const bad = rows.filter((r) => r.town === '' || (Number.isFinite(r.lon) && !inJapan(r.lon, r.lat)));
				expect(bad, m.name).toEqual([]);
				const own = rows.filter((r) => r.koaza === '' && Number.isFinite(r.lon));
				const use = own.length ? own : rows.filter((r) => Number.isFinite(r.lon));
				const k = nearestToMean(use.map((r) => r.lon), use.map((r) => r.lat));
				expect(p.municipalities[j].point, m.name).toEqual([Math.round(use[k].lon * 1e6), Math.round(use[k].lat * 1e6)]);
			}
		}
	});

	it('decodes a known town to the source point', () => {
		const ota = files[12].municipalities.find((m) => m.name === '大田区')!;
		expect(decodeTownRows(ota).find((r) => r.town === '池上一丁目')).toEqual({ town: '池上一丁目', koaza: '', lon: 139.707141, lat: 35.578435 });
	});

	it('stays compact: under 10 MB in all, no prefecture over 1.5 MB', () => {
		const sizes = readdirSync(dir).map((f) => readFileSync(join(dir, f)).length);
		expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThan(10e6);
		expect(Math.max(...sizes)).toBeLessThan(1.5e6);
	});
});
