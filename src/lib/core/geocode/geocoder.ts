/**
 * Offline address → town point matching for all of Japan, on the committed geodata/towns files.
 *
 * Why not @geolonia/normalize-japanese-addresses? That library normalises an address (the notations this
 * matcher folds, and more) and returns the town with its point, from the same Geolonia data. It is accurate, but
 * about 100 addresses/s in Node: it runs dozens of regular expressions per address built from every town name of
 * the municipality, and fetches the municipality's file at run time (the browser would need the files served).
 * Firm lists have up to millions of rows, so this matcher compiles each prefecture once into Maps keyed by
 * normalised names and finds prefecture, municipality, town and 小字 by longest-prefix look-ups: a few dozen
 * Map.get calls per address. The library serves as the reference in a property test (scripts/, not `npm test`).
 *
 * Levels, most precise first: koaza (小字), town (町丁目/大字), municipality, prefecture. Below town the result
 * says why in `problem`; a point is never guessed — municipality and prefecture points are the representative
 * points of geodata/towns/index.json.
 */
import { needsNfkc, normalizeAddress, stripAzaPrefix, stripPostcode } from './normalize';
import { allPrefixes, buildMunicipalityTable, longestPrefix, type MunicipalityTable, type Place } from './tables';
import type { PointE6, TownIndex, TownMunicipalityRows, TownPrefectureFile } from './town-data';
import { nearestToMean } from './town-data';

import type { GeocodeLevel } from './levels';

export { GEOCODE_LEVELS, type GeocodeLevel } from './levels';

export interface GeocodeResult {
	/** null when nothing matched. */
	level: GeocodeLevel | null;
	/** Degrees WGS84; NaN when nothing matched. */
	lon: number;
	lat: number;
	/** The matched address as in the data: 都道府県 + 市区町村 + 町丁目 [+ 小字]; "" when nothing matched. */
	match: string;
	/** Local government code of the matched municipality ("" at prefecture level or for a whole designated city). */
	code: string;
	/** Why the result is below town level; "" at town or koaza level. */
	problem: string;
}

interface Prefecture {
	code: string;
	name: string;
	lon: number;
	lat: number;
}

/** A municipality, or a whole designated city (its wards in `wards`). */
interface Municipality {
	pref: Prefecture;
	code: string;
	name: string;
	lon: number;
	lat: number;
	wards?: Municipality[];
	/** The committed rows, compiled into `table` the first time an address reaches this municipality. */
	rows?: TownMunicipalityRows;
	table?: MunicipalityTable;
}

const fromE6 = (p: PointE6): [number, number] => [p[0] / 1e6, p[1] / 1e6];
/** Longer cells are cut: no address is this long, and the look-ups stay bounded whatever the input. */
const MAX_ADDRESS = 200;
/** How much of an unmatched text a problem message quotes. */
const quote = (s: string): string => `"${s.length > 24 ? s.slice(0, 24) + '…' : s}"`;
/** Kyoto writes the street before the town: 烏丸通御池上る二条殿町. The town follows the last of these. */
const KYOTO_MARKERS = ['上る', '下る', '入る', '上ル', '下ル', '入ル'];

/** Look-ups of one name in several places: prefixes of the address → candidates. */
interface NameTable {
	map: Map<string, Municipality[]>;
	/** Longest key per first character. */
	maxLength: Map<string, number>;
}

function add(t: NameTable, key: string, m: Municipality): void {
	const list = t.map.get(key);
	if (!list) t.map.set(key, [m]);
	else if (!list.includes(m)) list.push(m);
	if (key.length > (t.maxLength.get(key[0]) ?? 0)) t.maxLength.set(key[0], key.length);
}

/**
 * Matches Japanese addresses against the town points, offline.
 *
 * @example
 * const g = new Geocoder(index, (code) => JSON.parse(readFileSync(`geodata/towns/${code}.json`, 'utf8')));
 * g.geocode('〒146-0082 東京都大田区池上１－２－３ ○○ビル5F');
 * // { level: 'town', lon: 139.707141, lat: 35.578435, match: '東京都大田区池上一丁目', code: '13111', problem: '' }
 */
export class Geocoder {
	private readonly prefectures = new Map<string, Prefecture>();
	private readonly prefByKey = new Map<string, Prefecture>();
	/** Lengths of the normalised prefecture names (千葉県 is 1000葉県: numerals become digits). */
	private readonly prefKeyLengths: number[] = [];
	private readonly municipalities: NameTable = { map: new Map(), maxLength: new Map() };
	private readonly byCode = new Map<string, Municipality>();
	private readonly loaded = new Set<string>();

