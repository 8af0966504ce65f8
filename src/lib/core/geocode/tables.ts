/**
 * Precompiled look-up tables of the matcher: per municipality, Maps from normalised town, 丁目 base and 小字 names
 * to their points, built once when a prefecture file is added. Keys are `normalizeAddress` forms without a
 * leading 大字/字, so a look-up is a handful of Map.get calls on prefixes of the address.
 */
import { normalizeAddress, stripAzaPrefix } from './normalize';
import type { TownMunicipalityRows } from './town-data';
import { decodeTownRows, nearestToMean } from './town-data';

/** A place below the municipality: a town (町丁目/大字) or a 小字. lon/lat NaN when the data has no point. */
export interface Place {
	/** As in the data: "池上一丁目"; for a 小字 "<town><小字>" without the separator. */
	name: string;
	lon: number;
	lat: number;
	/** The town's 小字 by key; absent for a 小字 itself or a town without any. */
	koaza?: KeyTable;
	/** A 小字 rather than a town. */
	isKoaza?: boolean;
}

/** Normalised name → place; `null` marks two places that fold to one key (never matched, so never wrong). */
export interface KeyTable {
	map: Map<string, Place | null>;
	/** Longest key per first character: a prefix scan starts there rather than at the longest key overall. */
	maxLength: Map<string, number>;
}

export interface MunicipalityTable {
	towns: KeyTable;
	/** "池上" → 1 → 池上一丁目: towns that are 丁目 of a base name, for "池上1-2-3" notations. */
	chome: Map<string, Map<number, Place>>;
	/** Longest 丁目 base per first character. */
	maxBaseLength: Map<string, number>;
}

const newTable = (): KeyTable => ({ map: new Map(), maxLength: new Map() });

function put(t: KeyTable, key: string, place: Place): void {
	if (key === '') return;
	const seen = t.map.get(key);
	if (seen === undefined) t.map.set(key, place);
	else if (seen !== place) t.map.set(key, null);
	if (key.length > (t.maxLength.get(key[0]) ?? 0)) t.maxLength.set(key[0], key.length);
}

/**
 * Every key of the table that starts `text` at `from`, longest first.
 *
 * @example
 * allPrefixes(table, '築館字城生野大堀', 0); // [{ place: 築館字城生野, end: 6 }, { place: 築館, end: 2 }]
 */
export function allPrefixes(t: KeyTable, text: string, from: number): { place: Place | null; end: number }[] {
	const out: { place: Place | null; end: number }[] = [];
	for (let len = Math.min(t.maxLength.get(text[from]) ?? 0, text.length - from); len > 0; len--) {
		const hit = t.map.get(text.slice(from, from + len));
		if (hit !== undefined && !splitsNumber(text, from + len)) out.push({ place: hit, end: from + len });
	}
	return out;
}

/**
 * The longest key of the table that starts `text` at `from`.
 *
 * @example
 * longestPrefix(table, '池上1丁目2-3', 0); // { place: 池上一丁目, end: 5 }
 */
export function longestPrefix(t: KeyTable, text: string, from: number): { place: Place | null; end: number } | null {
	for (let len = Math.min(t.maxLength.get(text[from]) ?? 0, text.length - from); len > 0; len--) {
		const hit = t.map.get(text.slice(from, from + len));
		if (hit !== undefined && !splitsNumber(text, from + len)) return { place: hit, end: from + len };
	}
	return null;
}

/**
 * True when a match ending at `end` would cut a number in two: numerals in names became digits, so the town
 * 森二 (森2) must not match 森227番地.
 */
export function splitsNumber(text: string, end: number): boolean {
	const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
	return isDigit(text[end - 1]) && isDigit(text[end]);
}

const CHOME = /^(.*?)(\d+)丁目$/;

/** Builds the tables of one municipality from its committed rows. */
export function buildMunicipalityTable(rows: TownMunicipalityRows): MunicipalityTable {
	const towns = newTable();
	const chome = new Map<string, Map<number, Place>>();
	const maxBaseLength = new Map<string, number>();
	const byTown = new Map<string, { own?: Place; koaza: Place[] }>();
	for (const r of decodeTownRows(rows)) {
		let group = byTown.get(r.town);
		if (!group) byTown.set(r.town, (group = { koaza: [] }));
		if (r.koaza === '') group.own = { name: r.town, lon: r.lon, lat: r.lat };
		else group.koaza.push({ name: r.koaza, lon: r.lon, lat: r.lat, isKoaza: true });
	}
	for (const [town, group] of byTown) {
		// （大字なし）: 小字 directly under the municipality; they are looked up where towns are.
		if (town === '（大字なし）') {
			for (const k of group.koaza) put(towns, stripAzaPrefix(normalizeAddress(k.name)), k);
			continue;
		}
		let place = group.own;
		if (!place) {
			// A town known only by its 小字: its point is the 小字 point nearest their mean (a real point, not a guess).
			const i = nearestToMean(
				group.koaza.map((k) => k.lon),
				group.koaza.map((k) => k.lat)
			);
			place = { name: town, lon: i < 0 ? NaN : group.koaza[i].lon, lat: i < 0 ? NaN : group.koaza[i].lat };
		}
		if (group.koaza.length > 0) {
			place.koaza = newTable();
			for (const k of group.koaza) {
				put(place.koaza, stripAzaPrefix(normalizeAddress(k.name)), { ...k, name: town + k.name });
			}
		}
		const key = stripAzaPrefix(normalizeAddress(town));
		put(towns, key, place);
		const m = CHOME.exec(key);
		if (m) {
			let numbers = chome.get(m[1]);
			if (!numbers) chome.set(m[1], (numbers = new Map()));
			numbers.set(Number(m[2]), place);
			if (m[1].length > (maxBaseLength.get(m[1][0]) ?? 0)) maxBaseLength.set(m[1][0], m[1].length);
		}
	}
	return { towns, chome, maxBaseLength };
}
