/**
 * Japan Standard Industrial Classification (日本標準産業分類, Rev. 14) names used in the legend
 * and popups. Major divisions are complete; medium divisions cover manufacturing (E, 09–32)
 * and the few others the sample and the field-study districts use. An unlisted code is shown
 * as "JSIC <code>" rather than guessed.
 */
import type { Lang } from './index';

type Names = Record<Lang, string>;

export const JSIC_MAJOR: Record<string, Names> = {
	A: { en: 'Agriculture and forestry', ja: '農業，林業' },
	B: { en: 'Fisheries', ja: '漁業' },
	C: { en: 'Mining and quarrying of stone and gravel', ja: '鉱業，採石業，砂利採取業' },
	D: { en: 'Construction', ja: '建設業' },
	E: { en: 'Manufacturing', ja: '製造業' },
	F: { en: 'Electricity, gas, heat supply and water', ja: '電気・ガス・熱供給・水道業' },
	G: { en: 'Information and communications', ja: '情報通信業' },
	H: { en: 'Transport and postal activities', ja: '運輸業，郵便業' },
	I: { en: 'Wholesale and retail trade', ja: '卸売業，小売業' },
	J: { en: 'Finance and insurance', ja: '金融業，保険業' },
	K: { en: 'Real estate and goods rental and leasing', ja: '不動産業，物品賃貸業' },
	L: { en: 'Scientific research, professional and technical services', ja: '学術研究，専門・技術サービス業' },
	M: { en: 'Accommodations, eating and drinking services', ja: '宿泊業，飲食サービス業' },
	N: { en: 'Living-related and personal services and amusement services', ja: '生活関連サービス業，娯楽業' },
	O: { en: 'Education, learning support', ja: '教育，学習支援業' },
	P: { en: 'Medical, health care and welfare', ja: '医療，福祉' },
	Q: { en: 'Compound services', ja: '複合サービス事業' },
	R: { en: 'Services, n.e.c.', ja: 'サービス業（他に分類されないもの）' },
	S: { en: 'Government, except elsewhere classified', ja: '公務（他に分類されるものを除く）' },
	T: { en: 'Industries unable to classify', ja: '分類不能の産業' }
};

export const JSIC_MEDIUM: Record<string, Names> = {
	'06': { en: 'Construction work, general including public and private construction work', ja: '総合工事業' },
	'07': { en: 'Construction work by specialist contractor', ja: '職別工事業（設備工事業を除く）' },
	'08': { en: 'Equipment installation work', ja: '設備工事業' },
	'09': { en: 'Food', ja: '食料品製造業' },
	'10': { en: 'Beverages, tobacco and feed', ja: '飲料・たばこ・飼料製造業' },
	'11': { en: 'Textile products', ja: '繊維工業' },
	'12': { en: 'Lumber and wood products, except furniture', ja: '木材・木製品製造業（家具を除く）' },
	'13': { en: 'Furniture and fixtures', ja: '家具・装備品製造業' },
	'14': { en: 'Pulp, paper and paper products', ja: 'パルプ・紙・紙加工品製造業' },
	'15': { en: 'Printing and allied industries', ja: '印刷・同関連業' },
	'16': { en: 'Chemical and allied products', ja: '化学工業' },
	'17': { en: 'Petroleum and coal products', ja: '石油製品・石炭製品製造業' },
	'18': { en: 'Plastic products, except otherwise classified', ja: 'プラスチック製品製造業（別掲を除く）' },
	'19': { en: 'Rubber products', ja: 'ゴム製品製造業' },
	'20': { en: 'Leather tanning, leather products and fur skins', ja: 'なめし革・同製品・毛皮製造業' },
	'21': { en: 'Ceramic, stone and clay products', ja: '窯業・土石製品製造業' },
	'22': { en: 'Iron and steel', ja: '鉄鋼業' },
	'23': { en: 'Non-ferrous metals and products', ja: '非鉄金属製造業' },
	'24': { en: 'Fabricated metal products', ja: '金属製品製造業' },
	'25': { en: 'General-purpose machinery and equipment', ja: 'はん用機械器具製造業' },
	'26': { en: 'Production machinery and equipment', ja: '生産用機械器具製造業' },
	'27': { en: 'Business oriented machinery and equipment', ja: '業務用機械器具製造業' },
	'28': { en: 'Electronic parts, devices and electronic circuits', ja: '電子部品・デバイス・電子回路製造業' },
	'29': { en: 'Electrical machinery, equipment and supplies', ja: '電気機械器具製造業' },
	'30': { en: 'Information and communication electronics equipment', ja: '情報通信機械器具製造業' },
	'31': { en: 'Transportation equipment', ja: '輸送用機械器具製造業' },
	'32': { en: 'Miscellaneous manufacturing industries', ja: 'その他の製造業' },
	'39': { en: 'Information services', ja: '情報サービス業' },
	'50': { en: 'Wholesale trade, general merchandise', ja: '各種商品卸売業' },
	'53': { en: 'Wholesale trade (building materials, minerals and metals, etc.)', ja: '建築材料，鉱物・金属材料等卸売業' },
	'54': { en: 'Wholesale trade (machinery and equipment)', ja: '機械器具卸売業' },
	'71': { en: 'Scientific and development research institutes', ja: '学術・開発研究機関' },
	'72': { en: 'Professional services, n.e.c.', ja: '専門サービス業（他に分類されないもの）' },
	'74': { en: 'Technical services, n.e.c.', ja: '技術サービス業（他に分類されないもの）' }
};

/**
 * The two-digit medium-division code in a cell ("24", "E24", "24 金属製品" → "24"), or null.
 *
 * @example
 * jsicMediumCode('E24') // → '24'
 */
export function jsicMediumCode(cell: string): string | null {
	const match = /(\d{1,2})/.exec(cell);
	return match ? match[1].padStart(2, '0') : null;
}

/**
 * The name of a JSIC medium division in the UI language, or "JSIC <code>" when not listed.
 *
 * @example
 * jsicMediumName('24', 'ja') // → '金属製品製造業'
 */
export function jsicMediumName(code: string, lang: Lang): string {
	const normalised = jsicMediumCode(code);
	const names = normalised ? JSIC_MEDIUM[normalised] : undefined;
	return names ? names[lang] : `JSIC ${code}`;
}

/**
 * The name of a JSIC major division (letter A–T) in the UI language, or "JSIC <code>".
 *
 * @example
 * jsicMajorName('E', 'en') // → 'Manufacturing'
 */
export function jsicMajorName(code: string, lang: Lang): string {
	const names = JSIC_MAJOR[code.trim().toUpperCase()];
	return names ? names[lang] : `JSIC ${code}`;
}
