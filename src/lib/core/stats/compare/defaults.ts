/** Default distance bands to the nearest institution, km: <2, 2–5, 5–10, 10–20, ≥20. */
export const DEFAULT_DISTANCE_BREAKS: readonly number[] = [2, 5, 10, 20];

/** Levels of R&D communication frequency, least to most frequent (the sample's rd_communication). */
export const COMMUNICATION_LEVELS: readonly string[] = ['none', 'yearly', 'monthly', 'weekly'];

/** Other spellings of the communication levels, for `parseFactor`'s `aliases`. */
export const COMMUNICATION_ALIASES: Readonly<Record<string, string>> = {
	'0': 'none',
	'1': 'yearly',
	'2': 'monthly',
	'3': 'weekly',
	never: 'none',
	なし: 'none',
	無: 'none',
	年: 'yearly',
	年1回: 'yearly',
	年数回: 'yearly',
	月: 'monthly',
	月1回: 'monthly',
	月数回: 'monthly',
	週: 'weekly',
	週1回: 'weekly',
	毎週: 'weekly'
};

/** Subcontractor status levels for `parseFactor`; yes/no spellings as `parseColumn` reads them. */
export const SUBCONTRACTOR_LEVELS: readonly string[] = ['no', 'yes'];
