/**
 * Place search over the field-study districts, their municipalities and the prefectures.
 * Matching is done on normalised keys so that "Higashi-Osaka", "higashiosaka", "Higashiōsaka",
 * "東大阪" and "東大阪市" all find the same district. Pure functions; no map, no DOM.
 *
 * Written by hand because the index is a few hundred names: the value is in the Japanese-aware
 * normalisation (suffixes, macrons, long vowels, kana), which general fuzzy-search libraries lack.
 */
import type { District, DistrictId } from '$lib/core/geodata-types';

export type SearchKind = 'district' | 'municipality' | 'prefecture';

/** A place the search can fly to. */
export interface SearchEntry {
	kind: SearchKind;
	/** District id, municipality code5 or prefecture code. */
	id: string;
	name_en: string;
	name_ja: string;
	/** Where the place belongs ("Higashi-Osaka, Osaka" for a municipality), per language. */
	context_en: string;
	context_ja: string;
	/** The district to select, if any. */
	districtId: DistrictId | null;
	/** [west, south, east, north] to fit the map to. */
	bbox: [number, number, number, number];
	/** Normalised match keys, full forms first (see `searchKeys`). */
	keys: string[];
}

/** What the index needs of a prefecture: its names and bbox. */
export interface PrefectureSearchInput {
	code: string;
	name_en: string;
	name_ja: string;
	bbox: [number, number, number, number];
}

const KIND_RANK: Record<SearchKind, number> = { district: 3, municipality: 2, prefecture: 1 };

// Administrative suffixes dropped from names and queries, so "大田区" matches "大田" and "Ota-ku".
// English suffixes count only after a space or hyphen, so "Higashi" keeps its "shi".
const JA_SUFFIX = /(都|道|府|県|市|区|町|村)$/u;
const EN_SUFFIX = /[\s\-‐]+(prefecture|city|ward|town|village|ku|shi|ken|fu|to|machi|cho|mura)$/i;

/**
 * Normalises a name or a query for matching: NFKC width folding, lower case, macrons and accents
 * removed, katakana as hiragana, Hepburn long-vowel spellings folded (ō, ou, oo, oh → o; uu → u),
 * and spaces, hyphens and punctuation removed.
 *
 * @example
 * normaliseName('Higashi-Ōsaka') // → 'higashiosaka'
 * normaliseName('ＯＯＴＡ') // → 'ota'
 */
export function normaliseName(text: string): string {
	let s = text.normalize('NFKC').toLowerCase();
	s = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
	// Katakana → hiragana, so a kana query matches the stored hiragana reading.
	s = s.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
	s = s.replace(/[\s\-‐‑–—_'’`.,・･/()（）「」]/g, '');
	// Hepburn variants: Ōta / Oota / Ohta / Outa all become "ota".
	s = s.replace(/oh(?![aeiouy]|$)/g, 'o').replace(/o[ou]/g, 'o').replace(/uu/g, 'u');
	return s;
}

/**
 * Normalised match keys of one name: the whole name, the name without an administrative
 * suffix, and the same for each part in or before parentheses ("Ota City (Ōta-ku)"); text after
 * a comma is context and gets no key of its own.
 *
 * @example
 * searchKeys('Ota City (Ōta-ku)') // → ['otacityotaku', 'otacity', 'ota', 'otaku']
 */
export function searchKeys(name: string): string[] {
	// After a comma comes context ("Higashinari Ward, Osaka City"), which must not match as a name.
	const parts = [name, ...name.split(/[,、]/)[0].split(/[()（）]/)];
	const keys: string[] = [];
	for (const part of parts) keys.push(normaliseName(part), normaliseName(stripSuffix(part.trim())));
	return [...new Set(keys.filter((key) => key.length > 0))];
}

/** The name without one trailing administrative suffix; applied before normalisation. */
function stripSuffix(name: string): string {
	const ja = name.replace(JA_SUFFIX, '');
	return ja !== name ? ja : name.replace(EN_SUFFIX, '');
}

/**
 * Builds the search index: each district, each member municipality (flying to its district)
 * and each prefecture.
 *
 * @example
 * const index = buildSearchIndex(districts, prefectures);
 */
export function buildSearchIndex(
	districts: readonly District[],
	prefectures: readonly PrefectureSearchInput[]
): SearchEntry[] {
	const entries: SearchEntry[] = [];
	for (const district of districts) {
		entries.push({
			kind: 'district',
			id: district.id,
			name_en: district.name_en,
			name_ja: district.name_ja,
			context_en: district.pref_en,
			context_ja: district.pref_ja,
			districtId: district.id,
			bbox: district.bbox,
			keys: keysOf(district.name_en, district.name_ja, district.id)
		});
		for (const m of district.municipalities) {
			entries.push({
				kind: 'municipality',
				id: m.code5,
				name_en: m.name_en,
				name_ja: m.name_ja,
				context_en: `${district.name_en}, ${district.pref_en}`,
				context_ja: `${district.pref_ja}・${district.name_ja}`,
				districtId: district.id,
				bbox: district.bbox,
				keys: keysOf(m.name_en, m.name_ja, m.kana, m.code5)
			});
		}
	}
	for (const p of prefectures) {
		entries.push({
			kind: 'prefecture',
			id: p.code,
			name_en: p.name_en,
			name_ja: p.name_ja,
			context_en: '',
			context_ja: '',
			districtId: null,
			bbox: p.bbox,
			keys: keysOf(p.name_en, p.name_ja)
		});
	}
	return entries;
}

function keysOf(...names: string[]): string[] {
	return [...new Set(names.flatMap(searchKeys))];
}

/**
 * The entries matching a query, best first: an exact key beats a key starting with the query,
 * which beats a key containing it; ties go to districts, then municipalities, then prefectures.
 * The query is tried as typed and without its administrative suffix ("大田区" → "大田").
 *
 * @example
 * searchPlaces(index, '東大阪')[0].id // → 'higashiosaka'
 */
export function searchPlaces(
	index: readonly SearchEntry[],
	query: string,
	options: { limit?: number } = {}
): SearchEntry[] {
	const limit = options.limit ?? 8;
	const full = normaliseName(query);
	if (!full) return [];
	const stripped = normaliseName(stripSuffix(query.trim()));
	const queries = [...new Set([full, stripped].filter((q) => q.length > 0))];
	const scored: { entry: SearchEntry; score: number }[] = [];
	for (const entry of index) {
		let best = 0;
		for (const key of entry.keys) {
			for (const q of queries) best = Math.max(best, matchScore(key, q));
		}
		if (best > 0) scored.push({ entry, score: best * 10 + KIND_RANK[entry.kind] });
	}
	scored.sort((a, b) => b.score - a.score || a.entry.name_en.localeCompare(b.entry.name_en));
	return scored.slice(0, limit).map((s) => s.entry);
}

function matchScore(key: string, query: string): number {
	if (key === query) return 3;
	if (key.startsWith(query)) return 2;
	// A one-letter query matching mid-word is noise, not a result.
	if (query.length >= 2 && key.includes(query)) return 1;
	return 0;
}
