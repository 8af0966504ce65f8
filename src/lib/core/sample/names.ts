/**
 * Synthetic Japanese company names built from kanji and trade-word lists ("光栄精機株式会社").
 * Every name is invented; a match with a real company is coincidence.
 */
import type { Random } from './random';

const KANJI = [...'大東西南北新光丸三富協栄明昭平高中日共精信太金松竹梅岡山川田野本和正友福吉永長城島橋宮森千万寿泉旭星'];

/** Trade words by JSIC medium division; the fallback covers divisions not listed. */
const TRADE: Record<string, string[]> = {
	'09': ['食品', '製菓'],
	'11': ['織物', '繊維', '染工', '撚糸'],
	'13': ['木工', '家具製作所'],
	'15': ['印刷', '製版'],
	'16': ['化学', '化工'],
	'18': ['化成', '樹脂工業', 'プラスチック'],
	'20': ['皮革', '製靴'],
	'21': ['窯業', '製陶'],
	'22': ['鋼業', '製鋼所'],
	'23': ['伸銅', '非鉄工業'],
	'24': ['金属', '製作所', '鈑金', '鍍金工業', '金型'],
	'25': ['機工', '機械製作所'],
	'26': ['精機', '機械', '工機', '製作所'],
	'27': ['光学', '精密', '計器', '眼鏡'],
	'28': ['電子', '電子工業'],
	'29': ['電機', '電気工業'],
	'31': ['輸送機', '車体工業', '部品工業'],
	'32': ['楽器', '工芸', '時計', '貴金属'],
	'39': ['システム', '情報サービス'],
	'54': ['商事', '機材'],
	'74': ['技研', 'エンジニアリング']
};
const FALLBACK = ['工業', '製作所', '産業'];

/**
 * A company name for a firm of the given JSIC medium division.
 *
 * @example
 * companyName(createRandom(1), '26'); // e.g. '株式会社松星精機'
 */
export function companyName(rng: Random, jsicMedium: string): string {
	const a = KANJI[rng.int(0, KANJI.length - 1)];
	let b = KANJI[rng.int(0, KANJI.length - 1)];
	if (b === a) b = KANJI[(KANJI.indexOf(a) + 7) % KANJI.length];
	const words = TRADE[jsicMedium] ?? FALLBACK;
	const core = a + b + words[rng.int(0, words.length - 1)];
	const form = rng.next();
	if (form < 0.45) return `${core}株式会社`;
	if (form < 0.7) return `株式会社${core}`;
	if (form < 0.95) return `有限会社${core}`;
	return core;
}

const PARENT_TRADE = ['重工業', '電機', '自動車', '精工', '光学工業', '楽器製造', '製鋼', '化学工業'];

/**
 * The name of an invented large firm, for subcontractors' parent_firm.
 *
 * @example
 * parentFirmName(createRandom(1)); // e.g. '東栄重工業株式会社'
 */
export function parentFirmName(rng: Random): string {
	const a = KANJI[rng.int(0, KANJI.length - 1)];
	let b = KANJI[rng.int(0, KANJI.length - 1)];
	if (b === a) b = KANJI[(KANJI.indexOf(a) + 11) % KANJI.length];
	return `${a}${b}${PARENT_TRADE[rng.int(0, PARENT_TRADE.length - 1)]}株式会社`;
}
