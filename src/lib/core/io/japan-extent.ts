/**
 * Japan as a few boxes [west, south, east, north] in WGS84 degrees, drawn to hold every inhabited
 * island (Yonaguni, Tsushima, Ogasawara, Hokkaido, the southern Kurils, Minami-Torishima,
 * Okinotorishima) and to leave out nearby cities abroad (Seoul, Busan, Jeju, Vladivostok,
 * Taipei, Shanghai, Sakhalin). One box would take in Korea.
 */
export const JAPAN_BOXES: readonly (readonly [number, number, number, number])[] = [
	[122.5, 24.0, 131.5, 28.5], // Nansei islands, Daito
	[128.5, 28.5, 132.2, 34.8], // Kyushu, Goto, Tsushima
	[130.8, 32.5, 142.2, 41.6], // Honshu, Shikoku, Oki, Sado
	[139.3, 41.3, 149.0, 45.6], // Hokkaido, southern Kurils
	[138.5, 24.0, 142.5, 34.5], // Izu, Ogasawara, Iwo Jima
	[153.5, 24.0, 154.5, 24.6], // Minami-Torishima
	[135.5, 20.0, 136.5, 20.8] // Okinotorishima
];

/**
 * Whether a point lies within {@link JAPAN_BOXES}. Boxes, not the coastline: a plausibility check
 * for firm lists (a point outside is almost always a typing error, exchanged columns or another
 * datum), not a test of territory.
 *
 * @example
 * inJapanExtent(139.77, 35.68); // true
 * inJapanExtent(126.98, 37.57); // false (Seoul)
 */
export function inJapanExtent(lon: number, lat: number, options?: { boxes?: readonly (readonly [number, number, number, number])[] }): boolean {
	// Indexed, without a default options object or destructuring: it runs on every row of a file,
	// and those allocated about 170 bytes a row.
	const boxes = options?.boxes ?? JAPAN_BOXES;
	for (let i = 0; i < boxes.length; i++) {
		const box = boxes[i];
		if (lon >= box[0] && lon <= box[2] && lat >= box[1] && lat <= box[3]) return true;
	}
	return false;
}
