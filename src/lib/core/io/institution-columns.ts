/**
 * Institution files: which columns hold the id, name and type (English and Japanese headers), and
 * the type written in a file (国立大学, "public research institute", national-university…) as one
 * of the engine's {@link INSTITUTION_TYPES}.
 */
import { INSTITUTION_TYPES, type InstitutionType } from '../model';
import { guessColumns, normalizeHeader } from './guess-columns';

/** Column index per role of an institution file; -1 for none. */
export interface InstitutionColumnGuess {
	lat: number;
	lon: number;
	id: number;
	name: number;
	type: number;
}

const NAME_HEADERS = ['機関名', '研究機関名', '大学名', '施設名', 'institution', 'institution_name'];
const TYPE_HEADERS = ['type', 'kind', 'category', 'institution_type', '種別', '区分', '機関種別', '種類', '分類', 'type_detail'];

/**
 * Guesses the coordinate, id, name and type columns of an institution file from its header; the
 * leftmost match wins, as for firms.
 *
 * @example
 * guessInstitutionColumns(['機関名', '種別', '緯度', '経度']); // { lat: 2, lon: 3, id: -1, name: 0, type: 1 }
 */
export function guessInstitutionColumns(header: readonly string[]): InstitutionColumnGuess {
	const g = guessColumns(header, { names: { name: NAME_HEADERS } });
	const types = new Set(TYPE_HEADERS.map(normalizeHeader));
	return { lat: g.lat, lon: g.lon, id: g.id, name: g.name, type: header.findIndex((h) => types.has(normalizeHeader(h))) };
}

/**
 * Words announcing each type, checked in this order against the normalized text (so "private
 * university" is not taken for a public one). Kōsen and anything else are 'other'.
 */
const TYPE_WORDS: readonly [InstitutionType, readonly string[]][] = [
	['national-research-institute', ['national research', '国立研究開発法人', '研究開発法人', '独立行政法人', '国立研究所']],
	['public-research-institute', ['public research', 'kosetsushi', 'prefectural research', '公設試', '工業技術センター', '産業技術センター', '技術センター', '試験場', '試験所', '公設']],
	['private-university', ['private univ', '私立大学', '私大']],
	['public-university', ['public univ', 'prefectural univ', 'municipal univ', '公立大学', '県立大学', '市立大学', '府立大学', '都立大学']],
	['national-university', ['national univ', '国立大学']],
	['other', ['other', 'college of technology', 'kosen', '高専', '高等専門学校', 'その他']]
];

/**
 * The engine's type for a type cell, or null when the text is not recognised (the caller counts
 * it as 'other' and says so). Accepts the type names themselves (`national-university`), English
 * phrases and Japanese terms; full-width letters, case and spacing do not matter.
 *
 * @example
 * institutionType('国立大学法人'); // 'national-university'
 * institutionType('Public research institute (kosetsushi)'); // 'public-research-institute'
 * institutionType('museum'); // null
 */
export function institutionType(text: string): InstitutionType | null {
	const normalized = normalizeHeader(text).replace(/[\s_]+/g, ' ');
	if (normalized === '') return null;
	const slug = normalized.replace(/ /g, '-');
	if ((INSTITUTION_TYPES as readonly string[]).includes(slug)) return slug as InstitutionType;
	for (const [type, words] of TYPE_WORDS) if (words.some((word) => normalized.includes(word))) return type;
	return null;
}
