/**
 * UI strings of the import feature, English and Japanese side by side (en.ts and ja.ts merge them).
 * Japanese must have exactly the English keys; the type and i18n.test.ts enforce it.
 */
export const importEn = {} as const;

export const importJa: Record<keyof typeof importEn, string> = {};
