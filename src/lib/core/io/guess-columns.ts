/**
 * Roles a column can play, and the header names that announce each (compared normalized).
 * N03_004 is the municipality name in MLIT's administrative boundary data (国土数値情報 行政区域).
 */
export const COLUMN_NAMES = {
	lat: ['lat', 'latitude', '緯度'],
	lon: ['lon', 'lng', 'long', 'longitude', '経度'],
	id: ['id', 'firm_id', 'company_id', '企業id', '企業コード', '事業所id'],
	name: ['name', 'name_ja', 'name_en', 'company', '名称', '名前', '会社名', '企業名', '事業所名', '社名', '商号', 'n03_004'],
	industry: ['industry', 'jsic', 'jsic_medium', 'jsic_code', '業種', '業種コード', '産業分類', '産業中分類', '産業', '日本標準産業分類'],
	address: ['address', 'addr', '住所', '所在地', '本社所在地']
} satisfies Record<string, readonly string[]>;

export type ColumnRole = keyof typeof COLUMN_NAMES;

/** Column index for each role, -1 when no header matches. */
export type ColumnGuess = Record<ColumnRole, number>;

/**
 * A header name as compared with {@link COLUMN_NAMES}: Unicode NFKC (full-width ＬＡＴ → LAT),
 * trimmed, lower case.
 *
 * @example
 * normalizeHeader(' Ｌａｔｉｔｕｄｅ '); // 'latitude'
 */
export function normalizeHeader(name: string): string {
	return name.normalize('NFKC').trim().toLowerCase();
}

/**
 * Every column whose header announces the role, in file order (`guessColumns` takes the first).
 *
 * @example
 * columnsFor(['会社名', '住所', '本社所在地'], 'address'); // [1, 2]
 */
export function columnsFor(header: readonly string[], role: ColumnRole): number[] {
	const names = new Set(COLUMN_NAMES[role].map(normalizeHeader));
	return header.flatMap((h, i) => (names.has(normalizeHeader(h)) ? [i] : []));
}

/**
 * Guesses which columns hold latitude, longitude, an id, a name, an industry and an address, from
 * the header alone.
 * The leftmost matching column wins.
 *
 * @param header column names in file order
 * @param options.names extra names per role, added to {@link COLUMN_NAMES}
 * @example
 * guessColumns(['会社名', '緯度', '経度']); // { lat: 1, lon: 2, id: -1, name: 0, industry: -1, address: -1 }
 */
export function guessColumns(header: readonly string[], options: { names?: Partial<Record<ColumnRole, readonly string[]>> } = {}): ColumnGuess {
	const normalized = header.map(normalizeHeader);
	const find = (role: ColumnRole) => {
		const names = new Set([...COLUMN_NAMES[role], ...(options.names?.[role] ?? [])].map(normalizeHeader));
		return normalized.findIndex((name) => names.has(name));
	};
	return { lat: find('lat'), lon: find('lon'), id: find('id'), name: find('name'), industry: find('industry'), address: find('address') };
}
