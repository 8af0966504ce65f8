/**
 * A seeded set of addresses drawn from the town data itself, written in the notations Japanese firm lists use,
 * each with the town it must reach: the accuracy test's input and the benchmark's.
 */
import { createRandom, type Random } from '../sample/random';
import type { GeocodeResult } from './geocoder';
import { normalizeAddress } from './normalize';
import type { TownIndex, TownPrefectureFile } from './town-data';
import { decodeTownRows } from './town-data';

export interface TestAddress {
	address: string;
	/** The expected match: 都道府県 + 市区町村 + 町丁目 [+ 小字] as the data writes them. */
	match: string;
	/** 都道府県 + 市区町村 + 町丁目 alone: right town, when a 小字 written two ways in the data stops at its town. */
	town: string;
	level: 'town' | 'koaza';
}

const FULL_DIGITS = '０１２３４５６７８９';
const KANJI = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const VARIANT_OF: [string, string][] = [
	['高', '髙'],
	['崎', '﨑'],
	['辺', '邊'],
	['沢', '澤'],
	['桧', '檜'],
	['ケ', 'ヶ'],
	['ヶ', 'ケ'],
	['が', 'ケ'],
	['浜', '濱']
];
const BUILDINGS = ['', '', '', ' 第2松星ビル 3F', '　光栄ハイツ201号室', ' ○○ビル5階', '（本社）', ' 田中様方'];
const SEPARATORS = ['-', '−', 'ー', '－', '‐'];

const pick = <T>(rng: Random, list: readonly T[]): T => list[rng.int(0, list.length - 1)];
const fullWidth = (s: string): string => s.replace(/[0-9]/g, (d) => FULL_DIGITS[Number(d)]);
const kanjiNumber = (n: number): string =>
	n < 10 ? KANJI[n] : n < 20 ? '十' + (n % 10 ? KANJI[n % 10] : '') : KANJI[Math.floor(n / 10)] + '十' + (n % 10 ? KANJI[n % 10] : '');
const KANJI_NUMERAL = /^(.*?)([一二三四五六七八九十]+)丁目$/;
const kanjiValue = (s: string): number => {
	let n = 0;
	let cur = 0;
	for (const c of s) {
		if (c === '十') {
			n += (cur || 1) * 10;
			cur = 0;
		} else cur = KANJI.indexOf(c);
	}
	return n + cur;
};

/** A town name in one notation, and the block numbers after it. */
function writeTown(rng: Random, town: string): string {
	let name = town;
	if (rng.next() < 0.3) {
		for (const [a, b] of VARIANT_OF) if (name.includes(a) && rng.next() < 0.7) name = name.split(a).join(b);
	}
	if (name.startsWith('大字') && rng.next() < 0.5) name = name.slice(2);
	else if (!name.startsWith('大字') && !name.startsWith('字') && !/丁目$/.test(name) && rng.next() < 0.15) name = '大字' + name;
	const ban = rng.int(1, 40);
	const go = rng.int(1, 30);
	const m = KANJI_NUMERAL.exec(name);
	if (m) {
		const chome = kanjiValue(m[2]);
		const sep = pick(rng, SEPARATORS);
		switch (rng.int(0, 5)) {
			case 0: return `${name}${ban}番${go}号`;
			case 1: return `${m[1]}${chome}丁目${ban}番地${go}`;
			case 2: return fullWidth(`${m[1]}${chome}丁目${ban}-${go}`);
			case 3: return `${m[1]}${chome}${sep}${ban}${sep}${go}`;
			case 4: return fullWidth(`${m[1]}${chome}-${ban}-${go}`);
			default: return `${m[1]}${kanjiNumber(chome)}丁目${ban}の${go}`;
		}
	}
	switch (rng.int(0, 4)) {
		case 0: return `${name}${ban * 10 + go}番地`;
		case 1: return fullWidth(`${name}${ban * 10 + go}`);
		case 2: return `${name}${ban * 10 + go}番地の${go}`;
		case 3: return `${name}${ban * 10 + go}${pick(rng, SEPARATORS)}${go}`;
		default: return `${name} ${ban * 10 + go}番${go}号`;
	}
}

/**
 * `count` addresses of random rows (towns and 小字) of the given prefectures, seeded.
 *
 * @example
 * testAddresses(index, files, 2000, 20261206)[0]; // { address: '〒… 大田区池上１丁目…', match: '東京都大田区池上一丁目', level: 'town' }
 */
export function testAddresses(index: TownIndex, files: TownPrefectureFile[], count: number, seed: number): TestAddress[] {
	const rng = createRandom(seed);
	const munis = files.flatMap((f) => {
		const entries = index.prefectures.find((p) => p.code === f.code)!.municipalities;
		return f.municipalities.map((m) => ({ pref: f.name, rows: m, entry: entries.find((e) => e.code === m.code)! }));
	});
	const decoded = new Map<string, ReturnType<typeof decodeTownRows>>();
	const out: TestAddress[] = [];
	while (out.length < count) {
		const { pref, rows, entry } = pick(rng, munis);
		let list = decoded.get(rows.code);
		if (!list) decoded.set(rows.code, (list = decodeTownRows(rows)));
		const row = pick(rng, list);
		if (!Number.isFinite(row.lon) || row.town === '（大字なし）') continue;
		let muni = rows.name;
		const r = rng.next();
		if (entry.county && r < 0.5) muni = muni.slice(entry.county.length);
		else if (entry.city && r < 0.2) muni = muni.slice(entry.city.length);
		const withPref = rng.next() < 0.6 ? pref : '';
		const postcode = rng.next() < 0.2 ? `〒${rng.int(100, 999)}-${String(rng.int(0, 9999)).padStart(4, '0')} ` : '';
		const space = rng.next() < 0.3 ? ' ' : '';
		let town: string;
		if (row.koaza) {
			const koaza = rng.next() < 0.5 && !row.koaza.startsWith('字') ? '字' + row.koaza : row.koaza;
			town = `${row.town}${koaza}${rng.int(1, 2000)}番地`;
		} else town = writeTown(rng, row.town);
		out.push({
			address: `${postcode}${withPref}${space}${muni}${space}${town}${pick(rng, BUILDINGS)}`,
			match: pref + rows.name + row.town + row.koaza,
			town: pref + rows.name + row.town,
			level: row.koaza ? 'koaza' : 'town'
		});
	}
	return out;
}

/**
 * How a result fares against its test address: `right` — the right town (or 小字); `failed` — below town
 * level with a reason; `wrong` — another town, or no reason given. Also right: the right town when its 小字
 * is written two ways in the data (五月田 and 字五月田 of 花渕浜: neither is taken), and a place the data has
 * twice (the town 知念字知名 and the 小字 知名 of 知念, 300 m apart; 築館字薬師ヶ丘 and 築館 薬師ケ丘), which one
 * text names both ways.
 *
 * @example
 * judge({ level: 'town', match: '東京都大田区池上一丁目', problem: '' }, t); // 'right'
 */
export function judge(r: Pick<GeocodeResult, 'level' | 'match' | 'problem'>, t: TestAddress): 'right' | 'wrong' | 'failed' {
	if (r.level !== 'town' && r.level !== 'koaza') return r.problem === '' ? 'wrong' : 'failed';
	if (r.match === t.match && r.level === t.level) return 'right';
	if (t.level === 'koaza' && r.level === 'town' && r.match === t.town) return 'right';
	const same = (name: string) => normalizeAddress(name).replaceAll('字', '');
	return same(r.match) === same(t.match) ? 'right' : 'wrong';
}
