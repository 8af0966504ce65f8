/**
 * UI strings of the density feature, English and Japanese side by side (en.ts and ja.ts merge them).
 * Japanese must have exactly the English keys; the type and i18n.test.ts enforce it.
 */
export const densityEn = {} as const;

export const densityJa: Record<keyof typeof densityEn, string> = {};
