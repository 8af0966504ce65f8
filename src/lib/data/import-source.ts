/**
 * A file to import, as the import functions see it: a name, a size, its bytes as a stream of
 * chunks (CSV streams) or whole (GeoJSON, zipped Shapefile). A browser File, a Node Buffer in
 * tests. Pure: no DOM.
 */
export interface ImportSource {
	name: string;
	size: number;
	/** The bytes from the start, in chunks; may be called more than once (preview, then import). */
	chunks(): AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
	/** The whole content. */
	bytes(): Promise<Uint8Array>;
}

/** How a file is read: CSV/TSV text, or features (GeoJSON, zipped Shapefile). */
export type ImportFormat = 'csv' | 'geojson' | 'shapefile';

/**
 * The format of a file from its first bytes, then its name: a zip ("PK") is a zipped Shapefile,
 * text starting with `{` (after a byte order mark and spaces) or named .geojson/.json is GeoJSON,
 * anything else is CSV.
 *
 * @example
 * importFormat('wards.zip', new Uint8Array([0x50, 0x4b, 3, 4])); // 'shapefile'
 */
export function importFormat(name: string, head: Uint8Array): ImportFormat {
	if (head[0] === 0x50 && head[1] === 0x4b) return 'shapefile';
	if (/\.(geo)?json$/i.test(name)) return 'geojson';
	if (/\.(csv|tsv|txt)$/i.test(name)) return 'csv';
	let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
	while (i < head.length && (head[i] === 0x20 || head[i] === 0x0a || head[i] === 0x0d || head[i] === 0x09)) i++;
	return head[i] === 0x7b ? 'geojson' : 'csv';
}

/**
 * An {@link ImportSource} over bytes already in memory, cut into chunks of `chunkBytes` (tests,
 * benchmarks).
 *
 * @example
 * const source = bytesSource('firms.csv', readFileSync('firms.csv'));
 */
export function bytesSource(name: string, bytes: Uint8Array, options: { chunkBytes?: number } = {}): ImportSource {
	const { chunkBytes = 1 << 20 } = options;
	return {
		name,
		size: bytes.length,
		*chunks() {
			for (let at = 0; at < bytes.length; at += chunkBytes) yield bytes.subarray(at, at + chunkBytes);
		},
		bytes: async () => bytes
	};
}
