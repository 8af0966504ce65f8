/**
 * UI strings of the session feature, English and Japanese side by side (en.ts and ja.ts merge them).
 * Japanese must have exactly the English keys; the type and i18n.test.ts enforce it.
 */
export const sessionEn = {} as const;

export const sessionJa: Record<keyof typeof sessionEn, string> = {};
