/**
 * Research fields of a university campus, derived from the names of the faculties (学部) and graduate schools (研究科)
 * that sit there. MEXT's list gives names only, so the field is read from the words in the name; the table below is
 * the whole rule (also in geodata/README.md, "universities.geo.json"). A name may give several fields (理工学部 →
 * engineering and science); a name that matches no rule gives `other` (法学部, 経済学部, 教育学部 …).
 */
import type { InstitutionField } from '../../../src/lib/core/model';

/**
 * Keyword rules, tried in order, every match kept. Lookbehinds keep words that only look like a field out of it:
 * 心理学 / 倫理学 / 法理学 / 管理学 are not 理学, 文化学 is not 化学, 美術工芸 is art, 地球社会 is social science;
 * 情報 and システム after a social-science word (経営情報, 社会システム …) are business or policy studies;
 * 獣医 is agriculture (veterinary faculties sit with agriculture in Japan), not medicine.
 */
export const FIELD_RULES: readonly { field: InstitutionField; pattern: RegExp }[] = [
	{
		field: 'engineering',
		pattern:
			/工学|理工|(?<!美術)工芸|(?<!経営|社会|経済|企業|政策|流通|ビジネス|文化|国際|芸術|英語|福祉)情報|(?<!社会|文化|経営|スポーツ・|救急|ソーシャル)システム|テクノロジー|建築|デザイン工|データサイエンス|コンピュータ|ロボティクス|電気|電子|機械/
	},
	{ field: 'science', pattern: /(?<![心倫論法管])理学|理工|数理|物理|(?<!文)化学|生命科学|自然科学|サイエンス|地球(?!社会)|宇宙/ },
	{ field: 'medicine-health', pattern: /(?<!獣)医|歯|薬|看護|保健|健康|衛生|リハビリテーション|栄養|療法/ },
	{ field: 'agriculture', pattern: /農|獣医|水産|畜産|森林|生物資源|園芸|生物生産|酪農|食料/ }
];

/**
 * The fields of one faculty or graduate-school name.
 *
 * @example
 * fieldsOfName('理工学部'); // ['engineering', 'science']
 * fieldsOfName('心理学部'); // ['other']
 */
export function fieldsOfName(name: string): InstitutionField[] {
	const out = FIELD_RULES.filter((r) => r.pattern.test(name)).map((r) => r.field);
	return out.length ? out : ['other'];
}

/**
 * The fields of a campus: the union over its faculties, in the order of INSTITUTION_FIELDS; `other` alone when no
 * faculty is known to sit there.
 *
 * @example
 * fieldsOfFaculties(['工学部', '法学部']); // ['engineering', 'other']
 */
export function fieldsOfFaculties(names: readonly string[], order: readonly InstitutionField[]): InstitutionField[] {
	const found = new Set(names.flatMap(fieldsOfName));
	if (found.size === 0) found.add('other');
	return order.filter((f) => found.has(f));
}
