import districts from '../../geodata/districts.json';

/** A place that attracts firms, zones and institutions in the synthetic data. */
export interface Centre {
	name: string;
	lon: number;
	lat: number;
	/** Relative share of firms. */
	weight: number;
	/** Spread of firms round the centre, km (standard deviation). */
	sigmaKm: number;
}

/** The nine field-study districts: dense industrial agglomerations, where most zones are drawn. */
export const DISTRICT_CENTRES: Centre[] = districts.map((d) => ({
	name: d.name_en,
	lon: d.center[0],
	lat: d.center[1],
	weight: 6,
	sigmaKm: 4
}));

/** Large cities (approximate station coordinates) carrying the national background of firms. */
export const CITY_CENTRES: Centre[] = [
	['Tokyo', 139.767, 35.681, 10, 15],
	['Osaka', 135.496, 34.702, 7, 12],
	['Nagoya', 136.882, 35.171, 5, 12],
	['Yokohama', 139.622, 35.466, 4, 10],
	['Fukuoka', 130.42, 33.59, 3, 10],
	['Sapporo', 141.351, 43.069, 2, 8],
	['Sendai', 140.882, 38.26, 2, 8],
	['Hiroshima', 132.475, 34.398, 2, 8],
	['Kobe', 135.196, 34.69, 2, 8],
	['Kyoto', 135.758, 34.985, 2, 8],
	['Niigata', 139.062, 37.912, 1, 8],
	['Shizuoka', 138.389, 34.972, 1, 8],
	['Okayama', 133.918, 34.666, 1, 8],
	['Kumamoto', 130.689, 32.79, 1, 8],
	['Kanazawa', 136.648, 36.578, 1, 6],
	['Matsuyama', 132.754, 33.837, 1, 6],
	['Kagoshima', 130.541, 31.584, 1, 6],
	['Utsunomiya', 139.898, 36.559, 1, 6],
	['Takamatsu', 134.047, 34.35, 1, 6],
	['Morioka', 141.137, 39.701, 0.5, 6]
].map(([name, lon, lat, weight, sigmaKm]) => ({ name, lon, lat, weight, sigmaKm }) as Centre);