	/**
	 * @param index geodata/towns/index.json
	 * @param load returns a prefecture's file (geodata/towns/<code>.json) the first time an address needs it;
	 *   without it, files must be given to `addPrefecture` first (`prefecturesFor` says which).
	 */
	constructor(
		index: TownIndex,
		private readonly load?: (code: string) => TownPrefectureFile | undefined
	) {
		for (const p of index.prefectures) {
			const [lon, lat] = fromE6(p.point);
			const pref: Prefecture = { code: p.code, name: p.name, lon, lat };
			this.prefectures.set(p.code, pref);
			const prefKey = normalizeAddress(p.name);
			this.prefByKey.set(prefKey, pref);
			if (!this.prefKeyLengths.includes(prefKey.length)) this.prefKeyLengths.push(prefKey.length);
			const cities = new Map<string, Municipality>();
			for (const m of p.municipalities) {
				const [mlon, mlat] = fromE6(m.point);
				const muni: Municipality = { pref, code: m.code, name: m.name, lon: mlon, lat: mlat };
				this.byCode.set(m.code, muni);
				const key = normalizeAddress(m.name);
				add(this.municipalities, key, muni);
				// 郡 omitted (瑞穂町 for 西多摩郡瑞穂町); a ward without its city (北区 for 大阪市北区).
				if (m.county) add(this.municipalities, key.slice(normalizeAddress(m.county).length), muni);
				if (m.city) {
					const cityKey = normalizeAddress(m.city);
					add(this.municipalities, key.slice(cityKey.length), muni);
					let city = cities.get(cityKey);
					if (!city) {
						city = { pref, code: '', name: m.city, lon: NaN, lat: NaN, wards: [] };
						cities.set(cityKey, city);
						add(this.municipalities, cityKey, city);
					}
					city.wards!.push(muni);
				}
			}
			// A designated city's point: the ward point nearest the mean of its wards' points.
			for (const city of cities.values()) {
				const i = nearestToMean(
					city.wards!.map((w) => w.lon),
					city.wards!.map((w) => w.lat)
				);
				city.lon = city.wards![i].lon;
				city.lat = city.wards![i].lat;
			}
		}
	}

	/** Adds a prefecture's towns (geodata/towns/<code>.json); a second call for the same code does nothing. */
	addPrefecture(file: TownPrefectureFile): void {
		if (this.loaded.has(file.code)) return;
		for (const rows of file.municipalities) {
			const muni = this.byCode.get(rows.code);
			if (muni) muni.rows = rows;
		}
		this.loaded.add(file.code);
	}

	/** The prefecture codes whose files the address needs (for loading them ahead, e.g. in a browser). */
	prefecturesFor(address: string): string[] {
		const { pref, candidates } = this.locate(this.prepare(address));
		if (pref) return [pref.code];
		return [...new Set(candidates.map((m) => m.pref.code))];
	}

