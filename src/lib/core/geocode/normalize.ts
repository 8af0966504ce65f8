/**
 * Address normalisation for the offline matcher: both the town names of geodata/towns and the user's addresses
 * go through `normalizeAddress`, so any spelling folded here matches in both directions.
 *
 * One pass over the characters after NFKC (full-width digits and letters → ASCII, half-width kana → full-width),
 * no regular expression per rule: whitespace dropped, variant kanji and ヶ/ケ/が/ガ folded, kanji numerals → digits,
 * dashes after a digit → "-".
 */

/** Old or variant kanji → the form the address data mostly uses. Folded on both sides, so the direction is free. */
const VARIANTS: Record<string, string> = {
	髙: '高', 﨑: '崎', 嵜: '崎', 邊: '辺', 邉: '辺', 澤: '沢', 檜: '桧', 濱: '浜', 濵: '浜', 櫻: '桜',
	廣: '広', 國: '国', 齋: '斎', 齊: '斉', 嶋: '島', 嶌: '島', 冨: '富', 瀨: '瀬', 舘: '館', 龍: '竜', 槇: '槙',
	德: '徳', 惠: '恵', 淺: '浅', 與: '与', 藏: '蔵', 驛: '駅', 壽: '寿', 縣: '県', 鐵: '鉄', 眞: '真',
	條: '条', 兒: '児', 黑: '黒', 靑: '青', 淸: '清', 檮: '梼', 鷗: '鴎', 籠: '篭', 曾: '曽', 增: '増',
	// ヶ is written ケ, が, ガ or ヵ (霞が関 / 霞ヶ関, 鶴ケ島 / 鶴ヶ島); ノ and の likewise (鵜の木 / 鵜ノ木).
	ヶ: 'ケ', ヵ: 'ケ', が: 'ケ', ガ: 'ケ', ノ: 'の'
};

const KANJI_DIGITS = '〇一二三四五六七八九';
const KANJI_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const DASHES = '-‐‑‒–—―−ー－﹣⁃─━';

/** What a character does, by its UTF-16 code: looked up in a typed array, no string per character. */
const NONE = 0;
const NUMERAL = 1;
const SPACE = 2;
const DASH = 3;
const VARIANT = 4;
const ROLE = new Uint8Array(0x10000);
for (const c of KANJI_DIGITS + Object.keys(KANJI_UNITS).join('')) ROLE[c.charCodeAt(0)] = NUMERAL;
for (const c of ' \t\n\r\u3000\u00a0') ROLE[c.charCodeAt(0)] = SPACE;
for (const c of DASHES) ROLE[c.charCodeAt(0)] = DASH;
for (const c of Object.keys(VARIANTS)) ROLE[c.charCodeAt(0)] = VARIANT;

const isDigit = (c: string): boolean => c >= '0' && c <= '9';

/** Marks where a kanji numeral met written digits; no name contains it. */
export const NUMBER_BREAK = '|';

/** "二十三" → 23, "一〇" → 10, "百五" → 105; NaN when the text is not a numeral. */
function kanjiNumber(text: string): number {
	let total = 0;
	let digits = '';
	let current = -1;
	for (const c of text) {
		const d = KANJI_DIGITS.indexOf(c);
		const u = KANJI_UNITS[c];
		if (d >= 0) {
			digits += d;
			current = d;
		} else if (u !== undefined) {
			total += (current < 0 ? 1 : current) * u;
			current = -1;
			digits = '';
		} else return NaN;
	}
	if (total === 0) return digits === '' ? NaN : Number(digits); // positional: 一〇 = 10
	return total + (current < 0 ? 0 : current);
}

/** True when NFKC can change the text: anything outside ASCII, kana and the unified ideographs. */
export function needsNfkc(text: string): boolean {
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x80 || (c >= 0x3041 && c <= 0x30fe) || (c >= 0x4e00 && c <= 0x9fff)) continue;
		return true;
	}
	return false;
}

/**
 * The comparable form of an address or a name.
 *
 * @example
 * normalizeAddress('東京都 大田区　池上一丁目２番３号'); // '東京都大田区池上1丁目2番3号'
 * normalizeAddress('池上１ー２ー３');                    // '池上1-2-3'
 * normalizeAddress('髙田馬場');                          // '高田馬場'
 */
export function normalizeAddress(text: string): string {
	// NFKC is the costly step; most names and many addresses are kanji, kana and ASCII only.
	const s = needsNfkc(text) ? text.normalize('NFKC') : text;
	// Unchanged runs are copied with one slice each: most characters stay as they are.
	let out = '';
	let run = 0;
	for (let i = 0; i < s.length; i++) {
		const role = ROLE[s.charCodeAt(i)];
		if (role === NONE) continue;
		let replacement: string;
		let next = i + 1;
		if (role === NUMERAL) {
			while (next < s.length && ROLE[s.charCodeAt(next)] === NUMERAL) next++;
			const numeral = s.slice(i, next);
			const n = kanjiNumber(numeral);
			replacement = Number.isNaN(n) ? numeral : String(n);
			// 小島町五919番地: the town 小島町五 then the lot 919. Joined, 小島町5919 would lose where the name ends.
			if (next < s.length && isDigit(s[next])) replacement += NUMBER_BREAK;
		} else if (role === SPACE) replacement = '';
		else if (role === DASH) {
			const prev = i > run ? s[i - 1] : out[out.length - 1];
			if (s[i] === '-' || prev === undefined || !isDigit(prev)) continue;
			replacement = '-';
		} else replacement = VARIANTS[s[i]];
		out += s.slice(run, i) + replacement;
		run = next;
		i = next - 1;
	}
	return run === 0 ? s : out + s.slice(run);
}

/** Drops a leading 大字, 小字 or 字 (addresses write them or not; the data has both). */
export function stripAzaPrefix(text: string): string {
	if (text.startsWith('大字') || text.startsWith('小字')) return text.slice(2);
	if (text.startsWith('字')) return text.slice(1);
	return text;
}

/**
 * Drops a leading postcode: "〒123-4567", "〒1234567", "123-4567", with the spaces after it. Expects NFKC text
 * (so full-width digits are ASCII) and runs before `normalizeAddress`, which would join the postcode's digits to
 * a kanji numeral that follows (〒489-5605 四街道市).
 *
 * @example
 * stripPostcode('〒146-0082 東京都大田区'); // '東京都大田区'
 */
export function stripPostcode(s: string): string {
	let i = s.startsWith('〒') ? 1 : 0;
	while (s[i] === ' ') i++;
	let j = i;
	while (j < s.length && isDigit(s[j])) j++;
	let end = -1;
	if (j - i === 3 && j < s.length && DASHES.includes(s[j])) {
		let k = j + 1;
		while (k < s.length && isDigit(s[k])) k++;
		if (k - j - 1 === 4) end = k;
	} else if (j - i === 7) end = j;
	if (end < 0) return s.startsWith('〒') ? s.slice(1) : s;
	while (s[end] === ' ' || s[end] === '\u3000') end++;
	return s.slice(end);
}
