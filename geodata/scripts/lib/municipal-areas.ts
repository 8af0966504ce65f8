/** Approximate land areas of the district member municipalities. */

/** Shown next to every area: the figures are not part of the checked facts. */
export const AREA_NOTE = 'approximate, GSI area statistics, not re-verified';

/**
 * Land areas (km²) after the GSI 全国都道府県市区町村別面積調, to the precision they are known here.
 * They only size the approximate district extents; they are not part of the checked facts.
 */
export const MUNICIPALITY_AREA_KM2: Record<string, number> = {
	'08202': 225.7, // 日立市
	'13223': 15.3, // 武蔵村山市
	'13111': 61, // 大田区
	'27227': 61.8, // 東大阪市
	'27212': 41.7, // 八尾市
	'27115': 4.5, // 大阪市東成区
	'27116': 8.4, // 大阪市生野区
	'27126': 15.3, // 大阪市平野区
	'10203': 274.5, // 桐生市
	'13106': 10.1, // 台東区
	'22130': 1558, // 浜松市
	'20206': 109.2, // 諏訪市
	'20204': 85.1, // 岡谷市
	'20214': 266.6, // 茅野市
	'20361': 66.9, // 下諏訪町
	'18201': 536.4, // 福井市
	'18207': 84.6 // 鯖江市
};