	/**
	 * The best match of one address. Never throws on any text.
	 *
	 * @example
	 * geocoder.geocode('大田区池上九丁目').problem; // 'only the municipality 大田区 was found: 池上9丁目 is not a town of 大田区'
	 */
	geocode(address: string): GeocodeResult {
		const text = this.prepare(address);
		if (text === '') return fail('the address is empty');
		const { pref, candidates, end } = this.locate(text);
		if (candidates.length === 0) {
			if (pref) {
				const what = end === text.length ? 'the address names no municipality' : `no municipality of ${pref.name} matches ${quote(text.slice(end))}`;
				return at(pref, 'prefecture', pref.name, '', `only the prefecture ${pref.name} was found: ${what}`);
			}
			return fail(`no prefecture or municipality of Japan matches ${quote(address.trim())}`);
		}
		const rest = stripAzaPrefix(text.slice(end));
		const found: { muni: Municipality; place: Place; koaza: Place | null; end: number }[] = [];
		const ambiguous: Municipality[] = [];
		const search = (c: Municipality, skip: number) => {
			for (const muni of c.wards ?? [c]) {
				const t = this.town(muni, rest.slice(skip));
				if (t === 'ambiguous') ambiguous.push(muni);
				else if (t) found.push({ muni, ...t, end: t.end + skip });
			}
		};
		for (const c of candidates) search(c, 0);
		// A ward the data does not know (浜松市中央区, one of the 2024 wards; the data has the 2021 ones) is
		// skipped and the town looked for in every ward of the city.
		if (found.length === 0) for (const c of candidates) if (c.wards && unknownWard(rest) > 0) search(c, unknownWard(rest));
		const best = found.reduce((a, b) => (b.end > a.end ? b : a), found[0]);
		const tied = found.filter((f) => f.end === best?.end && f.muni !== best.muni);
		if (best && tied.length === 0) {
			const { muni, place, koaza } = best;
			const prefix = muni.pref.name + muni.name;
			const hit = koaza ?? place;
			if (Number.isFinite(hit.lon)) {
				return at(hit, hit.isKoaza ? 'koaza' : 'town', prefix + hit.name, muni.code, '');
			}
			if (koaza && Number.isFinite(place.lon)) return at(place, 'town', prefix + place.name, muni.code, '');
			return at(muni, 'municipality', prefix, muni.code, `only the municipality ${muni.name} was found: the town data has no point for ${hit.name}`);
		}
		if (best) {
			const names = [best, ...tied].map((f) => f.muni.pref.name + f.muni.name + f.place.name).join(', ');
			return fail(`the address fits several places (${names}): add the prefecture or municipality`);
		}
		if (candidates.length > 1) {
			const names = candidates.slice(0, 4).map((m) => m.pref.name + m.name).join(', ') + (candidates.length > 4 ? ` and ${candidates.length - 4} more` : '');
			const same = candidates.every((m) => m.pref === candidates[0].pref);
			const problem = `${quote(text.slice(0, end))} is the name of several municipalities (${names}): add the prefecture${same ? ' or city' : ''}`;
			return same ? at(candidates[0].pref, 'prefecture', candidates[0].pref.name, '', problem) : fail(problem);
		}
		const muni = candidates[0];
		const unloaded = (muni.wards ?? [muni]).some((m) => !m.rows);
		const why = unloaded
			? `the town data of ${muni.pref.name} is not loaded`
			: ambiguous.length
			? `${quote(rest)} fits two towns of ${muni.name} written alike`
			: rest === ''
				? 'the address names no town'
				: `${townPart(rest)} is not a town of ${muni.name}`;
		return at(muni, 'municipality', muni.pref.name + muni.name, muni.code, `only the municipality ${muni.name} was found: ${why}`);
	}

	private prepare(address: string): string {
		// The postcode goes before numerals become digits: 〒489-5605 四街道市 must not read 489-56054街道市.
		const cut = address.length > MAX_ADDRESS ? address.slice(0, MAX_ADDRESS) : address;
		return normalizeAddress(dropNotes(stripPostcode((needsNfkc(cut) ? cut.normalize('NFKC') : cut).trim())));
	}

	/** Prefecture and municipality candidates at the start of the text; `end` is where the town part starts. */
	private locate(text: string): { pref?: Prefecture; candidates: Municipality[]; end: number } {
		let from = 0;
		let pref: Prefecture | undefined;
		for (const len of this.prefKeyLengths) {
			const p = len <= text.length ? this.prefByKey.get(text.slice(0, len)) : undefined;
			if (p && len > from) {
				pref = p;
				from = len;
			}
		}
		const t = this.municipalities;
		for (let len = Math.min(t.maxLength.get(text[from]) ?? 0, text.length - from); len > 0; len--) {
			const all = t.map.get(text.slice(from, from + len));
			const list = pref ? all?.filter((m) => m.pref === pref) : all;
			if (list && list.length > 0) {
				// A ward alias is only a fallback: 大阪市北区 in full outranks wards named 北区 elsewhere.
				return { pref, candidates: list, end: from + len };
			}
		}
		return { pref, candidates: [], end: from };
	}

