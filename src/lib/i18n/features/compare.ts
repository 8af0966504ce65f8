/**
 * UI strings of the compare feature, English and Japanese side by side (en.ts and ja.ts merge them).
 * Japanese must have exactly the English keys; the type and i18n.test.ts enforce it.
 */
export const compareEn = {} as const;

export const compareJa: Record<keyof typeof compareEn, string> = {};
