import { inJapanExtent } from './japan-extent';

/** How many rows fall in Japan as read and with latitude and longitude exchanged. */
export interface SwapCheck {
	/** Rows with both values numbers. */
	numeric: number;
	/** Of those, in Japan as read. */
	asRead: number;
	/** Of those, in Japan with the two columns exchanged. */
	swapped: number;
	/** True when most rows only make sense exchanged: offer the fix. */
	suggest: boolean;
}

/**
 * Detects latitude and longitude columns given the wrong way round, a common mistake: in Japan
 * latitudes are 20–46 and longitudes 122–154, so the two cannot be confused for a valid point.
 * The exchange is suggested when more than half of the numeric rows are in Japan only when
 * exchanged (values may be out of range as read, e.g. a "latitude" of 139.7).
 *
 * @param lats values of the latitude column (NaN where not a number)
 * @param lons values of the longitude column
 * @example
 * detectSwapped([139.7, 139.8], [35.6, 35.7]).suggest; // true
 */
export function detectSwapped(lats: ArrayLike<number>, lons: ArrayLike<number>): SwapCheck {
	let numeric = 0;
	let asRead = 0;
	let swapped = 0;
	for (let i = 0; i < lats.length; i++) {
		const lat = lats[i];
		const lon = lons[i];
		if (Number.isNaN(lat) || Number.isNaN(lon)) continue;
		numeric++;
		if (inJapanExtent(lon, lat)) asRead++;
		else if (inJapanExtent(lat, lon)) swapped++;
	}
	return { numeric, asRead, swapped, suggest: swapped > asRead && swapped * 2 > numeric };
}
