/**
 * The committed town (町丁目 / 大字 / 小字) points in geodata/towns/ (see geodata/README.md, "towns/"):
 * one file per prefecture plus a small index, built by geodata/scripts/build-towns.ts from
 * Geolonia 住所データ (CC BY 4.0), based on 国土交通省 位置参照情報.
 *
 * Points are integer micro-degrees [lonE6, latE6] (the source's 6 decimals, lossless).
 */

/** A point in integer micro-degrees: [lon × 1e6, lat × 1e6]. */
export type PointE6 = [number, number];

/** geodata/towns/index.json: every prefecture and municipality with its representative point. */
export interface TownIndex {
	/** Where the data comes from and the credit to show. */
	source: string;
	prefectures: TownIndexPrefecture[];
}

export interface TownIndexPrefecture {
	/** JIS X 0401 code: "13". */
	code: string;
	/** "東京都". */
	name: string;
	/** The town point nearest the mean of the prefecture's town points. */
	point: PointE6;
	municipalities: TownIndexMunicipality[];
}

export interface TownIndexMunicipality {
	/** 全国地方公共団体コード without the check digit: "13111"; "" when the boundary data has none (see README). */
	code: string;
	/** As in the source: "大田区", "札幌市中央区", "西多摩郡瑞穂町". */
	name: string;
	/** The county (郡) part of `name`, when there is one: "西多摩郡". */
	county?: string;
	/** The designated city (政令指定都市) of a ward, when `name` is a ward: "札幌市". */
	city?: string;
	/** The town point nearest the mean of the municipality's town points. */
	point: PointE6;
	/** Number of rows (towns and 小字) in the prefecture file. */
	rows: number;
}

/** geodata/towns/<code>.json: the towns of one prefecture. */
export interface TownPrefectureFile {
	code: string;
	name: string;
	municipalities: TownMunicipalityRows[];
}

/**
 * The rows of one municipality, in the source's order, as parallel arrays.
 * - `towns[i]`: the 町丁目 or 大字 as in the source ("池上一丁目", "大字白方"); "" repeats the previous row's town
 *   (rows of several 小字 of one town follow each other).
 * - `koaza[i]`: the 小字, "" for a town's own row; the array is absent when the municipality has no 小字.
 * - `lon[i]`, `lat[i]`: micro-degrees, the first absolute, each next one the difference from the previous
 *   row that has a point; `null` where the source has no point for the row.
 */
export interface TownMunicipalityRows {
	code: string;
	name: string;
	towns: string[];
	koaza?: string[];
	lon: (number | null)[];
	lat: (number | null)[];
}

/** One decoded row. lon/lat in degrees, NaN when the source has no point. */
export interface TownRow {
	town: string;
	koaza: string;
	lon: number;
	lat: number;
}

/**
 * Decodes a municipality's rows (undoes the repeat and delta encoding).
 *
 * @example
 * decodeTownRows({ code: '13111', name: '大田区', towns: ['池上一丁目'], lon: [139707141], lat: [35578435] });
 * // [{ town: '池上一丁目', koaza: '', lon: 139.707141, lat: 35.578435 }]
 */
export function decodeTownRows(m: TownMunicipalityRows): TownRow[] {
	const out: TownRow[] = [];
	let town = '';
	let lon = 0;
	let lat = 0;
	for (let i = 0; i < m.towns.length; i++) {
		if (m.towns[i] !== '') town = m.towns[i];
		const dLon = m.lon[i];
		const dLat = m.lat[i];
		const has = dLon !== null && dLat !== null;
		if (has) {
			lon += dLon;
			lat += dLat;
		}
		out.push({ town, koaza: m.koaza?.[i] ?? '', lon: has ? lon / 1e6 : NaN, lat: has ? lat / 1e6 : NaN });
	}
	return out;
}

/**
 * The representative point of a set of points: the one nearest their mean (so it is always a real
 * town point, never an invented one; a mean alone can fall in the sea or in another municipality).
 * Distances on the equirectangular plane at the mean latitude — exact enough to pick among neighbours.
 * Returns the index into the arrays, or -1 when no point is finite.
 *
 * @example
 * nearestToMean([0, 1, 10], [0, 0, 0]); // 1 (mean 3.67 → nearest is 1)
 */
export function nearestToMean(lon: ArrayLike<number>, lat: ArrayLike<number>): number {
	let sx = 0;
	let sy = 0;
	let n = 0;
	for (let i = 0; i < lon.length; i++) {
		if (Number.isFinite(lon[i]) && Number.isFinite(lat[i])) {
			sx += lon[i];
			sy += lat[i];
			n++;
		}
	}
	if (n === 0) return -1;
	const mx = sx / n;
	const my = sy / n;
	const k = Math.cos((my * Math.PI) / 180);
	let best = -1;
	let bestD = Infinity;
	for (let i = 0; i < lon.length; i++) {
		if (!Number.isFinite(lon[i]) || !Number.isFinite(lat[i])) continue;
		const dx = (lon[i] - mx) * k;
		const dy = lat[i] - my;
		const d = dx * dx + dy * dy;
		if (d < bestD) {
			bestD = d;
			best = i;
		}
	}
	return best;
}
