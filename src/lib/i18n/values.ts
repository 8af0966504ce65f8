/**
 * Data values written for the UI language. Survey answers in the files are English words (yes,
 * none, weekly…); the Japanese UI shows them in Japanese. Only what is displayed changes: the
 * file's cells, exports and everything computed keep the original text.
 */
import type { Lang } from './index';

const JA: Record<string, string> = {
	yes: 'はい',
	no: 'いいえ',
	true: 'はい',
	false: 'いいえ',
	none: 'なし',
	never: 'なし',
	yearly: '年単位',
	annually: '年単位',
	quarterly: '四半期ごと',
	monthly: '月単位',
	weekly: '週単位',
	daily: '毎日'
};

/**
 * A cell as the UI shows it: a known answer word in Japanese for the Japanese UI, anything else
 * as it is.
 *
 * @example
 * displayValue('ja', 'weekly') // → '週単位'
 * displayValue('en', 'weekly') // → 'weekly'
 * displayValue('ja', '株式会社A') // → '株式会社A'
 */
export function displayValue(lang: Lang, value: string): string {
	if (lang === 'en') return value;
	return JA[value.trim().toLowerCase()] ?? value;
}
