/**
 * Town (町丁目 / 大字) names for the map, from the same prefecture files as the offline geocoder
 * (geodata/towns/<PP>.json). One label per town, never per 小字: at district zoom a name per 小字
 * would bury the map, and the town is what a user recognises. Pure functions.
 */
import type { FeatureCollection, Point } from 'geojson';
import { decodeTownRows, nearestToMean, type TownPrefectureFile, type TownRow } from '$lib/core/geocode/town-data';

export interface TownLabelProperties {
	/** The town as in the data, in Japanese in both languages (the source has no English names). */
	name: string;
	/** The municipality's 5-digit code. */
	code: string;
}

/**
 * A label point per town of the prefecture: the town's own row; for a town that only has 小字
 * rows (18 in all Japan), the 小字 point nearest their mean, as the geocoder places it. Rows
 * without a point are skipped, and so is a town with none.
 *
 * @example
 * townLabelPoints(tokyo).features[0]; // { type: 'Feature', geometry: { type: 'Point', coordinates: [139.707141, 35.578435] }, properties: { name: '池上一丁目', code: '13111' } }
 */
export function townLabelPoints(file: TownPrefectureFile): FeatureCollection<Point, TownLabelProperties> {
	const features: FeatureCollection<Point, TownLabelProperties>['features'] = [];
	for (const m of file.municipalities) {
		// Rows grouped by town in the order towns first appear (a town's rows normally follow each other).
		const towns = new Map<string, TownRow[]>();
		for (const row of decodeTownRows(m)) {
			if (!Number.isFinite(row.lon) || !Number.isFinite(row.lat)) continue;
			const rows = towns.get(row.town);
			if (rows) rows.push(row);
			else towns.set(row.town, [row]);
		}
		for (const [name, rows] of towns) {
			const own = rows.find((r) => r.koaza === '');
			const at = own ?? rows[nearestToMean(rows.map((r) => r.lon), rows.map((r) => r.lat))];
			features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [at.lon, at.lat] }, properties: { name, code: m.code } });
		}
	}
	return { type: 'FeatureCollection', features };
}