	/** The town (and 小字) of one municipality at the start of `rest`, if any. */
	private town(muni: Municipality, rest: string): { place: Place; koaza: Place | null; end: number } | 'ambiguous' | null {
		if (!this.loaded.has(muni.pref.code)) {
			const file = this.load?.(muni.pref.code);
			if (file) this.addPrefecture(file);
		}
		if (!muni.rows) return null;
		const table = (muni.table ??= buildMunicipalityTable(muni.rows));
		let hits = matchTown(table, rest, 0);
		if (hits.length === 0) {
			const at = Math.max(...KYOTO_MARKERS.map((m) => rest.lastIndexOf(m) + (rest.lastIndexOf(m) >= 0 ? m.length : 0)));
			if (at > 0) hits = matchTown(table, rest, at);
		}
		// The reading that goes furthest wins: 築館 + 小字 城生野大堀 beats the town 築館字城生野 alone.
		let best: { place: Place; koaza: Place | null; end: number } | 'ambiguous' | null = null;
		let bestEnd = -1;
		for (const hit of hits) {
			if (hit.place === null) {
				if (hit.end > bestEnd) [best, bestEnd] = ['ambiguous', hit.end];
				continue;
			}
			let koaza: Place | null = null;
			let end = hit.end;
			if (hit.place.koaza) {
				const k = longestPrefix(hit.place.koaza, stripAzaPrefix(rest.slice(end)), 0);
				if (k?.place) {
					koaza = k.place;
					end += k.end + (rest.length - end - stripAzaPrefix(rest.slice(end)).length);
				}
			}
			if (end > bestEnd) [best, bestEnd] = [{ place: hit.place, koaza, end }, end];
		}
		return best;
	}
}

/** Plain names and "<base><n>丁目 | <base><n>-" notations that start the text at `from`, longest first. */
function matchTown(table: MunicipalityTable, text: string, from: number): { place: Place | null; end: number }[] {
	const plain = allPrefixes(table.towns, text, from);
	for (let len = Math.min(table.maxBaseLength.get(text[from]) ?? 0, text.length - from - 1); len > 0; len--) {
		const numbers = table.chome.get(text.slice(from, from + len));
		if (!numbers) continue;
		let i = from + len;
		while (i < text.length && text[i] >= '0' && text[i] <= '9') i++;
		if (i === from + len) continue;
		const place = numbers.get(Number(text.slice(from + len, i)));
		if (!place) continue;
		const explicit = text.startsWith('丁目', i);
		const end = explicit ? i + 2 : text[i] === '-' ? i + 1 : i === text.length ? i : -1;
		if (end < 0) continue;
		// Both 本町 and 本町一丁目 exist in 1,335 places: "本町1-2-3" (three numbers) is 1丁目 2番 3号, while
		// "本町12-3" and "本町1-2" read as 番地-号 of 本町 itself.
		if (plain.some((p) => p.end === from + len) && !explicit && !threeNumbers(text, from + len)) break;
		if (plain.length === 0 || end > plain[0].end) return [{ place, end }, ...plain];
		break;
	}
	return plain;
}

/** Length of a leading "<name>区" of at most 4 characters, else 0. */
function unknownWard(rest: string): number {
	const i = rest.indexOf('区');
	return i > 0 && i <= 3 ? i + 1 : 0;
}

/** Drops parenthesised notes: 浜松市(旧北区)新都田, 山田丘1-1(本部). Expects NFKC text (ASCII parentheses). */
function dropNotes(s: string): string {
	let open = s.indexOf('(');
	while (open >= 0) {
		const close = s.indexOf(')', open);
		if (close < 0) return s.slice(0, open);
		s = s.slice(0, open) + s.slice(close + 1);
		open = s.indexOf('(');
	}
	return s;
}

/** "1-2-3" (or longer) at `i`. */
function threeNumbers(text: string, i: number): boolean {
	for (let group = 0; group < 3; group++) {
		const start = i;
		while (i < text.length && text[i] >= '0' && text[i] <= '9') i++;
		if (i === start) return false;
		if (group < 2 && text[i++] !== '-') return false;
	}
	return true;
}

/** The town part of an unmatched remainder, for messages: up to its first number (and 丁目). */
function townPart(rest: string): string {
	let i = 0;
	while (i < rest.length && !(rest[i] >= '0' && rest[i] <= '9')) i++;
	let j = i;
	while (j < rest.length && rest[j] >= '0' && rest[j] <= '9') j++;
	const part = rest.startsWith('丁目', j) ? rest.slice(0, j + 2) : rest.slice(0, i);
	return part === '' ? quote(rest) : part.length > 24 ? quote(part) : part;
}

function at(p: { lon: number; lat: number }, level: GeocodeLevel, match: string, code: string, problem: string): GeocodeResult {
	return { level, lon: p.lon, lat: p.lat, match, code, problem };
}

function fail(problem: string): GeocodeResult {
	return { level: null, lon: NaN, lat: NaN, match: '', code: '', problem };
}
