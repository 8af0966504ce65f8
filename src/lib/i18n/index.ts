import { en, type MessageKey } from './en';
import { ja } from './ja';

export type { MessageKey } from './en';

/** UI languages. */
export const LANGS = ['en', 'ja'] as const;
export type Lang = (typeof LANGS)[number];

export const dictionaries: Record<Lang, Record<MessageKey, string>> = { en, ja };

/** Values for `{name}` placeholders; numbers are formatted for the language. */
export type MessageParams = Record<string, string | number>;

/**
 * The message for `key` in `lang`, with `{name}` placeholders filled.
 *
 * @example
 * translate('ja', 'firms.count', { count: 1200 }) // → '1,200 社'
 */
export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
	const message = dictionaries[lang][key];
	if (!params) return message;
	return pluralise(lang, message, params).replace(/\{(\w+)\}/g, (whole, name: string) => {
		const value = params[name];
		if (value === undefined) return whole;
		return typeof value === 'number' ? formatNumber(lang, value) : value;
	});
}

/** `{name, plural, one {# firm} other {# firms}}`: the ICU MessageFormat subset the dictionaries use. */
const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const PLURAL_FORM = /(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g;

/**
 * Chooses each plural block's form by Intl.PluralRules for the language (an exact `=n` first,
 * then the category, then `other`); `#` is the number written for the language.
 *
 * @example
 * pluralise('en', '{count, plural, one {# firm} other {# firms}} inside', { count: 1 }) // → '1 firm inside'
 */
export function pluralise(lang: Lang, message: string, params: MessageParams): string {
	if (!message.includes(', plural,')) return message;
	const rules = new Intl.PluralRules(lang === 'ja' ? 'ja-JP' : 'en-US');
	return message.replace(PLURAL, (whole, name: string, body: string) => {
		const value = params[name];
		const forms = new Map([...body.matchAll(PLURAL_FORM)].map((m) => [m[1], m[2]] as const));
		// No number given: the placeholder stays visible, as `translate` leaves any unfilled one.
		if (typeof value !== 'number') return (forms.get('other') ?? whole).replace(/#/g, `{${name}}`);
		const form = forms.get(`=${value}`) ?? forms.get(rules.select(value)) ?? forms.get('other') ?? '';
		return form.replace(/#/g, formatNumber(lang, value));
	});
}

/**
 * A number written for the UI language (digit grouping; at most 2 decimals).
 *
 * @example
 * formatNumber('en', 21650) // → '21,650'
 */
export function formatNumber(lang: Lang, value: number, options: { maximumFractionDigits?: number } = {}): string {
	return new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-US', {
		maximumFractionDigits: options.maximumFractionDigits ?? 2
	}).format(value);
}

/**
 * The UI language for a browser language list: Japanese when the first listed language is Japanese.
 *
 * @example
 * languageFromNavigator(['ja-JP', 'en']) // → 'ja'
 */
export function languageFromNavigator(languages: readonly string[]): Lang {
	return languages[0]?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

/** True when `value` is one of the UI languages. */
export function isLang(value: unknown): value is Lang {
	return value === 'en' || value === 'ja';
}
